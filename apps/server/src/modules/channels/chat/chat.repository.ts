import { type Insertable, sql, type Updateable } from 'kysely';
import type { Queryable } from '../../../db/database.ts';
import type { ChatsTable, ChatUploadsTable, ChatVisitorsTable } from '../../../db/schema.ts';

/** Visitors, chats, the messages a visitor may see, and uploads: SQL only. */

export function insertVisitor(db: Queryable, visitor: Insertable<ChatVisitorsTable>) {
  return db.insertInto('chat_visitors').values(visitor).returningAll().executeTakeFirstOrThrow();
}

export function findVisitor(db: Queryable, id: string) {
  return db.selectFrom('chat_visitors').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row, locked until the transaction ends: one visitor's actions apply one after another. */
export function lockVisitor(db: Queryable, id: string) {
  return db.selectFrom('chat_visitors').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findVisitorBySiteUser(db: Queryable, siteUserId: string) {
  return db.selectFrom('chat_visitors').selectAll().where('site_user_id', '=', siteUserId).executeTakeFirst();
}

export function updateVisitor(db: Queryable, id: string, changes: Updateable<ChatVisitorsTable>) {
  return db.updateTable('chat_visitors').set(changes).where('id', '=', id).execute();
}

export function insertChat(db: Queryable, chat: Insertable<ChatsTable>) {
  return db
    .insertInto('chats')
    .values(chat)
    .onConflict((c) => c.column('conversation_id').doNothing())
    .execute();
}

export function updateChat(db: Queryable, conversationId: string, changes: Updateable<ChatsTable>) {
  return db.updateTable('chats').set(changes).where('conversation_id', '=', conversationId).execute();
}

/** Chats with what the visitor and the agent see of their conversations. */
function selectChatViews(db: Queryable) {
  return db
    .selectFrom('chats as ch')
    .innerJoin('conversations as c', 'c.id', 'ch.conversation_id')
    .innerJoin('chat_visitors as v', 'v.id', 'ch.visitor_id')
    .leftJoin('agents as a', 'a.id', 'c.assignee_id')
    .select([
      'ch.conversation_id',
      'ch.visitor_id',
      'ch.is_offline_request',
      'ch.visitor_read_at',
      'ch.agent_read_at',
      'ch.ended_at',
      'ch.ended_by',
      'c.reference',
      'c.status',
      'c.team_id',
      'c.assignee_id',
      'c.customer_id',
      'a.id as agent_id',
      'a.name as agent_name',
      'v.name as visitor_name',
      'v.email as visitor_email',
      'v.language as visitor_language',
      'v.site_user_id',
      'v.page_url',
      'v.page_title',
      'v.last_seen_at',
    ]);
}

export function findChatView(db: Queryable, conversationId: string) {
  return selectChatViews(db).where('ch.conversation_id', '=', conversationId).executeTakeFirst();
}

/**
 * The latest chat of a visitor — or, for a verified user, of their customer on any device — in
 * one round trip (this runs for every message a visitor sends).
 */
export function findLatestChatView(
  db: Queryable,
  owner: { visitorId: string; customerId: string | null; isVerified: boolean },
) {
  return selectChatViews(db)
    .where((eb) =>
      owner.isVerified && owner.customerId
        ? eb.or([eb('ch.visitor_id', '=', owner.visitorId), eb('c.customer_id', '=', owner.customerId)])
        : eb('ch.visitor_id', '=', owner.visitorId),
    )
    .where('c.status', '!=', 'merged')
    .orderBy('ch.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export type ChatView = NonNullable<Awaited<ReturnType<typeof findChatView>>>;

/** Public messages with their authoring agent's name; internal notes never reach a visitor. */
function selectVisibleMessages(db: Queryable) {
  return db
    .selectFrom('messages as m')
    .leftJoin('agents as a', 'a.id', 'm.author_agent_id')
    .select([
      'm.id',
      'm.conversation_id',
      'm.author_type',
      'm.author_agent_id',
      'm.body_text',
      'm.metadata',
      'm.created_at',
      'a.name as agent_name',
    ])
    .where('m.visibility', '=', 'public');
}
export type VisibleMessageRow = Awaited<
  ReturnType<ReturnType<typeof selectVisibleMessages>['execute']>
>[number];

export function findVisibleMessage(db: Queryable, messageId: string) {
  return selectVisibleMessages(db).where('m.id', '=', messageId).executeTakeFirst();
}

export function findVisibleMessageByExternalId(db: Queryable, channel: string, externalId: string) {
  return selectVisibleMessages(db)
    .where('m.channel', '=', channel)
    .where('m.external_id', '=', externalId)
    .executeTakeFirst();
}

export async function findConversationReference(db: Queryable, conversationId: string) {
  const row = await db
    .selectFrom('conversations')
    .select('reference')
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  return row.reference;
}

/**
 * The latest `limit` public messages of the chats of this visitor — or, for a verified user, of
 * every chat of their customer, so their history follows them between devices — oldest first.
 */
export async function findChatHistory(
  db: Queryable,
  owner: { visitorId: string; customerId: string | null; isVerified: boolean },
  limit: number,
) {
  const rows = await selectVisibleMessages(db)
    .where((eb) =>
      eb(
        'm.conversation_id',
        'in',
        eb
          .selectFrom('chats as ch')
          .innerJoin('conversations as c', 'c.id', 'ch.conversation_id')
          .select('ch.conversation_id')
          .where((inner) =>
            owner.isVerified && owner.customerId
              ? inner.or([
                  inner('ch.visitor_id', '=', owner.visitorId),
                  inner('c.customer_id', '=', owner.customerId),
                ])
              : inner('ch.visitor_id', '=', owner.visitorId),
          ),
      ),
    )
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

/** The conversation holding a message with this channel id, if any (a start that already committed). */
export async function findConversationOfExternalMessage(db: Queryable, channel: string, externalId: string) {
  const row = await db
    .selectFrom('messages')
    .select('conversation_id')
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return row?.conversation_id ?? null;
}

export function insertUpload(db: Queryable, upload: Insertable<ChatUploadsTable>) {
  return db.insertInto('chat_uploads').values(upload).returningAll().executeTakeFirstOrThrow();
}

export function findUpload(db: Queryable, id: string) {
  return db.selectFrom('chat_uploads').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * This uploader's uploads among `ids` that are not in a conversation yet — or already in
 * `conversationId` (linked by an attempt whose message did not commit) — locked for linking.
 */
export function lockUnsentUploads(
  db: Queryable,
  ids: readonly string[],
  uploader: { by: 'visitor'; visitorId: string } | { by: 'web_form' },
  conversationId: string | null,
) {
  if (ids.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('chat_uploads')
    .selectAll()
    .where('id', 'in', [...ids])
    .where((eb) =>
      conversationId
        ? eb.or([eb('conversation_id', 'is', null), eb('conversation_id', '=', conversationId)])
        : eb('conversation_id', 'is', null),
    )
    .where('uploaded_by', '=', uploader.by);
  if (uploader.by === 'visitor') query = query.where('visitor_id', '=', uploader.visitorId);
  return query.forUpdate().execute();
}

export function linkUploads(db: Queryable, ids: readonly string[], conversationId: string) {
  if (ids.length === 0) return Promise.resolve();
  return db
    .updateTable('chat_uploads')
    .set({ conversation_id: conversationId })
    .where('id', 'in', [...ids])
    .execute()
    .then(() => undefined);
}

/** Marks visitors as present now (connected widgets refresh this every 25 s). */
export function touchVisitors(db: Queryable, ids: readonly string[], at: Date) {
  return db
    .updateTable('chat_visitors')
    .set({ last_seen_at: sql`greatest(last_seen_at, ${at})` })
    .where('id', 'in', [...ids])
    .execute();
}

/** Where a chat's conversation sits (or any conversation's), for deciding which agents may see it. */
export function findChatPlacement(db: Queryable, conversationId: string, options = { anyChannel: false }) {
  let query = db
    .selectFrom('conversations')
    .select(['team_id', 'assignee_id'])
    .where('id', '=', conversationId);
  if (!options.anyChannel) query = query.where('channel', '=', 'chat');
  return query.executeTakeFirst();
}

/** Moves a side's read mark forward to `at`; never back (a late mark from a slow tab changes nothing). */
export function advanceReadMark(db: Queryable, conversationId: string, side: 'visitor' | 'agent', at: Date) {
  const column = side === 'visitor' ? 'visitor_read_at' : 'agent_read_at';
  return db
    .updateTable('chats')
    .set({ [column]: sql`greatest(${sql.ref(column)}, ${at})` })
    .where('conversation_id', '=', conversationId)
    .execute();
}

/** The chat row, locked: claims of one chat go one after another. */
export function lockChat(db: Queryable, conversationId: string) {
  return db
    .selectFrom('chats')
    .select('conversation_id')
    .where('conversation_id', '=', conversationId)
    .forUpdate()
    .executeTakeFirst();
}
