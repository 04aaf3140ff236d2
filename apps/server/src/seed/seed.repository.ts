import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';

/**
 * The few reads and writes the demo seed needs beyond the use cases: finding what an earlier,
 * interrupted run already created, and moving timestamps into the past (the use cases stamp
 * events and customers with the database's `now()`, which a demo spread over weeks cannot use).
 */

export async function findCustomerIdByIdentity(db: Queryable, kind: 'email' | 'phone', value: string) {
  const row = await db
    .selectFrom('customer_identities')
    .select('customer_id')
    .where('kind', '=', kind)
    .where('value', '=', value)
    .executeTakeFirst();
  return row?.customer_id;
}

/** How many conversations of this customer carry this subject (one per earlier seeded copy). */
export async function countConversationsWithSubject(db: Queryable, customerId: string, subject: string) {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('customer_id', '=', customerId)
    .where('subject', '=', subject)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

// `created_at` is insert-only in the row types (nothing may rewrite history); moving it into the
// past is this file's whole purpose, so these statements are written out in SQL.

export async function backdateCustomer(db: Queryable, customerId: string, at: Date) {
  await sql`update customers set created_at = ${at}, updated_at = ${at} where id = ${customerId}`.execute(db);
  await sql`update customer_identities set created_at = ${at} where customer_id = ${customerId}`.execute(db);
}

/**
 * Stamps the conversation's events newer than `afterEventId` with `at`; answers the newest event
 * id, so the next step moves only its own events.
 */
export async function backdateNewEvents(
  db: Queryable,
  conversationId: string,
  afterEventId: number,
  at: Date,
) {
  const { rows } = await sql<{ id: number }>`
    update conversation_events set created_at = ${at}
    where conversation_id = ${conversationId} and id > ${afterEventId}
    returning id`.execute(db);
  return rows.reduce((newest, row) => Math.max(newest, row.id), afterEventId);
}
