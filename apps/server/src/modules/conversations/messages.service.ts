import type { ConversationStatus, Message } from '@frontline/contracts';
import type { Tx } from '../../db/database.ts';
import type { ConversationRow, ConversationUpdate } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { publishChange } from '../../platform/realtime.ts';
import { resolvePromisesOf } from '../eta/index.ts';
import { recomputeConversationSla } from '../sla/index.ts';
import { triageArrival } from '../triage/index.ts';
import type { Viewer } from './conversation-access.ts';
import { lockVisibleConversation } from './conversation-changes.service.ts';
import {
  assertTransition,
  statusAfterAgentReply,
  statusAfterCustomerMessage,
} from './conversation-status.ts';
import { planStatusChange } from './conversation-update.ts';
import { type AttachmentMetadata, toMessageDto } from './conversations.dto.ts';
import {
  conversationClosed,
  conversationMerged,
  conversationNotFound,
  unknownAttachment,
} from './conversations.errors.ts';
import {
  findMessageByExternalId,
  insertEvents,
  insertMessage,
  insertMessageOnce,
  lockConversation,
  updateConversationRow,
} from './conversations.repository.ts';
import { notifyMentionedAgents } from './mentions.service.ts';
import { linkAgentUploads, lockUnsentAgentUploads } from './message-attachments.repository.ts';

function assertAcceptsMessages(conversation: ConversationRow) {
  if (conversation.status === 'closed') throw conversationClosed();
  if (conversation.status === 'merged') throw conversationMerged(conversation.merged_into_id);
}

async function announceMessage(tx: Tx, conversationId: string, messageId: string, changedStatus: boolean) {
  await publishChange(tx, { type: 'message.created', conversationId, messageId });
  if (changedStatus)
    await publishChange(tx, { type: 'conversation.updated', conversationId, changes: ['status'] });
}

export type AgentMessageInput = {
  body: string;
  visibility: 'public' | 'internal';
  /** "Send and solve": the status to set in the same step. */
  status?: ConversationStatus;
  /** The agent's own unsent uploads to send with it. */
  attachmentIds?: string[];
};

/** The agent's own unsent uploads among `ids`, locked; 422 if any is someone else's, sent, or unknown. */
async function claimAgentUploads(
  tx: Tx,
  agentId: string,
  ids: readonly string[],
): Promise<AttachmentMetadata[]> {
  const unique = [...new Set(ids)];
  const rows = await lockUnsentAgentUploads(tx, agentId, unique);
  if (rows.length !== unique.length) throw unknownAttachment();
  return unique.map((id) => {
    const row = rows.find((candidate) => candidate.id === id)!;
    return { id, name: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes };
  });
}

/**
 * An agent's reply or internal note. A public reply is the response the customer waits for: it
 * opens a `new` conversation, stamps the first response and ends the customer's wait. A note is
 * for colleagues and changes none of that. With `status` the conversation moves on in the same
 * transaction, checked against the status machine from where the reply left it. Files the agent
 * uploaded go with it, claimed in the same transaction: the channel sends them with the reply
 * (email attachments, chat files), and a note's files stay with the agents.
 */
