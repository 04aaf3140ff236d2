import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { databaseUrlWithName } from './database-url.ts';

export type TestDatabase = DatabaseHandle & { url: string; name: string; drop: () => Promise<void> };

/** A fresh, migrated database cloned from the run's template; drop it when the file is done. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `frontline_test_${randomBytes(6).toString('hex')}`;
  const admin = connectDatabase(adminUrl, { max: 1 });
  try {
    await admin.pool.query(`create database ${name} template ${inject('templateDatabase')}`);
  } finally {
    await admin.close();
  }
  const url = databaseUrlWithName(adminUrl, name);
  // Room for tests that hold connections on purpose (lock tests) besides the app and its listeners.
  const handle = connectDatabase(url, { max: 10 });
  return {
    ...handle,
    url,
    name,
    drop: async () => {
      await handle.close();
      const cleanup = connectDatabase(adminUrl, { max: 1 });
      await cleanup.pool.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await cleanup.close();
    },
  };
}
