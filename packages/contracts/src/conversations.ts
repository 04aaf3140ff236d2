import { z } from 'zod';
import { cursorQuery, isoDateTime, languageCode, pageOf, uuid } from './common.ts';
import { triageSignalSchema } from './eta.ts';
import { conversationTopicSchema, topicSuggestionSchema } from './topics.ts';

export const conversationStatuses = [
  'new',
  'open',
  'pending',
  'on_hold',
  'solved',
  'closed',
  'merged',
] as const;
export const conversationStatus = z.enum(conversationStatuses);
export type ConversationStatus = z.infer<typeof conversationStatus>;

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const priority = z.enum(priorities);
export type Priority = z.infer<typeof priority>;

export const channels = ['api', 'email', 'web_form', 'chat', 'phone', 'social', 'walk_in'] as const;
export const channel = z.enum(channels);
export type Channel = z.infer<typeof channel>;

export const visibility = z.enum(['public', 'internal']);
export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_\-.:/ ]+$/u, 'letters, digits, space and _-.:/ only');

export const slaStates = ['ok', 'at_risk', 'breached', 'paused'] as const;
export const slaState = z.enum(slaStates);
export type SlaState = z.infer<typeof slaState>;

/** A conversation's standing against its SLA policy; null on the conversation when none applies. */
export const conversationSlaSchema = z
  .object({
    policyId: uuid,
    policyName: z.string(),
    /** At the moment of the response: `paused` while pending or on hold. Clients count down from `dueAt`. */
    state: slaState,
    /** The earliest target still counting, and when its warning comes. */
    dueAt: isoDateTime.nullable(),
    warningAt: isoDateTime.nullable(),
    firstResponseDueAt: isoDateTime.nullable(),
    nextResponseDueAt: isoDateTime.nullable(),
    resolutionDueAt: isoDateTime.nullable(),
    /** When a target was missed (kept after the target is met, for reports). */
    firstResponseBreachedAt: isoDateTime.nullable(),
    nextResponseBreachedAt: isoDateTime.nullable(),
    resolutionBreachedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'ConversationSla' });
export type ConversationSla = z.infer<typeof conversationSlaSchema>;

export const conversationSummarySchema = z
  .object({
    id: uuid,
    reference: z.number().int(),
    subject: z.string(),
    status: conversationStatus,
    priority,
    channel,
    language: z.string().nullable(),
    customer: z.object({ id: uuid, name: z.string(), email: z.string().nullable() }),
    teamId: uuid.nullable(),
    /** The team's name, so lists need no second lookup. */
    teamName: z.string().nullable(),
    assigneeId: uuid.nullable(),
    assigneeName: z.string().nullable(),
    tags: z.array(z.string()),
    /** The start of the latest message (any visibility), at most 200 characters. */
    preview: z.string(),
    mergedIntoId: uuid.nullable(),
    followUpOfId: uuid.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    lastMessageAt: isoDateTime,
    waitingSince: isoDateTime.nullable(),
    firstResponseAt: isoDateTime.nullable(),
    solvedAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    /** Standing against the SLA policy that applies; null when none does. */
    sla: conversationSlaSchema.nullable(),
    /** The topic, and whether a keyword rule, the classifier or an agent set it. */
    topic: conversationTopicSchema.nullable(),
  })
  .meta({ id: 'ConversationSummary' });
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/**
 * Files agents may attach to replies and notes (the same rule as the chat widget's uploads): the
 * server decides the type by the file's first bytes, so `acceptedTypes` is a hint for pickers.
 */
export const messageAttachmentLimits = {
  maxBytes: 10 * 1_048_576,
  maxFiles: 10,
  acceptedTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'],
} as const;

/** A file sent with a message. `url` downloads it with the agent's session (images inline). */
export const messageAttachmentSchema = z
  .object({
    id: uuid,
    name: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    url: z.string(),
  })
  .meta({ id: 'MessageAttachment' });
export type MessageAttachment = z.infer<typeof messageAttachmentSchema>;

/** `POST /api/v1/attachments` answers the stored upload; send its id in `attachmentIds`. */
export const attachmentUploadResponse = messageAttachmentSchema;

export const messageSchema = z
  .object({
    id: uuid,
    conversationId: uuid,
    channel: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    authorType: z.enum(['customer', 'agent', 'system']),
    authorAgentId: uuid.nullable(),
    authorCustomerId: uuid.nullable(),
    visibility,
    body: z.string(),
    bodyHtml: z.string().nullable(),
    /** Files sent with the message (chat, web form and agents' uploads; email files are in its email details). */
    attachments: z.array(messageAttachmentSchema),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof messageSchema>;

/**
 * A timeline entry. Types written by the conversations module, with their `data`:
 * `created` {channel}, `status_changed` {from, to, reason?}, `priority_changed` {from, to},
 * `assigned` {from, to} (agent ids or null), `team_changed` {from, to},
 * `tags_changed` {added, removed}, `language_changed` {from, to}, `subject_changed` {from, to},
 * `merged_into` {conversationId, reference}, `merged_from` {conversationId, reference, messageCount}.
 * Other modules add their own types; clients show unknown types generically.
 */
export const conversationEventSchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    actorType: z.enum(['agent', 'customer', 'system']),
    actorAgentId: uuid.nullable(),
    data: z.record(z.string(), z.unknown()),
    createdAt: isoDateTime,
  })
  .meta({ id: 'ConversationEvent' });
export type ConversationEvent = z.infer<typeof conversationEventSchema>;