export async function postAgentMessage(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer,
  conversationId: string,
  input: AgentMessageInput,
): Promise<Message> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const conversation = await lockVisibleConversation(tx, viewer, conversationId);
    assertAcceptsMessages(conversation);
    const isReply = input.visibility === 'public';
    const afterReply = isReply ? statusAfterAgentReply(conversation.status) : conversation.status;
    const requested = input.status ?? afterReply;
    assertTransition(afterReply, requested);
    const statusChange = planStatusChange(conversation.status, requested, now);
    const attachments = await claimAgentUploads(tx, viewer.agentId, input.attachmentIds ?? []);

    const message = await insertMessage(tx, {
      conversation_id: conversationId,
      channel: conversation.channel,
      // Notes never leave the building, but they are written by us, not received.
      direction: 'outbound',
      author_type: 'agent',
      author_agent_id: viewer.agentId,
      visibility: input.visibility,
      body_text: input.body,
      metadata: JSON.stringify(attachments.length > 0 ? { attachments } : {}),
      created_at: now,
    });
    await linkAgentUploads(
      tx,
      attachments.map((file) => file.id),
      message.id,
    );
    const set: ConversationUpdate = { updated_at: now };
    if (isReply) {
      set.last_message_at = now;
      set.waiting_since = null;
      if (conversation.first_response_at === null) {
        set.first_response_at = now;
        set.first_response_agent_id = viewer.agentId;
        // Every ETA the customer was shown is settled by this, the first human response.
        await resolvePromisesOf(tx, conversationId, now);
      }
    }
    await updateConversationRow(tx, conversationId, { ...set, ...statusChange.set });
    await insertEvents(
      tx,
      statusChange.events.map((event) => ({
        conversation_id: conversationId,
        type: event.type,
        actor_type: 'agent' as const,
        actor_agent_id: viewer.agentId,
        data: event.data,
      })),
    );
    if (isReply || statusChange.events.length > 0) await recomputeConversationSla(tx, conversationId, now);
    if (!isReply)
      await notifyMentionedAgents(tx, { conversation, body: input.body, authorId: viewer.agentId });
    await announceMessage(tx, conversationId, message.id, statusChange.events.length > 0);
    return toMessageDto(message);
  });
}

export type CustomerMessageInput = {
  body: string;
  bodyHtml?: string | null;
  /** The channel's own id (email Message-ID, chat client message id): a redelivery is stored once. */
  externalId?: string;
  metadata?: Record<string, unknown>;
  channel?: string;
};

/**
 * A customer writing in an existing conversation (for channel adapters). The customer waits from
 * now (unless already waiting) and a pending or solved conversation is open again. A redelivered
 * message with the same channel and external id changes nothing and answers the stored message.
 * Closed and merged conversations refuse: the adapter opens a follow-up or follows the merge.
 */
export async function addCustomerMessage(
  deps: Pick<Deps, 'db' | 'clock'>,
  conversationId: string,
  input: CustomerMessageInput,
): Promise<{ message: Message; isDuplicate: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    if (!conversation) throw conversationNotFound();
    assertAcceptsMessages(conversation);
    const channel = input.channel ?? conversation.channel;
    const inserted = await insertMessageOnce(tx, {
      conversation_id: conversationId,
      channel,
      direction: 'inbound',
      author_type: 'customer',
      author_customer_id: conversation.customer_id,
      visibility: 'public',
      body_text: input.body,
      body_html: input.bodyHtml ?? null,
      metadata: JSON.stringify(input.metadata ?? {}),
      external_id: input.externalId ?? null,
      created_at: now,
    });
    if (!inserted) {
      const existing = await findMessageByExternalId(tx, channel, input.externalId!);
      return { message: toMessageDto(existing!), isDuplicate: true };
    }
    await triageArrival(tx, {
      conversationId,
      messageId: inserted.id,
      text: input.body,
      now,
      isFirstMessage: false,
      replacesLanguage: false,
    });
    const statusChange = planStatusChange(
      conversation.status,
      statusAfterCustomerMessage(conversation.status),
      now,
      'system',
    );
    await updateConversationRow(tx, conversationId, {
      updated_at: now,
      last_message_at: now,
      waiting_since: conversation.waiting_since ?? now,
      ...statusChange.set,
    });
    await insertEvents(
      tx,
      statusChange.events.map((event) => ({
        conversation_id: conversationId,
        type: event.type,
        actor_type: 'customer' as const,
        actor_agent_id: null,
        data: event.data,
      })),
    );
    await recomputeConversationSla(tx, conversationId, now);
    await announceMessage(tx, conversationId, inserted.id, statusChange.events.length > 0);
    return { message: toMessageDto(inserted), isDuplicate: false };
  });
}
