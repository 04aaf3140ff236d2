import type { Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { WalkInVisitsTable } from '../../db/schema.ts';

/** SQL for visits, ticket counters, desk sign-ins and promises. */

/** The next number for a letter on a local day; the upsert's row lock serialises concurrent kiosks. */
export async function takeNextTicketNumber(
  db: Queryable,
  locationId: string,
  prefix: string,
  localDay: string,
) {
  const row = await db
    .insertInto('walk_in_ticket_counters')
    .values({ location_id: locationId, prefix, local_day: localDay, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['location_id', 'prefix', 'local_day'])
        .doUpdateSet({ last_number: sql`walk_in_ticket_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export async function countTicketsOfDay(db: Queryable, serviceId: string, localDay: string) {
  const row = await db
    .selectFrom('walk_in_visits')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('service_id', '=', serviceId)
    .where('local_day', '=', localDay)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

type NewVisit = {
  location_id: string;
  service_id: string;
  conversation_id: string;
  customer_id: string;
  ticket: string;
  local_day: string;
  language: string;
  is_priority: boolean;
  queued_at: Date;
  appointment_at: Date | null;
  tracking_token: string;
  notify_email: string | null;
  notify_phone: string | null;
};

export function insertVisit(db: Queryable, row: NewVisit) {
  return db.insertInto('walk_in_visits').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findVisitRow(db: Queryable, id: string) {
  return db.selectFrom('walk_in_visits').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockVisitRow(db: Queryable, id: string) {
  return db.selectFrom('walk_in_visits').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findVisitByToken(db: Queryable, token: string) {
  return db.selectFrom('walk_in_visits').selectAll().where('tracking_token', '=', token).executeTakeFirst();
}

export function updateVisitRow(db: Queryable, id: string, changes: Updateable<WalkInVisitsTable>) {
  return db
    .updateTable('walk_in_visits')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Waiting visits of a location (all services); `forUpdate` when a desk is about to call one. */
export function listWaitingVisits(db: Queryable, locationId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .selectFrom('walk_in_visits')
    .selectAll()
    .where('location_id', '=', locationId)
    .where('status', '=', 'waiting')
    .orderBy('queued_at');
  return options.forUpdate ? query.forUpdate().execute() : query.execute();
}

/** Visits called to or being served at a desk of the location now. */
export function listVisitsAtDesks(db: Queryable, locationId: string) {
  return db
    .selectFrom('walk_in_visits')
    .selectAll()
    .where('location_id', '=', locationId)
    .where('status', 'in', ['called', 'serving'])
    .execute();
}

/** The latest calls at the location, most recent first, with their desk names. */
export function listRecentCalls(db: Queryable, locationId: string, since: Date, limit: number) {
  return db
    .selectFrom('walk_in_visits')
    .innerJoin('walk_in_desks', 'walk_in_desks.id', 'walk_in_visits.desk_id')
    .select(['walk_in_visits.ticket', 'walk_in_visits.called_at', 'walk_in_desks.name as desk_name'])
    .where('walk_in_visits.location_id', '=', locationId)
    .where('walk_in_visits.called_at', '>=', since)
    .where('walk_in_visits.status', 'in', ['called', 'serving', 'done'])
    .orderBy('walk_in_visits.called_at', 'desc')
    .limit(limit)
    .execute();
}

/** How long recent visits at the location took at the desk (seconds), newest first. */
export async function listRecentServiceSeconds(db: Queryable, locationId: string, limit: number) {
  const rows = await db
    .selectFrom('walk_in_visits')
    .select(sql<number>`extract(epoch from finished_at - called_at)`.as('seconds'))
    .where('location_id', '=', locationId)
    .where('status', '=', 'done')
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => Number(row.seconds));
}

/** The same per service: each service's last `limit` finished visits (seconds), by service id. */
export async function listRecentServiceSecondsByService(db: Queryable, locationId: string, limit: number) {
  const recent = db
    .selectFrom('walk_in_visits')
    .select([
      'service_id',
      sql<number>`extract(epoch from finished_at - called_at)`.as('seconds'),
      sql<number>`row_number() over (partition by service_id order by finished_at desc)`.as('recency'),
    ])
    .where('location_id', '=', locationId)
    .where('status', '=', 'done')
    .where('finished_at', 'is not', null)
    .as('recent');
  const rows = await db
    .selectFrom(recent)
    .select(['service_id', 'seconds'])
    .where('recency', '<=', limit)
    .execute();
  const byService: Record<string, number[]> = {};
  for (const row of rows) {
    byService[row.service_id] = [...(byService[row.service_id] ?? []), Number(row.seconds)];
  }
  return byService;
}

export function listDeskSessions(db: Queryable, locationId: string) {
  return db
    .selectFrom('walk_in_desk_sessions')
    .innerJoin('walk_in_desks', 'walk_in_desks.id', 'walk_in_desk_sessions.desk_id')
    .select([
      'walk_in_desk_sessions.desk_id',
      'walk_in_desk_sessions.agent_id',
      'walk_in_desk_sessions.service_ids',
      'walk_in_desks.name as desk_name',
    ])
    .where('walk_in_desks.location_id', '=', locationId)
    .execute();
}

export function findDeskSession(db: Queryable, deskId: string) {
  return db.selectFrom('walk_in_desk_sessions').selectAll().where('desk_id', '=', deskId).executeTakeFirst();
}

/** Signs the agent in at the desk, leaving any other desk they were at. */
export async function upsertDeskSession(
  db: Queryable,
  row: { desk_id: string; agent_id: string; service_ids: string[]; signed_in_at: Date },
) {
  await db.deleteFrom('walk_in_desk_sessions').where('agent_id', '=', row.agent_id).execute();
  await db.insertInto('walk_in_desk_sessions').values(row).execute();
}

export function deleteDeskSession(db: Queryable, deskId: string) {
  return db.deleteFrom('walk_in_desk_sessions').where('desk_id', '=', deskId).execute();
}

export function insertPromise(
  db: Queryable,
  row: {
    visit_id: string;
    location_id: string;
    source: 'kiosk' | 'tracking' | 'desk';
    p50_seconds: number;
    p90_seconds: number;
    promised_at: Date;
    forecast: string;
  },
) {
  return db.insertInto('walk_in_promises').values(row).execute();
}

export function findLatestPromiseAt(db: Queryable, visitId: string) {
  return db
    .selectFrom('walk_in_promises')
    .select('promised_at')
    .where('visit_id', '=', visitId)
    .orderBy('promised_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Resolves every open promise of a visit at its call: kept when the call came no later than
 * the promised P90 after the promise was made.
 */
export function resolvePromises(db: Queryable, visitId: string, calledAt: Date) {
  return db
    .updateTable('walk_in_promises')
    .set({
      resolved_at: calledAt,
      actual_seconds: sql<number>`greatest(0, round(extract(epoch from ${calledAt}::timestamptz - promised_at)))::int`,
      is_kept: sql<boolean>`extract(epoch from ${calledAt}::timestamptz - promised_at) <= p90_seconds`,
    })
    .where('visit_id', '=', visitId)
    .where('resolved_at', 'is', null)
    .execute();
}

export function listPromises(db: Queryable, visitId: string) {
  return db
    .selectFrom('walk_in_promises')
    .selectAll()
    .where('visit_id', '=', visitId)
    .orderBy('promised_at')
    .execute();
}

/** Tells every instance that a location's line changed (delivered on commit). */
export async function signalLineChanged(db: Queryable, channel: string, locationId: string) {
  await sql`select pg_notify(${channel}, ${locationId})`.execute(db);
}

export async function findCustomerNames(db: Queryable, customerIds: string[]) {
  if (customerIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('id', 'in', customerIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function findDeskSessionOfAgent(db: Queryable, agentId: string) {
  return db
    .selectFrom('walk_in_desk_sessions')
    .selectAll()
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
}
