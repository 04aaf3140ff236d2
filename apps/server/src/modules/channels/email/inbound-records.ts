import { createHash } from 'node:crypto';
import type { Tx } from '../../../db/database.ts';
import type { MailboxRow } from '../../../db/schema.ts';
import { publishChange } from '../../../platform/realtime.ts';
import { recomputeConversationSla } from '../../sla/index.ts';
import type { EmailAuthentication } from './authentication.ts';
import type { MailClassification } from './automated-mail.ts';
import {
  findThreadByMessageIds,
  insertAttachments,
  insertEmailMessage,
  markAddressFailing,
} from './email-messages.repository.ts';
import type { InboundDelivery, InboundResult } from './inbound.service.ts';
import {
  addTags,
  insertConversation,
  insertEvents,
  insertMessageOnce,
  lockConversation,
  updateConversation,
} from './inbound-conversations.repository.ts';
import type { InboundEmail } from './parse-email.ts';
import type { ThreadDecision } from './threading.ts';

/** The rows of one inbound mail, written inside the inbound pipeline's transaction. */

/** Lost a race with a concurrent delivery of the same mail; the pipeline retries and finds it stored. */
export class DuplicateRaceError extends Error {}

export type PlaceInput = {
  decision: ThreadDecision;
  mailbox: MailboxRow;
  customerId: string;
  email: InboundEmail;
  language: string | null;
  isPerson: boolean;
  now: Date;
  classification: MailClassification;
};

/** Appends to the conversation the mail belongs to, or opens one (a follow-up when that one is closed). */
export async function placeMessage(
  tx: Tx,
  input: PlaceInput,
): Promise<{ conversationId: string; isNew: boolean }> {
  const { decision, now } = input;
  if (decision.action === 'append') {
    const conversation = await lockConversation(tx, decision.conversationId);
    // Machines (out-of-office, lists) are filed with the conversation but change nothing in it.
    if (conversation && input.isPerson) {
      const reopens = conversation.status === 'pending' || conversation.status === 'solved';
      await updateConversation(tx, conversation.id, {
        updated_at: now,
        last_message_at: now,
        waiting_since: conversation.waiting_since ?? now,
        ...(reopens
          ? { status: 'open', ...(conversation.status === 'solved' ? { solved_at: null } : {}) }
          : {}),
      });
      await recomputeConversationSla(tx, conversation.id, now);
      if (reopens) {
        await insertEvents(tx, [
          {
            conversation_id: conversation.id,
            type: 'status_changed',
            actor_type: 'customer',
            actor_agent_id: null,
            data: { from: conversation.status, to: 'open' },
          },
        ]);
        await publishChange(tx, {
          type: 'conversation.updated',
          conversationId: conversation.id,
          changes: ['status'],
        });
      }
    }
    return { conversationId: decision.conversationId, isNew: false };
  }
  const followUpOfId = decision.action === 'follow_up' ? decision.followUpOfId : null;
  const conversation = await insertConversation(tx, {
    customer_id: input.customerId,
    subject: input.email.subject.slice(0, 1000),
    channel: 'email',
    language: input.language,
    team_id: input.mailbox.team_id,
    follow_up_of_id: followUpOfId,
    created_at: now,
    updated_at: now,
    last_message_at: now,
    waiting_since: input.isPerson ? now : null,
  });
  await insertEvents(tx, [
    {
      conversation_id: conversation.id,
      type: 'created',
      actor_type: 'customer',
      actor_agent_id: null,
      data: {
        channel: 'email',
        mailboxId: input.mailbox.id,
        teamId: input.mailbox.team_id,
        assigneeId: null,
        followUpOfId,
      },
    },
    ...(followUpOfId
      ? [
          {
            conversation_id: followUpOfId,
            type: 'follow_up_opened',
            actor_type: 'customer' as const,
            actor_agent_id: null,
            data: { followUpId: conversation.id },
          },
        ]
      : []),
  ]);
  if (!input.isPerson)
    await addTags(tx, conversation.id, [input.classification.kind === 'bulk' ? 'bulk-mail' : 'auto-reply']);
  await recomputeConversationSla(tx, conversation.id, now);
  await publishChange(tx, { type: 'conversation.created', conversationId: conversation.id });
  return { conversationId: conversation.id, isNew: true };
}

