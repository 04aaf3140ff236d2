import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { connectDatabase } from '../../apps/server/src/db/database.ts';
import type { Deps } from '../../apps/server/src/deps.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { createJobQueue } from '../../apps/server/src/platform/jobs.ts';
import { listenForChanges } from '../../apps/server/src/platform/realtime.ts';

/**
 * The server under test, in a worker thread: its own event loop, as in production, so the
 * bench's HTTP clients in the main thread do not steal its time slices. Dependencies are made as
 * `runtime.ts` makes them for the web role (same pool size); the job worker is not started, so
 * no scheduled job fires mid-measurement, and only warnings are logged.
 */
const { databaseUrl, dataDir } = workerData as { databaseUrl: string; dataDir: string };
const config = { ...loadConfig({ FRONTLINE_DATA_DIR: dataDir, FRONTLINE_LOG_LEVEL: 'warn' }), databaseUrl };
const database = connectDatabase(databaseUrl, { max: 20 });
const jobs = await createJobQueue(database.pool);
const changes = listenForChanges(database.pool, { warn: (object, message) => console.warn(message, object) });
const deps: Deps = { db: database.db, pool: database.pool, clock: systemClock, config, jobs, changes };
const app = await buildApp(deps, { logger: pino({ level: config.logLevel }) });
const url = await app.listen({ host: '127.0.0.1', port: 0 });

parentPort!.postMessage({ type: 'ready', url });
parentPort!.on('message', async (message: { type: string }) => {
  if (message.type !== 'stop') return;
  await app.close();
  await changes.close();
  await jobs.close();
  await database.close();
  parentPort!.postMessage({ type: 'stopped' });
});
