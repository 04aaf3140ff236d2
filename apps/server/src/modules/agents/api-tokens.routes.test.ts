import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';

// Tokens expire by the application's clock, so the test moves that clock forward.
let clockOffsetMs = 0;
const clock = { now: () => new Date(Date.now() + clockOffsetMs) };

let testApp: TestApp;
let admin: SignedInAgent;
let supervisor: SignedInAgent;
let agent: SignedInAgent;

beforeAll(async () => {
  testApp = await startTestApp({ clock });
  admin = await signInAgent(testApp, 'admin');
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

const asToken = (owner: SignedInAgent, token: string): SignedInAgent => ({ ...owner, token });

describe('creating API tokens', () => {
  it('an admin creates a token for an agent: 201, the secret once, and it works as a bearer token', async () => {
    const response = await requestAs(testApp, admin).post('/api/v1/api-tokens', {
      name: 'Shop order webhook',
      agentId: agent.id,
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      agentId: agent.id,
      name: 'Shop order webhook',
      createdById: admin.id,
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    expect(created.token).toMatch(/^flt_[A-Za-z0-9_-]{40,}$/);
    expect(created.prefix).toBe(created.token.slice(4, 12));

    const me = await requestAs(testApp, asToken(agent, created.token)).get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: agent.id, role: 'agent' });

    const listed = (await requestAs(testApp, admin).get('/api/v1/api-tokens')).json().items;
    const entry = listed.find((token: { id: string }) => token.id === created.id);
    expect(entry.token).toBeUndefined();
    expect(entry.lastUsedAt).not.toBeNull();
  });

  it('only the sha256 of the secret is stored', async () => {
    const created = (
      await requestAs(testApp, admin).post('/api/v1/api-tokens', { name: 'Reporting' })
    ).json();
    const rows = await testApp.database.pool.query('select * from api_tokens where id = $1', [created.id]);
    expect(JSON.stringify(rows.rows)).not.toContain(created.token);
    const { createHash } = await import('node:crypto');
    expect(rows.rows[0].token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
  });

  it('without agentId the token acts as the admin who created it', async () => {
    const created = (
      await requestAs(testApp, admin).post('/api/v1/api-tokens', { name: 'My script' })
    ).json();
    expect(created.agentId).toBe(admin.id);
    const me = await requestAs(testApp, asToken(admin, created.token)).get('/api/v1/me');
    expect(me.json().role).toBe('admin');
  });

  it('a retry with the same Idempotency-Key creates one token and does not keep the secret for replay', async () => {
    const key = `token-${crypto.randomUUID()}`;
    const client = requestAs(testApp, admin);
    const first = await client.post(
      '/api/v1/api-tokens',
      { name: 'Retried' },
      { headers: { 'idempotency-key': key } },
    );
    const retry = await client.post(
      '/api/v1/api-tokens',
      { name: 'Retried' },
      { headers: { 'idempotency-key': key } },
    );
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual({ ...first.json(), token: undefined });
    const all = (await client.get('/api/v1/api-tokens', { query: { agentId: admin.id } })).json().items;
    expect(all.filter((token: { name: string }) => token.name === 'Retried')).toHaveLength(1);
    const stored = await testApp.database.pool.query(
      'select response_body::text as body from idempotency_keys',
    );
    expect(JSON.stringify(stored.rows)).not.toContain(first.json().token);
  });

  it('names invalid fields; an expiry in the past names expiresAt', async () => {
    const client = requestAs(testApp, admin);
    const invalid = await client.post('/api/v1/api-tokens', {
      name: '',
      agentId: 'me',
      expiresAt: 'tomorrow',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.agentId', 'body.expiresAt']),
    );
    const past = await client.post('/api/v1/api-tokens', { name: 'Old', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ path: 'body.expiresAt', message: 'must lie in the future' }]);
  });

  it('refuses a token for an unknown or deactivated agent with 422', async () => {
    const client = requestAs(testApp, admin);
    const unknown = await client.post('/api/v1/api-tokens', { name: 'Ghost', agentId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('api_tokens.unknown_agent');
    const leaver = await signInAgent(testApp, 'agent');
    await client.patch(`/api/v1/agents/${leaver.id}`, { isActive: false });
    const inactive = await client.post('/api/v1/api-tokens', { name: 'Leaver', agentId: leaver.id });
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().code).toBe('api_tokens.agent_inactive');
  });

  it.each([
    ['a supervisor', () => supervisor],
    ['an agent', () => agent],
  ])('%s cannot create or list tokens (403)', async (_who, caller) => {
    const client = requestAs(testApp, caller());
    const create = await client.post('/api/v1/api-tokens', { name: 'Sneaky' });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('auth.forbidden');
    const list = await client.get('/api/v1/api-tokens');
    expect(list.statusCode).toBe(403);
  });
});

describe('listing API tokens', () => {
  it('an admin lists all tokens, newest first, or those of one agent', async () => {
    const client = requestAs(testApp, admin);
    const forSupervisor = (
      await client.post('/api/v1/api-tokens', { name: 'Supervisor dashboard', agentId: supervisor.id })
    ).json();
    const all = (await client.get('/api/v1/api-tokens')).json().items as { id: string; createdAt: string }[];
    expect(all[0]?.id).toBe(forSupervisor.id);
    expect(all.length).toBeGreaterThan(1);
    const times = all.map((token) => token.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const filtered = (await client.get('/api/v1/api-tokens', { query: { agentId: supervisor.id } })).json()
      .items;
    expect(filtered.map((token: { id: string }) => token.id)).toEqual([forSupervisor.id]);
  });

  it('names a malformed agentId filter', async () => {
    const response = await requestAs(testApp, admin).get('/api/v1/api-tokens', { query: { agentId: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('querystring.agentId');
  });
});

describe('revoking and expiry', () => {
  it('a revoked token gets 401 at once; revoking again is harmless and keeps the first time', async () => {
    const client = requestAs(testApp, admin);
    const created = (
      await client.post('/api/v1/api-tokens', { name: 'To revoke', agentId: agent.id })
    ).json();
    expect((await requestAs(testApp, asToken(agent, created.token)).get('/api/v1/me')).statusCode).toBe(200);
    expect((await client.delete(`/api/v1/api-tokens/${created.id}`)).statusCode).toBe(204);
    const after = await requestAs(testApp, asToken(agent, created.token)).get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.unauthenticated');
    const listed = (await client.get('/api/v1/api-tokens', { query: { agentId: agent.id } })).json().items;
    const revokedAt = listed.find((token: { id: string }) => token.id === created.id).revokedAt;
    expect(revokedAt).not.toBeNull();
    expect((await client.delete(`/api/v1/api-tokens/${created.id}`)).statusCode).toBe(204);
    const again = (await client.get('/api/v1/api-tokens', { query: { agentId: agent.id } })).json().items;
    expect(again.find((token: { id: string }) => token.id === created.id).revokedAt).toBe(revokedAt);
  });

  it('an unknown token is 404 api_tokens.not_found; a supervisor cannot revoke (403)', async () => {
    const missing = await requestAs(testApp, admin).delete(`/api/v1/api-tokens/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('api_tokens.not_found');
    const created = (await requestAs(testApp, admin).post('/api/v1/api-tokens', { name: 'Kept' })).json();
    const denied = await requestAs(testApp, supervisor).delete(`/api/v1/api-tokens/${created.id}`);
    expect(denied.statusCode).toBe(403);
    expect((await requestAs(testApp, asToken(admin, created.token)).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('an expired token gets 401', async () => {
    const inOneHour = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const created = (
      await requestAs(testApp, admin).post('/api/v1/api-tokens', {
        name: 'Short-lived',
        expiresAt: inOneHour,
      })
    ).json();
    expect(created.expiresAt).toBe(inOneHour);
    const caller = asToken(admin, created.token);
    expect((await requestAs(testApp, caller).get('/api/v1/me')).statusCode).toBe(200);
    clockOffsetMs = 2 * 3_600_000;
    try {
      const expired = await requestAs(testApp, caller).get('/api/v1/me');
      expect(expired.statusCode).toBe(401);
    } finally {
      clockOffsetMs = 0;
    }
  });
});
