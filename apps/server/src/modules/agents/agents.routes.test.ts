import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let supervisor: SignedInAgent;
let agent: SignedInAgent;

beforeAll(async () => {
  testApp = await startTestApp();
  admin = await signInAgent(testApp, 'admin');
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

const unique = () => Math.random().toString(36).slice(2, 8);
const newAgentBody = (extra: Record<string, unknown> = {}) => ({
  email: `Zofia.${unique()}@Example.PL`,
  name: 'Zofia Kowalska',
  role: 'agent',
  languages: ['pl', 'en'],
  skills: ['Billing'],
  uiLanguage: 'pl',
  password: 'a long enough password',
  ...extra,
});

async function createTeam(name = `Team ${unique()}`) {
  const response = await requestAs(testApp, admin).post('/api/v1/teams', { name });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

describe('creating agents', () => {
  it('an admin creates an agent: 201, email case-folded, skills lower-cased, in the given teams', async () => {
    const teamId = await createTeam();
    const body = newAgentBody({ teamIds: [teamId] });
    const response = await requestAs(testApp, admin).post('/api/v1/agents', body);
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      email: body.email.toLowerCase(),
      name: 'Zofia Kowalska',
      role: 'agent',
      languages: ['pl', 'en'],
      skills: ['billing'],
      uiLanguage: 'pl',
      isActive: true,
      teamIds: [teamId],
    });
    expect(created.initialPassword).toBeUndefined();
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: body.email, password: 'a long enough password' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('without a password a generated one is returned once, and it logs in', async () => {
    const { password: _omitted, ...body } = newAgentBody();
    const response = await requestAs(testApp, admin).post('/api/v1/agents', body);
    expect(response.statusCode).toBe(201);
    const { initialPassword, id } = response.json();
    expect(initialPassword).toEqual(expect.any(String));
    expect(initialPassword.length).toBeGreaterThanOrEqual(20);
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: body.email, password: initialPassword },
    });
    expect(login.statusCode).toBe(200);
    const fetched = await requestAs(testApp, admin).get(`/api/v1/agents/${id}`);
    expect(fetched.json().initialPassword).toBeUndefined();
  });

  it('refuses an email that exists in another case with 409 agents.email_taken', async () => {
    const body = newAgentBody();
    const client = requestAs(testApp, admin);
    expect((await client.post('/api/v1/agents', body)).statusCode).toBe(201);
    const duplicate = await client.post('/api/v1/agents', { ...body, email: body.email.toUpperCase() });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('agents.email_taken');
  });

  it('names each invalid field', async () => {
    const response = await requestAs(testApp, admin).post('/api/v1/agents', {
      email: 'not-an-email',
      name: '',
      role: 'owner',
      password: 'short',
      languages: ['english'],
      uiLanguage: 'de',
      teamIds: ['nope'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.invalid');
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.email',
        'body.name',
        'body.role',
        'body.password',
        'body.languages.0',
        'body.uiLanguage',
        'body.teamIds.0',
      ]),
    );
  });

  it('rejects an unknown field by name', async () => {
    const response = await requestAs(testApp, admin).post('/api/v1/agents', newAgentBody({ salary: 1 }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toMatch(/salary/);
  });

  it('refuses teams that do not exist with 422 agents.unknown_teams', async () => {
    const missing = crypto.randomUUID();
    const response = await requestAs(testApp, admin).post(
      '/api/v1/agents',
      newAgentBody({ teamIds: [missing] }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'agents.unknown_teams' });
    expect(response.json().detail).toContain(missing);
  });

  it.each([
    ['a supervisor', () => supervisor],
    ['an agent', () => agent],
  ])('%s cannot create agents (403)', async (_who, caller) => {
    const response = await requestAs(testApp, caller()).post('/api/v1/agents', newAgentBody());
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.forbidden');
  });

  it('without credentials the answer is 401', async () => {
    const response = await requestAs(testApp, null).post('/api/v1/agents', newAgentBody());
    expect(response.statusCode).toBe(401);
  });

  it('a retry with the same Idempotency-Key returns the first result and creates one agent', async () => {
    const body = newAgentBody();
    const headers = { 'idempotency-key': `create-${unique()}` };
    const client = requestAs(testApp, admin);
    const first = await client.post('/api/v1/agents', body, { headers });
    const retry = await client.post('/api/v1/agents', body, { headers });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const all = await client.get('/api/v1/agents', { query: { includeInactive: 'true' } });
    const matching = all
      .json()
      .items.filter((item: { email: string }) => item.email === body.email.toLowerCase());
    expect(matching).toHaveLength(1);
  });

  it('a replayed creation does not repeat a generated password, which is not kept for replays', async () => {
    const { password: _omitted, ...body } = newAgentBody();
    const headers = { 'idempotency-key': `create-${unique()}` };
    const client = requestAs(testApp, admin);
    const first = await client.post('/api/v1/agents', body, { headers });
    const retry = await client.post('/api/v1/agents', body, { headers });
    expect(first.json().initialPassword).toEqual(expect.any(String));
    expect(retry.json()).toEqual({ ...first.json(), initialPassword: undefined });
    const stored = await testApp.database.pool.query<{ body: string }>(
      'select response_body::text as body from idempotency_keys where key = $1',
      [headers['idempotency-key']],
    );
    expect(stored.rows[0]?.body).not.toContain(first.json().initialPassword);
  });
});

describe('listing and reading agents', () => {
  it('any signed-in agent lists active agents by name, without deactivated ones', async () => {
    const client = requestAs(testApp, admin);
    const inactive = (await client.post('/api/v1/agents', newAgentBody({ name: 'Aaron Inactive' }))).json();
    await client.patch(`/api/v1/agents/${inactive.id}`, { isActive: false });
    const response = await requestAs(testApp, agent).get('/api/v1/agents');
    expect(response.statusCode).toBe(200);
    const items: { id: string; name: string; isActive: boolean }[] = response.json().items;
    expect(items.map((item) => item.id)).toEqual(expect.arrayContaining([admin.id, supervisor.id, agent.id]));
    expect(items.map((item) => item.id)).not.toContain(inactive.id);
    expect(items.every((item) => item.isActive)).toBe(true);
    const names = items.map((item) => item.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const withInactive = await client.get('/api/v1/agents', { query: { includeInactive: 'true' } });
    expect(withInactive.json().items.map((item: { id: string }) => item.id)).toContain(inactive.id);
  });

  it('only admins may include deactivated agents (403 for a supervisor)', async () => {
    const response = await requestAs(testApp, supervisor).get('/api/v1/agents', {
      query: { includeInactive: 'true' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.forbidden');
  });

  it('names a malformed includeInactive', async () => {
    const response = await requestAs(testApp, admin).get('/api/v1/agents', {
      query: { includeInactive: 'yes' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('querystring.includeInactive');
  });

  it('anonymous callers cannot list agents (401)', async () => {
    expect((await requestAs(testApp, null).get('/api/v1/agents')).statusCode).toBe(401);
  });

  it('any agent reads one agent; an unknown id is 404 agents.not_found, a malformed one names params.id', async () => {
    const client = requestAs(testApp, agent);
    const found = await client.get(`/api/v1/agents/${supervisor.id}`);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ id: supervisor.id, role: 'supervisor', email: supervisor.email });
    const missing = await client.get(`/api/v1/agents/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('agents.not_found');
    const malformed = await client.get('/api/v1/agents/42');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('params.id');
  });
});

describe('API documentation', () => {
  it('the OpenAPI document describes the agent, profile, team and token routes', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/agents',
        '/api/v1/agents/{id}',
        '/api/v1/me',
        '/api/v1/me/password',
        '/api/v1/teams',
        '/api/v1/teams/{id}',
        '/api/v1/api-tokens',
        '/api/v1/api-tokens/{id}',
      ]),
    );
  });
});
