import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/app.ts';
import { demoTeams } from './demo-data.ts';
import { type DemoSeedResult, demoConversations, seedDemoData } from './index.ts';

let testApp: TestApp;
let firstRun: DemoSeedResult;

beforeAll(async () => {
  testApp = await startTestApp();
  firstRun = await seedDemoData(testApp.deps);
}, 180_000);
afterAll(() => testApp.close());

async function countRows() {
  const { rows } = await sql<Record<string, number>>`select
      (select count(*)::int from teams) as teams,
      (select count(*)::int from agents) as agents,
      (select count(*)::int from customers) as customers,
      (select count(*)::int from customer_identities) as identities,
      (select count(*)::int from conversations) as conversations,
      (select count(*)::int from messages) as messages,
      (select count(*)::int from conversation_events) as events`.execute(testApp.deps.db);
  return rows[0]!;
}

describe('seeding the demo data', () => {
  it('creates five teams, agents of every role, forty customers and eighty conversations', async () => {
    expect(firstRun).toMatchObject({ customers: 40, conversations: 80, alreadySeeded: false });
    const counts = await countRows();
    expect(counts).toMatchObject({ teams: 5, agents: 11, customers: 40, conversations: 80 });
    expect(new Set(firstRun.agents.map((agent) => agent.role))).toEqual(
      new Set(['admin', 'supervisor', 'agent']),
    );
    const identities = await testApp.deps.db
      .selectFrom('customer_identities')
      .select(['kind', 'value'])
      .execute();
    for (const identity of identities.filter((row) => row.kind === 'phone')) {
      expect(identity.value).toMatch(/^\+[1-9]\d{7,14}$/);
    }
  });

  it('writes conversations in English, Lithuanian, Slovak, Polish and Hungarian, with their own letters', async () => {
    const { rows } = await sql<{ language: string; conversations: number; bodies: string }>`
      select c.language, count(distinct c.id)::int as conversations, string_agg(m.body_text, ' ') as bodies
      from conversations c join messages m on m.conversation_id = c.id and m.visibility = 'public'
      group by c.language`.execute(testApp.deps.db);
    const byLanguage = new Map(rows.map((row) => [row.language, row]));
    expect([...byLanguage.keys()].sort()).toEqual(['en', 'hu', 'lt', 'pl', 'sk']);
    const letters = { lt: /[ąčęėįšųūž]/, sk: /[äčďĺľňôŕšťž]/, pl: /[ąćęłńśźż]/, hu: /[őű]/, en: /[a-z]/ };
    for (const [language, pattern] of Object.entries(letters)) {
      expect(byLanguage.get(language)!.conversations).toBeGreaterThanOrEqual(10);
      expect(byLanguage.get(language)!.bodies).toMatch(pattern);
    }
  });

  it('spreads them over every status and priority, the last thirty days, and real back-and-forth', async () => {
    const conversations = await testApp.deps.db
      .selectFrom('conversations')
      .select(['id', 'status', 'priority', 'created_at', 'last_message_at', 'assignee_id', 'team_id'])
      .execute();
    expect(new Set(conversations.map((row) => row.status))).toEqual(
      new Set(['new', 'open', 'pending', 'on_hold', 'solved', 'closed']),
    );
    expect(new Set(conversations.map((row) => row.priority))).toEqual(
      new Set(['low', 'normal', 'high', 'urgent']),
    );
    expect(new Set(conversations.map((row) => row.team_id)).size).toBe(5);
    expect(new Set(conversations.map((row) => row.assignee_id).filter(Boolean)).size).toBeGreaterThanOrEqual(
      8,
    );
    const now = Date.now();
    for (const row of conversations) {
      expect(now - row.created_at.getTime()).toBeLessThan(31 * 86_400_000);
      expect(row.last_message_at.getTime()).toBeLessThan(now);
    }
    expect(
      new Set(conversations.map((row) => row.created_at.toISOString().slice(0, 10))).size,
    ).toBeGreaterThan(15);

    const { rows: threads } = await sql<{ replies: number; notes: number; customer_messages: number }>`
      select count(*) filter (where author_type = 'agent' and visibility = 'public')::int as replies,
             count(*) filter (where visibility = 'internal')::int as notes,
             count(*) filter (where author_type = 'customer')::int as customer_messages
      from messages group by conversation_id`.execute(testApp.deps.db);
    expect(
      threads.filter((thread) => thread.customer_messages >= 2 && thread.replies >= 1).length,
    ).toBeGreaterThan(30);
    expect(threads.filter((thread) => thread.notes > 0).length).toBeGreaterThan(20);
  });

  it('brings every conversation to the status, team and tags its story ends with', async () => {
    const { rows } = await sql<{ subject: string; status: string; team: string; tags: string[] }>`
      select c.subject, c.status, t.name as team,
        array(select tag from conversation_tags ct where ct.conversation_id = c.id order by tag) as tags
      from conversations c join teams t on t.id = c.team_id`.execute(testApp.deps.db);
    const seeded = new Map(rows.map((row) => [row.subject, row]));
    expect(seeded.size).toBe(demoConversations.length);
    for (const story of demoConversations) {
      expect(seeded.get(story.subject), story.subject).toMatchObject({
        status: story.status,
        team: demoTeams.find((team) => team.key === story.team)!.name,
        tags: [...story.tags].sort(),
      });
    }
  });

  it('keeps every timeline in order: messages and events never before their conversation began', async () => {
    const { rows } = await sql<{ early_messages: number; early_events: number; closed_by_job: number }>`
      select
        (select count(*)::int from messages m join conversations c on c.id = m.conversation_id
          where m.created_at < c.created_at) as early_messages,
        (select count(*)::int from conversation_events e join conversations c on c.id = e.conversation_id
          where e.created_at < c.created_at or e.created_at > now()) as early_events,
        (select count(*)::int from conversation_events where data->>'reason' = 'auto_close') as closed_by_job
    `.execute(testApp.deps.db);
    const closed = await testApp.deps.db
      .selectFrom('conversations')
      .where('status', '=', 'closed')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(rows[0]).toEqual({ early_messages: 0, early_events: 0, closed_by_job: Number(closed.count) });
  });

  it('lets a demo agent log in through the API and find their own conversations', async () => {
    const agent = firstRun.agents.find((candidate) => candidate.email.startsWith('jonas@'))!;
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email, password: agent.password },
    });
    expect(login.statusCode).toBe(200);
    const mine = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/conversations?assignee=me&language=lt',
      headers: { authorization: `Bearer ${login.json().token}` },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.length).toBeGreaterThan(3);
    expect(mine.json().items[0]).toMatchObject({ assigneeName: 'Jonas Kazlauskas', language: 'lt' });
  });

  it('changes nothing when run a second time, and says the demo was already there', async () => {
    const before = await countRows();
    const secondRun = await seedDemoData(testApp.deps);
    expect(secondRun).toMatchObject({ alreadySeeded: true, customers: 0, conversations: 0 });
    expect(secondRun.agents).toEqual(firstRun.agents);
    expect(await countRows()).toEqual(before);
  });
});
