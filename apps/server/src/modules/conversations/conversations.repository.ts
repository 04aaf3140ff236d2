import type { Insertable } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type {
  ConversationEventsTable,
  ConversationUpdate,
  MessagesTable,
  NewConversation,
} from '../../db/schema.ts';

/** Conversation, tag, message and event rows: SQL only. */

export function insertConversation(db: Queryable, conversation: NewConversation) {
  return db
    .insertInto('conversations')
    .values(conversation)
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
}

/** The row, locked until the transaction ends, so concurrent changes apply one after another. */
export function lockConversation(db: Queryable, id: string) {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findConversationPlacement(db: Queryable, id: string) {
  return db
    .selectFrom('conversations')
    .select(['id', 'team_id', 'assignee_id', 'status', 'merged_into_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateConversationRow(db: Queryable, id: string, changes: ConversationUpdate) {
  return db.updateTable('conversations').set(changes).where('id', '=', id).execute();
}

export async function findTagsOf(db: Queryable, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_tags')
    .select('tag')
    .where('conversation_id', '=', conversationId)
    .orderBy('tag')
    .execute();
  return rows.map((row) => row.tag);
}

export async function addTags(db: Queryable, conversationId: string, tags: string[]) {
  if (tags.length === 0) return;
  await db
    .insertInto('conversation_tags')
    .values(tags.map((tag) => ({ conversation_id: conversationId, tag })))
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

export async function removeTags(db: Queryable, conversationId: string, tags: string[]) {
  if (tags.length === 0) return;
  await db
    .deleteFrom('conversation_tags')
    .where('conversation_id', '=', conversationId)
    .where('tag', 'in', tags)
    .execute();
}

export function insertMessage(db: Queryable, message: Insertable<MessagesTable>) {
  return db.insertInto('messages').values(message).returningAll().executeTakeFirstOrThrow();
}

/** Inserts unless a message with the same channel and external id exists; undefined then. */
export function insertMessageOnce(db: Queryable, message: Insertable<MessagesTable>) {
  return db
    .insertInto('messages')
    .values(message)
    .onConflict((conflict) =>
      conflict.columns(['channel', 'external_id']).where('external_id', 'is not', null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
}

export function findMessage(db: Queryable, id: string) {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMessageByExternalId(db: Queryable, channel: string, externalId: string) {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

export function findMessagesOf(db: Queryable, conversationId: string) {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Moves every message to another conversation; answers how many moved. */
export async function moveMessages(db: Queryable, fromConversationId: string, toConversationId: string) {
  const result = await db
    .updateTable('messages')
    .set({ conversation_id: toConversationId })
    .where('conversation_id', '=', fromConversationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type NewConversationEvent = Omit<Insertable<ConversationEventsTable>, 'data'> & {
  data: Record<string, unknown>;
};

export async function insertEvents(db: Queryable, events: NewConversationEvent[]) {
  if (events.length === 0) return;
  await db
    .insertInto('conversation_events')
    .values(events.map((event) => ({ ...event, data: JSON.stringify(event.data) })))
    .execute();
}

export function findEventsOf(db: Queryable, conversationId: string) {
  return db
    .selectFrom('conversation_events')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('id')
    .execute();
}

/** The `from` of the latest `assigned` and `team_changed` events: where a conversation was before. */
export async function findLatestPlacementChanges(db: Queryable, conversationId: string) {
  const rows = await db
    .selectFrom('conversation_events')
    .distinctOn('type')
    .select(['type', 'data'])
    .where('conversation_id', '=', conversationId)
    .where('type', 'in', ['assigned', 'team_changed'])
    .orderBy('type')
    .orderBy('id', 'desc')
    .execute();
  const fromOf = (type: string) => {
    const data = rows.find((row) => row.type === type)?.data as { from?: string | null } | undefined;
    return data === undefined ? undefined : (data.from ?? null);
  };
  return { assigneeFrom: fromOf('assigned'), teamFrom: fromOf('team_changed') };
}

/** Solved conversations whose solve is older than `solvedBefore`, locked, skipping rows others hold. */
export function lockSolvedBefore(db: Queryable, solvedBefore: Date, limit: number) {
  return db
    .selectFrom('conversations')
    .select(['id'])
    .where('status', '=', 'solved')
    .where('solved_at', '<', solvedBefore)
    .orderBy('solved_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}
