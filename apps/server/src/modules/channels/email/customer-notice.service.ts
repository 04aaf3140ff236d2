import { createHash } from 'node:crypto';
import { outboundMessageId } from './compose-outbound.ts';
import { findOldestMailbox } from './outbound.repository.ts';
import { type JobAttempt, type OutboundDeps, sendSystemMail } from './outbound.service.ts';

/** Mail another channel asks us to send to a customer: a chat transcript, "we got your request". */
export type CustomerNotice = {
  kind: 'chat_transcript' | 'request_received' | 'walk_in_notice';
  to: string;
  subject: string;
  text: string;
  language: string;
  conversationId: string;
  reference: number;
  /** Names this notice for deduplication instead of its text (a second call may repeat the text). */
  idempotencyKey?: string;
};

export class NoMailboxError extends Error {}

/**
 * Sends a customer notice from the first mailbox, threaded like our replies so the customer's
 * answer lands in the same conversation; resolves to its delivery status ('sent', 'failed'). Without any mailbox there is no sender address: the job
 * fails and the queue retries it with back-off, so the notice goes out once an admin adds one.
 */
export async function sendCustomerNotice(deps: OutboundDeps, notice: CustomerNotice, attempt: JobAttempt) {
  const mailbox = await findOldestMailbox(deps.db);
  if (!mailbox) throw new NoMailboxError('No mailbox is configured to send customer email from');
  // Identical notices (a retried job, a transcript asked for twice) share one Message-ID: one mail.
  const digest = createHash('sha256')
    .update(notice.idempotencyKey ?? `${notice.kind}\n${notice.to}\n${notice.text}`)
    .digest('hex');
  return sendSystemMail(
    deps,
    {
      mailbox,
      conversation: { id: notice.conversationId, reference: notice.reference, subject: notice.subject },
      rfcMessageId: outboundMessageId(
        `${notice.kind}-${notice.conversationId}-${digest.slice(0, 16)}`,
        mailbox.address,
      ),
      to: [{ address: notice.to, name: '' }],
      subject: notice.subject,
      text: notice.text,
      metadata: { kind: notice.kind, language: notice.language },
      inReplyTo: null,
      references: [],
    },
    attempt,
  );
}
