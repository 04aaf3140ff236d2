import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, signInAgent, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { logIn } from '../auth/index.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await startTestApp();
});
afterAll(() => testApp.close());

const password = 'correct horse battery staple';

describe('own profile', () => {
  it.each(['agent', 'supervisor', 'admin'] as const)(
    'a signed-in %s reads their own profile',
    async (role) => {
      const me = await signInAgent(testApp, role);
      const response = await requestAs(testApp, me).get('/api/v1/me');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: me.id, email: me.email, role });
    },
  );

  it('anonymous callers get 401', async () => {
    const response = await requestAs(testApp, null).get('/api/v1/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.unauthenticated');
  });

  it('an agent changes their name, UI language and languages', async () => {
    const me = await signInAgent(testApp, 'agent');
    const response = await requestAs(testApp, me).patch('/api/v1/me', {
      name: '  Mária Horváthová ',
      uiLanguage: 'sk',
      languages: ['sk', 'hu', 'sk'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Mária Horváthová',
      uiLanguage: 'sk',
      languages: ['sk', 'hu'],
    });
    expect((await requestAs(testApp, me).get('/api/v1/me')).json().uiLanguage).toBe('sk');
  });

  it('an agent cannot change their own role, skills or activity through the profile', async () => {
    const me = await signInAgent(testApp, 'agent');
    const response = await requestAs(testApp, me).patch('/api/v1/me', { role: 'admin' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toMatch(/role/);
    expect((await requestAs(testApp, me).get('/api/v1/me')).json().role).toBe('agent');
  });

  it('names invalid profile fields', async () => {
    const me = await signInAgent(testApp, 'agent');
    const response = await requestAs(testApp, me).patch('/api/v1/me', {
      name: ' ',
      uiLanguage: 'xx',
      languages: 'en',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.uiLanguage', 'body.languages']),
    );
  });
});

describe("changing one's own password", () => {
  it("ends the agent's other sessions, keeps the current one, and the new password logs in", async () => {
    const me = await signInAgent(testApp, 'supervisor');
    const otherDevice = await logIn(testApp.deps, { email: me.email, password, userAgent: 'phone' });
    const response = await requestAs(testApp, me).post('/api/v1/me/password', {
      currentPassword: password,
      newPassword: 'an even better passphrase',
    });
    expect(response.statusCode).toBe(204);
    expect((await requestAs(testApp, me).get('/api/v1/me')).statusCode).toBe(200);
    expect((await requestAs(testApp, { ...me, token: otherDevice.token }).get('/api/v1/me')).statusCode).toBe(
      401,
    );
    const oldLogin = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: me.email, password },
    });
    expect(oldLogin.statusCode).toBe(401);
    const newLogin = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: me.email, password: 'an even better passphrase' },
    });
    expect(newLogin.statusCode).toBe(200);
  });

  it('a wrong current password is 403 agents.wrong_current_password and changes nothing', async () => {
    const me = await signInAgent(testApp, 'agent');
    const otherDevice = await logIn(testApp.deps, { email: me.email, password, userAgent: 'phone' });
    const response = await requestAs(testApp, me).post('/api/v1/me/password', {
      currentPassword: 'not my password',
      newPassword: 'an even better passphrase',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('agents.wrong_current_password');
    expect((await requestAs(testApp, { ...me, token: otherDevice.token }).get('/api/v1/me')).statusCode).toBe(
      200,
    );
    expect((await logIn(testApp.deps, { email: me.email, password, userAgent: null })).token).toMatch(
      /^fls_/,
    );
  });

  it('names a missing current password and a too short new one', async () => {
    const me = await signInAgent(testApp, 'agent');
    const response = await requestAs(testApp, me).post('/api/v1/me/password', { newPassword: 'short' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.currentPassword', 'body.newPassword']),
    );
  });

  it('anonymous callers get 401', async () => {
    const response = await requestAs(testApp, null).post('/api/v1/me/password', {
      currentPassword: password,
      newPassword: 'an even better passphrase',
    });
    expect(response.statusCode).toBe(401);
  });
});
