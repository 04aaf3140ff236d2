import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectDatabase } from '../../apps/server/src/db/database.ts';
import { startEmbeddedDatabase } from '../../apps/server/src/db/embedded.ts';
import { migrateDatabase } from '../../apps/server/src/db/migrate.ts';
import { migrateJobQueue } from '../../apps/server/src/platform/jobs.ts';
import { databaseUrlWithName } from '../../apps/server/test/support/database-url.ts';

export type BenchDatabase = {
  url: string;
  description: string;
  scratchDir: string;
  drop: () => Promise<void>;
};

/**
 * A migrated scratch database: on the server in `BENCH_DATABASE_URL` (dropped afterwards), else
 * on an embedded PostgreSQL in a temporary directory.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const scratchDir = await mkdtemp(path.join(tmpdir(), 'frontline-bench-email-'));
  const external = process.env.BENCH_DATABASE_URL;
  const embedded = external ? undefined : await startEmbeddedDatabase(scratchDir, () => {});
  const adminUrl = external ?? embedded!.connectionString;
  const name = `frontline_bench_email_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ server_version: string }>('show server_version');
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = databaseUrlWithName(adminUrl, name);
  const migration = connectDatabase(url, { max: 2 });
  await migrateJobQueue(migration.pool);
  await migrateDatabase(migration.pool);
  await migration.close();
  return {
    url,
    description: `PostgreSQL ${rows[0]!.server_version.split(' ')[0]} (${external ? 'BENCH_DATABASE_URL' : 'embedded, temporary data dir'})`,
    scratchDir,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      await embedded?.stop();
      await rm(scratchDir, { recursive: true, force: true });
    },
  };
}
