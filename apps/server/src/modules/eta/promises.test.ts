import type { RequestConfirmation, VisitorServerMessage } from '@frontline/contracts';
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
  const confirmation = response.json() as RequestConfirmation;
  const conversation = await testApp.deps.db
    .selectFrom('conversations')
    .select('id')
    .where('reference', '=', confirmation.reference)
    .executeTakeFirstOrThrow();
  return { conversationId: conversation.id, confirmation };
}

const reply = (conversationId: string, visibility: 'public' | 'internal' = 'public') =>
  requestAs(testApp, supervisor).post(`/api/v1/conversations/${conversationId}/messages`, {
    body: visibility === 'public' ? 'Dobrý deň, pozrieme sa na to.' : 'Note for colleagues',
    visibility,
  });

describe('promises on the web form', () => {
  it('the confirmation’s expected response comes from the engine and is stored as a promise, open until someone answers', async () => {
    const { conversationId, confirmation } = await submitWebForm(
      'Dobrý deň, kedy mi príde objednávka? Čakám už týždeň.',
    );
    const [promise, ...others] = await findPromisesOf(testApp.deps.db, conversationId);
    expect(others).toEqual([]);
    expect(promise).toMatchObject({
      channel: 'web_form',
      queue: 'backlog',
      p50_seconds: confirmation.expectedResponse.p50Seconds,
      p90_seconds: confirmation.expectedResponse.p90Seconds,
      resolved_at: null,
      kept: null,
    });
    // The supervisor is signed in and nobody waits: the answer takes one agent's handling time,
    // 12 minutes on average (exponential) without history — P50 ≈ 8 min, P90 ≈ 28 min.
    expect(promise!.p50_seconds).toBeGreaterThan(5 * 60);
    expect(promise!.p50_seconds).toBeLessThan(12 * 60);
    expect(promise!.p90_seconds).toBeGreaterThan(20 * 60);
    expect(promise!.p90_seconds).toBeLessThan(40 * 60);
    // The engine's own forecast is kept beside it: calibration learns from it.
    expect(promise!.forecast).toMatchObject({
      p50Seconds: expect.any(Number),
      onDutySeconds: [[0, 14 * 86_400]],
    });
    expect(confirmation.expectedResponseText).toMatch(/^približne o \d+ minút, najneskôr o \d+ minút$/);
  });

  it('is kept when the first reply comes within the P90, with the P50’s absolute error; a note does not count', async () => {
    const { conversationId } = await submitWebForm('Dobrý deň, potrebujem zmeniť adresu doručenia.');
    offsetMs += 5 * 60_000;
    expect((await reply(conversationId, 'internal')).statusCode).toBe(201);
    expect((await findPromisesOf(testApp.deps.db, conversationId))[0]!.resolved_at).toBeNull();
    offsetMs += 5 * 60_000;
    expect((await reply(conversationId)).statusCode).toBe(201);
    const [promise] = await findPromisesOf(testApp.deps.db, conversationId);
    expect(promise!.kept).toBe(true);
    // Answered 10 minutes after the promise: off from its P50 by the difference.
    expect(Math.abs(promise!.error_seconds! - Math.abs(600 - promise!.p50_seconds))).toBeLessThanOrEqual(2);
    expect(promise!.resolved_at).not.toBeNull();
    expect(promise!.first_response_at).toEqual(promise!.resolved_at);
  });

  it('is missed when the first reply comes after the P90, and a later reply changes nothing', async () => {
    const { conversationId } = await submitWebForm('Dobrý deň, reklamácia tovaru, prosím o pomoc.');
    offsetMs += 25 * 3600_000;
    // A day later the morning's session has lapsed: the supervisor signs in again.
    supervisor = await signInAgent(testApp, 'supervisor');
    expect((await reply(conversationId)).statusCode).toBe(201);
    const [missed] = await findPromisesOf(testApp.deps.db, conversationId);
    expect(missed!.kept).toBe(false);
    expect(Math.abs(missed!.error_seconds! - (25 * 3600 - missed!.p50_seconds))).toBeLessThanOrEqual(2);
    offsetMs += 3600_000;
    expect((await reply(conversationId)).statusCode).toBe(201);
    expect(await findPromisesOf(testApp.deps.db, conversationId)).toEqual([missed]);
  });
});

describe('a conversation’s promises in the workspace', () => {
  it('lists what the customer was promised and whether it was kept, for agents who may see it', async () => {
    const { conversationId, confirmation } = await submitWebForm('Dobrý deň, kde je moja zásielka, prosím?');
    const before = await requestAs(testApp, supervisor).get(
      `/api/v1/conversations/${conversationId}/promises`,
    );
    expect(before.statusCode, before.body).toBe(200);
    const [open] = before.json().items;
    expect(open).toMatchObject({
      channel: 'web_form',
      queue: 'backlog',
      p50Seconds: confirmation.expectedResponse.p50Seconds,
      p90Seconds: confirmation.expectedResponse.p90Seconds,
      resolvedAt: null,
      kept: null,
    });
    expect(Date.parse(open.dueAt) - Date.parse(open.promisedAt)).toBe(open.p90Seconds * 1000);
    expect((await reply(conversationId)).statusCode).toBe(201);
    const [kept] = (
      await requestAs(testApp, supervisor).get(`/api/v1/conversations/${conversationId}/promises`)
    ).json().items;
    expect(kept).toMatchObject({ kept: true, resolvedAt: expect.any(String) });

    // An agent outside the conversation's team sees nothing of it; nobody signed in gets 401.
    const team = await requestAs(testApp, supervisor).post('/api/v1/teams', {
      name: `Promises ${Date.now()}`,
    });
    await requestAs(testApp, supervisor).patch(`/api/v1/conversations/${conversationId}`, {
      teamId: team.json().id,
    });
    const outsider = await signInAgent(testApp, 'agent');
    const hidden = await requestAs(testApp, outsider).get(`/api/v1/conversations/${conversationId}/promises`);
    expect(hidden.statusCode).toBe(404);
    expect(
      (await requestAs(testApp, null).get(`/api/v1/conversations/${conversationId}/promises`)).statusCode,
    ).toBe(401);
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

  it('a request left while nobody is online for chat is promised the written backlog’s answer time', async () => {
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
    const { reference, expectedResponse, expectedResponseText } = response.json();
    // Offline for chat, but signed in to the workspace: the supervisor answers written requests.
    expect(expectedResponseText).toMatch(/^in about \d+ minutes, at the latest in \d+ minutes$/);
    const conversation = await testApp.deps.db
      .selectFrom('conversations')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(await findPromisesOf(testApp.deps.db, conversation.id)).toMatchObject([
      {
        channel: 'chat',
        queue: 'backlog',
        p50_seconds: expectedResponse.p50Seconds,
        p90_seconds: expectedResponse.p90Seconds,
      },
    ]);
  });
});
