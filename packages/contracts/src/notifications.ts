import { z } from 'zod';
import { cursorQuery, isoDateTime, pageOf, uuid } from './common.ts';

/** Why an agent is told something: a colleague @mentioned them, an SLA is close or broken, work was assigned. */
export const notificationKinds = ['mention', 'sla_warning', 'sla_breach', 'assigned'] as const;
export const notificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKind>;

export const notificationSchema = z
  .object({
    id: uuid,
    kind: notificationKind,
    /** The conversation it is about, with its reference and subject for the list; null for none. */
    conversation: z.object({ id: uuid, reference: z.number().int(), subject: z.string() }).nullable(),
    /** Who caused it (the colleague who mentioned); null for the system. */
    actor: z.object({ id: uuid, name: z.string() }).nullable(),
    /** A short excerpt (at most 280 characters), e.g. the note that mentioned the agent. */
    text: z.string(),
    createdAt: isoDateTime,
    readAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

export const listNotificationsQuery = z.object({
  ...cursorQuery,
  /** `true`: only the unread ones. */
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});
export type ListNotificationsQuery = z.input<typeof listNotificationsQuery>;

export const listNotificationsResponse = pageOf(notificationSchema).extend({
  /** All of the caller's unread notifications, not only this page's. */
  unreadCount: z.number().int(),
});
export type NotificationPage = z.infer<typeof listNotificationsResponse>;

export const markAllNotificationsReadQuery = z.object({ conversationId: uuid.optional() });

export const markAllNotificationsReadResponse = z.object({
  markedCount: z.number().int(),
  unreadCount: z.number().int(),
});
