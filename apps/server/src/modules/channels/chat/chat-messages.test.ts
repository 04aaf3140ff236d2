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
let agent: SignedInAgent;
const visitors: VisitorClient[] = [];

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  agent = await signInAgent(testApp, 'agent', { name: 'Rūta Jonaitė' });
  await setStatus(testApp, agent, 'online');
});
afterAll(async () => {
  await Promise.all(visitors.map((visitor) => visitor.close()));
  await testApp.close();
});

async function visitor(options: Parameters<typeof openVisitor>[1] = {}) {
  const client = await openVisitor(baseUrl, options);
  visitors.push(client);
  return client;
}

const messageCount = async (conversationId: string) => {
  const detail = (await requestAs(testApp, agent).get(`/api/v1/conversations/${conversationId}`)).json();
  return detail.messages.length as number;
};

describe('visitor sessions', () => {
  it('a first visit gets a signed token; returning with it is the same visitor, a forged one is a new visitor', async () => {
    const first = await visitor({ lang: 'lt' });
    expect(first.welcome.visitor).toMatchObject({ language: 'lt', isVerified: false, name: '' });
    expect(first.welcome.chat).toBeNull();
    expect(first.token).toMatch(/^v1\.[0-9a-f-]{36}\.[\w-]+$/);

    const again = await visitor({ token: first.token });
    expect(again.welcome.visitor.id).toBe(first.welcome.visitor.id);

    const forged = await visitor({ token: first.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(forged.welcome.visitor.id).not.toBe(first.welcome.visitor.id);
  });

  it('pre-chat answers are stored and every tab of the visitor hears them', async () => {
    const tab = await visitor();
    const otherTab = await visitor({ token: tab.token });
    tab.send({ type: 'profile', name: 'Jonas Jonaitis', email: 'Jonas@Example.LT', language: 'lt' });
    const profile = await tab.waitFor(visitorEvent('profile'));
    expect(profile).toMatchObject({
      visitor: { name: 'Jonas Jonaitis', email: 'jonas@example.lt', language: 'lt' },
    });
    const refreshed = await otherTab.waitFor(visitorEvent('welcome'));
    expect(refreshed).toMatchObject({ visitor: { name: 'Jonas Jonaitis' } });
  });

  it('a frame that is not a known message gets an error and the socket stays open', async () => {
    const client = await visitor();
    client.send({ type: 'message', clientId: 'x', body: 'hi' });
    const error = await client.waitFor(visitorEvent('error'));
    expect(error).toMatchObject({ code: 'chat.invalid_frame' });
    expect(error.type === 'error' && error.message).toMatch(/clientId/);
    client.send({ type: 'ping' });
    await client.waitFor(visitorEvent('pong'));
  });
});

describe('chat messages', () => {
  it('the first message opens a chat conversation in the inbox, acked with the stored message', async () => {
    const client = await visitor({ lang: 'en' });
    client.send({ type: 'profile', name: 'Mia Novak', email: 'mia.novak@example.sk' });
    await client.waitFor(visitorEvent('profile'));
    const { clientId, ack } = await say(client, 'Hello, is my order shipped?');
    expect(ack.message).toMatchObject({
      clientId,
      author: 'visitor',
      body: 'Hello, is my order shipped?',
      agent: null,
    });

    const welcome = await client.waitFor(visitorEvent('welcome', (event) => event.chat !== null));
    const chat = welcome.type === 'welcome' ? welcome.chat! : null;
    expect(chat!.messages.map((message) => message.id)).toEqual([ack.message.id]);
    const detail = (
      await requestAs(testApp, agent).get(`/api/v1/conversations/${chat!.conversationId}`)
    ).json();
    expect(detail).toMatchObject({
      channel: 'chat',
      status: 'new',
      subject: 'Hello, is my order shipped?',
      customer: { name: 'Mia Novak', email: 'mia.novak@example.sk' },
    });
    expect(welcome.type === 'welcome' && welcome.queue).toMatchObject({ position: 1 });
  });

  it('a message re-sent with the same client id (the ack was lost) is stored once and acked with the same message', async () => {
    const client = await visitor();
    const { clientId, ack } = await say(client, 'First words');
    const { ack: second } = await say(client, 'Second words');
    const { ack: resent } = await say(client, 'Second words', second.message.clientId!);
    const { ack: resentFirst } = await say(client, 'First words', clientId);
    expect(resent.message.id).toBe(second.message.id);
    expect(resentFirst.message.id).toBe(ack.message.id);
    const welcome = await visitor({ token: client.token });
    expect(await messageCount(welcome.welcome.chat!.conversationId)).toBe(2);
  });

  it('the same message sent at once from two tabs of one visitor makes one chat with one message', async () => {
    const tab = await visitor();
    const otherTab = await visitor({ token: tab.token });
    const clientId = newClientId();
    const [a, b] = await Promise.all([say(tab, 'Sveiki', clientId), say(otherTab, 'Sveiki', clientId)]);
    expect(a.ack.message.id).toBe(b.ack.message.id);
    const state = await visitor({ token: tab.token });
    expect(await messageCount(state.welcome.chat!.conversationId)).toBe(1);
  });

  it('an agent’s reply reaches the visitor with the agent’s name and avatar; an internal note never does', async () => {
    const client = await visitor();
    await say(client, 'Can someone help?');
    const { chat } = (await client.waitFor(
      visitorEvent('welcome', (event) => event.chat !== null),
    )) as Extract<Awaited<ReturnType<VisitorClient['waitFor']>>, { type: 'welcome' }>;
    const since = client.mark();
    await requestAs(testApp, agent).post(`/api/v1/conversations/${chat!.conversationId}/messages`, {
      body: 'Internal: check the warehouse',
      visibility: 'internal',
    });
    await requestAs(testApp, agent).post(`/api/v1/conversations/${chat!.conversationId}/messages`, {
      body: 'Sure, see https://example.com/help',
    });
    const reply = await client.waitFor(
      visitorEvent('message', (event) => event.message.author === 'agent'),
      { since },
    );
    expect(reply.type === 'message' && reply.message).toMatchObject({
      body: 'Sure, see https://example.com/help',
      agent: { name: 'Rūta Jonaitė', initials: 'RJ', color: expect.stringMatching(/^#[0-9a-f]{6}$/) },
    });
    expect(
      client.events.slice(since).some((event) => JSON.stringify(event).includes('Internal: check')),
    ).toBe(false);
  });

  it('a burst of new chats, more than the pool has connections, opens every chat', async () => {
    // Each start holds the visitor's lock while the conversation is created on a second
    // connection; unbounded, a burst would hold every connection and wait for one forever.
    const clients = await Promise.all(Array.from({ length: 12 }, () => visitor()));
    const acks = await Promise.all(clients.map((client, index) => say(client, `Burst ${index}`)));
    expect(new Set(acks.map(({ ack }) => ack.message.id)).size).toBe(12);
  });

  it('an empty message without attachments is refused with the client id, so the widget can show it', async () => {
    const client = await visitor();
    const clientId = newClientId();
    client.send({ type: 'message', clientId, body: '   ' });
    const error = await client.waitFor(visitorEvent('error', (event) => event.clientId === clientId));
    expect(error).toMatchObject({ code: 'chat.empty_message' });
  });

  it('after the visitor ends the chat, their next message opens a new chat', async () => {
    const client = await visitor();
    await say(client, 'One question');
    const first = await client.waitFor(visitorEvent('welcome', (event) => event.chat !== null));
    const firstId = first.type === 'welcome' ? first.chat!.conversationId : '';
    client.send({ type: 'end' });
    await client.waitFor(visitorEvent('ended', (event) => event.by === 'visitor'));
    const since = client.mark();
    await say(client, 'Another question');
    const second = await client.waitFor(
      visitorEvent('welcome', (event) => event.chat !== null && event.chat.conversationId !== firstId),
      { since },
    );
    // The history keeps both chats' messages, oldest first.
    expect(second.type === 'welcome' && second.chat!.messages.map((message) => message.body)).toEqual([
      'One question',
      'Another question',
    ]);
    expect(await messageCount(firstId)).toBe(1);
  });
});
