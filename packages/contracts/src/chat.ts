import { z } from 'zod';
import { ianaTimeZone, isoDateTime, languageCode, uuid } from './common.ts';

/**
 * Live chat. Visitors talk to `/api/v1/public/chat/stream` (WebSocket, JSON text frames) with a
 * signed visitor token; agents use the REST routes under `/api/v1/chats` and
 * `/api/v1/me/availability`, plus `/api/v1/chats/stream` for what only chat has (the visitor
 * typing, reading, moving between pages). Replies and new chats reach agents on the ordinary
 * conversation stream (`/api/v1/stream`), as conversations with channel `chat`.
 */

export const availabilityStatuses = ['online', 'away', 'offline'] as const;
export const availabilityStatus = z.enum(availabilityStatuses);
export type AvailabilityStatus = z.infer<typeof availabilityStatus>;

export const agentAvailabilitySchema = z
  .object({
    agentId: uuid,
    status: availabilityStatus,
    /** Concurrent chats this agent may hold; claiming beyond it is refused. */
    maxChats: z.number().int(),
    /** Chats assigned to the agent, not ended and not solved. */
    activeChats: z.number().int(),
  })
  .meta({ id: 'AgentAvailability' });
export type AgentAvailability = z.infer<typeof agentAvailabilitySchema>;

export const updateAvailabilityBody = z.strictObject({ status: availabilityStatus });
export const updateChatLimitBody = z.strictObject({ maxChats: z.number().int().min(0).max(50) });

/** How long until a human answers: "about p50, at the latest p90" (seconds). */
export const waitEstimateSchema = z.object({ p50Seconds: z.number().int(), p90Seconds: z.number().int() });
export type WaitEstimate = z.infer<typeof waitEstimateSchema>;

/** Whether the widget offers a live chat or takes a request answered by email, and why. */
export const chatModeSchema = z.object({
  mode: z.enum(['online', 'offline']),
  /** `closed`: outside business hours; `no_agents`: nobody online; `disabled` by an admin. */
  reason: z.enum(['open', 'closed', 'no_agents', 'disabled']),
  /** The expected wait for someone starting a chat now; null when offline. */
  wait: waitEstimateSchema.nullable(),
});
export type ChatMode = z.infer<typeof chatModeSchema>;

export const chatAttachmentSchema = z.object({
  id: uuid,
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  /** A capability URL (signed), relative to the server. */
  url: z.string(),
});
export type ChatAttachment = z.infer<typeof chatAttachmentSchema>;

export const chatAgentSchema = z.object({ name: z.string(), initials: z.string(), color: z.string() });
export type ChatAgent = z.infer<typeof chatAgentSchema>;

/** A message as the visitor sees it (internal notes never reach the visitor). */
export const chatMessageSchema = z.object({
  id: uuid,
  /** The visitor's own id for a message they sent; null for agents' and system messages. */
  clientId: z.string().nullable(),
  author: z.enum(['visitor', 'agent', 'system']),
  agent: chatAgentSchema.nullable(),
  body: z.string(),
  attachments: z.array(chatAttachmentSchema),
  createdAt: isoDateTime,
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatStateSchema = z.object({
  conversationId: uuid,
  reference: z.number().int(),
  agent: chatAgentSchema.nullable(),
  /** Visitor messages created at or before this were read by an agent. */
  agentReadAt: isoDateTime.nullable(),
  endedAt: isoDateTime.nullable(),
  isOfflineRequest: z.boolean(),
  /** Earlier chats of the same visitor or verified user come first; bounded to the latest 200. */
  messages: z.array(chatMessageSchema),
});
export type ChatState = z.infer<typeof chatStateSchema>;

/** Where a waiting visitor stands; `wait` is null while no agent is online to take chats. */
export const queueStateSchema = z.object({ position: z.number().int(), wait: waitEstimateSchema.nullable() });
export type QueueState = z.infer<typeof queueStateSchema>;

export const chatVisitorProfileSchema = z.object({
  id: uuid,
  name: z.string(),
  email: z.string().nullable(),
  language: z.string(),
  isVerified: z.boolean(),
});

/** A client-generated message id: what makes a re-send after a reconnect harmless. */
export const clientMessageId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -');

const messageBody = z.string().trim().max(10_000);

/** What the widget sends. */
export const visitorClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  /** Name, email and language from the pre-chat form; any of them. */
  z.object({
    type: z.literal('profile'),
    name: z.string().trim().max(200).optional(),
    email: z.email().max(320).optional(),
    language: languageCode.optional(),
  }),
  /** Starts the chat with the first one. Acked with `ack` only after it is stored. */
  z.object({
    type: z.literal('message'),
    clientId: clientMessageId,
    body: messageBody,
    attachmentIds: z.array(uuid).max(5).default([]),
  }),
  z.object({ type: z.literal('typing'), isTyping: z.boolean() }),
  /** Everything up to this message has been seen. */
  z.object({ type: z.literal('read'), messageId: uuid }),
  z.object({ type: z.literal('page'), url: z.url().max(2000), title: z.string().max(500).default('') }),
  /** A logged-in user of the site: `signature` is hex HMAC-SHA256 of `userId` with the site's secret. */
  z.object({
    type: z.literal('identify'),
    userId: z.string().min(1).max(200),
    signature: z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex HMAC-SHA256'),
    name: z.string().trim().max(200).optional(),
    email: z.email().max(320).optional(),
  }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('transcript'), email: z.email().max(320).optional() }),
]);
export type VisitorClientMessage = z.infer<typeof visitorClientMessageSchema>;

