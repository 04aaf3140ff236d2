import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../../apps/server/src/config.ts';
import { connectDatabase } from '../../apps/server/src/db/database.ts';
import { createMailbox } from '../../apps/server/src/modules/channels/email/mailboxes.service.ts';
import { openBenchDatabase } from './database.ts';
import {
  deliverOverReusedConnections,
  deliverWithNewConnections,
  insertSameRowsDirectly,
  measureGreetingDelay,
  type Run,
} from './workload.ts';

/**
 * Emails accepted per second over SMTP — each parsed, threaded, creating a customer and a
 * conversation and queueing its acknowledgement before the 250 — (a) over 8 reused connections
 * and (b) with a new connection per message from 20 senders, against (c) the same rows inserted
 * straight through `pg`. Knobs: BENCH_SECONDS (per scenario, default 20), BENCH_DATABASE_URL.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const log = (line: string) => process.stdout.write(`${line}\n`);

function startListenerThread(databaseUrl: string, dataDir: string, mode: 'frontline' | 'bare') {
  const worker = new Worker(new URL('./listener.ts', import.meta.url), {
    workerData: { databaseUrl, dataDir, mode },
  });
  return new Promise<{ port: number; stop: () => Promise<void> }>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { port: number }) =>
      resolve({
        port: message.port,
        stop: () =>
          new Promise<void>((stopped) => {
            worker.once('message', () => void worker.terminate().then(() => stopped()));
            worker.postMessage({ type: 'stop' });
          }),
      }),
    );
  });
}

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
const rate = (run: Run) => run.completed / (run.elapsedMs / 1000);
const row = (label: string, run: Run, baseline: Run) =>
  `| ${label.padEnd(44)} | ${rate(run).toFixed(1).padStart(9)} | ${percentile(run.latencies, 0.5).toFixed(1).padStart(7)} | ${percentile(run.latencies, 0.99).toFixed(1).padStart(7)} | ${`${run.completed} / ${run.failed}`.padStart(13)} | ${(rate(run) / rate(baseline)).toFixed(2).padStart(6)} |`;

const database = await openBenchDatabase();
const handle = connectDatabase(database.url, { max: 20 });
try {
  log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  );
  log(`Node ${process.version}; ${database.description}; ${seconds} s per scenario`);
  const config = loadConfig({
    FRONTLINE_DATA_DIR: database.scratchDir,
    FRONTLINE_SECRET_KEY: 'b'.repeat(64),
  });
  await createMailbox(
    { db: handle.db, config },
    {
      name: 'Shop support',
      address: 'pagalba@shop.example',
      inbound: { type: 'smtp' },
      acknowledge: true,
      responsePromise: { amount: 4, unit: 'hours', businessTime: true },
      signature: '',
      outboundSmtpUrl: null,
      teamId: null,
      acknowledgementTemplates: {},
      isEnabled: true,
      defaultLanguage: 'en',
    },
  );
  const listener = await startListenerThread(database.url, database.scratchDir, 'frontline');
  const runId = Date.now().toString(36);
  try {
    const greeting = await measureGreetingDelay(listener.port, 20);
    log(
      `connect → 220 greeting: p50 ${percentile(greeting, 0.5).toFixed(1)} ms, max ${greeting.at(-1)!.toFixed(1)} ms (20 connections, one at a time)`,
    );
    // The reference first, while the database is still empty and quiet.
    const bare = await startListenerThread(database.url, database.scratchDir, 'bare');
    await deliverOverReusedConnections(bare.port, 2, 2_000, `${runId}v`); // warm-up
    const bareReused = await deliverOverReusedConnections(bare.port, 8, seconds * 1000, `${runId}d`);
    const bareFresh = await deliverWithNewConnections(bare.port, 20, seconds * 1000, `${runId}e`);
    const bareSequential = await deliverWithNewConnections(
      bare.port,
      1,
      Math.min(seconds, 10) * 1000,
      `${runId}f`,
    );
    await bare.stop();
    await deliverOverReusedConnections(listener.port, 2, 2_000, `${runId}w`); // warm-up: JIT, pool, caches
    const reused = await deliverOverReusedConnections(listener.port, 8, seconds * 1000, `${runId}a`);
    const fresh = await deliverWithNewConnections(listener.port, 20, seconds * 1000, `${runId}b`);
    const sequentialFresh = await deliverWithNewConnections(
      listener.port,
      1,
      Math.min(seconds, 10) * 1000,
      `${runId}s`,
    );
    const direct = await insertSameRowsDirectly(handle.pool, 8, seconds * 1000, runId);
    log('');
    log(
      '| scenario                                     | emails/s  | p50 ms  | p99 ms  | done / failed | vs pg  |',
    );
    log(
      '|----------------------------------------------|----------:|--------:|--------:|--------------:|-------:|',
    );
    log(row('(a) SMTP, 8 sessions reusing their connection', reused, direct));
    log(row('(b) SMTP, new connection per mail, 20 senders', fresh, direct));
    log(row('    SMTP, new connection per mail, 1 sender', sequentialFresh, direct));
    log(row('(c) pg direct, same rows, 8 connections', direct, direct));
    log(row('(d) bare smtp-server + mailparser, 8 sessions', bareReused, direct));
    log(row('(e) bare, new connection per mail, 20 senders', bareFresh, direct));
    log(row('    bare, new connection per mail, 1 sender', bareSequential, direct));
    for (const [name, run] of [
      ['a', reused],
      ['b', fresh],
      ['c', direct],
      ['d', bareReused],
      ['e', bareFresh],
    ] as const) {
      if (run.failed > 0) log(`(${name}) first failure: ${run.firstFailure}`);
    }
    const { rows } = await handle.pool.query<{ conversations: number; jobs: number }>(
      `select (select count(*) from conversations)::int as conversations,
              (select count(*) from graphile_worker._private_jobs)::int as jobs`,
    );
    log(`\nstored: ${rows[0]!.conversations} conversations, ${rows[0]!.jobs} acknowledgement jobs queued`);
  } finally {
    await listener.stop();
  }
} finally {
  await handle.close();
  await database.drop();
}
