import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInAgent, signInAgent, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  newClientId,
  openVisitor,
  requestAs,
  say,
  setStatus,
  type VisitorClient,
  visitorEvent,
} from './chat.test-helpers.ts';

let testApp: TestApp;
let baseUrl: string;
let admin: SignedInAgent;
let identitySecret: string;
const sockets: VisitorClient[] = [];

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await signInAgent(testApp, 'admin');
  const settings = await requestAs(testApp, admin).patch('/api/v1/chats/settings', {
    rotateIdentitySecret: true,
  });
  identitySecret = settings.json().identitySecret;
});
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  await testApp.close();
});

async function visitor(options: Parameters<typeof openVisitor>[1] = {}) {
  const client = await openVisitor(baseUrl, options);
  sockets.push(client);
  return client;
}

const sign = (userId: string, secret = identitySecret) =>
  createHmac('sha256', secret).update(userId).digest('hex');

async function queuedEmails() {
  // The public `jobs` view leaves the payload out; tests read graphile-worker's own table.
  const { rows } = await sql<{ payload: Record<string, unknown> }>`
    select j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'send_customer_email' order by j.id`.execute(testApp.database.db);
  return rows.map((row) => row.payload);
}

describe('identity verification of logged-in site users', () => {
  it('refuses an unsigned or wrongly signed claim and stays anonymous', async () => {
    const client = await visitor();
    client.send({ type: 'identify', userId: 'user-7', signature: sign('user-8') });
    expect(await client.waitFor(visitorEvent('error'))).toMatchObject({ code: 'chat.identity_refused' });
    client.send({ type: 'identify', userId: 'user-7', signature: sign('user-7', 'not-the-site-secret') });
    expect(await client.waitFor(visitorEvent('error'))).toMatchObject({ code: 'chat.identity_refused' });
    client.send({ type: 'identify', userId: 'user-7' });
    expect(await client.waitFor(visitorEvent('error'))).toMatchObject({ code: 'chat.invalid_frame' });
    const again = await visitor({ token: client.token });
    expect(again.welcome.visitor.isVerified).toBe(false);
  });

  it('a verified user’s history follows them to another device', async () => {
    const laptop = await visitor();
    laptop.send({
      type: 'identify',
      userId: 'user-42',
      signature: sign('user-42'),
      name: 'Anna Kovács',
      email: 'anna@example.hu',
    });
    const verified = await laptop.waitFor(visitorEvent('welcome', (event) => event.visitor.isVerified));
    expect(verified.type === 'welcome' && verified.visitor).toMatchObject({
      name: 'Anna Kovács',
      email: 'anna@example.hu',
    });
    await say(laptop, 'Sziasztok, kérdésem van');

    const phone = await visitor();
    expect(phone.welcome.chat).toBeNull();
    phone.send({ type: 'identify', userId: 'user-42', signature: sign('user-42') });
    const onPhone = await phone.waitFor(visitorEvent('welcome', (event) => event.visitor.isVerified));
    expect(onPhone.type === 'welcome' && onPhone.chat!.messages.map((message) => message.body)).toEqual([
      'Sziasztok, kérdésem van',
    ]);
    const customers = (
      await requestAs(testApp, admin).get('/api/v1/customers', { query: { email: 'anna@example.hu' } })
    ).json();
    expect(customers.items).toHaveLength(1);
    expect(customers.items[0].identities).toContainEqual(
      expect.objectContaining({ kind: 'external', value: 'site-user:user-42' }),
    );
  });

  it('another user logging in on a shared browser gets a fresh visitor, not the previous user’s chats', async () => {
    const browser = await visitor();
    browser.send({ type: 'identify', userId: 'user-100', signature: sign('user-100') });
    await browser.waitFor(visitorEvent('welcome', (event) => event.visitor.isVerified));
    await say(browser, 'Private question of user 100');
    const since = browser.mark();
    browser.send({ type: 'identify', userId: 'user-101', signature: sign('user-101') });
    const next = await browser.waitFor(
      visitorEvent('welcome', (event) => event.visitorToken !== browser.token),
      { since },
    );
    expect(next.type === 'welcome' && next.chat).toBeNull();
    expect(next.type === 'welcome' && next.visitorToken).not.toBe(browser.token);
  });
});

