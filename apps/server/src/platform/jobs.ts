import {
  makeWorkerUtils,
  type Runner,
  run,
  runMigrations,
  type TaskList,
  type WorkerUtils,
} from 'graphile-worker';
import type pg from 'pg';

export type { TaskList };

/** Creates graphile-worker's own schema; safe to call from every instance at start. */
export async function migrateJobQueue(pool: pg.Pool) {
  await runMigrations({ pgPool: pool });
}

export type JobQueue = {
  addJob: WorkerUtils['addJob'];
  close: () => Promise<void>;
};

export async function createJobQueue(pool: pg.Pool): Promise<JobQueue> {
  const utils = await makeWorkerUtils({ pgPool: pool });
  return {
    addJob: utils.addJob.bind(utils),
    close: async () => {
      await utils.release();
    },
  };
}

/** Runs the worker role: the given tasks, plus the recurring ones in `crontab`. */
export async function startJobWorker(options: {
  pool: pg.Pool;
  taskList: TaskList;
  crontab: string;
  concurrency?: number;
}): Promise<Runner> {
  return run({
    pgPool: options.pool,
    taskList: options.taskList,
    crontab: options.crontab,
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: 2_000,
  });
}
