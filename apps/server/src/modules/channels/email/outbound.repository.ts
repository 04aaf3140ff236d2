import type { Insertable } from 'kysely';
import type { Queryable } from '../../../db/database.ts';
import type { EmailMessagesTable } from '../../../db/schema.ts';

/** What outbound mail reads and records: SQL only. */

export function findReplyToSend(db: Queryable, messageId: string) {
  return (
    db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .leftJoin('agents', 'agents.id', 'messages.author_agent_id')
      .select([
        'messages.id',
        'messages.body_text',
        'messages.conversation_id',
        'conversations.reference',
        'conversations.subject',
        'conversations.customer_id',
        'agents.name as agent_name',
      ])
      .where('messages.id', '=', messageId)
      // Web-form answers and offline chat requests are mailed too (migration 0071 queues them).
      .where('messages.channel', 'in', ['email', 'web_form', 'chat'])
      .where('messages.direction', '=', 'outbound')
      .where('messages.visibility', '=', 'public')
      .executeTakeFirst()
  );
}

export function findConversationForAcknowledgement(db: Queryable, conversationId: string) {
  return db
    .selectFrom('conversations')
    .innerJoin('customers', 'customers.id', 'conversations.customer_id')
    .select([
      'conversations.id',
      'conversations.reference',
      'conversations.subject',
      'conversations.language',
      'conversations.team_id',
      'customers.name as customer_name',
      'customers.preferred_language',
    ])
    .where('conversations.id', '=', conversationId)
    .executeTakeFirst();
}

/** The email side of one stored message (the mail we acknowledge). */
export function findEmailDetails(db: Queryable, messageId: string) {
  return db.selectFrom('email_messages').selectAll().where('message_id', '=', messageId).executeTakeFirst();
}

/** The customer's latest mail in a conversation: whom to answer, and what our answer threads under. */
export function findLatestCustomerMail(db: Queryable, conversationId: string) {
  return db
    .selectFrom('email_messages')
    .innerJoin('messages', 'messages.id', 'email_messages.message_id')
    .selectAll('email_messages')
    .where('messages.conversation_id', '=', conversationId)
    .where('messages.direction', '=', 'inbound')
    .where('email_messages.kind', '=', 'person')
    .orderBy('messages.created_at', 'desc')
    .orderBy('messages.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findCustomerEmail(db: Queryable, customerId: string) {
  const row = await db
    .selectFrom('customer_identities')
    .innerJoin('customers', 'customers.id', 'customer_identities.customer_id')
    .select(['customer_identities.value', 'customers.name'])
    .where('customer_identities.customer_id', '=', customerId)
    .where('customer_identities.kind', '=', 'email')
    .orderBy('customer_identities.created_at')
    .limit(1)
    .executeTakeFirst();
  return row ? { address: row.value, name: row.name } : undefined;
}

export function findOldestMailbox(db: Queryable) {
  return db
    .selectFrom('mailboxes')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function findAllMailboxAddresses(db: Queryable): Promise<string[]> {
  const rows = await db.selectFrom('mailboxes').select('address').execute();
  return rows.map((row) => row.address);
}

/** The files a reply carries: those the agent attached (agent uploads) and any email attachment rows. */
export function findOutboundAttachments(db: Queryable, messageId: string) {
  return db
    .selectFrom('email_attachments')
    .select(['filename', 'content_type', 'sha256', 'created_at'])
    .where('message_id', '=', messageId)
    .unionAll(
      db
        .selectFrom('agent_uploads')
        .select(['file_name as filename', 'content_type', 'sha256', 'created_at'])
        .where('message_id', '=', messageId),
    )
    .orderBy('created_at')
    .execute();
}

/** Records the outbound mail we are about to send; a retry finds the row already there. */
export async function recordOutboundMail(db: Queryable, row: Insertable<EmailMessagesTable>) {
  await db
    .insertInto('email_messages')
    .values(row)
    .onConflict((conflict) => conflict.column('message_id').doNothing())
    .execute();
}

export async function updateDelivery(
  db: Queryable,
  messageId: string,
  delivery: {
    status: 'queued' | 'sent' | 'failed';
    attempts: number;
    error: string | null;
    sentAt: Date | null;
  },
) {
  await db
    .updateTable('email_messages')
    .set({
      delivery_status: delivery.status,
      delivery_attempts: delivery.attempts,
      delivery_error: delivery.error,
      sent_at: delivery.sentAt,
    })
    .where('message_id', '=', messageId)
    .execute();
}

export function findTemplate(db: Queryable, mailboxId: string, language: string) {
  return db
    .selectFrom('mailbox_acknowledgement_templates')
    .select(['subject', 'body'])
    .where('mailbox_id', '=', mailboxId)
    .where('language', '=', language)
    .executeTakeFirst();
}
