import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SignedInAgent, signInAgent, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  openAgentChatStream,
  openVisitor,
  putAs,
  requestAs,
  say,
  setStatus,
  type VisitorClient,
  visitorEvent,
} from './chat.test-helpers.ts';

let testApp: TestApp;
let baseUrl: string;
let supervisor: SignedInAgent;
let agent: SignedInAgent;
let colleague: SignedInAgent;
const sockets: { close: () => unknown }[] = [];

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent', { name: 'Eva Kováčová' });
  colleague = await signInAgent(testApp, 'agent', { name: 'Piotr Nowak' });
});
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  await testApp.close();
});
beforeEach(async () => {
  // Every test starts with nobody online and an empty line.
  for (const someone of [supervisor, agent, colleague]) await setStatus(testApp, someone, 'offline');
  await testApp.database.db.updateTable('chats').set({ ended_at: new Date(), ended_by: 'system' }).execute();
});

async function visitor() {
  const client = await openVisitor(baseUrl);
  sockets.push(client);
  return client;
}

/** A visitor who wrote a first message; answers the chat's conversation id. */
async function startChat(client: VisitorClient, body = 'Hello?') {
  const since = client.mark();
  await say(client, body);
  const welcome = await client.waitFor(
    visitorEvent('welcome', (event) => event.chat !== null),
    { since },
  );
  return welcome.type === 'welcome' ? welcome.chat!.conversationId : '';
}

