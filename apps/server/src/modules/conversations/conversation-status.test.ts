import { type ConversationStatus, conversationStatuses } from '@frontline/contracts';
import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  isTerminal,
  statusAfterAgentReply,
  statusAfterCustomerMessage,
} from './conversation-status.ts';

type Row = [from: ConversationStatus, to: ConversationStatus, allowedForAgent: boolean];

// Every pair, written out, so a change to the machine shows up here as a deliberate edit.
const table: Row[] = [
  ['new', 'new', false],
  ['new', 'open', true],
  ['new', 'pending', true],
  ['new', 'on_hold', true],
  ['new', 'solved', true],
  ['new', 'closed', false],
  ['new', 'merged', false],
  ['open', 'new', false],
  ['open', 'pending', true],
  ['open', 'on_hold', true],
  ['open', 'solved', true],
  ['open', 'closed', false],
  ['open', 'merged', false],
  ['pending', 'new', false],
  ['pending', 'open', true],
  ['pending', 'on_hold', true],
  ['pending', 'solved', true],
  ['pending', 'closed', false],
  ['on_hold', 'new', false],
  ['on_hold', 'open', true],
  ['on_hold', 'pending', true],
  ['on_hold', 'solved', true],
  ['on_hold', 'closed', false],
  ['solved', 'new', false],
  ['solved', 'open', true],
  ['solved', 'pending', false],
  ['solved', 'on_hold', false],
  ['solved', 'closed', true],
  ['solved', 'merged', false],
  ['closed', 'new', false],
  ['closed', 'open', false],
  ['closed', 'solved', false],
  ['closed', 'merged', false],
  ['merged', 'new', false],
  ['merged', 'open', false],
  ['merged', 'closed', false],
];

describe('status transitions asked for by an agent', () => {
  it.each(table)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to, 'agent')).toBe(allowed);
  });

  it('an illegal transition is a 409 conversations.illegal_transition naming both statuses', () => {
    expect(() => assertTransition('closed', 'open')).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'conversations.illegal_transition',
        message: expect.stringMatching(/closed to open/),
      }),
    );
  });

  it('keeping the same status is no transition and never fails, even when terminal', () => {
    expect(() => assertTransition('closed', 'closed')).not.toThrow();
  });
});

describe('merging', () => {
  it.each<[ConversationStatus, boolean]>([
    ['new', true],
    ['open', true],
    ['pending', true],
    ['on_hold', true],
    ['solved', true],
    ['closed', false],
    ['merged', false],
  ])('a %s conversation can be merged: %s', (from, allowed) => {
    expect(canTransition(from, 'merged', 'merge')).toBe(allowed);
  });

  it('nobody sets new, not even the system', () => {
    for (const from of conversationStatuses) expect(canTransition(from, 'new', 'system')).toBe(false);
  });
});

describe('terminal statuses', () => {
  it.each<[ConversationStatus, boolean]>([
    ['new', false],
    ['open', false],
    ['solved', false],
    ['closed', true],
    ['merged', true],
  ])('%s is terminal: %s', (status, terminal) => {
    expect(isTerminal(status)).toBe(terminal);
  });
});

describe('status set by messages', () => {
  it.each<[ConversationStatus, ConversationStatus]>([
    ['new', 'open'],
    ['open', 'open'],
    ['pending', 'pending'],
    ['on_hold', 'on_hold'],
    ['solved', 'solved'],
  ])('an agent reply to a %s conversation leaves it %s', (before, after) => {
    expect(statusAfterAgentReply(before)).toBe(after);
  });

  it.each<[ConversationStatus, ConversationStatus]>([
    ['new', 'new'],
    ['open', 'open'],
    ['pending', 'open'],
    ['on_hold', 'on_hold'],
    ['solved', 'open'],
  ])('a customer message on a %s conversation leaves it %s', (before, after) => {
    expect(statusAfterCustomerMessage(before)).toBe(after);
  });
});
