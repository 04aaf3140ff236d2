import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { startJobWorker } from '../../platform/jobs.ts';
import { emailTasks } from '../channels/email/index.ts';
import { startCaptureSmtp } from '../channels/email/testing/capture-smtp.ts';
import { testConfig } from '../channels/email/testing/email-test-kit.ts';

let testApp: TestApp;
let capture: Awaited<ReturnType<typeof startCaptureSmtp>>;
let worker: Runner | undefined;
let admin: SignedInAgent;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
let invited = 0;

beforeAll(async () => {
  capture = await startCaptureSmtp();
  testApp = await startTestApp({
    clock,
    config: testConfig({ SMTP_URL: capture.url, FRONTLINE_PUBLIC_URL: 'https://help.example.lt' }),
  });
  admin = await signInAgent(testApp, 'admin', { name: 'Rasa Admin' });
  worker = await startJobWorker({ pool: testApp.deps.pool, taskList: emailTasks(testApp.deps), crontab: '' });
});
afterAll(async () => {
  await worker?.stop();
  await testApp.close();
  await capture.close();
});

async function invite(extra: Record<string, unknown> = {}) {
  invited += 1;
  const response = await requestAs(testApp, admin).post('/api/v1/agents', {
    email: `Invited${invited}@Example.LT`,
    name: `Jonas Invited ${invited}`,
    uiLanguage: 'lt',
    invite: true,
    ...extra,
  });
  return response;
}

const tokenOf = (url: string) => new URL(url).pathname.split('/').at(-1)!;
const accept = (token: string, password: string) =>
  testApp.app.inject({
    method: 'POST',
    url: `/api/v1/public/invitations/${token}/accept`,
    payload: { password },
  });
const details = (token: string) =>
  testApp.app.inject({ method: 'GET', url: `/api/v1/public/invitations/${token}` });

describe('inviting an agent', () => {
  it('creates the agent without a password and mails them a link in their language; the admin sees it once', async () => {
    const before = capture.received.length;
    const response = await invite();
    expect(response.statusCode, response.body).toBe(201);
    const agent = response.json();
    expect(agent).toMatchObject({
      email: `invited${invited}@example.lt`,
      invitationExpiresAt: expect.any(String),
    });
    expect(agent.invitation.url).toMatch(/^https:\/\/help\.example\.lt\/invitation\/fli_[\w-]{40,}$/);
    expect(Date.parse(agent.invitation.expiresAt) - clock.now().getTime()).toBeGreaterThan(6.9 * 86_400_000);
    expect(agent.initialPassword).toBeUndefined();

    await capture.waitFor(before + 1);
    const mail = capture.received[before]!;
    expect(mail.envelope.to).toEqual([`invited${invited}@example.lt`]);
    expect(mail.parsed.subject).toBe('Kvietimas į Frontline');
    expect(mail.parsed.text).toContain('Rasa Admin kviečia jus');
    expect(mail.parsed.text).toContain(agent.invitation.url);

    // Nobody can sign in as the agent before they have chosen a password.
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email, password: 'anything at all' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('the link shows whom it is for; choosing a password signs the agent in and uses the link up', async () => {
    const agent = (await invite()).json();
    const token = tokenOf(agent.invitation.url);
    expect((await details(token)).json()).toEqual({
      name: agent.name,
      email: agent.email,
      uiLanguage: 'lt',
      expiresAt: agent.invitation.expiresAt,
    });

    const tooShort = await accept(token, 'short');
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].path).toContain('password');

    const joined = await accept(token, 'a long and private passphrase');
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({ token: expect.any(String), agent: { id: agent.id } });
    expect(String(joined.headers['set-cookie'])).toMatch(/frontline_session=/);
    const session = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { authorization: `Bearer ${joined.json().token}` },
    });
    expect(session.json().agent.email).toBe(agent.email);

    // Used up: the same link again is not valid; the agent signs in with the password.
    expect((await accept(token, 'another long passphrase')).statusCode).toBe(404);
    expect((await details(token)).json().code).toBe('invitations.not_found');
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email, password: 'a long and private passphrase' },
    });
    expect(login.statusCode).toBe(200);
    const listed = (await requestAs(testApp, admin).get(`/api/v1/agents/${agent.id}`)).json();
    expect(listed.invitationExpiresAt).toBeNull();
  });

  it('a link older than a week has expired (410); a new invitation replaces the old link', async () => {
    const agent = (await invite()).json();
    const first = tokenOf(agent.invitation.url);
    offsetMs += 8 * 86_400_000;
    try {
      const expired = await details(first);
      expect(expired.statusCode).toBe(410);
      expect(expired.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(expired.json().code).toBe('invitations.expired');
      admin = await signInAgent(testApp, 'admin', { name: 'Rasa Admin' });
      const again = await requestAs(testApp, admin).post(`/api/v1/agents/${agent.id}/invitation`);
      expect(again.statusCode, again.body).toBe(201);
      const second = tokenOf(again.json().url);
      expect(second).not.toBe(first);
      expect((await details(first)).statusCode).toBe(404);
      expect((await accept(second, 'a long and private passphrase')).statusCode).toBe(200);
      // Joined: there is nothing to invite them to any more.
      const late = await requestAs(testApp, admin).post(`/api/v1/agents/${agent.id}/invitation`);
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('invitations.already_joined');
    } finally {
      offsetMs -= 8 * 86_400_000;
      admin = await signInAgent(testApp, 'admin', { name: 'Rasa Admin' });
    }
  });

  it('an invitation and a password at once are refused, naming the field', async () => {
    const response = await invite({ password: 'a long and private passphrase' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'body.password', message: expect.any(String) }]);
  });

  it('only admins invite', async () => {
    const supervisor = await signInAgent(testApp, 'supervisor');
    const byEmail = await requestAs(testApp, supervisor).post('/api/v1/agents', {
      email: 'not.allowed@example.lt',
      name: 'Not Allowed',
      invite: true,
    });
    expect(byEmail.statusCode).toBe(403);
    const pending = (await invite()).json();
    const again = await requestAs(testApp, supervisor).post(`/api/v1/agents/${pending.id}/invitation`);
    expect(again.statusCode).toBe(403);
  });

  it('an unknown or malformed link gets a clear problem, not a sign-in', async () => {
    expect((await details('fli_not-a-real-token-at-all')).statusCode).toBe(404);
    const malformed = await details('x');
    expect(malformed.statusCode).toBe(400);
    expect((await accept('fli_not-a-real-token-at-all', 'a long and private passphrase')).statusCode).toBe(
      404,
    );
  });
});
