import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, signInAgent, startTestApp, type TestApp } from '../../../test/support/app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await startTestApp();
});
afterAll(() => testApp.close());

describe('logging in', () => {
  it('answers a token, a CSRF token and the agent, and sets a session cookie', async () => {
    const agent = await signInAgent(testApp, 'agent');
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email.toUpperCase(), password: 'correct horse battery staple' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.token).toMatch(/^fls_/);
    expect(body.agent).toMatchObject({ id: agent.id, email: agent.email, role: 'agent' });
    expect(response.cookies.find((cookie) => cookie.name === 'frontline_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
  });

  it('refuses a wrong password with auth.invalid_credentials', async () => {
    const agent = await signInAgent(testApp, 'agent');
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email, password: 'wrong password!' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'auth.invalid_credentials', status: 401 });
  });

  it('names the missing field when the body is incomplete', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'x@y.z' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'request.invalid', errors: [{ path: 'body.password' }] });
  });

  it('the bearer token reaches the session endpoint; without it the answer is 401', async () => {
    const agent = await signInAgent(testApp, 'supervisor');
    const signedIn = await requestAs(testApp, agent).get('/api/v1/auth/session');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().agent.role).toBe('supervisor');
    const anonymous = await requestAs(testApp, null).get('/api/v1/auth/session');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('auth.unauthenticated');
  });

  it('a cookie-authenticated change without the CSRF header is refused, with it allowed', async () => {
    const agent = await signInAgent(testApp, 'admin');
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email, password: 'correct horse battery staple' },
    });
    const { token, csrfToken } = login.json();
    const cookie = `frontline_session=${token}`;
    const withoutCsrf = await testApp.app.inject({
      method: 'PATCH',
      url: '/api/v1/settings',
      headers: { cookie },
      payload: { autoCloseAfterDays: 7 },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().code).toBe('auth.csrf_failed');
    const withCsrf = await testApp.app.inject({
      method: 'PATCH',
      url: '/api/v1/settings',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: { autoCloseAfterDays: 7 },
    });
    expect(withCsrf.statusCode).toBe(200);
    expect(withCsrf.json().autoCloseAfterDays).toBe(7);
  });

  it('logging out ends the session', async () => {
    const agent = await signInAgent(testApp, 'agent');
    const client = requestAs(testApp, agent);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  it('an eleventh attempt within a minute from one address gets 429 request.rate_limited', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.9',
        payload: { email: 'nobody@example.test', password: 'guess number one' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('settings', () => {
  it('an agent cannot change settings; an admin can', async () => {
    const agent = await signInAgent(testApp, 'agent');
    const denied = await requestAs(testApp, agent).patch('/api/v1/settings', { autoCloseAfterDays: 2 });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('auth.forbidden');
  });

  it('unknown fields are rejected by name', async () => {
    const admin = await signInAgent(testApp, 'admin');
    const response = await requestAs(testApp, admin).patch('/api/v1/settings', {
      autoCloseAfterDays: 2,
      colour: 'red',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toMatch(/colour/);
  });
});