/** What the server sends the widget. */
export const visitorServerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    /** Store it (localStorage) and present it on the next connection to keep the conversation. */
    visitorToken: z.string(),
    visitor: chatVisitorProfileSchema,
    chat: chatStateSchema.nullable(),
    mode: chatModeSchema,
    queue: queueStateSchema.nullable(),
  }),
  z.object({ type: z.literal('ack'), clientId: z.string(), message: chatMessageSchema }),
  z.object({ type: z.literal('message'), message: chatMessageSchema }),
  z.object({ type: z.literal('chat'), chat: chatStateSchema }),
  z.object({ type: z.literal('typing'), isTyping: z.boolean(), agent: chatAgentSchema.nullable() }),
  z.object({ type: z.literal('read'), agentReadAt: isoDateTime }),
  z.object({ type: z.literal('agent'), agent: chatAgentSchema.nullable() }),
  z.object({ type: z.literal('queue'), queue: queueStateSchema.nullable() }),
  z.object({ type: z.literal('mode'), mode: chatModeSchema }),
  z.object({ type: z.literal('profile'), visitor: chatVisitorProfileSchema }),
  z.object({ type: z.literal('ended'), endedAt: isoDateTime, by: z.enum(['visitor', 'agent', 'system']) }),
  z.object({ type: z.literal('transcript_queued'), email: z.string() }),
  z.object({ type: z.literal('pong') }),
  /** A client message that failed; with `clientId` the widget keeps that message for a retry or shows the error. */
  z.object({
    type: z.literal('error'),
    code: z.string(),
    message: z.string(),
    clientId: z.string().optional(),
  }),
]);
export type VisitorServerMessage = z.infer<typeof visitorServerMessageSchema>;

/** Close codes on the visitor stream: 4401 bad token; 4403 origin not allowed; 4429 too fast. */
export const visitorStreamCloseCodes = { badToken: 4401, forbiddenOrigin: 4403, tooFast: 4429 } as const;

/** An offline request: the widget's form when nobody can chat now; the answer goes by email. */
export const offlineRequestBody = z.strictObject({
  clientId: clientMessageId,
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  message: z.string().trim().min(1).max(10_000),
  language: languageCode.optional(),
  /** The visitor's time zone (the browser's), so "tomorrow after 9:00" means their 9:00. */
  timeZone: ianaTimeZone.optional(),
  attachmentIds: z.array(uuid).max(5).default([]),
});
export type OfflineRequestBody = z.infer<typeof offlineRequestBody>;

export const requestConfirmationSchema = z.object({
  reference: z.number().int(),
  /** When to expect an answer by email. */
  expectedResponse: waitEstimateSchema,
  /**
   * The same in words, in the visitor's language and time zone, business hours respected:
   * "in about 2 hours, at the latest in 5 hours", "tomorrow morning after 9:00, at the latest by 11:00".
   */
  expectedResponseText: z.string(),
});
export type RequestConfirmation = z.infer<typeof requestConfirmationSchema>;

export const uploadResponseSchema = chatAttachmentSchema;

