import type { Queryable } from '../../../db/database.ts';

/** What agents read of the email side of a conversation: SQL only. */

export function findConversationPlacement(db: Queryable, conversationId: string) {
  return db
    .selectFrom('conversations')
    .select(['id', 'team_id', 'assignee_id'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
}

export function findMessagePlacement(db: Queryable, messageId: string) {
  return db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['conversations.id', 'conversations.team_id', 'conversations.assignee_id'])
    .where('messages.id', '=', messageId)
    .executeTakeFirst();
}

export function listEmailDetailsOf(db: Queryable, conversationId: string) {
  return db
    .selectFrom('email_messages')
    .innerJoin('messages', 'messages.id', 'email_messages.message_id')
    .selectAll('email_messages')
    .where('messages.conversation_id', '=', conversationId)
    .orderBy('messages.created_at')
    .orderBy('messages.id')
    .execute();
}

export function listAttachmentsOf(db: Queryable, messageIds: string[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('email_attachments')
    .selectAll()
    .where('message_id', 'in', messageIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findAttachment(db: Queryable, messageId: string, attachmentId: string) {
  return db
    .selectFrom('email_attachments')
    .selectAll()
    .where('message_id', '=', messageId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export function findRawOf(db: Queryable, messageId: string) {
  return db
    .selectFrom('email_messages')
    .select(['raw_sha256', 'raw_size', 'subject'])
    .where('message_id', '=', messageId)
    .executeTakeFirst();
}
