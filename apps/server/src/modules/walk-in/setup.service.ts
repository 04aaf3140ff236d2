import {
  type CreateDeskBody,
  type CreateLocationBody,
  type CreateServiceBody,
  type OpeningHours,
  openingHoursSchema,
  type ServiceNames,
  type UpdateLocationBody,
  type UpdateServiceBody,
  type WalkInDesk,
  type WalkInLocation,
  type WalkInRules,
  type WalkInService,
  walkInRulesSchema,
} from '@frontline/contracts';
import type { Queryable } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { AppError, isPgError, pgErrorCodes } from '../../platform/errors.ts';
import { type BusinessCalendar, createCalendar } from '../sla/index.ts';
import {
  countAgents,
  deleteDeskRow,
  findDeskRow,
  findLocationRow,
  findServiceRow,
  insertDesk,
  insertLocation,
  insertService,
  isDeskInUse,
  listDeskRows,
  listLocationRows,
  listServiceAgentRows,
  listServiceRows,
  renameDeskRow,
  replaceServiceAgents,
  updateLocationRow,
  updateServiceRow,
} from './setup.repository.ts';
import {
  deskInUse,
  deskNameTaken,
  deskNotFound,
  invalidOpeningHours,
  invalidTimeZone,
  locationNotFound,
  prefixTaken,
  serviceNotFound,
  unknownAgents,
} from './walk-in.errors.ts';

type SetupDeps = Pick<Deps, 'db' | 'clock'>;

/** The location's opening hours as a business-hours calendar (the SLA module's arithmetic). */
export function calendarOf(timeZone: string, openingHours: OpeningHours): BusinessCalendar {
  return createCalendar({
    timeZone,
    weeklyHours: openingHours.weeklyHours,
    holidays: openingHours.holidayCountry ? { country: openingHours.holidayCountry } : null,
  });
}

/** Rejects a time zone or hours the calendar cannot use, as a 422 naming the problem. */
function assertUsableCalendar(timeZone: string, openingHours: OpeningHours) {
  if (!Intl.supportedValuesOf('timeZone').includes(timeZone) && timeZone !== 'UTC') throw invalidTimeZone();
  try {
    calendarOf(timeZone, openingHours);
  } catch (error) {
    if (error instanceof AppError) throw invalidOpeningHours(error.detail ?? error.message);
    throw error;
  }
  for (const intervals of Object.values(openingHours.weeklyHours)) {
    for (const interval of intervals ?? []) {
      if (interval.from >= interval.to)
        throw invalidOpeningHours(`${interval.from}–${interval.to} ends before it starts`);
    }
  }
}

function toService(
  row: Awaited<ReturnType<typeof listServiceRows>>[number],
  agentIds: string[],
): WalkInService {
  return {
    id: row.id,
    locationId: row.location_id,
    names: row.names as ServiceNames,
    prefix: row.prefix,
    skills: row.skills,
    dailyCapacity: row.daily_capacity,
    lastTicketTime: row.last_ticket_time,
    agentIds,
    isActive: row.is_active,
  };
}

/** Locations with their services and desks, in one round of queries. */
export async function loadLocations(db: Queryable, ids?: string[]): Promise<WalkInLocation[]> {
  const rows = ids
    ? (await Promise.all(ids.map((id) => findLocationRow(db, id)))).filter((row) => row !== undefined)
    : await listLocationRows(db);
  const locationIds = rows.map((row) => row.id);
  const [services, desks] = await Promise.all([
    listServiceRows(db, locationIds),
    listDeskRows(db, locationIds),
  ]);
  const serviceAgents = await listServiceAgentRows(
    db,
    services.map((service) => service.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    address: row.address,
    timeZone: row.time_zone,
    openingHours: openingHoursSchema.parse(row.opening_hours),
    languages: row.languages as WalkInLocation['languages'],
    allowsRemoteJoin: row.allows_remote_join,
    rules: walkInRulesSchema.parse(row.rules) as WalkInRules,
    services: services
      .filter((service) => service.location_id === row.id)
      .map((service) =>
        toService(
          service,
          serviceAgents.filter((link) => link.service_id === service.id).map((link) => link.agent_id),
        ),
      ),
    desks: desks
      .filter((desk) => desk.location_id === row.id)
      .map((desk): WalkInDesk => ({ id: desk.id, locationId: desk.location_id, name: desk.name })),
  }));
}

export async function getLocation(db: Queryable, id: string): Promise<WalkInLocation> {
  const [location] = await loadLocations(db, [id]);
  if (!location) throw locationNotFound();
  return location;
}

export async function listLocations(deps: Pick<Deps, 'db'>) {
  return { items: await loadLocations(deps.db) };
}