/** Widget configuration an admin manages. */
export const chatSettingsSchema = z.object({
  isEnabled: z.boolean(),
  /** Origins allowed to embed the widget and web form (`https://shop.example`); empty allows any. */
  allowedOrigins: z.array(z.string()),
  defaultMaxChats: z.number().int(),
  /** Business hours for live chat; null means whenever an agent is online. */
  businessHours: z
    .object({
      timeZone: z.string(),
      weeklyHours: z.record(z.string(), z.array(z.object({ from: z.string(), to: z.string() }))),
      holidays: z.object({ country: z.string(), region: z.string().optional() }).nullable().optional(),
    })
    .nullable(),
  /** HMAC key for verifying logged-in users (admins only; give it to the site's backend). */
  identitySecret: z.string().nullable(),
});
export type ChatSettings = z.infer<typeof chatSettingsSchema>;

const origin = z.url().regex(/^https?:\/\/[^/]+$/, 'an origin such as https://shop.example, without a path');

export const updateChatSettingsBody = z.strictObject({
  isEnabled: z.boolean().optional(),
  allowedOrigins: z.array(origin).max(50).optional(),
  defaultMaxChats: z.number().int().min(0).max(50).optional(),
  businessHours: chatSettingsSchema.shape.businessHours.optional(),
  /** Generates a new identity secret; the old one stops working at once. */
  rotateIdentitySecret: z.boolean().optional(),
});
export type UpdateChatSettingsBody = z.infer<typeof updateChatSettingsBody>;

/** The chat side of a conversation, for the agent beside the timeline. */
export const agentChatInfoSchema = z
  .object({
    conversationId: uuid,
    visitor: z.object({
      id: uuid,
      name: z.string(),
      email: z.string().nullable(),
      language: z.string(),
      isVerified: z.boolean(),
      /** Seen in the last minute (a widget is connected). */
      isOnline: z.boolean(),
      pageUrl: z.string().nullable(),
      pageTitle: z.string().nullable(),
      lastSeenAt: isoDateTime,
    }),
    isOfflineRequest: z.boolean(),
    visitorReadAt: isoDateTime.nullable(),
    agentReadAt: isoDateTime.nullable(),
    endedAt: isoDateTime.nullable(),
    endedBy: z.enum(['visitor', 'agent', 'system']).nullable(),
  })
  .meta({ id: 'AgentChatInfo' });
export type AgentChatInfo = z.infer<typeof agentChatInfoSchema>;

/** A chat waiting for an agent, in queue order. */
export const waitingChatSchema = z.object({
  conversationId: uuid,
  reference: z.number().int(),
  position: z.number().int(),
  visitorName: z.string(),
  language: z.string().nullable(),
  pageUrl: z.string().nullable(),
  preview: z.string(),
  waitingSince: isoDateTime,
});
export const chatQueueSchema = z.object({
  items: z.array(waitingChatSchema),
  mode: chatModeSchema,
  /** Online agents with their load; for the supervisor's view and the agent's own. */
  agents: z.array(agentAvailabilitySchema.extend({ name: z.string() })),
});
export type ChatQueue = z.infer<typeof chatQueueSchema>;

export const agentReadBody = z.strictObject({ messageId: uuid });
export const agentTypingBody = z.strictObject({ isTyping: z.boolean() });

/** Pushed on `/api/v1/chats/stream` to agents who may see the conversation. */
export const agentChatEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), agentId: uuid }),
  z.object({ type: z.literal('visitor.typing'), conversationId: uuid, isTyping: z.boolean() }),
  z.object({ type: z.literal('visitor.read'), conversationId: uuid, visitorReadAt: isoDateTime }),
  z.object({
    type: z.literal('visitor.page'),
    conversationId: uuid,
    pageUrl: z.string(),
    pageTitle: z.string(),
  }),
  z.object({ type: z.literal('visitor.presence'), conversationId: uuid, isOnline: z.boolean() }),
  z.object({
    type: z.literal('chat.ended'),
    conversationId: uuid,
    by: z.enum(['visitor', 'agent', 'system']),
  }),
  /** The waiting line changed (a chat arrived, was claimed or left); refetch `GET /api/v1/chats/queue`. */
  z.object({ type: z.literal('queue.changed'), waiting: z.number().int() }),
  z.object({ type: z.literal('pong') }),
]);
export type AgentChatEvent = z.infer<typeof agentChatEventSchema>;
