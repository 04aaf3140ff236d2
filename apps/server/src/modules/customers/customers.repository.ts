import { type Insertable, sql, type Updateable } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { CustomersTable, IdentityKind } from '../../db/schema.ts';

export function insertCustomer(db: Queryable, customer: Insertable<CustomersTable>) {
  return db.insertInto('customers').values(customer).returning('id').executeTakeFirstOrThrow();
}

export function updateCustomerRow(db: Queryable, id: string, changes: Updateable<CustomersTable>) {
  return db.updateTable('customers').set(changes).where('id', '=', id).returning('id').executeTakeFirst();
}

export function findCustomerRow(db: Queryable, id: string) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the row, so two merges or edits of one customer run one after the other. */
export function lockCustomerRow(db: Queryable, id: string) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findIdentityOwner(db: Queryable, kind: IdentityKind, value: string) {
  return db
    .selectFrom('customer_identities')
    .select(['customer_id', 'id'])
    .where('kind', '=', kind)
    .where('value', '=', value)
    .executeTakeFirst();
}

/** Inserts unless another customer holds it already; answers whether this call inserted it. */
export async function insertIdentityIfFree(
  db: Queryable,
  customerId: string,
  kind: IdentityKind,
  value: string,
) {
  const inserted = await db
    .insertInto('customer_identities')
    .values({ customer_id: customerId, kind, value })
    .onConflict((conflict) => conflict.columns(['kind', 'value']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function deleteIdentities(db: Queryable, customerId: string, identityIds: string[]) {
  return db
    .deleteFrom('customer_identities')
    .where('customer_id', '=', customerId)
    .where('id', 'in', identityIds)
    .returning('id')
    .execute();
}

export function deleteCustomerRow(db: Queryable, id: string) {
  return db.deleteFrom('customers').where('id', '=', id).execute();
}

export function findIdentitiesOf(db: Queryable, customerIds: string[]) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('customer_identities')
    .select(['id', 'customer_id', 'kind', 'value'])
    .where('customer_id', 'in', customerIds)
    .orderBy('kind')
    .orderBy('created_at')
    .execute();
}

export type CustomerListFilter = {
  email?: string;
  phone?: string;
  /** Already lower-cased and unaccented by the caller's SQL. */
  text?: string;
  after?: { createdAt: string; id: string };
  limit: number;
};

/** Newest first, keyset-paginated on (created_at, id). Merged-away customers are left out. */
export function listCustomerRows(db: Queryable, filter: CustomerListFilter) {
  let query = db.selectFrom('customers').selectAll('customers').where('customers.merged_into_id', 'is', null);
  if (filter.email) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('customer_identities as ci')
          .whereRef('ci.customer_id', '=', 'customers.id')
          .where('ci.kind', '=', 'email')
          .where('ci.value', '=', filter.email!),
      ),
    );
  }
  if (filter.phone) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('customer_identities as ci')
          .whereRef('ci.customer_id', '=', 'customers.id')
          .where('ci.kind', 'in', ['phone', 'whatsapp'])
          .where('ci.value', '=', filter.phone!),
      ),
    );
  }
  if (filter.text) {
    // Matches anywhere in the name, ignoring case and diacritics ("sarunas" finds "Šarūnas"), or
    // the start of any identity ("ona@" finds ona@example.lt). Both are served by trigram indexes.
    const pattern = `%${escapeLike(filter.text)}%`;
    const identityPattern = `${escapeLike(filter.text.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb(
          sql`immutable_unaccent(lower(customers.name))`,
          'like',
          sql<string>`immutable_unaccent(lower(${pattern}))`,
        ),
        eb(sql`lower(customers.organisation)`, 'like', sql<string>`lower(${pattern})`),
        eb.exists(
          eb
            .selectFrom('customer_identities as ci')
            .whereRef('ci.customer_id', '=', 'customers.id')
            .where('ci.value', 'like', identityPattern),
        ),
      ]),
    );
  }
  if (filter.after) {
    const { createdAt, id } = filter.after;
    query = query.where(
      sql<boolean>`(customers.created_at, customers.id) < (${createdAt}::timestamptz, ${id}::uuid)`,
    );
  }
  return query
    .orderBy('customers.created_at', 'desc')
    .orderBy('customers.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Moves everything that belongs to `sourceId` onto `targetId`; used by merge. */
export async function reassignCustomerData(db: Queryable, sourceId: string, targetId: string) {
  await db
    .updateTable('customer_identities')
    .set({ customer_id: targetId })
    .where('customer_id', '=', sourceId)
    .execute();
  const moved = await db
    .updateTable('conversations')
    .set({ customer_id: targetId, updated_at: sql`now()` })
    .where('customer_id', '=', sourceId)
    .returning('id')
    .execute();
  await db
    .updateTable('messages')
    .set({ author_customer_id: targetId })
    .where('author_customer_id', '=', sourceId)
    .execute();
  return moved.map((row) => row.id);
}

export function insertMergeEvents(
  db: Queryable,
  conversationIds: string[],
  data: { actorAgentId: string; fromCustomerId: string; toCustomerId: string },
) {
  if (conversationIds.length === 0) return Promise.resolve();
  return db
    .insertInto('conversation_events')
    .values(
      conversationIds.map((conversationId) => ({
        conversation_id: conversationId,
        type: 'customer_merged',
        actor_type: 'agent' as const,
        actor_agent_id: data.actorAgentId,
        data: JSON.stringify({ fromCustomerId: data.fromCustomerId, toCustomerId: data.toCustomerId }),
      })),
    )
    .execute()
    .then(() => undefined);
}