export type StoredDetails = {
  email: InboundEmail;
  externalId: string;
  rawSha256: string;
  rawSize: number;
  authentication: EmailAuthentication | null;
  classification: MailClassification;
};

export async function storeEmailDetails(
  tx: Tx,
  messageId: string,
  delivery: InboundDelivery,
  details: StoredDetails,
  threadedBy: 'reply_token' | 'message_id' | 'subject_reference' | null,
) {
  const { email } = details;
  await insertEmailMessage(tx, {
    message_id: messageId,
    mailbox_id: delivery.mailbox.id,
    rfc_message_id: details.externalId,
    in_reply_to: email.inReplyTo,
    reference_ids: email.references,
    from_address: email.from?.address.toLowerCase() ?? null,
    from_name: email.from?.name ?? '',
    to_addresses: JSON.stringify(email.to),
    cc_addresses: JSON.stringify(email.cc),
    reply_to_addresses: JSON.stringify(email.replyTo),
    subject: email.subject,
    kind: details.classification.kind,
    kind_reason: details.classification.reason,
    full_text: email.text,
    raw_sha256: details.rawSha256,
    raw_size: details.rawSize,
    authentication: details.authentication ? JSON.stringify(details.authentication) : null,
    is_suspicious: details.authentication?.isSuspicious ?? false,
    threaded_by: threadedBy,
  });
  await insertAttachments(
    tx,
    email.attachments.map((attachment) => ({
      message_id: messageId,
      filename: attachment.filename.slice(0, 500),
      content_type: attachment.contentType,
      size_bytes: attachment.size,
      sha256: createHash('sha256').update(attachment.content).digest('hex'),
      content_id: attachment.contentId,
      is_inline: attachment.isInline,
    })),
  );
}

/**
 * A bounce is never answered. It marks the failed addresses, and when it names a mail of ours it
 * is filed in that conversation as an internal note for the agent.
 */
export async function recordBounce(
  tx: Tx,
  delivery: InboundDelivery,
  details: StoredDetails,
  now: Date,
): Promise<InboundResult> {
  const originalId = details.email.deliveryReport?.originalMessageId;
  const thread = originalId ? await findThreadByMessageIds(tx, [originalId]) : undefined;
  let messageId: string | null = null;
  if (thread) {
    const failed = details.classification.failedRecipients;
    const diagnostic = details.email.deliveryReport?.recipients.find((entry) =>
      failed.includes(entry.recipient),
    )?.diagnostic;
    const message = await insertMessageOnce(tx, {
      conversation_id: thread.id,
      channel: 'email',
      direction: 'inbound',
      author_type: 'system',
      visibility: 'internal',
      body_text:
        failed.length > 0
          ? `Mail to ${failed.join(', ')} could not be delivered.${diagnostic ? `\n${diagnostic}` : ''}`
          : `Delivery report: ${details.email.subject}`,
      metadata: JSON.stringify({ mailboxId: delivery.mailbox.id, kind: 'bounce' }),
      external_id: details.externalId,
      created_at: now,
    });
    if (!message) throw new DuplicateRaceError();
    messageId = message.id;
    await storeEmailDetails(tx, message.id, delivery, details, 'message_id');
    await insertEvents(tx, [
      {
        conversation_id: thread.id,
        type: 'email_bounced',
        actor_type: 'system',
        actor_agent_id: null,
        data: { addresses: failed, messageId },
      },
    ]);
    await publishChange(tx, { type: 'message.created', conversationId: thread.id, messageId });
  }
  for (const entry of details.email.deliveryReport?.recipients ?? []) {
    if (!details.classification.failedRecipients.includes(entry.recipient)) continue;
    await markAddressFailing(tx, {
      address: entry.recipient,
      status: entry.status,
      diagnostic: entry.diagnostic,
      bounceMessageId: messageId,
      at: now,
    });
  }
  return {
    outcome: 'bounce',
    conversationId: thread?.id ?? null,
    messageId,
    isNewConversation: false,
    isAcknowledged: false,
  };
}
