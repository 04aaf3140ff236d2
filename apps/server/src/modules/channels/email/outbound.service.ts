import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { MailboxRow } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { publishChange } from '../../../platform/realtime.ts';
import { type PromiseInput, recordPromise } from '../../eta/index.ts';
import { composeOutboundMail, outboundMessageId } from './compose-outbound.ts';
import { blobPath } from './file-store.ts';
import { insertEvents, insertMessageOnce } from './inbound-conversations.repository.ts';
import { findMailbox } from './mailboxes.repository.ts';
import {
  findAllMailboxAddresses,
  findCustomerEmail,
  findEmailDetails,
  findLatestCustomerMail,
  findOldestMailbox,
  findOutboundAttachments,
  findReplyToSend,
  recordOutboundMail,
  updateDelivery,
} from './outbound.repository.ts';
import { loadSecretBox } from './secret-box.ts';
import { createReplyToken, splitPlusAddress } from './threading.ts';

export type OutboundDeps = Pick<Deps, 'db' | 'clock' | 'config'>;
/** Which try this is (1-based) out of how many the job queue will make. */
export type JobAttempt = { attempt: number; maxAttempts: number };

type Address = { address: string; name: string };

export function smtpUrlFor(deps: OutboundDeps, mailbox: MailboxRow): string | null {
  if (mailbox.outbound_smtp_url_sealed)
    return loadSecretBox(deps.config).open(mailbox.outbound_smtp_url_sealed);
  return deps.config.email.smtpUrl ?? null;
}

/** A 5xx answer will not change by retrying; a 4xx or a network failure may. */
function isPermanent(error: unknown): boolean {
  const failure = error as { responseCode?: number; code?: string };
  return (failure.responseCode !== undefined && failure.responseCode >= 500) || failure.code === 'EENVELOPE';
}

async function markFailed(
  deps: OutboundDeps,
  target: { messageId: string; conversationId: string },
  attempts: number,
  error: string,
) {
  await deps.db.transaction().execute(async (tx) => {
    await updateDelivery(tx, target.messageId, { status: 'failed', attempts, error, sentAt: null });
    await insertEvents(tx, [
      {
        conversation_id: target.conversationId,
        type: 'email_delivery_failed',
        actor_type: 'system',
        actor_agent_id: null,
        data: { messageId: target.messageId, error },
      },
    ]);
    await publishChange(tx, {
      type: 'conversation.updated',
      conversationId: target.conversationId,
      changes: ['email_delivery'],
    });
  });
}

/**
 * Sends one recorded outbound mail and records the outcome. A temporary failure is thrown so
 * the job queue retries with back-off; a permanent one, or the last try, is marked failed on the
 * message (and in the timeline) for the agent to see.
 */
export async function sendRecordedMail(
  deps: OutboundDeps,
  target: { messageId: string; conversationId: string },
  smtpUrl: string | null,
  mail: SendMailOptions,
  { attempt, maxAttempts }: JobAttempt,
) {
  if (!smtpUrl)
    return markFailed(
      deps,
      target,
      attempt,
      'No outbound mail server: set SMTP_URL or the mailbox’s SMTP URL',
    );
  const transport = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  } as object);
  try {
    await transport.sendMail(mail);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isPermanent(error) || attempt >= maxAttempts) return markFailed(deps, target, attempt, message);
    await updateDelivery(deps.db, target.messageId, {
      status: 'queued',
      attempts: attempt,
      error: message,
      sentAt: null,
    });
    throw error;
  } finally {
    transport.close();
  }
  await deps.db.transaction().execute(async (tx) => {
    await updateDelivery(tx, target.messageId, {
      status: 'sent',
      attempts: attempt,
      error: null,
      sentAt: deps.clock.now(),
    });
    await publishChange(tx, {
      type: 'conversation.updated',
      conversationId: target.conversationId,
      changes: ['email_delivery'],
    });
  });
}

/** Whom an answer goes to: the customer's Reply-To or From, plus those they copied (not us). */
export function answerRecipients(
  latest: {
    reply_to_addresses: unknown;
    from_address: string | null;
    from_name: string;
    cc_addresses: unknown;
  },
  ours: string[],
) {
  const replyTo = (latest.reply_to_addresses as Address[]) ?? [];
  const to =
    replyTo.length > 0
      ? replyTo
      : latest.from_address
        ? [{ address: latest.from_address, name: latest.from_name }]
        : [];
  const isOurs = (address: string) => ours.includes(splitPlusAddress(address).base);
  const toAddresses = new Set(to.map((entry) => entry.address.toLowerCase()));
  const cc = ((latest.cc_addresses as Address[]) ?? []).filter(
    (entry) => !isOurs(entry.address) && !toAddresses.has(entry.address.toLowerCase()),
  );
  return { to: to.filter((entry) => !isOurs(entry.address)), cc };
}

