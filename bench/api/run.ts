import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connectDatabase } from '../../apps/server/src/db/database.ts';
import { migrateDatabase } from '../../apps/server/src/db/migrate.ts';
import { createAgent, createTeam } from '../../apps/server/src/modules/agents/index.ts';
import { migrateJobQueue } from '../../apps/server/src/platform/jobs.ts';
import { demoTeams } from '../../apps/server/src/seed/index.ts';
import { createDirectly, createThroughApi } from './create-workload.ts';
import { openBenchDatabase } from './database.ts';
import { listFilters, prepareApiList, prepareDirectList } from './list-workload.ts';
import { loadConversations } from './load.ts';
import { percentile, perSecond, type Run, runSequentially } from './measure.ts';
import { type ServerThread, startServerThread } from './server-thread.ts';

/**
 * `npm run bench:api`: loads 100,000 conversations, then measures the API against PostgreSQL
 * reached directly through `pg`, in the same run on the same database. Knobs (environment):
 * BENCH_DATABASE_URL (a server to create a scratch database on; default: embedded PostgreSQL),
 * BENCH_CONVERSATIONS (100000), BENCH_CREATE_SECONDS (20), BENCH_LIST_REQUESTS (200).
 */
const settings = {
  conversations: Number(process.env.BENCH_CONVERSATIONS ?? 100_000),
  createSeconds: Number(process.env.BENCH_CREATE_SECONDS ?? 20),
  listRequests: Number(process.env.BENCH_LIST_REQUESTS ?? 200),
  listWarmup: 20,
  concurrency: 8,
};
const benchPassword = 'bench-password-0123';
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main() {
  const database = await openBenchDatabase(log);
  let server: ServerThread | undefined;
  try {
    const setup = connectDatabase(database.url, { max: 2 });
    await migrateDatabase(setup.pool);
    await migrateJobQueue(setup.pool);
    const teamIds: string[] = [];
    for (const team of demoTeams) {
      teamIds.push(
        (await createTeam(setup, { name: team.name, description: team.description, memberIds: [] })).id,
      );
    }
    const agent = await createAgent(setup, {
      email: 'bench-agent@bench.example',
      name: 'Bench Agent',
      role: 'agent',
      password: benchPassword,
      languages: ['en'],
      skills: [],
      uiLanguage: 'en',
      teamIds: [teamIds[0]!, teamIds[1]!],
    });
    await setup.close();

    const loadStarted = performance.now();
    const loaded = await loadConversations(database.url, {
      count: settings.conversations,
      benchAgentId: agent.id,
      teamIds,
    });
    log(
      `loaded ${loaded.conversations} conversations, ${loaded.customers} customers in ${seconds(loadStarted)}`,
    );

    server = await startServerThread(database.url, database.scratchDir);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: agent.email, password: benchPassword }),
    });
    if (login.status !== 200) throw new Error(`login failed: HTTP ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };

    const listRows = await measureLists(server.url, token, database.url, {
      agentId: agent.id,
      agentTeamIds: agent.teamIds,
      teamId: teamIds[1]!,
      tag: 'refund',
    });

    const runId = Date.now().toString(36);
    const durationMs = settings.createSeconds * 1000;
    log(`creating through the API: ${settings.concurrency} clients for ${settings.createSeconds} s`);
    const api = await createThroughApi({
      baseUrl: server.url,
      token,
      concurrency: settings.concurrency,
      durationMs,
      runId,
    });
    log(`creating directly through pg: ${settings.concurrency} connections for ${settings.createSeconds} s`);
    const direct = await createDirectly({
      databaseUrl: database.url,
      concurrency: settings.concurrency,
      durationMs,
      runId,
    });
    printReport(database.description, loaded.conversations, api, direct, listRows);
  } finally {
    await server?.stop();
    await database.drop();
  }
}

type ListRow = { name: string; api: number[]; direct: number[] };

async function measureLists(
  baseUrl: string,
  token: string,
  databaseUrl: string,
  context: Parameters<typeof listFilters>[0],
): Promise<ListRow[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows: ListRow[] = [];
  try {
    // The server's first requests run unoptimised code; warm every route and query up first.
    const requests = await Promise.all(
      listFilters(context).map((filter) => prepareApiList(baseUrl, token, filter)),
    );
    for (let round = 0; round < 10; round += 1) {
      for (const request of requests) await (await fetch(request.url, { headers: request.headers })).text();
    }
    for (const filter of listFilters(context)) {
      const request = await prepareApiList(baseUrl, token, filter);
      const api = await runSequentially(settings.listRequests, settings.listWarmup, async () => {
        const response = await fetch(request.url, { headers: request.headers });
        const body = await response.text();
        if (response.status !== 200)
          throw new Error(`${filter.name}: HTTP ${response.status} ${body.slice(0, 300)}`);
      });
      const statement = await prepareDirectList(client, filter, context);
      const direct = await runSequentially(settings.listRequests, settings.listWarmup, async () => {
        await client.query(statement.text, statement.values);
      });
      log(
        `${filter.name}: API p50 ${fixed(percentile(api, 0.5), 2)} ms, pg p50 ${fixed(percentile(direct, 0.5), 2)} ms`,
      );
      rows.push({ name: filter.name, api, direct });
    }
  } finally {
    await client.end();
  }
  return rows;
}

function table(header: string[], rows: string[][]) {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function printReport(
  databaseDescription: string,
  conversations: number,
  api: Run,
  direct: Run,
  lists: ListRow[],
) {
  const memoryGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  const out = [
    '',
    `Frontline API bench — ${new Date().toISOString()}`,
    `machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${memoryGiB} GiB RAM; Node ${process.version}; ${databaseDescription}`,
    `data: ${conversations.toLocaleString('en')} conversations loaded before measuring`,
    `load average (1/5/15 min) at the end: ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')} — other work on the machine skews every figure`,
    '',
    `Creating conversations, ${settings.concurrency} concurrent clients, ${settings.createSeconds} s each`,
    '',
    table(
      ['', 'API (POST /api/v1/conversations)', 'pg direct (5 INSERTs, 1 tx)', 'API / pg'],
      [
        [
          'conversations per second',
          fixed(perSecond(api)),
          fixed(perSecond(direct)),
          fixed(perSecond(api) / perSecond(direct), 2),
        ],
        ...[0.5, 0.99].map((fraction) => [
          `latency p${fraction * 100} (ms)`,
          fixed(percentile(api.latencies, fraction), 2),
          fixed(percentile(direct.latencies, fraction), 2),
          fixed(percentile(api.latencies, fraction) / percentile(direct.latencies, fraction), 1),
        ]),
        [
          'completed / failed',
          `${api.completed} / ${api.failed}`,
          `${direct.completed} / ${direct.failed}`,
          '',
        ],
      ],
    ),
    ...(api.firstFailure ? [`first API failure: ${api.firstFailure}`] : []),
    ...(direct.firstFailure ? [`first pg failure: ${direct.firstFailure}`] : []),
    '',
    `Listing conversations as an agent (2 of 5 teams), 25 per page, one client, ${settings.listRequests} requests each`,
    '',
    table(
      ['filter', 'API p50', 'API p99', 'pg p50', 'pg p99', 'API / pg p50', 'API / pg p99'],
      lists.map((row) => {
        const [apiP50, apiP99, pgP50, pgP99] = [
          percentile(row.api, 0.5),
          percentile(row.api, 0.99),
          percentile(row.direct, 0.5),
          percentile(row.direct, 0.99),
        ];
        return [
          row.name,
          fixed(apiP50, 2),
          fixed(apiP99, 2),
          fixed(pgP50, 2),
          fixed(pgP99, 2),
          fixed(apiP50 / pgP50),
          fixed(apiP99 / pgP99),
        ];
      }),
    ),
    '(latencies in milliseconds)',
    '',
  ];
  process.stdout.write(out.join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
