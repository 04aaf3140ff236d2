import type { VisitorServerMessage } from '@frontline/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import {
  openVisitor,
  say,
  setStatus,
  type VisitorClient,
  visitorEvent,
} from '../channels/chat/chat.test-helpers.ts';
import { findPromisesOf } from './promises.repository.ts';

let testApp: TestApp;
let baseUrl: string;
let supervisor: SignedInAgent;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
const sockets: VisitorClient[] = [];
let submissions = 0;

beforeAll(async () => {
  testApp = await startTestApp({ clock });
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  supervisor = await signInAgent(testApp, 'supervisor');
});
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  await testApp.close();
});

async function submitWebForm(message: string) {
  submissions += 1;
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/public/web-form',
    remoteAddress: `10.1.0.${submissions}`,
    payload: {
      clientId: `promise-form-${Date.now()}-${submissions}`,
      name: 'Jana Nováková',
      email: `jana${submissions}@example.sk`,
      topic: 'order',
      message,
      language: 'sk',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const { reference } = response.json() as { reference: number };
  const conversation = await testApp.deps.db
    .selectFrom('conversations')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return conversation.id;
}

const reply = (conversationId: string, visibility: 'public' | 'internal' = 'public') =>
  requestAs(testApp, supervisor).post(`/api/v1/conversations/${conversationId}/messages`, {
    body: visibility === 'public' ? 'Dobrý deň, pozrieme sa na to.' : 'Note for colleagues',
    visibility,
  });

describe('promises on the web form', () => {
  it('the confirmation’s expected response is stored as a promise, open until someone answers', async () => {
    const conversationId = await submitWebForm('Dobrý deň, kedy mi príde objednávka? Čakám už týždeň.');
    const [promise, ...others] = await findPromisesOf(testApp.deps.db, conversationId);
    expect(others).toEqual([]);
    expect(promise).toMatchObject({
      channel: 'web_form',
      queue: 'web_form',
      // No history yet: the default written promise (about 4 hours, at the latest 24).
      p50_seconds: 14_400,
      p90_seconds: 86_400,
      resolved_at: null,
      kept: null,
    });
  });

  it('is kept when the first reply comes within the P90, with the P50’s absolute error; a note does not count', async () => {
    const conversationId = await submitWebForm('Dobrý deň, potrebujem zmeniť adresu doručenia.');
    offsetMs += 3600_000;
    expect((await reply(conversationId, 'internal')).statusCode).toBe(201);
    expect((await findPromisesOf(testApp.deps.db, conversationId))[0]!.resolved_at).toBeNull();
    offsetMs += 3600_000;
    expect((await reply(conversationId)).statusCode).toBe(201);
    const [promise] = await findPromisesOf(testApp.deps.db, conversationId);
    expect(promise!.kept).toBe(true);
    // Answered about 2 h after the promise of "about 4 h": 2 h off.
    expect(Math.abs(promise!.error_seconds! - 7200)).toBeLessThanOrEqual(2);
    expect(promise!.resolved_at).not.toBeNull();
    expect(promise!.first_response_at).toEqual(promise!.resolved_at);
  });

  it('is missed when the first reply comes after the P90, and a later reply changes nothing', async () => {
    const conversationId = await submitWebForm('Dobrý deň, reklamácia tovaru, prosím o pomoc.');
    offsetMs += 25 * 3600_000;
    // A day later the morning's session has lapsed: the supervisor signs in again.
    supervisor = await signInAgent(testApp, 'supervisor');
    expect((await reply(conversationId)).statusCode).toBe(201);
    const [missed] = await findPromisesOf(testApp.deps.db, conversationId);
    expect(missed!.kept).toBe(false);
    expect(Math.abs(missed!.error_seconds! - (25 * 3600 - 14_400))).toBeLessThanOrEqual(2);
    offsetMs += 3600_000;
    expect((await reply(conversationId)).statusCode).toBe(201);
    expect(await findPromisesOf(testApp.deps.db, conversationId)).toEqual([missed]);
  });
});

describe('promises in the chat', () => {
  beforeAll(async () => {
    supervisor = await signInAgent(testApp, 'supervisor');
  });

  it('the wait shown when a chat starts is stored as a chat promise and kept by the agent’s first reply', async () => {
    await setStatus(testApp, supervisor, 'online');
    const visitor = await openVisitor(baseUrl, { lang: 'en' });
    sockets.push(visitor);
    await say(visitor, 'Hello, I cannot log in to my account since this morning.');
    // The widget learns its place in the line with the chat (a fresh welcome) once it has started.
    const shown = await visitor.waitFor<Extract<VisitorServerMessage, { type: 'welcome' }>>(
      visitorEvent('welcome', (event) => event.queue !== null),
    );
    const conversationId = shown.chat!.conversationId;
    const [promise] = await findPromisesOf(testApp.deps.db, conversationId);
    expect(promise).toMatchObject({
      channel: 'chat',
      queue: 'chat',
      p50_seconds: shown.queue!.wait!.p50Seconds,
      p90_seconds: shown.queue!.wait!.p90Seconds,
      resolved_at: null,
    });
    expect((await reply(conversationId)).statusCode).toBe(201);
    const [resolved] = await findPromisesOf(testApp.deps.db, conversationId);
    expect(resolved!.kept).toBe(true);
  });

  it('a request left while nobody is online is promised the written response time', async () => {
    await setStatus(testApp, supervisor, 'offline');
    const visitor = await openVisitor(baseUrl, { lang: 'en' });
    sockets.push(visitor);
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/public/chat/requests',
      headers: { 'x-visitor-token': visitor.token },
      payload: {
        clientId: `offline-${Date.now()}`,
        name: 'Tom',
        email: 'tom@example.com',
        message: 'Please call me back about my invoice.',
        attachmentIds: [],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { reference, expectedResponse } = response.json();
    const conversation = await testApp.deps.db
      .selectFrom('conversations')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(await findPromisesOf(testApp.deps.db, conversation.id)).toMatchObject([
      {
        channel: 'chat',
        queue: 'chat_offline',
        p50_seconds: expectedResponse.p50Seconds,
        p90_seconds: expectedResponse.p90Seconds,
      },
    ]);
  });
});
