import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';
import { conversationSummarySchema, messageSchema } from './conversations.ts';
import { notificationKind } from './notifications.ts';

/** What an agent is doing in a conversation, for the collision warning. */
export const presenceStates = ['viewing', 'typing', 'left'] as const;
export const presenceState = z.enum(presenceStates);
export type PresenceState = z.infer<typeof presenceState>;

export const presenceEventSchema = z.object({
  type: z.literal('presence'),
  conversationId: uuid,
  agentId: uuid,
  agentName: z.string(),
  state: presenceState,
  at: isoDateTime,
});
export type PresenceEvent = z.infer<typeof presenceEventSchema>;

/**
 * Messages the server pushes on `/api/v1/stream` (WebSocket, JSON text frames). Each agent gets
 * only conversations they may see. After a reassignment the agent who lost sight of a
 * conversation still gets that one `conversation.updated`, so their lists can drop it.
 */
export const streamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), agentId: uuid }),
  z.object({
    type: z.literal('conversation.created'),
    conversation: conversationSummarySchema,
  }),
  z.object({
    type: z.literal('conversation.updated'),
    conversation: conversationSummarySchema,
    /** Changed fields in the summary's names (`status`, `assigneeId`, `tags`, …); `messages` when a merge moved messages in. */
    changes: z.array(z.string()),
  }),
  z.object({
    type: z.literal('message.created'),
    conversation: conversationSummarySchema,
    message: messageSchema,
  }),
  /**
   * Someone's presence changed. On `viewing` the server also sends the current presence of every
   * other agent in that conversation. `typing` is a pulse: clients send it at most every few
   * seconds while typing and treat it as stale after 10 s. Presence without activity expires
   * after 60 s (a closed tab or a crashed server leaves no ghost viewers).
   */
  presenceEventSchema,
  /** A notification for this agent was created (fetch `/api/v1/notifications` for it). */
  z.object({
    type: z.literal('notification.created'),
    kind: notificationKind,
    conversationId: uuid.nullable(),
  }),
  /** This agent's notifications were marked read (in another tab, perhaps). */
  z.object({ type: z.literal('notifications.read') }),
  z.object({ type: z.literal('pong') }),
  /** A client message the server could not act on; the connection stays open. */
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type StreamEvent = z.infer<typeof streamEventSchema>;

/** Messages a client may send on the stream. */
export const clientStreamMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('viewing'), conversationId: uuid }),
  z.object({ type: z.literal('typing'), conversationId: uuid }),
  z.object({ type: z.literal('left'), conversationId: uuid }),
]);
export type ClientStreamMessage = z.infer<typeof clientStreamMessageSchema>;

/**
 * WebSocket close codes the server uses (4000–4999 are the application's own):
 * 4401 the credentials expired or were revoked; 4403 the origin is not allowed;
 * 4008 the client read too slowly and its send buffer overflowed (reconnect and refetch).
 */
export const streamCloseCodes = { unauthenticated: 4401, forbiddenOrigin: 4403, slowConsumer: 4008 } as const;
