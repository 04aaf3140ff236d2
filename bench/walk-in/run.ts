import { performance } from 'node:perf_hooks';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { connectDatabase } from '../../apps/server/src/db/database.ts';
import { migrateDatabase } from '../../apps/server/src/db/migrate.ts';
import type { Deps } from '../../apps/server/src/deps.ts';
import { createAgent } from '../../apps/server/src/modules/agents/index.ts';
import { logIn } from '../../apps/server/src/modules/auth/index.ts';
import { registerWalkIn } from '../../apps/server/src/modules/walk-in/index.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { createJobQueue, migrateJobQueue } from '../../apps/server/src/platform/jobs.ts';
import { listenForChanges } from '../../apps/server/src/platform/realtime.ts';
import { openBenchDatabase } from '../api/database.ts';

/**
 * bench/walk-in: one location with 20 desks and 50 open displays (SSE board streams). A desk
 * calls next; we time until every display has the board showing that call — p50 and p99 over
 * the rounds — and, as the baseline measured in the same run, the same with one display.
 * The server runs in this process (one event loop shared with the 50 stream readers), so the
 * figures are an upper bound for a dedicated server.
 *   npx tsx bench/walk-in/run.ts          (BENCH_DATABASE_URL to use an external PostgreSQL)
 */
const DESKS = 20;
const DISPLAYS = 50;
const ROUNDS = 100;
/** Calls before measuring, so JIT warm-up does not land on the first run's figures. */
const WARM_UP_ROUNDS = 30;
const log = (line: string) => console.log(line);

type Json = Record<string, unknown>;

async function main() {
  const database = await openBenchDatabase(log);
  const handle = connectDatabase(database.url, { max: 20 });
  await migrateDatabase(handle.pool);
  await migrateJobQueue(handle.pool);
  const config = {
    ...loadConfig({ FRONTLINE_DATA_DIR: database.scratchDir, FRONTLINE_LOG_LEVEL: 'warn' }),
    databaseUrl: database.url,
  };
  const jobs = await createJobQueue(handle.pool);
  const changes = listenForChanges(handle.pool, { warn: () => {} });
  const deps: Deps = { db: handle.db, pool: handle.pool, clock: systemClock, config, jobs, changes };
  const app = await buildApp(deps);
  registerWalkIn(app, deps);
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const call = async (
      token: string | null,
      method: string,
      path: string,
      body?: unknown,
    ): Promise<Json> => {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Json;
    };
    const signIn = async (index: number, role: 'admin' | 'agent') => {
      const email = `bench-${role}-${index}@bench.example`;
      const password = 'bench walk-in password';
      const agent = await createAgent(deps, {
        email,
        name: `Clerk ${index}`,
        role,
        password,
        languages: ['en'],
        skills: [],
        uiLanguage: 'en',
        teamIds: [],
      });
      return { id: agent.id, token: (await logIn(deps, { email, password, userAgent: 'bench' })).token };
    };
    const admin = await signIn(0, 'admin');
    const clerks = await Promise.all(Array.from({ length: DESKS }, (_, index) => signIn(index + 1, 'agent')));
    const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const location = await call(admin.token, 'POST', '/api/v1/walk-in/locations', {
      name: 'Bench office',
      timeZone: 'Europe/Vilnius',
      openingHours: {
        weeklyHours: Object.fromEntries(everyDay.map((day) => [day, [{ from: '00:00', to: '24:00' }]])),
        holidayCountry: null,
      },
    });
    const locationId = location.id as string;
    const service = await call(admin.token, 'POST', `/api/v1/walk-in/locations/${locationId}/services`, {
      names: { en: 'Everything' },
      prefix: 'A',
      agentIds: clerks.map((clerk) => clerk.id),
    });
    const desks: string[] = [];
    for (let index = 0; index < DESKS; index++) {
      const desk = await call(admin.token, 'POST', `/api/v1/walk-in/locations/${locationId}/desks`, {
        name: `Desk ${index + 1}`,
      });
      desks.push(desk.id as string);
      await call(clerks[index]!.token, 'POST', `/api/v1/walk-in/desks/${desk.id}/sign-in`, {
        serviceIds: [service.id],
      });
    }
    // Tickets for every round of both measurements, taken up front (the kiosk's rate limit is per minute).
    for (let index = 0; index < 2 * ROUNDS + WARM_UP_ROUNDS + DESKS; index++) {
      await fetch(`${baseUrl}/api/v1/public/walk-in/locations/${locationId}/tickets`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.0.${Math.floor(index / 50)}.${index % 50}`,
        },
        body: JSON.stringify({ serviceId: service.id }),
      });
    }

    const measure = async (displayCount: number, rounds = ROUNDS) => {
      const seen = Array.from({ length: displayCount }, () => new Map<string, number>());
      const controller = new AbortController();
      await Promise.all(
        seen.map(async (display) => {
          const response = await fetch(`${baseUrl}/api/v1/public/walk-in/locations/${locationId}/events`, {
            signal: controller.signal,
          });
          const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          void (async () => {
            for (;;) {
              const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
              if (done) return;
              buffer += value;
              for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
                const data = buffer
                  .slice(0, end)
                  .split('\n')
                  .find((line) => line.startsWith('data: '));
                buffer = buffer.slice(end + 2);
                if (!data) continue;
                const board = JSON.parse(data.slice(6)) as {
                  recentCalls: Array<{ ticket: string; calledAt: string }>;
                };
                const latest = board.recentCalls[0];
                if (latest && !display.has(latest.ticket)) display.set(latest.ticket, performance.now());
              }
            }
          })();
        }),
      );
      const latencies: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const deskIndex = round % DESKS;
        const state = await call(
          clerks[deskIndex]!.token,
          'GET',
          `/api/v1/walk-in/desks/${desks[deskIndex]}`,
        );
        const current = state.current as Json | null;
        if (current)
          await call(clerks[deskIndex]!.token, 'POST', `/api/v1/walk-in/visits/${current.id}/finish`, {
            outcome: 'resolved',
          });
        const started = performance.now();
        const called = await call(
          clerks[deskIndex]!.token,
          'POST',
          `/api/v1/walk-in/desks/${desks[deskIndex]}/call-next`,
        );
        const ticket = (called.current as Json).ticket as string;
        while (seen.some((display) => !display.has(ticket)))
          await new Promise((resolve) => setTimeout(resolve, 1));
        latencies.push(Math.max(...seen.map((display) => display.get(ticket)!)) - started);
      }
      controller.abort();
      latencies.sort((a, b) => a - b);
      const at = (q: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(0);
      return { p50: at(0.5), p99: at(0.99) };
    };

    await measure(1, WARM_UP_ROUNDS);
    const single = await measure(1);
    const many = await measure(DISPLAYS);
    log(`walk-in: ${DESKS} desks, ${ROUNDS} calls each run, ${database.description}`);
    log(
      `call next → every display shows it   1 display (baseline): p50 ${single.p50} ms, p99 ${single.p99} ms`,
    );
    log(
      `call next → every display shows it  ${DISPLAYS} displays:            p50 ${many.p50} ms, p99 ${many.p99} ms`,
    );
  } finally {
    await app.close();
    await changes.close();
    await jobs.close();
    await handle.close();
    await database.drop();
  }
}

await main();
