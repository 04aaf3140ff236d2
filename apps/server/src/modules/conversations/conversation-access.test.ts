import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import {
  canSeeConversation,
  type Placement,
  reassignmentDenial,
  type Viewer,
} from './conversation-access.ts';
import { whereVisibleTo } from './conversations.queries.ts';

const me = '00000000-0000-4000-8000-00000000000a';
const colleague = '00000000-0000-4000-8000-00000000000b';
const myTeam = '00000000-0000-4000-8000-0000000000a1';
const otherTeam = '00000000-0000-4000-8000-0000000000b1';

const agent: Viewer = { agentId: me, role: 'agent', teamIds: [myTeam] };
const loneAgent: Viewer = { agentId: me, role: 'agent', teamIds: [] };
const supervisor: Viewer = { agentId: me, role: 'supervisor', teamIds: [] };
const admin: Viewer = { agentId: me, role: 'admin', teamIds: [] };

const at = (teamId: string | null, assigneeId: string | null): Placement => ({ teamId, assigneeId });

const visibility: [string, Viewer, Placement, boolean][] = [
  ['an agent sees the shared queue (no team)', agent, at(null, null), true],
  ['an agent sees their team’s unassigned work', agent, at(myTeam, null), true],
  ['an agent sees their team’s work assigned to a colleague', agent, at(myTeam, colleague), true],
  ['an agent does not see another team’s work', agent, at(otherTeam, null), false],
  [
    'an agent does not see another team’s work assigned to a colleague',
    agent,
    at(otherTeam, colleague),
    false,
  ],
  ['an agent sees another team’s work assigned to them', agent, at(otherTeam, me), true],
  ['an agent without teams sees unteamed work assigned to a colleague', loneAgent, at(null, colleague), true],
  ['an agent without teams does not see any team’s work', loneAgent, at(myTeam, null), false],
  ['a supervisor sees every team’s work', supervisor, at(otherTeam, colleague), true],
  ['an admin sees every team’s work', admin, at(otherTeam, null), true],
];

describe('who sees a conversation', () => {
  it.each(visibility)('%s', (_case, viewer, placement, expected) => {
    expect(canSeeConversation(viewer, placement)).toBe(expected);
  });
});

describe('the SQL twin of the visibility rule', () => {
  let database: TestDatabase;
  let customerId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db
      .insertInto('agents')
      .values([
        { id: me, email: 'me@example.test', name: 'Me', role: 'agent' },
        { id: colleague, email: 'colleague@example.test', name: 'Colleague', role: 'agent' },
      ])
      .execute();
    await database.db
      .insertInto('teams')
      .values([
        { id: myTeam, name: 'Mine' },
        { id: otherTeam, name: 'Other' },
      ])
      .execute();
    ({ id: customerId } = await database.db
      .insertInto('customers')
      .values({ name: 'Ona' })
      .returning('id')
      .executeTakeFirstOrThrow());
  });
  afterAll(() => database.drop());

  it.each(visibility)('agrees: %s', async (_case, viewer, placement, expected) => {
    const { id } = await database.db
      .insertInto('conversations')
      .values({ customer_id: customerId, team_id: placement.teamId, assignee_id: placement.assigneeId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const visible = await database.db
      .selectFrom('conversations as c')
      .select('c.id')
      .where('c.id', '=', id)
      .where(whereVisibleTo(viewer))
      .executeTakeFirst();
    expect(visible !== undefined).toBe(expected);
  });
});

type MoveCase = [string, Viewer, Placement, Placement, boolean, string | null];

const moves: MoveCase[] = [
  ['an agent takes unassigned work', agent, at(myTeam, null), at(myTeam, me), false, null],
  ['an agent gives back their own work', agent, at(myTeam, me), at(myTeam, null), false, null],
  ['an agent keeps what is theirs (no change)', agent, at(myTeam, me), at(myTeam, me), false, null],
  [
    'an agent may not assign to a colleague',
    agent,
    at(myTeam, null),
    at(myTeam, colleague),
    false,
    'only to themselves',
  ],
  [
    'an agent may not take a colleague’s work',
    agent,
    at(myTeam, colleague),
    at(myTeam, me),
    false,
    'take over',
  ],
  [
    'an agent may not unassign a colleague',
    agent,
    at(myTeam, colleague),
    at(myTeam, null),
    false,
    'only to themselves',
  ],
  [
    'an agent may not hand their work to a colleague',
    agent,
    at(myTeam, me),
    at(myTeam, colleague),
    false,
    'only to themselves',
  ],
  ['an agent may not change the team', agent, at(null, null), at(myTeam, null), false, 'another team'],
  ['an agent may not remove the team', agent, at(myTeam, null), at(null, null), false, 'another team'],
  ['an agent creating work may file it under their team', agent, at(null, null), at(myTeam, me), true, null],
  [
    'an agent creating work may not file it under another team',
    agent,
    at(null, null),
    at(otherTeam, null),
    true,
    'another team',
  ],
  ['a supervisor reassigns anything', supervisor, at(myTeam, colleague), at(otherTeam, me), false, null],
  ['an admin reassigns anything', admin, at(null, me), at(otherTeam, colleague), false, null],
];

describe('who may move a conversation', () => {
  it.each(moves)('%s', (_case, viewer, from, to, isCreation, denial) => {
    const answer = reassignmentDenial(viewer, from, to, { isCreation });
    if (denial === null) expect(answer).toBeNull();
    else expect(answer).toMatch(denial);
  });
});
