import type { Notification, NotificationKind, NotificationPage } from '@frontline/contracts';
import type { Queryable } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import {
  countUnreadNotifications,
  findNotification,
  insertNotifications,
  listNotificationRows,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationView,
} from './notifications.repository.ts';
import { publishNotificationSignal } from './notifications.signals.ts';

/** Longest excerpt kept: enough for a line or two in the bell's list. */
export const maxNotificationTextLength = 280;

export type NotifyAgentsInput = {
  agentIds: string[];
  kind: NotificationKind;
  conversationId: string | null;
  actorId: string | null;
  text: string;
};

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= maxNotificationTextLength ? flat : `${flat.slice(0, maxNotificationTextLength - 1)}…`;
}

/**
 * Tells agents about something, in the caller's transaction when given one: the notifications
 * appear, and the recipients' open workspaces hear of them, only if that transaction commits.
 * Each recipient gets one notification however often they are listed; the actor never notifies
 * themselves; unknown or deactivated agents are skipped. Whether a recipient may see the
 * conversation is the caller's rule to apply (mentions check it, SLA escalation may not need to).
 *
 * @example
 * await notifyAgents(tx, { agentIds: [supervisorId], kind: 'sla_warning', conversationId,
 *   actorId: null, text: '#1042 is due in 15 minutes' });
 */
export async function notifyAgents(db: Queryable, input: NotifyAgentsInput): Promise<void> {
  const recipientIds = [...new Set(input.agentIds)].filter((id) => id !== input.actorId);
  if (recipientIds.length === 0) return;
  const notified = await insertNotifications(db, {
    recipientIds,
    kind: input.kind,
    conversationId: input.conversationId,
    actorId: input.actorId,
    text: excerptOf(input.text),
  });
  if (notified.length === 0) return;
  await publishNotificationSignal(db, {
    type: 'notification.created',
    agentIds: notified,
    kind: input.kind,
    conversationId: input.conversationId,
  });
}

const toIso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

function toNotificationDto(row: NotificationView): Notification {
  return {
    id: row.id,
    kind: row.kind,
    conversation:
      row.conversation_id && row.conversation_reference !== null
        ? {
            id: row.conversation_id,
            reference: row.conversation_reference,
            subject: row.conversation_subject ?? '',
          }
        : null,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    text: row.text,
    createdAt: toIso(row.created_at),
    readAt: row.read_at ? toIso(row.read_at) : null,
  };
}

const notificationNotFound = () => notFound('notifications.not_found', 'No such notification');

/** The agent's own notifications, newest first, with how many are unread in all. */
export async function listNotifications(
  deps: Pick<Deps, 'db'>,
  agentId: string,
  query: { cursor?: string; limit: number; unread: boolean },
): Promise<NotificationPage> {
  const after = decodeCursor(query.cursor, { at: 'string', id: 'string' });
  const rows = await listNotificationRows(deps.db, {
    recipientId: agentId,
    isUnreadOnly: query.unread,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toNotificationDto),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ at: toIso(last.created_at), id: last.id }) : null,
    unreadCount: await countUnreadNotifications(deps.db, agentId),
  };
}

/** Marks one of the agent's notifications read; someone else's is answered 404, as a missing one. */
export async function readNotification(
  deps: Pick<Deps, 'db'>,
  agentId: string,
  id: string,
): Promise<Notification> {
  return deps.db.transaction().execute(async (tx) => {
    if (!(await markNotificationRead(tx, agentId, id))) throw notificationNotFound();
    await publishNotificationSignal(tx, { type: 'notifications.read', agentIds: [agentId] });
    return toNotificationDto((await findNotification(tx, agentId, id))!);
  });
}

/** Marks all of the agent's unread notifications read, or only those about one conversation. */
export async function readAllNotifications(
  deps: Pick<Deps, 'db'>,
  agentId: string,
  conversationId?: string,
): Promise<{ markedCount: number; unreadCount: number }> {
  return deps.db.transaction().execute(async (tx) => {
    const markedCount = await markAllNotificationsRead(tx, agentId, conversationId);
    if (markedCount > 0)
      await publishNotificationSignal(tx, { type: 'notifications.read', agentIds: [agentId] });
    return { markedCount, unreadCount: await countUnreadNotifications(tx, agentId) };
  });
}
