import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { requestAs, type SignedInAgent, signInAgent, startTestApp, type TestApp } from './support/app.ts';

let testApp: TestApp;
let agent: SignedInAgent;

beforeAll(async () => {
  testApp = await startTestApp();
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

describe('client mistakes get a precise problem+json, never a 500', () => {
  it('an unknown route is 404 route.not_found', async () => {
    const response = await requestAs(testApp, agent).get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404, code: 'route.not_found' });
  });

  it('malformed JSON is 400 request.malformed_json', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
      payload: '{"name": "unterminated',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.malformed_json');
  });

  it('a body over the limit is 413 request.too_large', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x', notes: 'a'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('request.too_large');
  });

  it('a body that is not JSON is 415 request.unsupported_media_type', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'text/xml' },
      payload: '<customer/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('request.unsupported_media_type');
  });

  it('a malformed Authorization header is 401, not a crash', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/customers',
      headers: { authorization: 'Basic abc' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.unauthenticated');
  });

  it('a forged token is 401', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/customers',
      headers: { authorization: 'Bearer fls_forged' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('Idempotency-Key', () => {
  it('a retried create returns the first result and creates nothing new', async () => {
    const client = requestAs(testApp, agent);
    const headers = { 'idempotency-key': `create-${Date.now()}` };
    const body = { name: 'Idempotent Ida', email: `ida.${Date.now()}@example.com` };
    const first = await client.post('/api/v1/customers', body, { headers });
    const retry = await client.post('/api/v1/customers', body, { headers });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
  });

  it('the same key with a different body is refused with idempotency.key_reused', async () => {
    const client = requestAs(testApp, agent);
    const headers = { 'idempotency-key': `reuse-${Date.now()}` };
    await client.post('/api/v1/customers', { name: 'First' }, { headers });
    const other = await client.post('/api/v1/customers', { name: 'Second' }, { headers });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency.key_reused');
  });

  it('keys are per caller: another agent with the same key gets their own result', async () => {
    const other = await signInAgent(testApp, 'agent');
    const key = { 'idempotency-key': `shared-${Date.now()}` };
    const mine = await requestAs(testApp, agent).post(
      '/api/v1/customers',
      { name: 'Mine' },
      { headers: key },
    );
    const theirs = await requestAs(testApp, other).post(
      '/api/v1/customers',
      { name: 'Mine' },
      { headers: key },
    );
    expect(theirs.json().id).not.toBe(mine.json().id);
  });
});

describe('health and documentation', () => {
  it('/healthz is 200 ok once ready, and 503 with other routes refused while starting', async () => {
    expect((await testApp.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const starting = await buildApp(testApp.deps, { isReady: () => false });
    try {
      const health = await starting.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(503);
      const api = await starting.inject({ method: 'GET', url: '/api/v1/customers' });
      expect(api.statusCode).toBe(503);
      expect(api.json().code).toBe('server.starting');
    } finally {
      await starting.close();
    }
  });

  it('serves an OpenAPI document with request and response schemas for the routes', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/customers',
      '/api/v1/customers/{id}',
      '/api/v1/conversations',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    const createCustomer = document.paths['/api/v1/customers'].post;
    expect(createCustomer.requestBody).toBeDefined();
    expect(createCustomer.responses['201']).toBeDefined();
  });

  it('configuration errors name the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ FRONTLINE_ROLES: 'web,mailman' })).toThrow(/FRONTLINE_ROLES/);
  });
});
