import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { updateAgent } from './agents.service.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let supervisor: SignedInAgent;

beforeAll(async () => {
  testApp = await startTestApp();
  admin = await signInAgent(testApp, 'admin');
  supervisor = await signInAgent(testApp, 'supervisor');
});
afterAll(() => testApp.close());

const password = 'correct horse battery staple';

async function waitForLockWaiters(count: number) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const waiting = await testApp.database.pool.query<{ count: number }>(
      "select count(*)::int as count from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
    );
    if ((waiting.rows[0]?.count ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`fewer than ${count} transactions ended up waiting for a lock`);
}

describe('changing agents', () => {
  it('an admin changes name, role, languages, skills, UI language and teams', async () => {
    const target = await signInAgent(testApp, 'agent');
    const team = (await requestAs(testApp, admin).post('/api/v1/teams', { name: 'Hungarian desk' })).json();
    const response = await requestAs(testApp, admin).patch(`/api/v1/agents/${target.id}`, {
      name: 'Kovács Anna',
      role: 'supervisor',
      languages: ['hu'],
      skills: ['returns', 'Returns'],
      uiLanguage: 'hu',
      teamIds: [team.id],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Kovács Anna',
      role: 'supervisor',
      languages: ['hu'],
      skills: ['returns'],
      uiLanguage: 'hu',
      teamIds: [team.id],
    });
    // The role applies to the agent's existing session at once.
    const asSupervisor = await requestAs(testApp, target).post('/api/v1/teams', { name: 'Made by Anna' });
    expect(asSupervisor.statusCode).toBe(201);
  });

  it("a new password set by an admin works and ends the agent's sessions", async () => {
    const target = await signInAgent(testApp, 'agent');
    const response = await requestAs(testApp, admin).patch(`/api/v1/agents/${target.id}`, {
      password: 'a brand new password',
    });
    expect(response.statusCode).toBe(200);
    expect((await requestAs(testApp, target).get('/api/v1/me')).statusCode).toBe(401);
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: target.email, password: 'a brand new password' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('names invalid fields, refuses unknown teams with 422 and unknown agents with 404', async () => {
    const target = await signInAgent(testApp, 'agent');
    const client = requestAs(testApp, admin);
    const invalid = await client.patch(`/api/v1/agents/${target.id}`, {
      role: 'boss',
      isActive: 'no',
      password: 'x',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.role', 'body.isActive', 'body.password']),
    );
    const unknownTeam = await client.patch(`/api/v1/agents/${target.id}`, { teamIds: [crypto.randomUUID()] });
    expect(unknownTeam.statusCode).toBe(422);
    expect(unknownTeam.json().code).toBe('agents.unknown_teams');
    const unknownAgent = await client.patch(`/api/v1/agents/${crypto.randomUUID()}`, { name: 'Nobody' });
    expect(unknownAgent.statusCode).toBe(404);
    expect(unknownAgent.json().code).toBe('agents.not_found');
  });

  it('a supervisor cannot change agents, not even their own role (403)', async () => {
    const response = await requestAs(testApp, supervisor).patch(`/api/v1/agents/${supervisor.id}`, {
      role: 'admin',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.forbidden');
    const me = await requestAs(testApp, supervisor).get('/api/v1/me');
    expect(me.json().role).toBe('supervisor');
  });
});

describe('deactivating agents', () => {
  it('ends their sessions and stops their API tokens; reactivation restores tokens, not sessions', async () => {
    const target = await signInAgent(testApp, 'agent');
    const adminClient = requestAs(testApp, admin);
    const created = await adminClient.post('/api/v1/api-tokens', {
      name: 'Phone bridge',
      agentId: target.id,
    });
    expect(created.statusCode).toBe(201);
    const apiToken = { ...target, token: created.json().token as string };
    expect((await requestAs(testApp, apiToken).get('/api/v1/me')).statusCode).toBe(200);

    const deactivated = await adminClient.patch(`/api/v1/agents/${target.id}`, { isActive: false });
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().isActive).toBe(false);
    expect((await requestAs(testApp, target).get('/api/v1/me')).statusCode).toBe(401);
    expect((await requestAs(testApp, apiToken).get('/api/v1/me')).statusCode).toBe(401);
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: target.email, password },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('auth.agent_deactivated');

    await adminClient.patch(`/api/v1/agents/${target.id}`, { isActive: true });
    // The sessions were deleted, not merely blocked; the token was only blocked by deactivation.
    expect((await requestAs(testApp, target).get('/api/v1/me')).statusCode).toBe(401);
    expect((await requestAs(testApp, apiToken).get('/api/v1/me')).statusCode).toBe(200);
  });
});

describe('the last active admin', () => {
  it('can step down while another active admin remains', async () => {
    const spare = await signInAgent(testApp, 'admin');
    const response = await requestAs(testApp, spare).patch(`/api/v1/agents/${spare.id}`, {
      role: 'supervisor',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().role).toBe('supervisor');
  });

  it('cannot demote or deactivate themselves (409 agents.last_admin)', async () => {
    const client = requestAs(testApp, admin);
    // Leave `admin` as the only active admin of this database.
    const everyone = (await client.get('/api/v1/agents')).json().items as { id: string; role: string }[];
    for (const other of everyone.filter((item) => item.role === 'admin' && item.id !== admin.id)) {
      expect((await client.patch(`/api/v1/agents/${other.id}`, { isActive: false })).statusCode).toBe(200);
    }

    for (const changes of [{ role: 'supervisor' }, { role: 'agent' }, { isActive: false }]) {
      const response = await client.patch(`/api/v1/agents/${admin.id}`, changes);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('agents.last_admin');
    }
    const me = await client.get('/api/v1/me');
    expect(me.json()).toMatchObject({ role: 'admin', isActive: true });
    // Other changes to the last admin are still fine.
    expect((await client.patch(`/api/v1/agents/${admin.id}`, { name: 'Still in charge' })).statusCode).toBe(
      200,
    );
  });

  it('two admins demoting each other at the same time never leave the instance without one', async () => {
    const first = await signInAgent(testApp, 'admin');
    const second = await signInAgent(testApp, 'admin');
    // `admin` from the test above is still active: deactivate it via `first` to make it a pair.
    await requestAs(testApp, first).patch(`/api/v1/agents/${admin.id}`, { isActive: false });
    // Straight to the use case: over HTTP the second request may already be refused as a non-admin.
    const asAdmin = (who: SignedInAgent) => ({
      agentId: who.id,
      role: 'admin' as const,
      via: 'api-token' as const,
      sessionTokenHash: null,
    });
    // Hold both admins' rows so the two changes are truly concurrent: both start, both wait.
    const blocker = await testApp.database.pool.connect();
    await blocker.query('begin');
    await blocker.query('select id from agents where id = any($1) for update', [[first.id, second.id]]);
    const pending = Promise.allSettled([
      updateAgent(testApp.deps, asAdmin(first), second.id, { role: 'agent' }),
      updateAgent(testApp.deps, asAdmin(second), first.id, { role: 'agent' }),
    ]);
    await waitForLockWaiters(2);
    await blocker.query('commit');
    blocker.release();
    const results = await pending;
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'agents.last_admin', status: 409 });
    const active = await testApp.database.pool.query(
      "select count(*)::int as count from agents where role = 'admin' and is_active",
    );
    expect(active.rows[0].count).toBe(1);
  });
});
