import type { Queryable } from '../../db/database.ts';

/** SQL for locations, services, desks and who may serve what. */

export function listLocationRows(db: Queryable) {
  return db.selectFrom('walk_in_locations').selectAll().orderBy('name').orderBy('id').execute();
}

export function findLocationRow(db: Queryable, id: string) {
  return db.selectFrom('walk_in_locations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertLocation(
  db: Queryable,
  row: {
    name: string;
    address: string;
    time_zone: string;
    opening_hours: string;
    languages: string[];
    allows_remote_join: boolean;
    rules: string;
  },
) {
  return db.insertInto('walk_in_locations').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateLocationRow(
  db: Queryable,
  id: string,
  changes: Partial<{
    name: string;
    address: string;
    time_zone: string;
    opening_hours: string;
    languages: string[];
    allows_remote_join: boolean;
    rules: string;
  }>,
  now: Date,
) {
  return db
    .updateTable('walk_in_locations')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

export function listServiceRows(db: Queryable, locationIds: string[]) {
  if (locationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('walk_in_services')
    .selectAll()
    .where('location_id', 'in', locationIds)
    .orderBy('prefix')
    .execute();
}

export function findServiceRow(db: Queryable, id: string) {
  return db.selectFrom('walk_in_services').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertService(
  db: Queryable,
  row: {
    location_id: string;
    names: string;
    prefix: string;
    skills: string[];
    daily_capacity: number | null;
    last_ticket_time: string | null;
    is_active: boolean;
  },
) {
  return db.insertInto('walk_in_services').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateServiceRow(
  db: Queryable,
  id: string,
  changes: Partial<{
    names: string;
    prefix: string;
    skills: string[];
    daily_capacity: number | null;
    last_ticket_time: string | null;
    is_active: boolean;
  }>,
) {
  // Absent fields stay as they are; an update with nothing to set would be invalid SQL.
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (Object.keys(given).length === 0) return Promise.resolve();
  return db.updateTable('walk_in_services').set(given).where('id', '=', id).execute();
}

export function listServiceAgentRows(db: Queryable, serviceIds: string[]) {
  if (serviceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('walk_in_service_agents')
    .selectAll()
    .where('service_id', 'in', serviceIds)
    .orderBy('agent_id')
    .execute();
}

export async function replaceServiceAgents(db: Queryable, serviceId: string, agentIds: string[]) {
  await db.deleteFrom('walk_in_service_agents').where('service_id', '=', serviceId).execute();
  if (agentIds.length === 0) return;
  await db
    .insertInto('walk_in_service_agents')
    .values(agentIds.map((agentId) => ({ service_id: serviceId, agent_id: agentId })))
    .execute();
}

export function countAgents(db: Queryable, agentIds: string[]) {
  if (agentIds.length === 0) return Promise.resolve(0);
  return db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('id', 'in', agentIds)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.count));
}

export function listDeskRows(db: Queryable, locationIds: string[]) {
  if (locationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('walk_in_desks')
    .selectAll()
    .where('location_id', 'in', locationIds)
    .orderBy('name')
    .execute();
}

export function findDeskRow(db: Queryable, id: string) {
  return db.selectFrom('walk_in_desks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertDesk(db: Queryable, row: { location_id: string; name: string }) {
  return db.insertInto('walk_in_desks').values(row).returning('id').executeTakeFirstOrThrow();
}

export function renameDeskRow(db: Queryable, id: string, name: string) {
  return db.updateTable('walk_in_desks').set({ name }).where('id', '=', id).execute();
}

export function deleteDeskRow(db: Queryable, id: string) {
  return db.deleteFrom('walk_in_desks').where('id', '=', id).execute();
}

/** Whether someone works at the desk now, or a customer is called to it or served there. */
export async function isDeskInUse(db: Queryable, id: string) {
  const [session, visit] = await Promise.all([
    db.selectFrom('walk_in_desk_sessions').select('desk_id').where('desk_id', '=', id).executeTakeFirst(),
    db
      .selectFrom('walk_in_visits')
      .select('id')
      .where('desk_id', '=', id)
      .where('status', 'in', ['called', 'serving'])
      .executeTakeFirst(),
  ]);
  return session !== undefined || visit !== undefined;
}
