import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Reply tokens ride in the plus-address of the Reply-To we send (`support+r1042.4f1c9a0b2e@…`):
 * whoever answers our mail — from any address, forwarded or CC'd — lands in that conversation.
 * The HMAC stops anyone from writing into a conversation by guessing its reference. Lower-case
 * hex because some servers case-fold local parts.
 */
const tokenPattern = /^r(\d{1,15})\.([0-9a-f]{10})$/;

function tokenSignature(key: Buffer, reference: number): string {
  return createHmac('sha256', key).update(`frontline-reply:${reference}`).digest('hex').slice(0, 10);
}

export function createReplyToken(key: Buffer, reference: number): string {
  return `r${reference}.${tokenSignature(key, reference)}`;
}

/** The conversation reference a token stands for, or null when it is not one of ours. */
export function verifyReplyToken(key: Buffer, token: string): number | null {
  const match = tokenPattern.exec(token.toLowerCase());
  if (!match) return null;
  const reference = Number(match[1]);
  const expected = Buffer.from(tokenSignature(key, reference));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? reference : null;
}

/** `support+tag@shop.example` → base `support@shop.example`, tag `tag` (addresses lower-cased). */
export function splitPlusAddress(address: string): { base: string; tag: string | null } {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 1) return { base: lower, tag: null };
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  if (plus < 1) return { base: lower, tag: null };
  return { base: `${local.slice(0, plus)}${lower.slice(at)}`, tag: local.slice(plus + 1) || null };
}

export function addressWithTag(address: string, tag: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}+${tag}${address.slice(at)}`;
}

const subjectReferencePattern = /\[#(\d{1,15})\]/;

export function readSubjectReference(subject: string): number | null {
  const match = subjectReferencePattern.exec(subject);
  return match ? Number(match[1]) : null;
}

/** `[#1042]` in front of a subject, once: "Re: [#1042] Siuntinys" stays as it is. */
export function subjectWithReference(subject: string, reference: number): string {
  const trimmed = subject.trim();
  return readSubjectReference(trimmed) === reference ? trimmed : `[#${reference}] ${trimmed}`.trim();
}

export type ThreadingHints = {
  /** A verified reply token's conversation reference. */
  tokenReference: number | null;
  /** In-Reply-To first, then References from the newest back: the likeliest match first. */
  messageIds: string[];
  subjectReference: number | null;
};

export function readThreadingHints(
  email: { recipients: string[]; inReplyTo: string[]; references: string[]; subject: string },
  tokenKey: Buffer,
): ThreadingHints {
  let tokenReference: number | null = null;
  for (const recipient of email.recipients) {
    const { tag } = splitPlusAddress(recipient);
    const reference = tag ? verifyReplyToken(tokenKey, tag) : null;
    if (reference !== null) {
      tokenReference = reference;
      break;
    }
  }
  const messageIds = [...new Set([...email.inReplyTo, ...[...email.references].reverse()])];
  return { tokenReference, messageIds, subjectReference: readSubjectReference(email.subject) };
}

/** A conversation found by one of the hints; merged ones are already followed to their target. */
export type ThreadCandidate = { id: string; customerId: string; status: string };

export type ThreadMatch = 'reply_token' | 'message_id' | 'subject_reference';

export type ThreadDecision =
  | { action: 'append'; conversationId: string; matchedBy: ThreadMatch }
  | { action: 'follow_up'; followUpOfId: string; matchedBy: ThreadMatch }
  | { action: 'new' };

/**
 * Where an inbound mail belongs, in the order of how sure each signal is: our signed reply token,
 * then a Message-ID we stored, then `[#1042]` in the subject. The subject alone is easy to
 * copy, so it counts only when the sender is that conversation's customer. A closed
 * conversation takes no more messages: the mail opens a follow-up linked to it.
 *
 * @example
 * decideThread({ byToken: { id, customerId, status: 'closed' } }, senderId) // { action: 'follow_up', followUpOfId: id, … }
 */
export function decideThread(
  found: { byToken?: ThreadCandidate; byMessageId?: ThreadCandidate; bySubject?: ThreadCandidate },
  senderCustomerId: string | null,
): ThreadDecision {
  const subjectMatch =
    found.bySubject && senderCustomerId !== null && found.bySubject.customerId === senderCustomerId
      ? found.bySubject
      : undefined;
  const [candidate, matchedBy] = found.byToken
    ? [found.byToken, 'reply_token' as const]
    : found.byMessageId
      ? [found.byMessageId, 'message_id' as const]
      : subjectMatch
        ? [subjectMatch, 'subject_reference' as const]
        : [undefined, undefined];
  if (!candidate || !matchedBy) return { action: 'new' };
  if (candidate.status === 'closed' || candidate.status === 'merged') {
    return { action: 'follow_up', followUpOfId: candidate.id, matchedBy };
  }
  return { action: 'append', conversationId: candidate.id, matchedBy };
}
