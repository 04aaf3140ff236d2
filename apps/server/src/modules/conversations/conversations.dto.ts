import type {
  ConversationEvent,
  ConversationSummary,
  Message,
  MessageAttachment,
} from '@frontline/contracts';
import type { ConversationEventRow, MessageRow } from '../../db/schema.ts';
import { slaStateAt } from '../sla/index.ts';
import type { ConversationSummaryRow } from './conversations.queries.ts';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

function toSlaDto(row: ConversationSummaryRow, now: Date): ConversationSummary['sla'] {
  if (row.sla_policy_id === null) return null;
  const dueAt = dateOrNull(row.sla_due_at);
  // Paused only means something while a target still waits to be met.
  const hasOpenTarget =
    row.sla_resolution_minutes !== null ||
    (row.sla_first_response_minutes !== null && row.first_response_at === null) ||
    (row.sla_next_response_minutes !== null && row.first_response_at !== null && row.waiting_since !== null);
  const isPaused =
    hasOpenTarget &&
    row.sla_clock_started_at === null &&
    (row.status === 'pending' || row.status === 'on_hold');
  // No target counts any more (all met, or the conversation is solved): nothing to show.
  if (dueAt === null && !isPaused) return null;
  return {
    policyId: row.sla_policy_id,
    policyName: row.sla_policy_name ?? '',
    state: slaStateAt({ dueAt, warningAt: dateOrNull(row.sla_warning_at), isPaused }, now),
    dueAt: isoOrNull(row.sla_due_at),
    warningAt: isoOrNull(row.sla_warning_at),
    firstResponseDueAt: isoOrNull(row.first_response_due_at),
    nextResponseDueAt: isoOrNull(row.next_response_due_at),
    resolutionDueAt: isoOrNull(row.resolution_due_at),
    firstResponseBreachedAt: isoOrNull(row.first_response_breached_at),
    nextResponseBreachedAt: isoOrNull(row.next_response_breached_at),
    resolutionBreachedAt: isoOrNull(row.resolution_breached_at),
  };
}

/** `now` decides the SLA state (ok, at risk, breached) the summary reports. */
export function toConversationSummaryDto(row: ConversationSummaryRow, now: Date): ConversationSummary {
  return {
    id: row.id,
    reference: row.reference,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    channel: row.channel,
    language: row.language,
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    teamId: row.team_id,
    teamName: row.team_name,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    tags: row.tags,
    preview: row.preview,
    mergedIntoId: row.merged_into_id,
    followUpOfId: row.follow_up_of_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    lastMessageAt: iso(row.last_message_at),
    waitingSince: isoOrNull(row.waiting_since),
    firstResponseAt: isoOrNull(row.first_response_at),
    solvedAt: isoOrNull(row.solved_at),
    closedAt: isoOrNull(row.closed_at),
    sla: toSlaDto(row, now),
    topic:
      row.topic_id && row.topic_key && row.topic_source
        ? {
            id: row.topic_id,
            key: row.topic_key,
            names: (row.topic_names ?? {}) as Record<string, string>,
            source: row.topic_source,
            confidence: row.topic_confidence,
          }
        : null,
  };
}

/** What a message keeps of each file it sent, in `metadata.attachments` (chat, web form and agents alike). */
export type AttachmentMetadata = { id: string; name: string; contentType: string; sizeBytes: number };

/** Where agents download an agent's upload with their session. */
export const agentUploadUrl = (id: string) => `/api/v1/attachments/${id}`;
/** Files customers sent (chat, web form) are served with the chat's uploads. */
const customerUploadUrl = (id: string) => `/api/v1/chats/uploads/${id}`;

function toMessageAttachments(row: MessageRow): MessageAttachment[] {
  const metadata = (row.metadata ?? {}) as { attachments?: unknown };
  if (!Array.isArray(metadata.attachments)) return [];
  const urlOf = row.author_type === 'agent' ? agentUploadUrl : customerUploadUrl;
  return (metadata.attachments as AttachmentMetadata[]).map((file) => ({
    id: file.id,
    name: file.name,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    url: urlOf(file.id),
  }));
}

export function toMessageDto(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    channel: row.channel,
    direction: row.direction,
    authorType: row.author_type,
    authorAgentId: row.author_agent_id,
    authorCustomerId: row.author_customer_id,
    visibility: row.visibility,
    body: row.body_text,
    bodyHtml: row.body_html,
    attachments: toMessageAttachments(row),
    createdAt: iso(row.created_at),
  };
}

export function toEventDto(row: ConversationEventRow): ConversationEvent {
  return {
    id: row.id,
    type: row.type,
    actorType: row.actor_type,
    actorAgentId: row.actor_agent_id,
    data: (row.data ?? {}) as Record<string, unknown>,
    createdAt: iso(row.created_at),
  };
}