/** The `email_send_reply` job: mails an agent's public reply in an email conversation. */
export async function sendReplyEmail(deps: OutboundDeps, messageId: string, attempt: JobAttempt) {
  const reply = await findReplyToSend(deps.db, messageId);
  if (!reply) return;
  const recorded = await findEmailDetails(deps.db, messageId);
  if (recorded?.delivery_status === 'sent' || recorded?.delivery_status === 'failed') return;
  const latest = await findLatestCustomerMail(deps.db, reply.conversation_id);
  const mailbox =
    (latest?.mailbox_id ? await findMailbox(deps.db, latest.mailbox_id) : undefined) ??
    (await findOldestMailbox(deps.db));
  const target = { messageId, conversationId: reply.conversation_id };
  if (!mailbox) return markFailed(deps, target, attempt.attempt, 'No mailbox is configured to send from');
  const recipients = latest
    ? answerRecipients(latest, await findAllMailboxAddresses(deps.db))
    : {
        to: [await findCustomerEmail(deps.db, reply.customer_id)].filter((entry) => entry !== undefined),
        cc: [],
      };
  const rfcMessageId = recorded?.rfc_message_id ?? outboundMessageId(messageId, mailbox.address);
  const attachments = await findOutboundAttachments(deps.db, messageId);
  const mail = composeOutboundMail({
    kind: 'reply',
    mailbox,
    agentName: reply.agent_name,
    conversation: { reference: reply.reference, subject: reply.subject },
    to: recipients.to,
    cc: recipients.cc,
    rfcMessageId,
    replyToken: createReplyToken(loadSecretBox(deps.config).replyTokenKey, reply.reference),
    inReplyTo: latest?.rfc_message_id ?? null,
    references: latest?.reference_ids ?? [],
    text: reply.body_text,
    attachments: attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.content_type,
      path: blobPath(deps.config.dataDir, attachment.sha256),
    })),
  });
  await recordOutboundMail(deps.db, {
    message_id: messageId,
    mailbox_id: mailbox.id,
    rfc_message_id: rfcMessageId,
    in_reply_to: latest ? [latest.rfc_message_id] : [],
    reference_ids: latest ? [...latest.reference_ids, latest.rfc_message_id] : [],
    from_address: mailbox.address,
    from_name: mailbox.name,
    to_addresses: JSON.stringify(recipients.to),
    cc_addresses: JSON.stringify(recipients.cc),
    reply_to_addresses: '[]',
    subject: String(mail.subject),
    kind: 'reply',
    delivery_status: 'queued',
  });
  if (recipients.to.length === 0)
    return markFailed(deps, target, attempt.attempt, 'The customer has no email address to answer');
  await sendRecordedMail(deps, target, smtpUrlFor(deps, mailbox), mail, attempt);
}

export type SystemMail = {
  mailbox: MailboxRow;
  conversation: { id: string; reference: number; subject: string };
  /** Stable per mail, so a retried job finds the message it recorded and does not record it again. */
  rfcMessageId: string;
  to: Address[];
  subject: string;
  text: string;
  metadata: { kind: string; language: string };
  inReplyTo: string | null;
  references: string[];
  /** The ETA the mail tells the customer, recorded as a promise with the mail's message. */
  promise?: Pick<PromiseInput, 'queue' | 'teamId' | 'p50Seconds' | 'p90Seconds' | 'forecast'>;
};

/**
 * Mail we send on our own (acknowledgements, notices other channels ask for): recorded as a
 * system message of the conversation — once, whatever the retries — then composed like our
 * replies (reply token, reference in the subject) and sent.
 */
export async function sendSystemMail(deps: OutboundDeps, mail: SystemMail, attempt: JobAttempt) {
  const { mailbox, conversation, rfcMessageId } = mail;
  // A retried job sends the text recorded the first time, whatever it would say now (an ETA
  // computed again an hour later is not the one the conversation shows).
  const { messageId, text } = await deps.db.transaction().execute(async (tx) => {
    const inserted = await insertMessageOnce(tx, {
      conversation_id: conversation.id,
      channel: 'email',
      direction: 'outbound',
      author_type: 'system',
      visibility: 'public',
      body_text: mail.text,
      metadata: JSON.stringify(mail.metadata),
      external_id: rfcMessageId,
      created_at: deps.clock.now(),
    });
    if (!inserted) {
      const existing = await tx
        .selectFrom('messages')
        .select(['id', 'body_text'])
        .where('channel', '=', 'email')
        .where('external_id', '=', rfcMessageId)
        .executeTakeFirstOrThrow();
      return { messageId: existing.id, text: existing.body_text };
    }
    await recordOutboundMail(tx, {
      message_id: inserted.id,
      mailbox_id: mailbox.id,
      rfc_message_id: rfcMessageId,
      in_reply_to: mail.inReplyTo ? [mail.inReplyTo] : [],
      reference_ids: mail.inReplyTo ? [...mail.references, mail.inReplyTo] : mail.references,
      from_address: mailbox.address,
      from_name: mailbox.name,
      to_addresses: JSON.stringify(mail.to),
      subject: mail.subject,
      kind: 'acknowledgement',
      delivery_status: 'queued',
      cc_addresses: '[]',
      reply_to_addresses: '[]',
    });
    if (mail.promise) {
      await recordPromise(tx, {
        conversationId: conversation.id,
        channel: 'email',
        ...mail.promise,
        promisedAt: deps.clock.now(),
      });
    }
    await publishChange(tx, {
      type: 'message.created',
      conversationId: conversation.id,
      messageId: inserted.id,
    });
    return { messageId: inserted.id, text: mail.text };
  });
  const recorded = await findEmailDetails(deps.db, messageId);
  if (recorded?.delivery_status !== 'queued') return recorded?.delivery_status ?? null;
  const composed = composeOutboundMail({
    kind: 'acknowledgement',
    mailbox,
    agentName: null,
    conversation: { reference: conversation.reference, subject: conversation.subject },
    to: mail.to,
    cc: [],
    rfcMessageId,
    replyToken: createReplyToken(loadSecretBox(deps.config).replyTokenKey, conversation.reference),
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    text,
    attachments: [],
  });
  await sendRecordedMail(
    deps,
    { messageId, conversationId: conversation.id },
    smtpUrlFor(deps, mailbox),
    { ...composed, subject: mail.subject },
    attempt,
  );
  // 'sent', or 'failed' when the relay refused it for good or the last attempt failed.
  return (await findEmailDetails(deps.db, messageId))?.delivery_status ?? null;
}
