import type { Insertable } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { ApiTokensTable } from '../../db/schema.ts';

// Never the hash: it is what a presented token is compared against, so it stays in the table.
const apiTokenColumns = [
  'id',
  'agent_id',
  'name',
  'token_prefix',
  'created_by_id',
  'created_at',
  'last_used_at',
  'expires_at',
  'revoked_at',
] as const;

export type ApiTokenRow = Awaited<ReturnType<typeof findApiToken>> & {};

export function findApiToken(db: Queryable, id: string) {
  return db.selectFrom('api_tokens').select(apiTokenColumns).where('id', '=', id).executeTakeFirst();
}

export function listApiTokenRows(db: Queryable, filter: { agentId?: string }) {
  let query = db
    .selectFrom('api_tokens')
    .select(apiTokenColumns)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  if (filter.agentId) query = query.where('agent_id', '=', filter.agentId);
  return query.execute();
}

export function insertApiToken(db: Queryable, token: Insertable<ApiTokensTable>) {
  return db.insertInto('api_tokens').values(token).returning(apiTokenColumns).executeTakeFirstOrThrow();
}

/** Revokes a live token; a token already revoked keeps its original revocation time. */
export function revokeApiTokenRow(db: Queryable, id: string, now: Date) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
