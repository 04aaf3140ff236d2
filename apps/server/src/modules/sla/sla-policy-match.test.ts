import type { SlaConditions } from '@frontline/contracts';
import { describe, expect, it } from 'vitest';
import { findApplicablePolicy, matchesSlaConditions, type SlaSubject } from './sla-policy-match.ts';

const billingTeam = '8f1f5a4e-4b8e-4a55-9d1a-2d3c4b5a6978';
const conversation: SlaSubject = {
  channel: 'email',
  priority: 'high',
  teamId: billingTeam,
  topic: null,
  organisation: 'UAB Saulėtekis',
  tags: ['vip', 'invoice'],
};

describe('policy conditions', () => {
  it.each<[string, SlaConditions, boolean]>([
    ['no conditions match everything', {}, true],
    ['an empty list is no condition', { channels: [] }, true],
    ['the channel is one of those listed', { channels: ['chat', 'email'] }, true],
    ['another channel does not match', { channels: ['chat'] }, false],
    ['priority and team must both hold', { priorities: ['high', 'urgent'], teamIds: [billingTeam] }, true],
    ['one failing condition fails the policy', { priorities: ['urgent'], teamIds: [billingTeam] }, false],
    ['one shared tag is enough', { tags: ['vip', 'press'] }, true],
    ['no shared tag fails', { tags: ['press'] }, false],
    ['organisations compare case-insensitively', { organisations: ['uab saulėtekis'] }, true],
    ['another organisation fails', { organisations: ['UAB Mėnulis'] }, false],
    ['a topic condition fails a conversation without a topic', { topics: ['billing'] }, false],
  ])('%s', (_description, conditions, expected) => {
    expect(matchesSlaConditions(conditions, conversation)).toBe(expected);
  });

  it('a conversation without a team fails a team condition', () => {
    expect(matchesSlaConditions({ teamIds: [billingTeam] }, { ...conversation, teamId: null })).toBe(false);
  });
});

describe('the applicable policy', () => {
  const policies = [
    { name: 'VIP chat', isEnabled: true, conditions: { channels: ['chat' as const], tags: ['vip'] } },
    { name: 'Urgent (switched off)', isEnabled: false, conditions: { priorities: ['high' as const] } },
    { name: 'VIP', isEnabled: true, conditions: { tags: ['vip'] } },
    { name: 'Everyone', isEnabled: true, conditions: {} },
  ];

  it('is the first enabled policy, in order, whose conditions hold', () => {
    expect(findApplicablePolicy(policies, conversation)?.name).toBe('VIP');
    expect(findApplicablePolicy(policies, { ...conversation, channel: 'chat' })?.name).toBe('VIP chat');
    expect(findApplicablePolicy(policies, { ...conversation, tags: [] })?.name).toBe('Everyone');
  });

  it('is none when nothing matches', () => {
    expect(findApplicablePolicy(policies.slice(0, 3), { ...conversation, tags: [] })).toBeUndefined();
  });
});
