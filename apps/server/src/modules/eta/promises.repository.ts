import { type Insertable, sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.ts';
import type { EtaPromisesTable } from '../../db/schema.ts';

/** Promise rows: SQL only. */

export function insertPromise(
  db: Queryable,
  promise: Pick<
    Insertable<EtaPromisesTable>,
    | 'conversation_id'
    | 'channel'
    | 'queue'
    | 'p50_seconds'
    | 'p90_seconds'
    | 'promised_at'
    | 'team_id'
    | 'forecast'
  >,
) {
  return db.insertInto('eta_promises').values(promise).returning('id').executeTakeFirstOrThrow();
}

export function lockOpenPromisesOf(tx: Tx, conversationId: string) {
  return tx
    .selectFrom('eta_promises')
    .select(['id', 'p50_seconds', 'p90_seconds', 'promised_at'])
    .where('conversation_id', '=', conversationId)
    .where('resolved_at', 'is', null)
    .forUpdate()
    .execute();
}

export function settlePromise(
  tx: Tx,
  id: string,
  outcome: { at: Date; kept: boolean; errorSeconds: number },
) {
  return tx
    .updateTable('eta_promises')
    .set({
      resolved_at: outcome.at,
      first_response_at: outcome.at,
      kept: outcome.kept,
      error_seconds: outcome.errorSeconds,
    })
    .where('id', '=', id)
    .execute();
}

export function findPromisesOf(db: Queryable, conversationId: string) {
  return db
    .selectFrom('eta_promises')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('promised_at')
    .execute();
}

/** Per ISO week (UTC), queue, the team promised for and channel: counts, kept and the mean P50 error. */
export function selectPromiseReport(db: Queryable, range: { from: Date; to: Date }) {
  return db
    .selectFrom('eta_promises as p')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .select([
      sql<string>`to_char(p.promised_at at time zone 'UTC', 'IYYY-"W"IW')`.as('week'),
      'p.queue',
      'p.channel',
      'p.team_id',
      't.name as team_name',
      sql<number>`count(*)::int`.as('promises'),
      sql<number>`count(p.resolved_at)::int`.as('resolved'),
      sql<number>`count(*) filter (where p.kept)::int`.as('kept'),
      sql<number | null>`avg(p.error_seconds)::float8`.as('mean_error'),
    ])
    .where('p.promised_at', '>=', range.from)
    .where('p.promised_at', '<', range.to)
    .groupBy([sql`1`, 'p.queue', 'p.channel', 'p.team_id', 't.name'])
    .orderBy(sql`1`, 'desc')
    .orderBy('p.queue')
    .orderBy('t.name')
    .orderBy('p.channel')
    .execute();
}
