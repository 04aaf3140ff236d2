import type { Insertable } from 'kysely';
import type { Tx } from '../../../db/database.ts';
import type {
  ConversationEventsTable,
  ConversationUpdate,
  MessagesTable,
  NewConversation,
} from '../../../db/schema.ts';

/**
 * The conversation rows an inbound mail writes. The conversations module's use cases each open
 * their own transaction, but a mail must be stored whole — customer, conversation, message, its
 * email details and the queued acknowledgement — in ONE transaction, or a crash between two of
 * them would lose or duplicate it (SMTP 250 is only said after that commit). So the email
 * channel writes these rows itself, keeping to the conversations module's shapes: a `created`
 * event, `status_changed` when a customer's mail reopens a conversation, realtime changes.
 * When the conversations module offers transaction-taking versions, this file goes.
 */

export function insertConversation(tx: Tx, conversation: NewConversation) {
  return tx
    .insertInto('conversations')
    .values(conversation)
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
}

export function lockConversation(tx: Tx, id: string) {
  return tx.selectFrom('conversations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateConversation(tx: Tx, id: string, changes: ConversationUpdate) {
  await tx.updateTable('conversations').set(changes).where('id', '=', id).execute();
}

/** Inserts unless the channel already has a message with this external id; undefined then. */
export function insertMessageOnce(tx: Tx, message: Insertable<MessagesTable>) {
  return tx
    .insertInto('messages')
    .values(message)
    .onConflict((conflict) =>
      conflict.columns(['channel', 'external_id']).where('external_id', 'is not', null).doNothing(),
    )
    .returning(['id', 'created_at'])
    .executeTakeFirst();
}

export type NewEvent = Omit<Insertable<ConversationEventsTable>, 'data'> & { data: Record<string, unknown> };

export async function insertEvents(tx: Tx, events: NewEvent[]) {
  if (events.length === 0) return;
  await tx
    .insertInto('conversation_events')
    .values(events.map((event) => ({ ...event, data: JSON.stringify(event.data) })))
    .execute();
}

export async function addTags(tx: Tx, conversationId: string, tags: string[]) {
  if (tags.length === 0) return;
  await tx
    .insertInto('conversation_tags')
    .values(tags.map((tag) => ({ conversation_id: conversationId, tag })))
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}
