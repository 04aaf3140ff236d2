import type { FastifyInstance } from 'fastify';
import type { Runner } from 'graphile-worker';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import { bootstrapFirstAdmin } from './bootstrap.ts';
import type { Config } from './config.ts';
import { connectDatabase } from './db/database.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './db/embedded.ts';
import { migrateDatabase } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import { customerEmailTasks } from './modules/channels/chat/index.ts';
import { emailTasks, type MailRole, startMailRole } from './modules/channels/email/index.ts';
import { conversationCrontab, conversationTasks } from './modules/conversations/index.ts';
import { notificationCrontab, notificationTasks } from './modules/notifications/index.ts';
import { slaTasks } from './modules/sla/index.ts';
import { topicCrontab, topicTasks } from './modules/triage/index.ts';
import { walkInCrontab, walkInTasks } from './modules/walk-in/index.ts';
import { systemClock } from './platform/clock.ts';
import { pruneIdempotencyKeys } from './platform/idempotency.ts';
import { createJobQueue, migrateJobQueue, startJobWorker } from './platform/jobs.ts';
import { listenForChanges } from './platform/realtime.ts';

export type Runtime = {
  app: FastifyInstance | undefined;
  deps: Deps;
  /** Where the HTTP server listens, once the web role is up. */
  url: string | undefined;
  stop: () => Promise<void>;
};

/** Opens the configured database: DATABASE_URL, or the embedded PostgreSQL in the data dir. */
export async function openDatabase(config: Config, logger: Pick<Logger, 'info'>) {
  let embedded: EmbeddedDatabase | undefined;
  let connectionString = config.databaseUrl;
  if (!connectionString) {
    embedded = await startEmbeddedDatabase(config.dataDir, (message) => logger.info(message));
    connectionString = embedded.connectionString;
    logger.info(`Embedded PostgreSQL is running with its files in ${config.dataDir}`);
  }
  const database = connectDatabase(connectionString, { max: 20 });
  return { database, embedded };
}

/**
 * Starts the configured roles in this process. The web role listens before migrations finish,
 * so load balancers see `/healthz` answer 503 until the instance can really serve.
 */
export async function startRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const { database, embedded } = await openDatabase(config, logger);
  let isReady = false;
  let app: FastifyInstance | undefined;
  let runner: Runner | undefined;
  let mailRole: MailRole | undefined;
  let url: string | undefined;
  // graphile-worker's utilities need its own schema first (idempotent and advisory-locked).
  await migrateJobQueue(database.pool);
  const jobs = await createJobQueue(database.pool);
  const changes = listenForChanges(database.pool, logger);
  const deps: Deps = { db: database.db, pool: database.pool, clock: systemClock, config, jobs, changes };

  const stop = async () => {
    await app?.close();
    await mailRole?.stop();
    await runner?.stop();
    await changes.close();
    await jobs.close();
    await database.close();
    await embedded?.stop();
  };

  try {
    if (config.roles.includes('web')) {
      app = await buildApp(deps, { logger: logger.child({ role: 'web' }), isReady: () => isReady });
      url = await app.listen({ port: config.port, host: config.host });
    }
    const migration = await migrateDatabase(database.pool);
    if (migration.applied.length > 0) logger.info({ migrations: migration.applied }, 'database migrated');
    await announceFirstAdmin(deps, logger);
    if (config.roles.includes('worker')) {
      runner = await startJobWorker({
        pool: database.pool,
        taskList: {
          ...conversationTasks(deps),
          ...emailTasks(deps),
          ...customerEmailTasks(deps),
          ...walkInTasks(deps),
          ...slaTasks(deps),
          ...topicTasks(deps),
          ...notificationTasks(deps),
          prune_idempotency_keys: async () => pruneIdempotencyKeys(database.db),
        },
        crontab: [
          ...conversationCrontab,
          ...walkInCrontab,
          ...notificationCrontab,
          ...topicCrontab,
          '17 * * * * prune_idempotency_keys',
        ].join('\n'),
      });
    }
    if (config.roles.includes('mail')) {
      mailRole = await startMailRole(deps, { logger: logger.child({ role: 'mail' }) });
      logger.info(`Accepting email over SMTP on ${config.email.smtpHost}:${mailRole.smtpPort}`);
    }
    isReady = true;
    return { app, deps, url, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

async function announceFirstAdmin(deps: Pick<Deps, 'db' | 'config'>, logger: Pick<Logger, 'info'>) {
  const result = await bootstrapFirstAdmin(deps);
  if (!result.created) return;
  if (!result.generatedPassword) {
    logger.info({ email: result.email }, 'created the first admin from FRONTLINE_ADMIN_EMAIL');
    return;
  }
  // Printed once, to the console only: it is not stored anywhere in clear.
  process.stdout.write(
    [
      '',
      '┌──────────────────────────────────────────────────────────────┐',
      '│ Frontline created the first administrator. Sign in with:     │',
      `│   email:    ${result.email.padEnd(49)}│`,
      `│   password: ${result.generatedPassword.padEnd(49)}│`,
      '│ This password is shown only now. Change it after signing in. │',
      '└──────────────────────────────────────────────────────────────┘',
      '',
    ].join('\n'),
  );
}
