import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { createTeam, openConversation } from './conversations.test-helpers.ts';

let testApp: TestApp;
let supervisor: SignedInAgent;
let agent: SignedInAgent;
beforeAll(async () => {
  testApp = await startTestApp();
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

describe('opening a conversation', () => {
  it('answers 201 with id, reference and status new, and the customer’s message starts the timeline', async () => {
    const response = await requestAs(testApp, agent).post('/api/v1/conversations', {
      customer: { email: 'Ona.Petraitiene@Example.LT', name: 'Ona Petraitienė' },
      subject: 'Siuntinys nepasiekė Šiaulių',
      message: { body: 'Laukiu jau savaitę.' },
      priority: 'high',
      language: 'lt',
      tags: ['Delivery', 'delivery'],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      status: 'new',
      priority: 'high',
      channel: 'api',
      language: 'lt',
      tags: ['delivery'],
      preview: 'Laukiu jau savaitę.',
      customer: { name: 'Ona Petraitienė', email: 'ona.petraitiene@example.lt' },
    });
    expect(created.reference).toBeGreaterThanOrEqual(1001);
    expect(created.waitingSince).toBe(created.createdAt);

    const detail = (await requestAs(testApp, agent).get(`/api/v1/conversations/${created.id}`)).json();
    expect(detail.messages).toEqual([
      expect.objectContaining({
        body: 'Laukiu jau savaitę.',
        authorType: 'customer',
        direction: 'inbound',
        visibility: 'public',
      }),
    ]);
    expect(detail.events).toEqual([
      expect.objectContaining({
        type: 'created',
        actorType: 'agent',
        actorAgentId: agent.id,
        data: expect.objectContaining({ channel: 'api' }),
      }),
    ]);
  });

  it('a second conversation from the same address belongs to the same customer', async () => {
    const first = await openConversation(testApp, agent, { customer: { email: 'jonas@example.lt' } });
    const second = await openConversation(testApp, agent, { customer: { email: ' JONAS@example.lt ' } });
    expect(second.customer.id).toBe(first.customer.id);
    expect(second.reference).not.toBe(first.reference);
  });

  it('retrying with the same Idempotency-Key returns the first result and creates one conversation', async () => {
    const body = {
      customer: { email: 'retry@example.test' },
      subject: 'Retried',
      message: { body: 'Sent twice over a bad network' },
    };
    const headers = { 'idempotency-key': 'create-once-1' };
    const first = await requestAs(testApp, agent).post('/api/v1/conversations', body, { headers });
    const second = await requestAs(testApp, agent).post('/api/v1/conversations', body, { headers });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const list = await requestAs(testApp, agent).get('/api/v1/conversations', {
      query: { customer: first.json().customer.id },
    });
    expect(list.json().items).toHaveLength(1);
  });

  it.each([
    [{ subject: 'x', message: { body: 'x' } }, 'body.customer'],
    [{ customer: { name: 'Nobody' }, message: { body: 'x' } }, 'body.customer'],
    [{ customer: { email: 'a@b.test' }, message: { body: '   ' } }, 'body.message.body'],
    [{ customer: { email: 'a@b.test' }, message: { body: 'x' }, priority: 'asap' }, 'body.priority'],
    [{ customer: { email: 'a@b.test' }, message: { body: 'x' }, tags: ['ok', '<script>'] }, 'body.tags.1'],
    [{ customer: { email: 'a@b.test' }, message: { body: 'x' }, teamId: 'sales' }, 'body.teamId'],
  ])('a bad body %j is a 400 naming %s', async (body, path) => {
    const response = await requestAs(testApp, agent).post('/api/v1/conversations', body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'request.invalid',
      errors: expect.arrayContaining([expect.objectContaining({ path })]),
    });
  });

  it('an unknown field is rejected by name', async () => {
    const response = await requestAs(testApp, agent).post('/api/v1/conversations', {
      customer: { email: 'a@b.test' },
      message: { body: 'x' },
      urgency: 'high',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toMatch(/urgency/);
  });

  it('an invalid customer email is a 422 from the customer rules, and nothing is created', async () => {
    const response = await requestAs(testApp, agent).post('/api/v1/conversations', {
      customer: { email: 'not-an-address' },
      message: { body: 'x' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('customers.invalid_email');
  });

  it('an unknown team or assignee is a 422 naming the field', async () => {
    const base = { customer: { email: 'placement@example.test' }, message: { body: 'x' } };
    const team = await requestAs(testApp, supervisor).post('/api/v1/conversations', {
      ...base,
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(team.statusCode).toBe(422);
    expect(team.json()).toMatchObject({
      code: 'conversations.unknown_team',
      errors: [{ path: 'body.teamId' }],
    });
    const assignee = await requestAs(testApp, supervisor).post('/api/v1/conversations', {
      ...base,
      assigneeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(assignee.statusCode).toBe(422);
    expect(assignee.json()).toMatchObject({
      code: 'conversations.unknown_assignee',
      errors: [{ path: 'body.assigneeId' }],
    });
  });

  it('an agent may assign a new conversation to themselves and file it under their own team only', async () => {
    const colleague = await signInAgent(testApp, 'agent');
    const ownTeam = await createTeam(testApp, supervisor, [agent.id]);
    const otherTeam = await createTeam(testApp, supervisor);
    const mine = await openConversation(testApp, agent, { assigneeId: agent.id, teamId: ownTeam.id });
    expect(mine).toMatchObject({
      assigneeId: agent.id,
      assigneeName: expect.any(String),
      teamId: ownTeam.id,
      teamName: ownTeam.name,
    });

    const base = { customer: { email: 'denied@example.test' }, message: { body: 'x' } };
    for (const placement of [{ assigneeId: colleague.id }, { teamId: otherTeam.id }]) {
      const denied = await requestAs(testApp, agent).post('/api/v1/conversations', { ...base, ...placement });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().code).toBe('conversations.reassign_forbidden');
    }
    const bySupervisor = await openConversation(testApp, supervisor, {
      assigneeId: colleague.id,
      teamId: otherTeam.id,
    });
    expect(bySupervisor.assigneeId).toBe(colleague.id);
  });

  it('without credentials the answer is 401', async () => {
    const response = await requestAs(testApp, null).post('/api/v1/conversations', {
      customer: { email: 'a@b.test' },
      message: { body: 'x' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('reading one conversation', () => {
  it('an agent outside the conversation’s team gets 404, the team member, the assignee and a supervisor get it', async () => {
    const member = await signInAgent(testApp, 'agent');
    const outsider = await signInAgent(testApp, 'agent');
    const assignee = await signInAgent(testApp, 'agent');
    const team = await createTeam(testApp, supervisor, [member.id]);
    const conversation = await openConversation(testApp, supervisor, {
      teamId: team.id,
      assigneeId: assignee.id,
    });
    const url = `/api/v1/conversations/${conversation.id}`;

    const hidden = await requestAs(testApp, outsider).get(url);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('conversations.not_found');
    for (const reader of [member, assignee, supervisor]) {
      expect((await requestAs(testApp, reader).get(url)).statusCode).toBe(200);
    }
  });

  it('a malformed id is a 400 naming params.id; an unknown one is 404', async () => {
    const malformed = await requestAs(testApp, agent).get('/api/v1/conversations/1042');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('params.id');
    const unknown = await requestAs(testApp, agent).get(
      '/api/v1/conversations/00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe('inbox counts', () => {
  it('count what the caller may see: mine, unassigned, my teams, all open, pending, on hold, solved', async () => {
    const counter = await signInAgent(testApp, 'agent');
    const team = await createTeam(testApp, supervisor, [counter.id]);
    const hiddenTeam = await createTeam(testApp, supervisor);
    const client = requestAs(testApp, counter);
    const before = (await client.get('/api/v1/conversations/counts')).json();

    await openConversation(testApp, counter, { assigneeId: counter.id });
    await openConversation(testApp, supervisor, { teamId: team.id });
    const pending = await openConversation(testApp, supervisor, { teamId: team.id });
    await requestAs(testApp, supervisor).patch(`/api/v1/conversations/${pending.id}`, { status: 'pending' });
    await openConversation(testApp, supervisor, { teamId: hiddenTeam.id });

    const after = (await client.get('/api/v1/conversations/counts')).json();
    expect({
      mine: after.mine - before.mine,
      unassigned: after.unassigned - before.unassigned,
      myTeams: after.myTeams - before.myTeams,
      allOpen: after.allOpen - before.allOpen,
      pending: after.pending - before.pending,
      onHold: after.onHold - before.onHold,
    }).toEqual({ mine: 1, unassigned: 1, myTeams: 1, allOpen: 2, pending: 1, onHold: 0 });
  });

  it('needs credentials', async () => {
    expect((await requestAs(testApp, null).get('/api/v1/conversations/counts')).statusCode).toBe(401);
  });
});