export async function createLocation(deps: SetupDeps, input: CreateLocationBody) {
  assertUsableCalendar(input.timeZone, input.openingHours);
  const { id } = await insertLocation(deps.db, {
    name: input.name,
    address: input.address,
    time_zone: input.timeZone,
    opening_hours: JSON.stringify(input.openingHours),
    languages: input.languages,
    allows_remote_join: input.allowsRemoteJoin,
    rules: JSON.stringify(input.rules),
  });
  return getLocation(deps.db, id);
}

export async function updateLocation(deps: SetupDeps, id: string, input: UpdateLocationBody) {
  return deps.db.transaction().execute(async (tx) => {
    const current = await getLocation(tx, id);
    const timeZone = input.timeZone ?? current.timeZone;
    const openingHours = input.openingHours ?? current.openingHours;
    assertUsableCalendar(timeZone, openingHours);
    await updateLocationRow(
      tx,
      id,
      {
        name: input.name,
        address: input.address,
        time_zone: input.timeZone,
        opening_hours: input.openingHours ? JSON.stringify(input.openingHours) : undefined,
        languages: input.languages,
        allows_remote_join: input.allowsRemoteJoin,
        rules: input.rules ? JSON.stringify(input.rules) : undefined,
      },
      deps.clock.now(),
    );
    return getLocation(tx, id);
  });
}

function translateServiceConflict(error: unknown): never {
  if (isPgError(error, pgErrorCodes.uniqueViolation) && error.constraint === 'walk_in_services_prefix_key')
    throw prefixTaken();
  throw error;
}

async function assertAgentsExist(db: Queryable, agentIds: string[]) {
  const unique = [...new Set(agentIds)];
  if ((await countAgents(db, unique)) !== unique.length) throw unknownAgents();
  return unique;
}

export async function createService(deps: SetupDeps, locationId: string, input: CreateServiceBody) {
  return deps.db
    .transaction()
    .execute(async (tx) => {
      await getLocation(tx, locationId);
      const agentIds = await assertAgentsExist(tx, input.agentIds);
      const { id } = await insertService(tx, {
        location_id: locationId,
        names: JSON.stringify(input.names),
        prefix: input.prefix,
        skills: input.skills,
        daily_capacity: input.dailyCapacity,
        last_ticket_time: input.lastTicketTime,
        is_active: input.isActive,
      });
      await replaceServiceAgents(tx, id, agentIds);
      return (await getLocation(tx, locationId)).services.find((service) => service.id === id)!;
    })
    .catch(translateServiceConflict);
}

export async function updateService(deps: SetupDeps, serviceId: string, input: UpdateServiceBody) {
  return deps.db
    .transaction()
    .execute(async (tx) => {
      const row = await findServiceRow(tx, serviceId);
      if (!row) throw serviceNotFound();
      await updateServiceRow(tx, serviceId, {
        names: input.names ? JSON.stringify(input.names) : undefined,
        prefix: input.prefix,
        skills: input.skills,
        daily_capacity: input.dailyCapacity,
        last_ticket_time: input.lastTicketTime,
        is_active: input.isActive,
      });
      if (input.agentIds)
        await replaceServiceAgents(tx, serviceId, await assertAgentsExist(tx, input.agentIds));
      return (await getLocation(tx, row.location_id)).services.find((service) => service.id === serviceId)!;
    })
    .catch(translateServiceConflict);
}

export async function createDesk(
  deps: SetupDeps,
  locationId: string,
  input: CreateDeskBody,
): Promise<WalkInDesk> {
  await getLocation(deps.db, locationId);
  try {
    const { id } = await insertDesk(deps.db, { location_id: locationId, name: input.name });
    return { id, locationId, name: input.name };
  } catch (error) {
    if (isPgError(error, pgErrorCodes.uniqueViolation)) throw deskNameTaken();
    throw error;
  }
}

export async function renameDesk(
  deps: SetupDeps,
  deskId: string,
  input: CreateDeskBody,
): Promise<WalkInDesk> {
  const row = await findDeskRow(deps.db, deskId);
  if (!row) throw deskNotFound();
  try {
    await renameDeskRow(deps.db, deskId, input.name);
  } catch (error) {
    if (isPgError(error, pgErrorCodes.uniqueViolation)) throw deskNameTaken();
    throw error;
  }
  return { id: deskId, locationId: row.location_id, name: input.name };
}

/**
 * Removes a desk nobody works at and nobody is called to. Past visits keep their history but no
 * longer name the desk (the report counts them under "—").
 */
export async function removeDesk(deps: SetupDeps, deskId: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await findDeskRow(tx, deskId);
    if (!row) throw deskNotFound();
    if (await isDeskInUse(tx, deskId)) throw deskInUse();
    await deleteDeskRow(tx, deskId);
  });
}
