import type { ConversationStatus, UpdateConversationBody } from '@frontline/contracts';
import { describe, expect, it } from 'vitest';
import {
  type ChangeableConversation,
  planConversationUpdate,
  statusTimestamps,
} from './conversation-update.ts';

const now = new Date('2025-03-04T10:00:00.000Z');
const team = '00000000-0000-4000-8000-0000000000a1';
const agent = '00000000-0000-4000-8000-00000000000a';

const openConversation: ChangeableConversation = {
  status: 'open',
  priority: 'normal',
  teamId: null,
  assigneeId: null,
  language: 'lt',
  subject: 'Siuntinys',
  tags: ['delivery', 'vip'],
  mergedIntoId: null,
};

describe('what a PATCH writes to the timeline', () => {
  it.each<[string, UpdateConversationBody, { type: string; data: Record<string, unknown> }[], string[]]>([
    [
      'a status change',
      { status: 'pending' },
      [{ type: 'status_changed', data: { from: 'open', to: 'pending' } }],
      ['status'],
    ],
    [
      'a priority change',
      { priority: 'urgent' },
      [{ type: 'priority_changed', data: { from: 'normal', to: 'urgent' } }],
      ['priority'],
    ],
    [
      'an assignment',
      { assigneeId: agent },
      [{ type: 'assigned', data: { from: null, to: agent } }],
      ['assigneeId'],
    ],
    [
      'a team change',
      { teamId: team },
      [{ type: 'team_changed', data: { from: null, to: team } }],
      ['teamId'],
    ],
    [
      'a language change',
      { language: 'en' },
      [{ type: 'language_changed', data: { from: 'lt', to: 'en' } }],
      ['language'],
    ],
    [
      'a subject change',
      { subject: 'Parcel' },
      [{ type: 'subject_changed', data: { from: 'Siuntinys', to: 'Parcel' } }],
      ['subject'],
    ],
    [
      'tags replaced',
      { tags: ['vip', 'refund', 'refund'] },
      [{ type: 'tags_changed', data: { added: ['refund'], removed: ['delivery'] } }],
      ['tags'],
    ],
    [
      'the same values again',
      { status: 'open', priority: 'normal', language: 'lt', tags: ['vip', 'delivery'] },
      [],
      [],
    ],
    ['an empty body', {}, [], []],
  ])('%s', (_case, input, events, changedFields) => {
    const plan = planConversationUpdate(openConversation, input, now);
    expect(plan.events).toEqual(events);
    expect(plan.changedFields).toEqual(changedFields);
  });
});

describe('timestamps that follow the status', () => {
  it.each<[ConversationStatus, ConversationStatus, Record<string, unknown>]>([
    ['open', 'solved', { solved_at: now, waiting_since: null }],
    ['solved', 'closed', { closed_at: now, waiting_since: null }],
    ['solved', 'open', { solved_at: null }],
    ['open', 'pending', {}],
    ['open', 'merged', { waiting_since: null }],
    ['solved', 'solved', {}],
  ])('%s → %s sets %j', (from, to, expected) => {
    expect(statusTimestamps(from, to, now)).toEqual(expected);
  });
});

describe('closed and merged conversations', () => {
  const closed = { ...openConversation, status: 'closed' as const };

  it('a closed conversation still takes tag changes', () => {
    expect(planConversationUpdate(closed, { tags: ['complaint'] }, now).changedFields).toEqual(['tags']);
  });

  it.each<UpdateConversationBody>([{ priority: 'high' }, { assigneeId: agent }, { subject: 'New' }])(
    'a closed conversation refuses %j with 409 conversations.closed',
    (input) => {
      expect(() => planConversationUpdate(closed, input, now)).toThrow(
        expect.objectContaining({ status: 409, code: 'conversations.closed' }),
      );
    },
  );

  it('reopening a closed conversation is an illegal transition', () => {
    expect(() => planConversationUpdate(closed, { status: 'open' }, now)).toThrow(
      expect.objectContaining({ code: 'conversations.illegal_transition' }),
    );
  });

  it('a merged conversation refuses everything, even tags, naming where it went', () => {
    const merged = { ...openConversation, status: 'merged' as const, mergedIntoId: team };
    expect(() => planConversationUpdate(merged, { tags: [] }, now)).toThrow(
      expect.objectContaining({ code: 'conversations.merged', detail: expect.stringContaining(team) }),
    );
  });

  it('setting merged through a PATCH points to the merge action', () => {
    expect(() => planConversationUpdate(openConversation, { status: 'merged' }, now)).toThrow(
      expect.objectContaining({
        code: 'conversations.illegal_transition',
        detail: expect.stringMatching(/merge/),
      }),
    );
  });
});
