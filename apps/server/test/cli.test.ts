import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

const execFileAsync = promisify(execFile);
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cliBin = path.join(repositoryRoot, 'apps/server/bin/frontline.js');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** Runs `frontline …` as a user would (`npx frontline`), against the test database. */
async function frontline(...args: string[]) {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cliBin, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, DATABASE_URL: database.url },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the frontline command', () => {
  it('migrate reports an up-to-date database', async () => {
    const result = await frontline('migrate');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stderr + result.stdout).toContain('The database is up to date.');
  });

  it('create-agent creates an agent who can then log in, with a generated password shown once', async () => {
    const result = await frontline(
      'create-agent',
      '--email',
      'Eva.Kovacs@Example.HU',
      '--name',
      'Kovács Éva',
      '--role',
      'supervisor',
      '--languages',
      'hu,en',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created supervisor Kovács Éva <eva\.kovacs@example\.hu>/);
    const password = /Password \(shown once\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toBeDefined();
    const agent = await database.db
      .selectFrom('agents')
      .select(['role', 'languages'])
      .where('email', '=', 'eva.kovacs@example.hu')
      .executeTakeFirstOrThrow();
    expect(agent).toEqual({ role: 'supervisor', languages: ['hu', 'en'] });
  });

  it('create-token prints a bearer token for an existing agent, and refuses an unknown one', async () => {
    await frontline(
      'create-agent',
      '--email',
      'shop@example.com',
      '--name',
      'Shop bot',
      '--password',
      'a long enough password',
    );
    const result = await frontline(
      'create-token',
      '--agent',
      'shop@example.com',
      '--name',
      'Shop integration',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/flt_[\w-]+/);
    const unknown = await frontline('create-token', '--agent', 'nobody@example.com', '--name', 'x');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('No agent has the email nobody@example.com');
  });

  it('explains bad input instead of failing obscurely', async () => {
    const badEmail = await frontline('create-agent', '--email', 'not-an-email', '--name', 'X');
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toMatch(/email/i);
    const unknownCommand = await frontline('frobnicate');
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('Unknown command "frobnicate"');
  });
}, 120_000);
