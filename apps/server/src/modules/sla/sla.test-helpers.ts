import type { SlaPolicy } from '@frontline/contracts';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { requestAs, type SignedInAgent, type TestApp } from '../../../test/support/app.ts';

/** Shared steps of the SLA tests (test-only code; not imported by the app). */

/** A clock the test moves forward; the app sees `now` through it. */
export function createTestClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advanceMinutes: (minutes: number) => {
      offsetMs += minutes * 60_000;
    },
  };
}

export async function createPolicy(
  testApp: TestApp,
  admin: SignedInAgent,
  body: Record<string, unknown>,
): Promise<SlaPolicy> {
  const response = await requestAs(testApp, admin).post('/api/v1/sla-policies', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The pending job with this key, as graphile-worker holds it; undefined when there is none. */
export async function findJob(testApp: TestApp, key: string) {
  const result = await sql<{ id: string; run_at: Date; task_identifier: string }>`
    select id, run_at, task_identifier from graphile_worker.jobs where key = ${key}`.execute(testApp.deps.db);
  return result.rows[0];
}

/**
 * Moves a job's run time to the database's now: the queue's side of "time passes". The app's
 * side is the test clock; the job keeps its own schedule otherwise.
 */
export async function makeJobDue(testApp: TestApp, key: string) {
  const job = await findJob(testApp, key);
  expect(job, `a pending job ${key}`).toBeDefined();
  await sql`select graphile_worker.reschedule_jobs(array[${job!.id}]::bigint[], run_at := now())`.execute(
    testApp.deps.db,
  );
}

export async function eventsOf(testApp: TestApp, agent: SignedInAgent, conversationId: string) {
  const response = await requestAs(testApp, agent).get(`/api/v1/conversations/${conversationId}`);
  expect(response.statusCode).toBe(200);
  return response.json() as {
    priority: string;
    teamId: string | null;
    sla: { state: string; dueAt: string | null } | null;
    events: Array<{ type: string; actorType: string; data: Record<string, unknown> }>;
  };
}
