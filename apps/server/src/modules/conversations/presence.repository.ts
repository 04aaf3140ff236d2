import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';

/** Presence rows (one per socket and conversation): SQL only. */

export function upsertPresence(
  db: Queryable,
  presence: {
    conversationId: string;
    agentId: string;
    connectionId: string;
    state: 'viewing' | 'typing';
    now: Date;
  },
) {
  return db
    .insertInto('conversation_presence')
    .values({
      conversation_id: presence.conversationId,
      agent_id: presence.agentId,
      connection_id: presence.connectionId,
      state: presence.state,
      updated_at: presence.now,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['conversation_id', 'connection_id'])
        .doUpdateSet({ state: presence.state, updated_at: presence.now }),
    )
    .execute();
}

/** Removes a socket's presence in one conversation, or everywhere; answers what was removed. */
export function deletePresence(db: Queryable, connectionId: string, conversationId?: string) {
  let query = db.deleteFrom('conversation_presence').where('connection_id', '=', connectionId);
  if (conversationId) query = query.where('conversation_id', '=', conversationId);
  return query.returning(['conversation_id', 'agent_id']).execute();
}

/** Forgets presence not renewed since `before` (closed tabs, crashed servers). */
export function deleteStalePresence(db: Queryable, before: Date) {
  return db
    .deleteFrom('conversation_presence')
    .where('updated_at', '<', before)
    .returning(['conversation_id', 'agent_id'])
    .execute();
}

/**
 * Each agent's presence in a conversation since `freshSince`, one row per agent: `typing` when
 * any of their sockets typed since `typingSince`, else `viewing`.
 */
export function listPresence(db: Queryable, conversationId: string, freshSince: Date, typingSince: Date) {
  return db
    .selectFrom('conversation_presence as p')
    .innerJoin('agents as a', 'a.id', 'p.agent_id')
    .select([
      'p.agent_id',
      'a.name as agent_name',
      sql<'viewing' | 'typing'>`case when bool_or(p.state = 'typing' and p.updated_at >= ${typingSince})
        then 'typing' else 'viewing' end`.as('state'),
      sql<Date>`max(p.updated_at)`.as('updated_at'),
    ])
    .where('p.conversation_id', '=', conversationId)
    .where('p.updated_at', '>=', freshSince)
    .groupBy(['p.agent_id', 'a.name'])
    .execute();
}

export function notifyPresence(db: Queryable, channel: string, payload: string) {
  return sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

export async function findAgentNames(db: Queryable, agentIds: string[]): Promise<Map<string, string>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db.selectFrom('agents').select(['id', 'name']).where('id', 'in', agentIds).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