describe('when nobody can chat', () => {
  it('an offline request opens a conversation answered by email and queues the confirmation in the visitor’s language', async () => {
    const client = await visitor({ lang: 'sk' });
    expect(client.welcome.mode.mode).toBe('offline');
    const body = {
      clientId: newClientId(),
      name: 'Ján Novák',
      email: 'Jan.Novak@Example.SK',
      message: 'Dobrý deň, kedy doručíte objednávku?',
      language: 'sk',
    };
    const send = () =>
      testApp.app.inject({
        method: 'POST',
        url: '/api/v1/public/chat/requests',
        headers: { 'x-visitor-token': client.token },
        payload: body,
      });
    const created = await send();
    expect(created.statusCode, created.body).toBe(201);
    const confirmation = created.json();
    // Nobody chats, but the admin signed in above answers written requests: the engine's ETA.
    expect(confirmation).toEqual({
      reference: expect.any(Number),
      expectedResponse: { p50Seconds: expect.any(Number), p90Seconds: expect.any(Number) },
      expectedResponseText: expect.stringMatching(/^približne o \d+ minút, najneskôr o \d+ minút$/),
    });
    expect((await send()).json().reference).toBe(confirmation.reference);

    const list = (
      await requestAs(testApp, admin).get('/api/v1/conversations', { query: { tag: 'offline-request' } })
    ).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      channel: 'chat',
      reference: confirmation.reference,
      customer: { email: 'jan.novak@example.sk' },
    });
    const emails = (await queuedEmails()).filter((email) => email.kind === 'request_received');
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      to: 'Jan.Novak@Example.SK',
      language: 'sk',
      reference: confirmation.reference,
    });
    expect(emails[0]!.subject).toBe(`Vašu požiadavku sme prijali [#${confirmation.reference}]`);
    expect(emails[0]!.text).toContain(`Odpovieme e-mailom: ${confirmation.expectedResponseText}.`);
    // Never queued for a live agent.
    await setStatus(testApp, admin, 'online');
    const waiting = (await requestAs(testApp, admin).get('/api/v1/chats/queue')).json().items;
    expect(waiting.map((item: { reference: number }) => item.reference)).not.toContain(
      confirmation.reference,
    );
    await setStatus(testApp, admin, 'offline');
  });

  it('refuses a request without a valid visitor token (401) and names invalid fields (400)', async () => {
    const noToken = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/public/chat/requests',
      payload: { clientId: newClientId(), name: 'X', email: 'x@example.com', message: 'Hi' },
    });
    expect(noToken.statusCode).toBe(401);
    const client = await visitor();
    const invalid = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/public/chat/requests',
      headers: { 'x-visitor-token': client.token },
      payload: { clientId: newClientId(), name: '', email: 'not-an-email', message: 'Hi' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.email']),
    );
  });
});

describe('transcripts', () => {
  it('a visitor asks for the transcript of their chat and it is queued to their address', async () => {
    const client = await visitor({ lang: 'pl' });
    client.send({ type: 'profile', name: 'Ola', email: 'ola@example.pl' });
    await client.waitFor(visitorEvent('profile'));
    await say(client, 'Dzień dobry');
    client.send({ type: 'transcript' });
    expect(await client.waitFor(visitorEvent('transcript_queued'))).toMatchObject({
      email: 'ola@example.pl',
    });
    const transcript = (await queuedEmails()).find(
      (email) => email.kind === 'chat_transcript' && email.to === 'ola@example.pl',
    );
    expect(transcript!.subject).toMatch(/^Zapis Twojego czatu \[#\d+\]$/);
    expect(transcript!.text).toMatch(/Ty: Dzień dobry/);
  });

  it('without an email address the transcript is refused', async () => {
    const client = await visitor();
    await say(client, 'Hi');
    client.send({ type: 'transcript' });
    expect(await client.waitFor(visitorEvent('error'))).toMatchObject({ code: 'chat.email_required' });
  });
});
