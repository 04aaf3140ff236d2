import { type Insertable, sql } from 'kysely';
import type { Queryable } from '../../../db/database.ts';
import type { EmailAttachmentsTable, EmailMessagesTable } from '../../../db/schema.ts';

/** Email details, attachments, failing addresses and the thread lookups: SQL only. */

export function findEmailMessageByExternalId(db: Queryable, externalId: string) {
  return db
    .selectFrom('messages')
    .select(['id', 'conversation_id'])
    .where('channel', '=', 'email')
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

type ConversationTarget = { id: string; customer_id: string; status: string; merged_into_id: string | null };

/** Follows merges to the conversation that lives on (a merge chain is short; the cap guards cycles). */
async function followMerges(db: Queryable, conversation: ConversationTarget | undefined) {
  let current = conversation;
  for (let hops = 0; current?.status === 'merged' && current.merged_into_id && hops < 10; hops += 1) {
    current = await db
      .selectFrom('conversations')
      .select(['id', 'customer_id', 'status', 'merged_into_id'])
      .where('id', '=', current.merged_into_id)
      .executeTakeFirst();
  }
  return current ? { id: current.id, customerId: current.customer_id, status: current.status } : undefined;
}

export async function findThreadByReference(db: Queryable, reference: number) {
  const row = await db
    .selectFrom('conversations')
    .select(['id', 'customer_id', 'status', 'merged_into_id'])
    .where('reference', '=', reference)
    .executeTakeFirst();
  return followMerges(db, row);
}

/** The conversation of the first of `messageIds` (most likely first) that we stored. */
export async function findThreadByMessageIds(db: Queryable, messageIds: string[]) {
  if (messageIds.length === 0) return undefined;
  const rows = await db
    .selectFrom('email_messages')
    .innerJoin('messages', 'messages.id', 'email_messages.message_id')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select([
      'email_messages.rfc_message_id',
      'conversations.id',
      'conversations.customer_id',
      'conversations.status',
      'conversations.merged_into_id',
    ])
    .where('email_messages.rfc_message_id', 'in', messageIds.slice(0, 50))
    .execute();
  for (const messageId of messageIds) {
    const row = rows.find((candidate) => candidate.rfc_message_id === messageId);
    if (row) return followMerges(db, row);
  }
  return undefined;
}

export async function insertEmailMessage(db: Queryable, row: Insertable<EmailMessagesTable>) {
  await db.insertInto('email_messages').values(row).execute();
}

export async function insertAttachments(db: Queryable, rows: Insertable<EmailAttachmentsTable>[]) {
  if (rows.length === 0) return;
  await db.insertInto('email_attachments').values(rows).execute();
}

export async function markAddressFailing(
  db: Queryable,
  failure: {
    address: string;
    status: string;
    diagnostic: string | null;
    bounceMessageId: string | null;
    at: Date;
  },
) {
  await db
    .insertInto('email_failing_addresses')
    .values({
      address: failure.address,
      status: failure.status,
      diagnostic: failure.diagnostic,
      bounce_message_id: failure.bounceMessageId,
      first_failed_at: failure.at,
      last_failed_at: failure.at,
    })
    .onConflict((conflict) =>
      conflict.column('address').doUpdateSet({
        status: failure.status,
        diagnostic: failure.diagnostic,
        bounce_message_id: failure.bounceMessageId,
        last_failed_at: failure.at,
        failure_count: sql`email_failing_addresses.failure_count + 1`,
      }),
    )
    .execute();
}

export async function clearFailingAddress(db: Queryable, address: string) {
  await db.deleteFrom('email_failing_addresses').where('address', '=', address).execute();
}

export async function isAddressFailing(db: Queryable, address: string): Promise<boolean> {
  const row = await db
    .selectFrom('email_failing_addresses')
    .select('address')
    .where('address', '=', address)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Queues a graphile-worker job inside the caller's transaction: it runs only if that commits,
 * and exactly once per `jobKey`.
 */
export async function enqueueJob(
  db: Queryable,
  task: string,
  payload: Record<string, unknown>,
  jobKey: string,
  maxAttempts = 10,
) {
  await sql`select graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json, job_key => ${jobKey}, max_attempts => ${maxAttempts})`.execute(
    db,
  );
}
