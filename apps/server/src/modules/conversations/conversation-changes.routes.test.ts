import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { createTeam, openConversation } from './conversations.test-helpers.ts';
import { addCustomerMessage } from './messages.service.ts';

let testApp: TestApp;
let supervisor: SignedInAgent;
let agent: SignedInAgent;
beforeAll(async () => {
  testApp = await startTestApp();
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

const url = (id: string, suffix = '') => `/api/v1/conversations/${id}${suffix}`;
const eventsOf = async (id: string) => (await requestAs(testApp, supervisor).get(url(id))).json().events;

describe('changing a conversation', () => {
  it('writes one timeline event per change, with from and to, in the same request', async () => {
    const conversation = await openConversation(testApp, agent, { tags: ['delivery'] });
    const response = await requestAs(testApp, agent).patch(url(conversation.id), {
      status: 'pending',
      priority: 'urgent',
      assigneeId: agent.id,
      tags: ['delivery', 'refund'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'pending',
      priority: 'urgent',
      assigneeId: agent.id,
      tags: ['delivery', 'refund'],
    });
    const events = (await eventsOf(conversation.id)).filter(
      (event: { type: string }) => event.type !== 'created',
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'status_changed',
        actorAgentId: agent.id,
        data: { from: 'new', to: 'pending' },
      }),
      expect.objectContaining({ type: 'priority_changed', data: { from: 'normal', to: 'urgent' } }),
      expect.objectContaining({ type: 'assigned', data: { from: null, to: agent.id } }),
      expect.objectContaining({ type: 'tags_changed', data: { added: ['refund'], removed: [] } }),
    ]);
  });

  it('an illegal status change is a 409 naming both statuses and changes nothing', async () => {
    const conversation = await openConversation(testApp, agent);
    const response = await requestAs(testApp, agent).patch(url(conversation.id), {
      status: 'closed',
      priority: 'low',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'conversations.illegal_transition',
      title: expect.stringMatching(/new to closed/),
    });
    expect((await requestAs(testApp, agent).get(url(conversation.id))).json().priority).toBe('normal');
  });

  it('nobody sets new', async () => {
    const conversation = await openConversation(testApp, supervisor);
    await requestAs(testApp, supervisor).patch(url(conversation.id), { status: 'open' });
    const response = await requestAs(testApp, supervisor).patch(url(conversation.id), { status: 'new' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('conversations.illegal_transition');
  });

  it('solving stamps solvedAt; closing keeps it; a closed conversation takes only tags', async () => {
    const conversation = await openConversation(testApp, agent);
    const solved = (await requestAs(testApp, agent).patch(url(conversation.id), { status: 'solved' })).json();
    expect(solved.solvedAt).not.toBeNull();
    expect(solved.waitingSince).toBeNull();
    const closed = (await requestAs(testApp, agent).patch(url(conversation.id), { status: 'closed' })).json();
    expect(closed).toMatchObject({
      status: 'closed',
      solvedAt: solved.solvedAt,
      closedAt: expect.any(String),
    });

    const retagged = await requestAs(testApp, agent).patch(url(conversation.id), { tags: ['complaint'] });
    expect(retagged.statusCode).toBe(200);
    const reprioritised = await requestAs(testApp, agent).patch(url(conversation.id), { priority: 'high' });
    expect(reprioritised.statusCode).toBe(409);
    expect(reprioritised.json().code).toBe('conversations.closed');
  });

  it('an agent may take unassigned work and give it back, but not reassign or move it between teams', async () => {
    const colleague = await signInAgent(testApp, 'agent');
    const team = await createTeam(testApp, supervisor, [agent.id, colleague.id]);
    const conversation = await openConversation(testApp, supervisor, { teamId: team.id });
    const client = requestAs(testApp, agent);

    expect((await client.patch(url(conversation.id), { assigneeId: agent.id })).statusCode).toBe(200);
    const handOver = await client.patch(url(conversation.id), { assigneeId: colleague.id });
    expect(handOver.statusCode).toBe(403);
    expect(handOver.json().code).toBe('conversations.reassign_forbidden');
    const moveTeam = await client.patch(url(conversation.id), { teamId: null });
    expect(moveTeam.statusCode).toBe(403);
    expect((await client.patch(url(conversation.id), { assigneeId: null })).statusCode).toBe(200);

    const bySupervisor = await requestAs(testApp, supervisor).patch(url(conversation.id), {
      assigneeId: colleague.id,
    });
    expect(bySupervisor.statusCode).toBe(200);
    const takeOver = await client.patch(url(conversation.id), { assigneeId: agent.id });
    expect(takeOver.statusCode).toBe(403);
    expect(takeOver.json().title).toMatch(/take over/);
  });

  it('an unknown team or deactivated agent is a 422 naming the field', async () => {
    const conversation = await openConversation(testApp, supervisor);
    const team = await requestAs(testApp, supervisor).patch(url(conversation.id), {
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(team.statusCode).toBe(422);
    expect(team.json().errors[0].path).toBe('body.teamId');
    const assignee = await requestAs(testApp, supervisor).patch(url(conversation.id), {
      assigneeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(assignee.statusCode).toBe(422);
    expect(assignee.json().errors[0].path).toBe('body.assigneeId');
  });

  it.each([
    [{ status: 'done' }, 'body.status'],
    [{ priority: 1 }, 'body.priority'],
    [{ assigneeId: 'me' }, 'body.assigneeId'],
    [{ tags: 'vip' }, 'body.tags'],
  ])('a bad body %j is a 400 naming %s', async (body, path) => {
    const conversation = await openConversation(testApp, agent);
    const response = await requestAs(testApp, agent).patch(url(conversation.id), body);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe(path);
  });

  it('a conversation the agent may not see answers 404, not 403', async () => {
    const hiddenTeam = await createTeam(testApp, supervisor);
    const conversation = await openConversation(testApp, supervisor, { teamId: hiddenTeam.id });
    const response = await requestAs(testApp, agent).patch(url(conversation.id), { priority: 'low' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('conversations.not_found');
  });
});

describe('replying and adding notes', () => {
  it('an agent’s public reply opens a new conversation, stamps the first response and ends the wait', async () => {
    const conversation = await openConversation(testApp, agent);
    const response = await requestAs(testApp, agent).post(url(conversation.id, '/messages'), {
      body: 'We are on it.',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      body: 'We are on it.',
      visibility: 'public',
      authorType: 'agent',
      authorAgentId: agent.id,
      direction: 'outbound',
    });
    const detail = (await requestAs(testApp, agent).get(url(conversation.id))).json();
    expect(detail).toMatchObject({ status: 'open', waitingSince: null, firstResponseAt: expect.any(String) });
    expect(detail.messages.map((message: { body: string }) => message.body)).toEqual([
      'I ordered a week ago and nothing arrived.',
      'We are on it.',
    ]);
  });

  it('an internal note changes neither the status, the first response nor the wait', async () => {
    const conversation = await openConversation(testApp, agent);
    const response = await requestAs(testApp, agent).post(url(conversation.id, '/messages'), {
      body: 'Courier says Tuesday',
      visibility: 'internal',
    });
    expect(response.statusCode).toBe(201);
    const detail = (await requestAs(testApp, agent).get(url(conversation.id))).json();
    expect(detail).toMatchObject({
      status: 'new',
      firstResponseAt: null,
      waitingSince: conversation.waitingSince,
    });
    expect(detail.messages[1]).toMatchObject({ visibility: 'internal', body: 'Courier says Tuesday' });
  });

  it('send and solve: the reply and the status change happen together', async () => {
    const conversation = await openConversation(testApp, agent);
    const response = await requestAs(testApp, agent).post(url(conversation.id, '/messages'), {
      body: 'Refunded, sorry for the wait.',
      status: 'solved',
    });
    expect(response.statusCode).toBe(201);
    const detail = (await requestAs(testApp, agent).get(url(conversation.id))).json();
    expect(detail.status).toBe('solved');
    expect(detail.events.at(-1)).toMatchObject({
      type: 'status_changed',
      data: { from: 'new', to: 'solved' },
    });
  });

  it('a message to a closed conversation is a 409 conversations.closed and is not stored', async () => {
    const conversation = await openConversation(testApp, agent);
    await requestAs(testApp, agent).patch(url(conversation.id), { status: 'solved' });
    await requestAs(testApp, agent).patch(url(conversation.id), { status: 'closed' });
    const response = await requestAs(testApp, agent).post(url(conversation.id, '/messages'), {
      body: 'Hello again',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('conversations.closed');
    expect((await requestAs(testApp, agent).get(url(conversation.id))).json().messages).toHaveLength(1);
  });

  it('a customer writing on a solved conversation opens it again and starts their wait', async () => {
    const conversation = await openConversation(testApp, agent);
    await requestAs(testApp, agent).post(url(conversation.id, '/messages'), {
      body: 'Done.',
      status: 'solved',
    });
    const first = await addCustomerMessage(testApp.deps, conversation.id, {
      body: 'Still broken',
      externalId: 'mail-1',
      channel: 'email',
    });
    const redelivered = await addCustomerMessage(testApp.deps, conversation.id, {
      body: 'Still broken',
      externalId: 'mail-1',
      channel: 'email',
    });
    expect(redelivered).toEqual({ message: first.message, isDuplicate: true });
    const detail = (await requestAs(testApp, agent).get(url(conversation.id))).json();
    expect(detail).toMatchObject({ status: 'open', solvedAt: null, waitingSince: first.message.createdAt });
    expect(detail.messages).toHaveLength(3);
    expect(detail.events.at(-1)).toMatchObject({
      type: 'status_changed',
      actorType: 'customer',
      data: { from: 'solved', to: 'open' },
    });
  });

  it.each([
    [{}, 'body.body'],
    [{ body: 'x', visibility: 'private' }, 'body.visibility'],
    [{ body: 'x', status: 'finished' }, 'body.status'],
  ])('a bad body %j is a 400 naming %s', async (body, path) => {
    const conversation = await openConversation(testApp, agent);
    const response = await requestAs(testApp, agent).post(url(conversation.id, '/messages'), body);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe(path);
  });

  it('an agent cannot write in a conversation they may not see (404) nor without credentials (401)', async () => {
    const hiddenTeam = await createTeam(testApp, supervisor);
    const conversation = await openConversation(testApp, supervisor, { teamId: hiddenTeam.id });
    expect(
      (await requestAs(testApp, agent).post(url(conversation.id, '/messages'), { body: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await requestAs(testApp, null).post(url(conversation.id, '/messages'), { body: 'x' })).statusCode,
    ).toBe(401);
  });
});

describe('merging conversations', () => {
  it('moves the messages and tags to the target, marks the source merged and records both sides', async () => {
    const target = await openConversation(testApp, agent, {
      customer: { email: 'merge@example.test' },
      tags: ['a'],
    });
    const source = await openConversation(testApp, agent, {
      customer: { email: 'merge@example.test' },
      message: { body: 'Second mail about the same parcel' },
      tags: ['b'],
    });
    const response = await requestAs(testApp, agent).post(url(source.id, '/merge'), {
      targetConversationId: target.id,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().source).toMatchObject({ status: 'merged', mergedIntoId: target.id });
    expect(response.json().target.tags).toEqual(['a', 'b']);

    const targetDetail = (await requestAs(testApp, agent).get(url(target.id))).json();
    expect(targetDetail.messages.map((message: { body: string }) => message.body)).toContain(
      'Second mail about the same parcel',
    );
    expect(targetDetail.events).toContainEqual(
      expect.objectContaining({
        type: 'merged_from',
        data: { conversationId: source.id, reference: source.reference, messageCount: 1 },
      }),
    );
    const sourceDetail = (await requestAs(testApp, agent).get(url(source.id))).json();
    expect(sourceDetail.messages).toEqual([]);
    expect(sourceDetail.events.map((event: { type: string }) => event.type)).toEqual([
      'created',
      'status_changed',
      'merged_into',
    ]);

    const again = await requestAs(testApp, agent).patch(url(source.id), { priority: 'high' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conversations.merged');
  });

  it('refuses conversations of different customers with 422 conversations.merge_customer_mismatch', async () => {
    const target = await openConversation(testApp, agent);
    const source = await openConversation(testApp, agent);
    const response = await requestAs(testApp, agent).post(url(source.id, '/merge'), {
      targetConversationId: target.id,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('conversations.merge_customer_mismatch');
  });

  it('refuses merging into itself, into a closed conversation, and an unknown target', async () => {
    const customer = { email: 'merge-edge@example.test' };
    const conversation = await openConversation(testApp, agent, { customer });
    const itself = await requestAs(testApp, agent).post(url(conversation.id, '/merge'), {
      targetConversationId: conversation.id,
    });
    expect(itself.json().code).toBe('conversations.merge_into_itself');

    const closed = await openConversation(testApp, agent, { customer });
    await requestAs(testApp, agent).patch(url(closed.id), { status: 'solved' });
    await requestAs(testApp, agent).patch(url(closed.id), { status: 'closed' });
    const intoClosed = await requestAs(testApp, agent).post(url(conversation.id, '/merge'), {
      targetConversationId: closed.id,
    });
    expect(intoClosed.statusCode).toBe(409);
    expect(intoClosed.json().code).toBe('conversations.merge_target_unavailable');

    const unknown = await requestAs(testApp, agent).post(url(conversation.id, '/merge'), {
      targetConversationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe('body.targetConversationId');

    const missingField = await requestAs(testApp, agent).post(url(conversation.id, '/merge'), {});
    expect(missingField.statusCode).toBe(400);
    expect(missingField.json().errors[0].path).toBe('body.targetConversationId');
  });

  it('a customer still waiting in the source reopens a solved target', async () => {
    const customer = { email: 'merge-waiting@example.test' };
    const target = await openConversation(testApp, agent, { customer });
    await requestAs(testApp, agent).post(url(target.id, '/messages'), { body: 'Fixed.', status: 'solved' });
    const source = await openConversation(testApp, agent, { customer });
    const response = await requestAs(testApp, agent).post(url(source.id, '/merge'), {
      targetConversationId: target.id,
    });
    expect(response.json().target).toMatchObject({
      status: 'open',
      waitingSince: source.waitingSince,
      solvedAt: null,
    });
  });
});
