import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { openConversation } from '../conversations/conversations.test-helpers.ts';
import { isType, openStream, type StreamClient } from '../conversations/stream.test-helpers.ts';
import { notifyAgents } from './index.ts';

let testApp: TestApp;
let baseUrl: string;
let ona: SignedInAgent;
let jonas: SignedInAgent;
let petras: SignedInAgent;
let conversationId: string;
const streams: StreamClient[] = [];

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  ona = await signInAgent(testApp, 'agent', { name: 'Ona' });
  jonas = await signInAgent(testApp, 'agent', { name: 'Jonas' });
  petras = await signInAgent(testApp, 'supervisor', { name: 'Petras' });
  conversationId = (await openConversation(testApp, petras, { subject: 'Refund for order 1042' })).id;
});
afterAll(async () => {
  await Promise.all(streams.map((stream) => stream.close()));
  await testApp.close();
});

const listOf = async (agent: SignedInAgent, query: Record<string, string> = {}) => {
  const response = await requestAs(testApp, agent).get('/api/v1/notifications', { query });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    items: {
      id: string;
      kind: string;
      text: string;
      readAt: string | null;
      actor: unknown;
      conversation: unknown;
    }[];
    nextCursor: string | null;
    unreadCount: number;
  };
};

describe('notifying agents', () => {
  it('gives each listed agent one notification, never the actor, with the conversation and actor named', async () => {
    const before = (await listOf(jonas)).unreadCount;
    await notifyAgents(testApp.deps.db, {
      agentIds: [jonas.id, jonas.id, ona.id],
      kind: 'mention',
      conversationId,
      actorId: ona.id,
      text: 'Jonas, can you check the refund?',
    });
    const jonasList = await listOf(jonas);
    expect(jonasList.unreadCount).toBe(before + 1);
    expect(jonasList.items[0]).toMatchObject({
      kind: 'mention',
      text: 'Jonas, can you check the refund?',
      readAt: null,
      actor: { id: ona.id, name: 'Ona' },
      conversation: { id: conversationId, subject: 'Refund for order 1042' },
    });
    expect((await listOf(ona)).items).toEqual([]);
  });

  it('creates nothing when the caller’s transaction rolls back', async () => {
    const before = (await listOf(petras)).unreadCount;
    await expect(
      testApp.deps.db.transaction().execute(async (tx) => {
        await notifyAgents(tx, {
          agentIds: [petras.id],
          kind: 'sla_warning',
          conversationId,
          actorId: null,
          text: 'Due in 15 minutes',
        });
        throw new Error('the escalation failed');
      }),
    ).rejects.toThrow('the escalation failed');
    expect((await listOf(petras)).unreadCount).toBe(before);
  });

  it('cuts long texts to a short excerpt on one line', async () => {
    await notifyAgents(testApp.deps.db, {
      agentIds: [petras.id],
      kind: 'sla_breach',
      conversationId: null,
      actorId: null,
      text: `Breached:\n${'x'.repeat(500)}`,
    });
    const [latest] = (await listOf(petras)).items;
    expect(latest!.text.startsWith('Breached: xxx')).toBe(true);
    expect(latest!.text).toHaveLength(280);
    expect(latest!.conversation).toBeNull();
  });

  it('reaches the recipient’s open workspace live, and nobody else’s', async () => {
    const jonasStream = await openStream(baseUrl, { token: jonas.token });
    const onaStream = await openStream(baseUrl, { token: ona.token });
    streams.push(jonasStream, onaStream);
    await notifyAgents(testApp.deps.db, {
      agentIds: [jonas.id],
      kind: 'assigned',
      conversationId,
      actorId: petras.id,
      text: 'Assigned to you',
    });
    const event = await jonasStream.waitFor(isType('notification.created'));
    expect(event).toEqual({ type: 'notification.created', kind: 'assigned', conversationId });
    // Ona's stream is still open and in order: a ping answered after the notification proves none came.
    onaStream.send({ type: 'ping' });
    await onaStream.waitFor(isType('pong'));
    expect(onaStream.events.some((streamEvent) => streamEvent.type === 'notification.created')).toBe(false);
  });
});

describe('reading notifications', () => {
  it('pages newest first with a cursor and filters unread ones', async () => {
    const reader = await signInAgent(testApp, 'agent');
    for (const text of ['first', 'second', 'third']) {
      await notifyAgents(testApp.deps.db, {
        agentIds: [reader.id],
        kind: 'mention',
        conversationId,
        actorId: ona.id,
        text,
      });
    }
    const firstPage = await listOf(reader, { limit: '2' });
    expect(firstPage.items.map((item) => item.text)).toEqual(['third', 'second']);
    expect(firstPage.unreadCount).toBe(3);
    const secondPage = await listOf(reader, { limit: '2', cursor: firstPage.nextCursor! });
    expect(secondPage.items.map((item) => item.text)).toEqual(['first']);
    expect(secondPage.nextCursor).toBeNull();

    const read = await requestAs(testApp, reader).post(
      `/api/v1/notifications/${firstPage.items[0]!.id}/read`,
    );
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const unread = await listOf(reader, { unread: 'true' });
    expect(unread.items.map((item) => item.text)).toEqual(['second', 'first']);
    expect(unread.unreadCount).toBe(2);
  });

  it('marks all read, or only those about one conversation, and tells the agent’s other tabs', async () => {
    const reader = await signInAgent(testApp, 'agent');
    const other = (await openConversation(testApp, petras, { subject: 'Another' })).id;
    await notifyAgents(testApp.deps.db, {
      agentIds: [reader.id],
      kind: 'mention',
      conversationId,
      actorId: ona.id,
      text: 'a',
    });
    await notifyAgents(testApp.deps.db, {
      agentIds: [reader.id],
      kind: 'mention',
      conversationId: other,
      actorId: ona.id,
      text: 'b',
    });
    const stream = await openStream(baseUrl, { token: reader.token });
    streams.push(stream);

    const oneConversation = await requestAs(testApp, reader).post(
      '/api/v1/notifications/read-all',
      undefined,
      {
        query: { conversationId },
      },
    );
    expect(oneConversation.json()).toEqual({ markedCount: 1, unreadCount: 1 });
    await stream.waitFor(isType('notifications.read'));
    const all = await requestAs(testApp, reader).post('/api/v1/notifications/read-all');
    expect(all.json()).toEqual({ markedCount: 1, unreadCount: 0 });
    expect((await listOf(reader)).items.every((item) => item.readAt !== null)).toBe(true);
  });

  it('shows an agent only their own notifications and refuses to mark someone else’s', async () => {
    const [jonasLatest] = (await listOf(jonas)).items;
    expect(jonasLatest).toBeDefined();
    const ownIds = new Set((await listOf(petras, { limit: '100' })).items.map((item) => item.id));
    expect(ownIds.has(jonasLatest!.id)).toBe(false);

    const foreign = await requestAs(testApp, petras).post(`/api/v1/notifications/${jonasLatest!.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('notifications.not_found');
    expect((await listOf(jonas)).items[0]!.readAt).toBeNull();
  });

  it('needs a signed-in agent', async () => {
    expect((await requestAs(testApp, null).get('/api/v1/notifications')).statusCode).toBe(401);
    expect((await requestAs(testApp, null).post('/api/v1/notifications/read-all')).statusCode).toBe(401);
  });
});
