import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootstrapFirstAdmin } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { logIn } from '../src/modules/auth/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.drop());

describe('the first admin', () => {
  it('on an empty database, without configured credentials, gets a generated password that works once printed', async () => {
    const config = loadConfig({ FRONTLINE_DATA_DIR: '/tmp/unused' });
    const result = await bootstrapFirstAdmin({ db: database.db, config });
    expect(result).toMatchObject({ created: true, email: 'admin@frontline.local' });
    if (!result.created || !result.generatedPassword) throw new Error('expected a generated password');
    expect(result.generatedPassword.length).toBeGreaterThanOrEqual(20);
    const session = await logIn(
      { db: database.db, config, clock: systemClock },
      { email: 'admin@frontline.local', password: result.generatedPassword, userAgent: null },
    );
    expect(session.agent.role).toBe('admin');
    expect(await bootstrapFirstAdmin({ db: database.db, config })).toEqual({ created: false });
  });

  it('uses FRONTLINE_ADMIN_EMAIL and FRONTLINE_ADMIN_PASSWORD when given, and prints no password', async () => {
    const config = loadConfig({
      FRONTLINE_DATA_DIR: '/tmp/unused',
      FRONTLINE_ADMIN_EMAIL: 'Owner@Example.LT',
      FRONTLINE_ADMIN_PASSWORD: 'ilgas slaptažodis',
    });
    const result = await bootstrapFirstAdmin({ db: database.db, config });
    expect(result).toEqual({ created: true, email: 'owner@example.lt', generatedPassword: undefined });
  });

  it('several instances starting at once create exactly one admin', async () => {
    const config = loadConfig({
      FRONTLINE_DATA_DIR: '/tmp/unused',
      FRONTLINE_ADMIN_EMAIL: 'race@example.test',
    });
    const results = await Promise.all(
      Array.from({ length: 4 }, () => bootstrapFirstAdmin({ db: database.db, config })),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const admins = await database.db.selectFrom('agents').select('email').execute();
    expect(admins).toEqual([{ email: 'race@example.test' }]);
  });
});
