import { describe, expect, it } from 'vitest';
import { createCalendar } from '../sla/index.ts';
import {
  type BacklogAgent,
  type BacklogConversation,
  type BacklogState,
  backlogRules,
  toBacklogSnapshot,
} from './backlog-snapshot.ts';

// Wednesday 12 March 2025, 10:00 in Vilnius (08:00 UTC).
const NOW = Date.UTC(2025, 2, 12, 8, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const vilnius = createCalendar({
  timeZone: 'Europe/Vilnius',
  weeklyHours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from: '09:00', to: '17:00' }]]),
  ),
});

function agent(id: string, overrides: Partial<BacklogAgent> = {}): BacklogAgent {
  return {
    id,
    languages: [],
    skills: [],
    teamIds: [],
    availability: null,
    lastSeenAt: NOW - 5 * MINUTE,
    lastFirstResponseAt: null,
    recentFirstResponses: 10,
    ...overrides,
  };
}

function conversation(id: string, overrides: Partial<BacklogConversation> = {}): BacklogConversation {
  return { id, teamId: null, assigneeId: null, language: null, createdAt: NOW - HOUR, ...overrides };
}

function state(overrides: Partial<BacklogState>): BacklogState {
  return {
    now: NOW,
    waiting: [],
    agents: [],
    calendar: vilnius,
    handling: { kind: 'exponential', meanSeconds: 600 },
    ...overrides,
  };
}

const newCustomer = { kind: 'new', teamId: null, language: null } as const;
const shiftsOf = (input: BacklogState, id: string) =>
  toBacklogSnapshot(input, newCustomer).snapshot.agents.find((entry) => entry.id === id)?.shifts;

describe('who is at work now', () => {
  // Today's business hours end at 17:00 Vilnius = 15:00 UTC; tomorrow's start at 07:00 UTC.
  const endOfToday = Date.UTC(2025, 2, 12, 15, 0, 0);
  const tomorrow = { start: Date.UTC(2025, 2, 13, 7, 0, 0), end: Date.UTC(2025, 2, 13, 15, 0, 0) };

  it.each<[string, Partial<BacklogAgent>, number | null]>([
    ['online on the availability switch', { availability: 'online', lastSeenAt: null }, NOW],
    ['used the workspace 5 minutes ago', { availability: null }, NOW],
    ['offline for chat but working in the workspace', { availability: 'offline' }, NOW],
    ['away: back after a break', { availability: 'away' }, NOW + backlogRules.awayForMs],
    ['last seen 2 hours ago: not in today', { lastSeenAt: NOW - 2 * HOUR }, null],
    ['never signed in', { lastSeenAt: null }, null],
  ])('an agent %s counts from then until closing, then every business day', (_case, overrides, from) => {
    const shifts = shiftsOf(state({ agents: [agent('a', overrides)] }), 'a')!;
    if (from === null) expect(shifts[0]).toEqual(tomorrow);
    else expect(shifts.slice(0, 2)).toEqual([{ start: from, end: endOfToday }, tomorrow]);
  });

  it('outside business hours everyone counts from the next opening, whoever is signed in', () => {
    const evening = Date.UTC(2025, 2, 12, 17, 0, 0); // 19:00 in Vilnius
    const shifts = shiftsOf(state({ now: evening, agents: [agent('a', { lastSeenAt: evening })] }), 'a');
    expect(shifts![0]).toEqual(tomorrow);
  });

  it('without business hours only the agents at work now count, until the horizon', () => {
    const input = state({
      calendar: null,
      agents: [agent('at-work'), agent('away-long', { lastSeenAt: null })],
    });
    const { snapshot } = toBacklogSnapshot(input, newCustomer);
    expect(snapshot.agents.map((entry) => [entry.id, entry.shifts])).toEqual([
      ['at-work', [{ start: NOW, end: NOW + backlogRules.horizonMs }]],
    ]);
  });
});

describe('the workforce of later days', () => {
  it('is whoever answered the backlog lately: an admin who never answers is not counted tomorrow', () => {
    const input = state({
      agents: [agent('regular'), agent('admin', { lastSeenAt: null, recentFirstResponses: 0 })],
    });
    expect(shiftsOf(input, 'admin')).toBeUndefined();
    expect(shiftsOf(input, 'regular')!.length).toBeGreaterThan(5);
  });

  it('is every active agent while nobody has answered anything yet (a new installation)', () => {
    const input = state({ agents: [agent('a', { lastSeenAt: null, recentFirstResponses: 0 })] });
    expect(shiftsOf(input, 'a')!.length).toBeGreaterThan(5);
  });
});

