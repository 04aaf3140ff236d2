import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../src/db/database.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../src/db/embedded.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { migrateJobQueue } from '../src/platform/jobs.ts';
import { databaseUrlWithName } from './support/database-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the whole run — the one in TEST_DATABASE_URL, else an embedded one in a
 * temporary directory — with a migrated template database that each test file clones.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let scratchDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    scratchDir = await mkdtemp(path.join(tmpdir(), 'frontline-test-'));
    embedded = await startEmbeddedDatabase(scratchDir, () => {});
    adminUrl = embedded.connectionString;
  }
  const templateDatabase = `frontline_template_${process.pid}`;
  const admin = connectDatabase(adminUrl, { max: 2 });
  await admin.pool.query(`drop database if exists ${templateDatabase}`);
  await admin.pool.query(`create database ${templateDatabase}`);
  const template = connectDatabase(databaseUrlWithName(adminUrl, templateDatabase), { max: 2 });
  await migrateDatabase(template.pool);
  await migrateJobQueue(template.pool);
  await template.close();
  // Backends exit a moment after their client disconnects; cloning needs the template idle.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { rows } = await admin.pool.query(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [templateDatabase],
    );
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await admin.pool.query(`drop database if exists ${templateDatabase} with (force)`).catch(() => {});
    await admin.close();
    await embedded?.stop();
    if (scratchDir) await rm(scratchDir, { recursive: true, force: true });
  };
}
