import type { ConversationSummary } from '@frontline/contracts';
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

async function list(viewer: SignedInAgent, query: Record<string, string>) {
  const response = await requestAs(testApp, viewer).get('/api/v1/conversations', { query });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: ConversationSummary[]; nextCursor: string | null };
}

const referencesOf = (page: { items: ConversationSummary[] }) =>
  page.items.map((item) => item.reference).sort();

describe('filters', () => {
  it('narrow by status, priority, channel, team, assignee, tag and language', async () => {
    // One customer keeps this test's rows apart from the rest of the file.
    const customer = { email: 'filters@example.test' };
    const team = await createTeam(testApp, supervisor, [agent.id]);
    const urgentMine = await openConversation(testApp, supervisor, {
      customer,
      priority: 'urgent',
      assigneeId: agent.id,
      teamId: team.id,
      tags: ['refund'],
      language: 'hu',
    });
    const emailUnassigned = await openConversation(testApp, supervisor, {
      customer,
      channel: 'email',
      language: 'pl',
    });
    const pending = await openConversation(testApp, supervisor, { customer, teamId: team.id });
    await requestAs(testApp, supervisor).patch(`/api/v1/conversations/${pending.id}`, { status: 'pending' });
    const scope = { customer: urgentMine.customer.id };

    expect(referencesOf(await list(agent, scope))).toEqual(
      referencesOf({ items: [urgentMine, emailUnassigned, pending] }),
    );
    expect(referencesOf(await list(agent, { ...scope, status: 'new,open' }))).toEqual(
      referencesOf({ items: [urgentMine, emailUnassigned] }),
    );
    expect(referencesOf(await list(agent, { ...scope, priority: 'urgent,high' }))).toEqual([
      urgentMine.reference,
    ]);
    expect(referencesOf(await list(agent, { ...scope, channel: 'email' }))).toEqual([
      emailUnassigned.reference,
    ]);
    expect(referencesOf(await list(agent, { ...scope, team: 'none' }))).toEqual([emailUnassigned.reference]);
    expect(referencesOf(await list(agent, { ...scope, team: team.id }))).toEqual(
      referencesOf({ items: [urgentMine, pending] }),
    );
    expect(referencesOf(await list(agent, { ...scope, assignee: 'me' }))).toEqual([urgentMine.reference]);
    expect(referencesOf(await list(supervisor, { ...scope, assignee: agent.id }))).toEqual([
      urgentMine.reference,
    ]);
    expect(referencesOf(await list(agent, { ...scope, assignee: 'none' }))).toEqual(
      referencesOf({ items: [emailUnassigned, pending] }),
    );
    expect(referencesOf(await list(agent, { ...scope, tag: 'Refund' }))).toEqual([urgentMine.reference]);
    expect(referencesOf(await list(agent, { ...scope, language: 'pl' }))).toEqual([
      emailUnassigned.reference,
    ]);
  });

  it('an agent’s list leaves out other teams’ conversations; a supervisor’s includes them', async () => {
    const customer = { email: 'visibility@example.test' };
    const hiddenTeam = await createTeam(testApp, supervisor);
    const hidden = await openConversation(testApp, supervisor, { customer, teamId: hiddenTeam.id });
    const shared = await openConversation(testApp, supervisor, { customer });
    const scope = { customer: hidden.customer.id };
    expect(referencesOf(await list(agent, scope))).toEqual([shared.reference]);
    expect(referencesOf(await list(supervisor, scope))).toEqual(referencesOf({ items: [hidden, shared] }));
  });

  it('team=mine lists the conversations of every team the viewer is in, as the my-teams count counts them', async () => {
    const customer = { email: 'my-teams@example.test' };
    const [first, second, other] = [
      await createTeam(testApp, supervisor),
      await createTeam(testApp, supervisor),
      await createTeam(testApp, supervisor),
    ];
    const member = await signInAgent(testApp, 'agent', { teamIds: [first.id, second.id] });
    const inFirst = await openConversation(testApp, supervisor, { customer, teamId: first.id });
    const inSecond = await openConversation(testApp, supervisor, { customer, teamId: second.id });
    await openConversation(testApp, supervisor, { customer, teamId: other.id });
    await openConversation(testApp, supervisor, { customer });
    const mine = await list(member, { customer: inFirst.customer.id, team: 'mine' });
    expect(referencesOf(mine)).toEqual(referencesOf({ items: [inFirst, inSecond] }));
    const counts = await requestAs(testApp, member).get('/api/v1/conversations/counts');
    expect(counts.json().myTeams).toBe(2);
    // A supervisor sees every team's conversations, but "mine" still means their own teams.
    const lead = await signInAgent(testApp, 'supervisor', { teamIds: [second.id] });
    expect(referencesOf(await list(lead, { customer: inFirst.customer.id, team: 'mine' }))).toEqual([
      inSecond.reference,
    ]);
    const loner = await signInAgent(testApp, 'agent');
    expect((await list(loner, { customer: inFirst.customer.id, team: 'mine' })).items).toEqual([]);
  });

  it.each([
    [{ status: 'done' }, 'querystring.status'],
    [{ assignee: 'someone' }, 'querystring.assignee'],
    [{ limit: '500' }, 'querystring.limit'],
    [{ sort: 'random' }, 'querystring.sort'],
  ])('a bad query %j is a 400 naming %s', async (query, path) => {
    const response = await requestAs(testApp, agent).get('/api/v1/conversations', { query });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toMatch(new RegExp(`^${path.replace('.', '\\.')}`));
  });

  it('an unknown query parameter is refused by name', async () => {
    const response = await requestAs(testApp, agent).get('/api/v1/conversations', {
      query: { colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toMatch(/colour/);
  });

  it('needs credentials', async () => {
    expect((await requestAs(testApp, null).get('/api/v1/conversations')).statusCode).toBe(401);
  });
});

describe('text search', () => {
  it('finds subjects and message bodies regardless of diacritics and case', async () => {
    const inSubject = await openConversation(testApp, agent, { subject: 'Siuntinys į Šiaulius vėluoja' });
    const inBody = await openConversation(testApp, agent, {
      message: { body: 'Objednávka do Košíc nedorazila' },
    });
    await requestAs(testApp, agent).post(`/api/v1/conversations/${inBody.id}/messages`, {
      body: 'Kuriér potvrdil doručenie zajtra',
      visibility: 'internal',
    });
    expect(referencesOf(await list(agent, { text: 'siaulius' }))).toEqual([inSubject.reference]);
    expect(referencesOf(await list(agent, { text: 'ŠIAULIUS' }))).toEqual([inSubject.reference]);
    expect(referencesOf(await list(agent, { text: 'kosic' }))).toEqual([inBody.reference]);
    expect(referencesOf(await list(agent, { text: 'kurier zajtra' }))).toEqual([inBody.reference]);
    expect(referencesOf(await list(agent, { text: 'kurier -zajtra' }))).toEqual([]);
  });

  it('words from the subject and from different messages find the conversation together', async () => {
    const conversation = await openConversation(testApp, agent, {
      subject: 'Faktúra za marec',
      message: { body: 'Prosím o opravu adresy.' },
    });
    await requestAs(testApp, agent).post(`/api/v1/conversations/${conversation.id}/messages`, {
      body: 'Opravená faktúra je v prílohe.',
    });
    expect(referencesOf(await list(agent, { text: 'marec adresy prilohe' }))).toEqual([
      conversation.reference,
    ]);
  });

  it('a changed subject is searched by its new words only', async () => {
    const conversation = await openConversation(testApp, agent, { subject: 'Pirmasis pavadinimas' });
    await requestAs(testApp, agent).patch(`/api/v1/conversations/${conversation.id}`, {
      subject: 'Grąžinimas',
    });
    expect(referencesOf(await list(agent, { text: 'pirmasis' }))).toEqual([]);
    expect(referencesOf(await list(agent, { text: 'grazinimas' }))).toEqual([conversation.reference]);
  });

  it('after a merge, the merged messages are found in the target conversation', async () => {
    const customer = { email: `merge-search-${Date.now()}@example.test` };
    const target = await openConversation(testApp, agent, { customer, message: { body: 'Első kérdés' } });
    const source = await openConversation(testApp, agent, {
      customer,
      message: { body: 'Visszatérítés kérése sürgősen' },
    });
    const merged = await requestAs(testApp, supervisor).post(`/api/v1/conversations/${source.id}/merge`, {
      targetConversationId: target.id,
    });
    expect(merged.statusCode).toBe(200);
    expect(
      referencesOf(await list(supervisor, { text: 'visszateritesi kerese', status: 'new,open' })),
    ).toEqual([]);
    expect(
      referencesOf(await list(supervisor, { text: 'visszaterites kerese', status: 'new,open' })),
    ).toEqual([target.reference]);
  });

  it('a reference number finds its conversation, with or without #', async () => {
    const conversation = await openConversation(testApp, agent);
    expect(referencesOf(await list(agent, { text: `#${conversation.reference}` }))).toEqual([
      conversation.reference,
    ]);
    expect(referencesOf(await list(agent, { text: String(conversation.reference) }))).toEqual([
      conversation.reference,
    ]);
  });

  it('search syntax mistakes are no error: unbalanced quotes and operators just search', async () => {
    for (const text of ['"unterminated', '& | ! :*', "O'Brien (", '-']) {
      const response = await requestAs(testApp, agent).get('/api/v1/conversations', { query: { text } });
      expect(response.statusCode).toBe(200);
    }
  });
});

describe('pagination', () => {
  it('walks every conversation once, newest first, then older-first with the other sort', async () => {
    const customer = { email: 'pages@example.test' };
    const created: ConversationSummary[] = [];
    for (let index = 0; index < 5; index += 1)
      created.push(await openConversation(testApp, agent, { customer }));
    const scope = { customer: created[0]!.customer.id, limit: '2' };

    for (const [sort, expected] of [
      ['created_desc', [...created].reverse()],
      ['created_asc', created],
      ['updated_desc', [...created].reverse()],
    ] as const) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(agent, { ...scope, sort, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.reference));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected.map((item) => item.reference));
    }
  });

  it('a tampered cursor, or one from another sort, is a 400 request.bad_cursor', async () => {
    const customer = { email: 'cursor@example.test' };
    const first = await openConversation(testApp, agent, { customer });
    await openConversation(testApp, agent, { customer });
    const page = await list(agent, { customer: first.customer.id, limit: '1' });
    expect(page.nextCursor).not.toBeNull();

    const forged = Buffer.from(
      JSON.stringify({ sort: 'updated_desc', at: "2024-01-01'; drop table x", id: first.id }),
    ).toString('base64url');
    for (const query of <Record<string, string>[]>[
      { cursor: 'not-a-cursor' },
      { cursor: forged },
      { cursor: page.nextCursor!, sort: 'created_asc' },
    ]) {
      const response = await requestAs(testApp, agent).get('/api/v1/conversations', { query });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('request.bad_cursor');
    }
  });
});
