import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../apps/server/src/db/embedded.ts';
import { databaseUrlWithName } from '../../apps/server/test/support/database-url.ts';

export type BenchDatabase = {
  /** A fresh, empty database of its own. */
  url: string;
  /** What the figures were measured on, e.g. `PostgreSQL 17.6 (embedded)`. */
  description: string;
  scratchDir: string;
  drop: () => Promise<void>;
};

/**
 * A database the bench may fill and throw away: a scratch database created on the server in
 * `BENCH_DATABASE_URL` (dropped afterwards), else an embedded PostgreSQL in a temporary directory.
 */
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const scratchDir = await mkdtemp(path.join(tmpdir(), 'frontline-bench-'));
  const external = process.env.BENCH_DATABASE_URL;
  const embedded = external ? undefined : await startEmbeddedDatabase(scratchDir, () => {});
  const adminUrl = external ?? embedded!.connectionString;
  const name = `frontline_bench_${process.pid}`;
  let version: string;
  try {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ server_version: string }>('show server_version');
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    version = rows[0]!.server_version.split(' ')[0]!;
  } catch (error) {
    await embedded?.stop();
    await rm(scratchDir, { recursive: true, force: true });
    throw error;
  }
  const description = `PostgreSQL ${version} (${external ? 'BENCH_DATABASE_URL' : 'embedded, temporary data dir'})`;
  log(`database: ${description}, scratch database ${name}`);

  return {
    url: databaseUrlWithName(adminUrl, name),
    description,
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
