import { describe, expect, it } from 'vitest';
import {
  addressWithTag,
  createReplyToken,
  decideThread,
  readSubjectReference,
  readThreadingHints,
  splitPlusAddress,
  subjectWithReference,
  verifyReplyToken,
} from './threading.ts';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);

describe('reply tokens', () => {
  it('round-trips a conversation reference', () => {
    const token = createReplyToken(key, 1042);
    expect(token).toMatch(/^r1042\.[0-9a-f]{10}$/);
    expect(verifyReplyToken(key, token)).toBe(1042);
    expect(verifyReplyToken(key, token.toUpperCase())).toBe(1042);
  });

  it.each([
    ['another instance’s token', createReplyToken(otherKey, 1042)],
    ['a guessed reference with a copied signature', `r1043.${createReplyToken(key, 1042).split('.')[1]}`],
    ['a plain tag', 'newsletter'],
    ['an empty tag', ''],
  ])('rejects %s', (_case, token) => {
    expect(verifyReplyToken(key, token)).toBeNull();
  });
});

describe('plus addresses', () => {
  it.each([
    ['Support+r1042.abc@Shop.Example', { base: 'support@shop.example', tag: 'r1042.abc' }],
    ['support@shop.example', { base: 'support@shop.example', tag: null }],
    ['+x@shop.example', { base: '+x@shop.example', tag: null }],
    ['support+@shop.example', { base: 'support@shop.example', tag: null }],
  ])('%s', (address, expected) => {
    expect(splitPlusAddress(address)).toEqual(expected);
  });

  it('adds a tag to an address', () => {
    expect(addressWithTag('support@shop.example', 'r1042.abc')).toBe('support+r1042.abc@shop.example');
  });
});

describe('subject references', () => {
  it.each([
    ['Re: [#1042] Siuntinys', 1042],
    ['AW: Re: [#77] Paket', 77],
    ['Order #1042', null],
    ['Siuntinys', null],
  ])('%s → %s', (subject, reference) => {
    expect(readSubjectReference(subject)).toBe(reference);
  });

  it('puts the reference in front once', () => {
    expect(subjectWithReference('Siuntinys', 1042)).toBe('[#1042] Siuntinys');
    expect(subjectWithReference('Re: [#1042] Siuntinys', 1042)).toBe('Re: [#1042] Siuntinys');
  });
});

describe('readThreadingHints', () => {
  it('reads a verified token from any recipient, Message-IDs newest first, and the subject reference', () => {
    const hints = readThreadingHints(
      {
        recipients: ['other@example.com', `support+${createReplyToken(key, 1042)}@shop.example`],
        inReplyTo: ['c@x'],
        references: ['a@x', 'b@x', 'c@x'],
        subject: 'Re: [#999] Siuntinys',
      },
      key,
    );
    expect(hints).toEqual({ tokenReference: 1042, messageIds: ['c@x', 'b@x', 'a@x'], subjectReference: 999 });
  });

  it('ignores a forged token', () => {
    const hints = readThreadingHints(
      { recipients: ['support+r1042.0000000000@shop.example'], inReplyTo: [], references: [], subject: '' },
      key,
    );
    expect(hints.tokenReference).toBeNull();
  });
});

describe('decideThread', () => {
  const open = (id: string, customerId = 'ona') => ({ id, customerId, status: 'open' });
  it.each([
    ['nothing matches: a new conversation', {}, 'ona', { action: 'new' }],
    [
      'the reply token wins over everything else',
      { byToken: open('t'), byMessageId: open('m'), bySubject: open('s') },
      'ona',
      { action: 'append', conversationId: 't', matchedBy: 'reply_token' },
    ],
    [
      'the token counts whoever writes',
      { byToken: open('t', 'ona') },
      'colleague',
      { action: 'append', conversationId: 't', matchedBy: 'reply_token' },
    ],
    [
      'a stored Message-ID comes next',
      { byMessageId: open('m'), bySubject: open('s') },
      'ona',
      { action: 'append', conversationId: 'm', matchedBy: 'message_id' },
    ],
    [
      'the subject reference counts for the conversation’s customer',
      { bySubject: open('s') },
      'ona',
      { action: 'append', conversationId: 's', matchedBy: 'subject_reference' },
    ],
    [
      'the subject reference alone does not let a stranger in',
      { bySubject: open('s', 'ona') },
      'stranger',
      { action: 'new' },
    ],
    ['an unknown sender cannot thread by subject', { bySubject: open('s') }, null, { action: 'new' }],
    [
      'a closed conversation gets a follow-up',
      { byToken: { id: 'c', customerId: 'ona', status: 'closed' } },
      'ona',
      { action: 'follow_up', followUpOfId: 'c', matchedBy: 'reply_token' },
    ],
    [
      'a solved conversation takes the reply (and reopens)',
      { byMessageId: { id: 's', customerId: 'ona', status: 'solved' } },
      'ona',
      { action: 'append', conversationId: 's', matchedBy: 'message_id' },
    ],
  ] as const)('%s', (_case, found, sender, decision) => {
    expect(decideThread(found, sender)).toEqual(decision);
  });
});