describe('what an agent is working on', () => {
  it.each<[string, Partial<BacklogAgent>, number[]]>([
    [
      'answered 20 minutes ago: busy with the next since then',
      { lastFirstResponseAt: NOW - 20 * MINUTE },
      [NOW - 20 * MINUTE],
    ],
    ['answered 3 hours ago: free now', { lastFirstResponseAt: NOW - 3 * HOUR }, []],
    ['never answered: free now', {}, []],
    [
      'away after answering: starts fresh after the break',
      { availability: 'away', lastFirstResponseAt: NOW - 5 * MINUTE },
      [],
    ],
  ])('an agent who %s (with more to answer)', (_case, overrides, inProgressSince) => {
    const input = state({ agents: [agent('a', overrides)], waiting: [conversation('waiting')] });
    const { snapshot } = toBacklogSnapshot(input, newCustomer);
    expect(snapshot.agents[0]!.inProgressSince).toEqual(inProgressSince);
    expect(snapshot.agents[0]!.capacity).toBe(1);
  });

  it('an agent with nothing else to answer is free for whoever writes next', () => {
    const busyAgent = agent('a', { lastFirstResponseAt: NOW - 20 * MINUTE });
    const onlyTarget = state({ agents: [busyAgent], waiting: [conversation('target')] });
    const forTarget = toBacklogSnapshot(onlyTarget, { kind: 'conversation', conversationId: 'target' });
    expect(forTarget.snapshot.agents[0]!.inProgressSince).toEqual([]);
    const forNewcomer = toBacklogSnapshot(state({ agents: [busyAgent] }), newCustomer);
    expect(forNewcomer.snapshot.agents[0]!.inProgressSince).toEqual([]);
  });
});

describe('who can answer whom', () => {
  const agents = [
    agent('billing-lt', { teamIds: ['billing'], languages: ['lt', 'en'] }),
    agent('support-hu', { teamIds: ['support'], languages: ['hu', 'en'] }),
  ];
  const input = state({
    agents,
    waiting: [
      conversation('for-billing', { teamId: 'billing' }),
      conversation('for-one-agent', { assigneeId: 'support-hu' }),
      conversation('in-hungarian', { language: 'hu' }),
      conversation('in-german', { language: 'de' }),
    ],
  });
  const { snapshot } = toBacklogSnapshot(input, newCustomer);
  const served = (id: string) => {
    const customer = snapshot.waiting.find((entry) => entry.id === id)!;
    return snapshot.agents
      .filter(
        (candidate) =>
          (!customer.language ||
            candidate.languages.length === 0 ||
            candidate.languages.includes(customer.language)) &&
          (customer.skills ?? []).every((skill) => candidate.skills.includes(skill)),
      )
      .map((candidate) => candidate.id);
  };

  it.each([
    ['a team’s conversation: only its members', 'for-billing', ['billing-lt']],
    ['an assigned conversation: only its assignee', 'for-one-agent', ['support-hu']],
    ['a Hungarian customer: whoever writes Hungarian', 'in-hungarian', ['support-hu']],
    ['a language nobody writes: anyone, in a language they share', 'in-german', ['billing-lt', 'support-hu']],
  ])('%s', (_case, id, expected) => {
    expect(served(id)).toEqual(expected);
  });

  it('keeps the routing order the rows came in', () => {
    expect(snapshot.waiting.map((entry) => entry.id)).toEqual([
      'for-billing',
      'for-one-agent',
      'in-hungarian',
      'in-german',
    ]);
  });

  it('a waiting conversation is forecast in its place; one not in the backlog is refused', () => {
    expect(toBacklogSnapshot(input, { kind: 'conversation', conversationId: 'in-hungarian' }).target).toEqual(
      { kind: 'waiting', customerId: 'in-hungarian' },
    );
    expect(() => toBacklogSnapshot(input, { kind: 'conversation', conversationId: 'answered' })).toThrow(
      RangeError,
    );
  });

  it('someone writing to a team now needs that team', () => {
    expect(toBacklogSnapshot(input, { kind: 'new', teamId: 'billing', language: 'lt' }).target).toEqual({
      kind: 'new',
      language: 'lt',
      skills: ['team:billing'],
    });
  });
});