describe('availability', () => {
  it('an agent reads and sets their own availability; a bad status is a 400 naming the field', async () => {
    const initial = await requestAs(testApp, agent).get('/api/v1/me/availability');
    expect(initial.json()).toEqual({ agentId: agent.id, status: 'offline', maxChats: 3, activeChats: 0 });
    const away = await putAs(testApp, agent, '/api/v1/me/availability', { status: 'away' });
    expect(away.json()).toMatchObject({ status: 'away' });
    const wrong = await putAs(testApp, agent, '/api/v1/me/availability', { status: 'busy' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.status');
    expect((await requestAs(testApp, null).get('/api/v1/me/availability')).statusCode).toBe(401);
  });

  it('the widget is offline with nobody online and turns online, with a wait, the moment an agent is', async () => {
    const client = await visitor();
    expect(client.welcome.mode).toEqual({ mode: 'offline', reason: 'no_agents', wait: null });
    await setStatus(testApp, agent, 'online');
    const online = await client.waitFor(visitorEvent('mode', (event) => event.mode.mode === 'online'));
    expect(online.type === 'mode' && online.mode).toMatchObject({
      reason: 'open',
      wait: { p50Seconds: 30, p90Seconds: 90 },
    });
    await setStatus(testApp, agent, 'away');
    await client.waitFor(visitorEvent('mode', (event) => event.mode.reason === 'no_agents'));
  });

  it('outside business hours the widget takes requests even with an agent online', async () => {
    await setStatus(testApp, agent, 'online');
    const admin = await signInAgent(testApp, 'admin');
    // Open one minute a day, at midnight UTC: closed whenever this test runs (but at 00:00).
    const minute = [{ from: '00:00', to: '00:01' }];
    const weeklyHours = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, minute]),
    );
    const closed = await requestAs(testApp, admin).patch('/api/v1/chats/settings', {
      businessHours: { timeZone: 'UTC', weeklyHours, holidays: null },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const client = await visitor();
    expect(client.welcome.mode).toEqual({ mode: 'offline', reason: 'closed', wait: null });
    const bad = await requestAs(testApp, admin).patch('/api/v1/chats/settings', {
      businessHours: { timeZone: 'Mars/Olympus', weeklyHours, holidays: null },
    });
    expect(bad.statusCode).toBe(422);
    await requestAs(testApp, admin).patch('/api/v1/chats/settings', { businessHours: null });
    expect((await visitor()).welcome.mode.mode).toBe('online');
  });

  it('only supervisors set an agent’s chat limit', async () => {
    const denied = await putAs(testApp, agent, `/api/v1/chats/agents/${agent.id}/limit`, { maxChats: 9 });
    expect(denied.statusCode).toBe(403);
    const set = await putAs(testApp, supervisor, `/api/v1/chats/agents/${colleague.id}/limit`, {
      maxChats: 2,
    });
    expect(set.json()).toMatchObject({ agentId: colleague.id, maxChats: 2 });
  });
});

describe('the queue and claiming', () => {
  it('waiting visitors see their position and wait, updated live as the line moves', async () => {
    await setStatus(testApp, agent, 'online');
    await putAs(testApp, supervisor, `/api/v1/chats/agents/${agent.id}/limit`, { maxChats: 1 });
    const first = await visitor();
    const second = await visitor();
    const firstChat = await startChat(first, 'I was first');
    await startChat(second, 'I was second');
    const positionTwo = await second.waitFor(
      visitorEvent('welcome', (event) => event.queue?.position === 2),
      { since: 0 },
    );
    expect(positionTwo.type === 'welcome' && positionTwo.queue!.wait!.p50Seconds).toBeGreaterThan(0);

    const queue = (await requestAs(testApp, agent).get('/api/v1/chats/queue')).json();
    expect(
      queue.items.map((item: { preview: string; position: number }) => [item.position, item.preview]),
    ).toEqual([
      [1, 'I was first'],
      [2, 'I was second'],
    ]);

    const [firstMark, secondMark] = [first.mark(), second.mark()];
    const claimed = await requestAs(testApp, agent).post(`/api/v1/chats/${firstChat}/claim`);
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ assigneeId: agent.id, status: 'open' });
    const joined = await first.waitFor(
      visitorEvent('agent', (event) => event.agent !== null),
      { since: firstMark },
    );
    expect(joined.type === 'agent' && joined.agent).toMatchObject({ name: 'Eva Kováčová', initials: 'EK' });
    await first.waitFor(
      visitorEvent('queue', (event) => event.queue === null),
      { since: firstMark },
    );
    const moved = await second.waitFor(
      visitorEvent('queue', (event) => event.queue?.position === 1),
      { since: secondMark },
    );
    // The only slot is taken: the wait is now for a slot to free up, longer than a pickup.
    expect(moved.type === 'queue' && moved.queue!.wait!.p50Seconds).toBeGreaterThan(30);
  });

  it('an agent at their limit cannot claim another chat; a chat taken by a colleague is refused', async () => {
    await setStatus(testApp, agent, 'online');
    await setStatus(testApp, colleague, 'online');
    await putAs(testApp, supervisor, `/api/v1/chats/agents/${agent.id}/limit`, { maxChats: 1 });
    const one = await startChat(await visitor());
    const two = await startChat(await visitor());
    expect((await requestAs(testApp, agent).post(`/api/v1/chats/${one}/claim`)).statusCode).toBe(200);
    const again = await requestAs(testApp, agent).post(`/api/v1/chats/${one}/claim`);
    expect(again.statusCode).toBe(200);
    const overLimit = await requestAs(testApp, agent).post(`/api/v1/chats/${two}/claim`);
    expect(overLimit.statusCode).toBe(409);
    expect(overLimit.json().code).toBe('chat.limit_reached');
    const taken = await requestAs(testApp, colleague).post(`/api/v1/chats/${one}/claim`);
    expect(taken.json().code).toBe('chat.already_claimed');
  });

  it('two agents claiming the same chat at once: exactly one gets it', async () => {
    await setStatus(testApp, agent, 'online');
    await setStatus(testApp, colleague, 'online');
    await putAs(testApp, supervisor, `/api/v1/chats/agents/${agent.id}/limit`, { maxChats: 5 });
    const chat = await startChat(await visitor());
    const results = await Promise.all([
      requestAs(testApp, agent).post(`/api/v1/chats/${chat}/claim`),
      requestAs(testApp, colleague).post(`/api/v1/chats/${chat}/claim`),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409]);
  });

  it('one agent claiming two chats at once at a limit of one gets only one', async () => {
    await setStatus(testApp, colleague, 'online');
    await putAs(testApp, supervisor, `/api/v1/chats/agents/${colleague.id}/limit`, { maxChats: 1 });
    await testApp.database.db
      .updateTable('conversations')
      .set({ status: 'solved' })
      .where('assignee_id', '=', colleague.id)
      .execute();
    const a = await startChat(await visitor());
    const b = await startChat(await visitor());
    const results = await Promise.all([
      requestAs(testApp, colleague).post(`/api/v1/chats/${a}/claim`),
      requestAs(testApp, colleague).post(`/api/v1/chats/${b}/claim`),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409]);
  });

  it('an agent sees the visitor’s page, typing and reading live, and the visitor sees the agent’s', async () => {
    await setStatus(testApp, agent, 'online');
    await putAs(testApp, supervisor, `/api/v1/chats/agents/${agent.id}/limit`, { maxChats: 5 });
    const stream = await openAgentChatStream(baseUrl, agent);
    sockets.push(stream);
    const client = await visitor();
    client.send({ type: 'page', url: 'https://shop.example/cart?step=2', title: 'Your cart' });
    const chat = await startChat(client, 'Checkout fails');
    await requestAs(testApp, agent).post(`/api/v1/chats/${chat}/claim`);
    const info = (await requestAs(testApp, agent).get(`/api/v1/chats/${chat}`)).json();
    expect(info).toMatchObject({
      visitor: { pageUrl: 'https://shop.example/cart?step=2', pageTitle: 'Your cart', isOnline: true },
    });

    client.send({ type: 'typing', isTyping: true });
    await stream.waitFor(
      (event) => event.type === 'visitor.typing' && event.conversationId === chat && event.isTyping,
    );
    client.send({ type: 'page', url: 'https://shop.example/help', title: 'Help' });
    await stream.waitFor(
      (event) => event.type === 'visitor.page' && event.pageUrl === 'https://shop.example/help',
    );

    await requestAs(testApp, agent).post(`/api/v1/chats/${chat}/typing`, { isTyping: true });
    const typing = await client.waitFor(visitorEvent('typing', (event) => event.isTyping));
    expect(typing.type === 'typing' && typing.agent?.name).toBe('Eva Kováčová');

    const reply = (
      await requestAs(testApp, agent).post(`/api/v1/conversations/${chat}/messages`, { body: 'Which card?' })
    ).json();
    await client.waitFor(visitorEvent('message', (event) => event.message.id === reply.id));
    client.send({ type: 'read', messageId: reply.id });
    await stream.waitFor((event) => event.type === 'visitor.read' && event.visitorReadAt === reply.createdAt);

    const visitorMessage = (await say(client, 'Visa')).ack.message;
    await requestAs(testApp, agent).post(`/api/v1/chats/${chat}/read`, { messageId: visitorMessage.id });
    const read = await client.waitFor(visitorEvent('read'));
    expect(read.type === 'read' && read.agentReadAt).toBe(visitorMessage.createdAt);

    client.send({ type: 'end' });
    await stream.waitFor((event) => event.type === 'chat.ended' && event.conversationId === chat);
    expect((await requestAs(testApp, agent).get('/api/v1/me/availability')).json().activeChats).toBe(0);
  });

  it('an agent who may not see a conversation gets 404 for its chat routes', async () => {
    const team = (
      await requestAs(testApp, supervisor).post('/api/v1/teams', { name: `Billing ${Date.now()}` })
    ).json();
    await setStatus(testApp, agent, 'online');
    const chat = await startChat(await visitor());
    await requestAs(testApp, supervisor).patch(`/api/v1/conversations/${chat}`, { teamId: team.id });
    const response = await requestAs(testApp, colleague).get(`/api/v1/chats/${chat}`);
    expect(response.statusCode).toBe(404);
    expect((await requestAs(testApp, colleague).post(`/api/v1/chats/${chat}/claim`)).statusCode).toBe(404);
  });
});
