import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { NotificationsTable } from '../../db/schema.ts';

type NewNotifications = {
  recipientIds: string[];
  kind: NotificationsTable['kind'];
  conversationId: string | null;
  actorId: string | null;
  text: string;
};

/**
 * One notification per recipient who is an active agent; returns who got one. Unknown and
 * deactivated agents are skipped in the same statement rather than failing the caller's work.
 */
export async function insertNotifications(db: Queryable, input: NewNotifications): Promise<string[]> {
  if (input.recipientIds.length === 0) return [];
  const rows = await db
    .insertInto('notifications')
    .columns(['recipient_id', 'kind', 'conversation_id', 'actor_id', 'text'])
    .expression(
      db
        .selectFrom('agents')
        .select([
          'agents.id',
          sql.val(input.kind).as('kind'),
          sql<string | null>`${input.conversationId}::uuid`.as('conversation_id'),
          sql<string | null>`${input.actorId}::uuid`.as('actor_id'),
          sql.val(input.text).as('text'),
        ])
        .where('agents.id', 'in', input.recipientIds)
        .where('agents.is_active', '=', true),
    )
    .returning('recipient_id')
    .execute();
  return rows.map((row) => row.recipient_id);
}

export type NotificationListFilter = {
  recipientId: string;
  isUnreadOnly: boolean;
  /** The last row of the previous page: newest first, ties broken by id. */
  after?: { at: string; id: string };
  limit: number;
};

function selectNotifications(db: Queryable) {
  return db
    .selectFrom('notifications')
    .leftJoin('conversations', 'conversations.id', 'notifications.conversation_id')
    .leftJoin('agents as actor', 'actor.id', 'notifications.actor_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.conversation_id',
      'notifications.actor_id',
      'notifications.text',
      'notifications.created_at',
      'notifications.read_at',
      'conversations.reference as conversation_reference',
      'conversations.subject as conversation_subject',
      'actor.name as actor_name',
    ]);
}

export type NotificationView = Awaited<ReturnType<typeof findNotification>> & {};

export function findNotification(db: Queryable, recipientId: string, id: string) {
  return selectNotifications(db)
    .where('notifications.id', '=', id)
    .where('notifications.recipient_id', '=', recipientId)
    .executeTakeFirst();
}

export function listNotificationRows(db: Queryable, filter: NotificationListFilter) {
  let query = selectNotifications(db).where('notifications.recipient_id', '=', filter.recipientId);
  if (filter.isUnreadOnly) query = query.where('notifications.read_at', 'is', null);
  if (filter.after) {
    const position = sql`(${sql.val(filter.after.at)}::timestamptz, ${sql.val(filter.after.id)}::uuid)`;
    query = query.where(sql<boolean>`(notifications.created_at, notifications.id) < ${position}`);
  }
  return query
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(filter.limit)
    .execute();
}

export async function countUnreadNotifications(db: Queryable, recipientId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks the recipient's notification read (once: the first read time stays); false when not theirs. */
export async function markNotificationRead(db: Queryable, recipientId: string, id: string): Promise<boolean> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('recipient_id', '=', recipientId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks every unread notification of the recipient read, optionally only those about one conversation. */
export async function markAllNotificationsRead(
  db: Queryable,
  recipientId: string,
  conversationId?: string,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null);
  if (conversationId) query = query.where('conversation_id', '=', conversationId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteNotificationsReadBefore(db: Queryable, readBefore: Date): Promise<number> {
  const result = await db.deleteFrom('notifications').where('read_at', '<', readBefore).executeTakeFirst();
  return Number(result.numDeletedRows);
}