export const conversationDetailSchema = conversationSummarySchema
  .extend({
    messages: z.array(messageSchema),
    events: z.array(conversationEventSchema),
    /** Triage on arrival: the priority the customer's words suggest, and why (never applied by itself). */
    triage: z.object({ suggestedPriority: priority.nullable(), signals: z.array(triageSignalSchema) }),
    /** The classifier's low-confidence guess, while the conversation has no topic. */
    topicSuggestion: topicSuggestionSchema.nullable(),
  })
  .meta({ id: 'ConversationDetail' });
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

const customerReference = z
  .strictObject({
    id: uuid.optional(),
    email: z.string().trim().max(320).optional(),
    phone: z.string().trim().max(64).optional(),
    name: z.string().trim().max(200).optional(),
    preferredLanguage: languageCode.optional(),
  })
  .refine((customer) => customer.id || customer.email || customer.phone, {
    message: 'give the customer an id, an email or a phone',
  });

export const createConversationBody = z.strictObject({
  customer: customerReference,
  subject: z.string().trim().max(500).default(''),
  message: z.strictObject({ body: z.string().trim().min(1).max(100_000) }),
  priority: priority.optional(),
  channel: channel.default('api'),
  language: languageCode.optional(),
  teamId: uuid.optional(),
  assigneeId: uuid.optional(),
  tags: z.array(tag).max(50).default([]),
});
export type CreateConversationBody = z.infer<typeof createConversationBody>;

export const createConversationResponse = conversationSummarySchema;
export const listConversationsResponse = pageOf(conversationSummarySchema);

/**
 * A closed conversation accepts only `tags` (classification after the fact, for reports); a
 * merged one accepts nothing. `new` and `merged` cannot be set: `new` is only where a
 * conversation starts, `merged` is set by the merge action.
 */
export const updateConversationBody = z.strictObject({
  status: conversationStatus.optional(),
  priority: priority.optional(),
  teamId: uuid.nullable().optional(),
  assigneeId: uuid.nullable().optional(),
  tags: z.array(tag).max(50).optional(),
  language: languageCode.nullable().optional(),
  subject: z.string().trim().max(500).optional(),
  /** A topic id; null clears it. An agent's topic is never replaced by triage. */
  topicId: uuid.nullable().optional(),
});
export type UpdateConversationBody = z.infer<typeof updateConversationBody>;

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(1000)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(20));

/** How a list of conversations is ordered; `sla_due_asc`: the earliest SLA due time first (those without one last). */
export const conversationSorts = [
  'updated_desc',
  'updated_asc',
  'created_desc',
  'created_asc',
  'sla_due_asc',
] as const;
export const conversationSort = z.enum(conversationSorts);
export type ConversationSort = z.infer<typeof conversationSort>;

export const listConversationsQuery = z.strictObject({
  status: csv(conversationStatus).optional(),
  priority: csv(priority).optional(),
  channel: csv(channel).optional(),
  /** A team id, `mine` for any of the viewer's teams, or `none` for conversations without a team. */
  team: z.union([uuid, z.literal('mine'), z.literal('none')]).optional(),
  /** An agent id, `me`, or `none` for unassigned conversations. */
  assignee: z.union([uuid, z.literal('me'), z.literal('none')]).optional(),
  customer: uuid.optional(),
  tag: tag.optional(),
  /** A topic key. */
  topic: z.string().max(60).optional(),
  language: languageCode.optional(),
  /**
   * Words in the subject or any message body, diacritics and case ignored (`siauliai` finds
   * `Šiauliai`); web-search syntax: `"exact phrase"`, `-excluded`, `or`. `#1042` or `1042` also
   * finds the conversation with that reference.
   */
  text: z.string().trim().min(1).max(200).optional(),
  /** `breached`: a target's due time has passed; `at_risk`: its warning has come, the due time not yet. */
  sla: z.enum(['at_risk', 'breached']).optional(),
  sort: conversationSort.default('updated_desc'),
  ...cursorQuery,
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuery>;

export const postMessageBody = z
  .strictObject({
    body: z.string().trim().max(100_000).default(''),
    visibility: visibility.default('public'),
    /** Set the conversation's status in the same step ("send and solve"). */
    status: conversationStatus.optional(),
    /** The caller's own unsent uploads (`POST /api/v1/attachments`) to send with the message. */
    attachmentIds: z.array(uuid).max(messageAttachmentLimits.maxFiles).default([]),
  })
  .refine((message) => message.body.length > 0 || message.attachmentIds.length > 0, {
    path: ['body'],
    message: 'Write something or attach a file',
  });

export const postMessageResponse = messageSchema;

export const mergeConversationBody = z.strictObject({
  /** The conversation this one is merged into; both must belong to the same customer. */
  targetConversationId: uuid,
});

export const mergeConversationResponse = z.object({
  /** The conversation in the path, now `merged` and without messages. */
  source: conversationSummarySchema,
  /** The conversation that received the messages. */
  target: conversationSummarySchema,
});

/** Inbox view sizes for the caller, over the conversations they may see; "open" means new or open. */
export const conversationCountsSchema = z.object({
  mine: z.number().int(),
  unassigned: z.number().int(),
  myTeams: z.number().int(),
  allOpen: z.number().int(),
  pending: z.number().int(),
  onHold: z.number().int(),
  solved: z.number().int(),
  /** Conversations whose SLA warning has come (due time not yet passed), and those past a due time. */
  atRisk: z.number().int(),
  breached: z.number().int(),
});
