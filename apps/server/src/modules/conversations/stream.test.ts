import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { createTeam, openConversation } from './conversations.test-helpers.ts';
import {
  handshakeStatus,
  isType,
  openStream,
  type StreamClient,
  startSecondInstance,
} from './stream.test-helpers.ts';

let instanceA: TestApp;
let instanceB: Awaited<ReturnType<typeof startSecondInstance>>;
let urlA: string;
let supervisor: SignedInAgent;
let agent: SignedInAgent;
const streams: StreamClient[] = [];

beforeAll(async () => {
  instanceA = await startTestApp();
  urlA = await instanceA.app.listen({ port: 0, host: '127.0.0.1' });
  instanceB = await startSecondInstance(instanceA);
  supervisor = await signInAgent(instanceA, 'supervisor');
  agent = await signInAgent(instanceA, 'agent', { name: 'Ona Agentė' });
});
afterAll(async () => {
  await Promise.all(streams.map((stream) => stream.close()));
  await instanceB.close();
  await instanceA.close();
});

async function streamOn(baseUrl: string, options: Parameters<typeof openStream>[1]) {
  const stream = await openStream(baseUrl, options);
  streams.push(stream);
  return stream;
}

describe('two instances on one database', () => {
  it('a conversation created and answered through A reaches an agent connected to B', async () => {
    const stream = await streamOn(instanceB.url, { token: agent.token });
    expect(stream.events[0]).toEqual({ type: 'hello', agentId: agent.id });

    const conversation = await openConversation(instanceA, supervisor, { subject: 'Across instances' });
    const created = await stream.waitFor(
      isType('conversation.created', (event) => event.conversation.id === conversation.id),
    );
    expect(created.conversation).toMatchObject({
      subject: 'Across instances',
      status: 'new',
      reference: conversation.reference,
    });

    await requestAs(instanceA, supervisor).post(`/api/v1/conversations/${conversation.id}/messages`, {
      body: 'On our way',
    });
    const message = await stream.waitFor(
      isType('message.created', (event) => event.conversation.id === conversation.id),
    );
    expect(message.message).toMatchObject({ body: 'On our way', authorType: 'agent', visibility: 'public' });
    expect(message.conversation.status).toBe('open');
    const updated = await stream.waitFor(
      isType('conversation.updated', (event) => event.conversation.id === conversation.id),
    );
    expect(updated.changes).toEqual(['status']);
  });

  it('internal notes reach agents too: everyone on the stream is staff', async () => {
    const stream = await streamOn(instanceB.url, { token: agent.token });
    const conversation = await openConversation(instanceA, supervisor);
    await requestAs(instanceA, supervisor).post(`/api/v1/conversations/${conversation.id}/messages`, {
      body: 'VIP, handle with care',
      visibility: 'internal',
    });
    const note = await stream.waitFor(
      isType('message.created', (event) => event.conversation.id === conversation.id),
    );
    expect(note.message).toMatchObject({ visibility: 'internal', body: 'VIP, handle with care' });
  });

  it('an agent who may not see a conversation receives none of its events', async () => {
    const outsider = await signInAgent(instanceA, 'agent');
    const stream = await streamOn(instanceB.url, { token: outsider.token });
    const hiddenTeam = await createTeam(instanceA, supervisor);
    const hidden = await openConversation(instanceA, supervisor, { teamId: hiddenTeam.id });
    await requestAs(instanceA, supervisor).post(`/api/v1/conversations/${hidden.id}/messages`, {
      body: 'Secret',
    });
    await requestAs(instanceA, supervisor).patch(`/api/v1/conversations/${hidden.id}`, { priority: 'high' });
    // Changes are delivered in commit order: once this one arrives, the hidden ones would have.
    const visible = await openConversation(instanceA, supervisor);
    await stream.waitFor(isType('conversation.created', (event) => event.conversation.id === visible.id));
    const leaked = stream.events.filter(
      (event) => 'conversation' in event && event.conversation.id === hidden.id,
    );
    expect(leaked).toEqual([]);
  });

  it('an agent whose conversation moves to another team hears that once, then nothing more', async () => {
    const member = await signInAgent(instanceA, 'agent');
    const team = await createTeam(instanceA, supervisor, [member.id]);
    const otherTeam = await createTeam(instanceA, supervisor);
    const conversation = await openConversation(instanceA, supervisor, { teamId: team.id });
    const stream = await streamOn(urlA, { token: member.token });

    await requestAs(instanceA, supervisor).patch(`/api/v1/conversations/${conversation.id}`, {
      teamId: otherTeam.id,
    });
    const moved = await stream.waitFor(
      isType('conversation.updated', (event) => event.conversation.id === conversation.id),
    );
    expect(moved).toMatchObject({ changes: ['teamId'], conversation: { teamId: otherTeam.id } });

    await requestAs(instanceA, supervisor).patch(`/api/v1/conversations/${conversation.id}`, {
      priority: 'urgent',
    });
    const marker = await openConversation(instanceA, supervisor);
    await stream.waitFor(isType('conversation.created', (event) => event.conversation.id === marker.id));
    const afterMove = stream.events.filter(
      (event) => event.type === 'conversation.updated' && event.conversation.id === conversation.id,
    );
    expect(afterMove).toHaveLength(1);
  });
});

describe('authenticating the stream', () => {
  it('refuses a handshake without credentials or with a bad token with 401, before upgrading', async () => {
    expect(await handshakeStatus(urlA, {})).toBe(401);
    expect(await handshakeStatus(urlA, { token: 'fls_not-a-session' })).toBe(401);
    expect(await handshakeStatus(urlA, { query: '?token=fls_not-a-session' })).toBe(401);
  });

  it('accepts ?token= for clients that cannot set headers', async () => {
    const stream = await streamOn(urlA, { query: `?token=${encodeURIComponent(agent.token)}` });
    expect(stream.events[0]).toEqual({ type: 'hello', agentId: agent.id });
  });

  it('accepts the session cookie from a page of this site and refuses it from a foreign origin', async () => {
    const host = new URL(urlA).host;
    const cookie = `frontline_session=${agent.token}`;
    const sameSite = await streamOn(urlA, { headers: { cookie, origin: `http://${host}` } });
    expect(sameSite.events[0]).toEqual({ type: 'hello', agentId: agent.id });
    expect(await handshakeStatus(urlA, { headers: { cookie, origin: 'https://evil.example' } })).toBe(403);
    expect(await handshakeStatus(urlA, { headers: { cookie } })).toBe(403);
  });

  it('answers ping with pong and an unreadable message with an error, keeping the connection', async () => {
    const stream = await streamOn(urlA, { token: agent.token });
    stream.send({ type: 'ping' });
    await stream.waitFor(isType('pong'));
    stream.socket.send('not json');
    const error = await stream.waitFor(isType('error'));
    expect(error.code).toBe('stream.invalid_message');
    stream.send({ type: 'ping' });
    await expect.poll(() => stream.events.filter((event) => event.type === 'pong').length).toBe(2);
  });
});
