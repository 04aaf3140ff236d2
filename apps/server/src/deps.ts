import type pg from 'pg';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Clock } from './platform/clock.ts';
import type { JobQueue } from './platform/jobs.ts';
import type { ChangeListener } from './platform/realtime.ts';

/** Everything a use case may ask for; each asks only for what it uses (`Pick<Deps, …>`). */
export type Deps = {
  db: Db;
  pool: pg.Pool;
  clock: Clock;
  config: Config;
  jobs: JobQueue;
  changes: ChangeListener;
};
