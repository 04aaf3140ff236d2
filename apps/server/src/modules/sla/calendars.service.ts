import type { BusinessCalendarBody, BusinessCalendarDto } from '@frontline/contracts';
import type { Queryable } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { conflict, isPgError, notFound, pgErrorCodes } from '../../platform/errors.ts';
import { type BusinessCalendar, type CalendarDefinition, createCalendar } from './business-hours.ts';
import {
  type CalendarColumns,
  deleteCalendarRow,
  findCalendarRow,
  insertCalendarRow,
  listCalendarRows,
  queueSlaRecount,
  updateCalendarRow,
} from './sla.repository.ts';

type CalendarRow = NonNullable<Awaited<ReturnType<typeof findCalendarRow>>>;

const calendarNotFound = () => notFound('sla.calendar_not_found', 'No such business-hours calendar');
const calendarNameTaken = () => conflict('sla.calendar_name_taken', 'A calendar with this name exists');

function definitionOf(row: CalendarRow): CalendarDefinition {
  return {
    timeZone: row.time_zone,
    weeklyHours: row.weekly_hours as CalendarDefinition['weeklyHours'],
    holidays: (row.holidays as CalendarDefinition['holidays']) ?? null,
    closures: (row.closures as CalendarDefinition['closures'] | null) ?? [],
  };
}

function toCalendarDto(row: CalendarRow): BusinessCalendarDto {
  const definition = definitionOf(row);
  return {
    id: row.id,
    name: row.name,
    timeZone: definition.timeZone,
    weeklyHours: definition.weeklyHours,
    holidays: definition.holidays
      ? { country: definition.holidays.country, region: definition.holidays.region }
      : null,
    closures: definition.closures ?? [],
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Validates through `createCalendar` (422 `sla.invalid_calendar` naming the problem). */
function toColumns(body: BusinessCalendarBody): CalendarColumns {
  const definition: CalendarDefinition = {
    timeZone: body.timeZone,
    weeklyHours: body.weeklyHours,
    holidays: body.holidays
      ? { country: body.holidays.country.toUpperCase(), region: body.holidays.region }
      : null,
    closures: body.closures,
  };
  createCalendar(definition);
  return {
    name: body.name,
    time_zone: definition.timeZone,
    weekly_hours: JSON.stringify(definition.weeklyHours),
    holidays: definition.holidays ? JSON.stringify(definition.holidays) : null,
    closures: JSON.stringify(definition.closures),
  };
}

async function translateNameClash<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isPgError(error, pgErrorCodes.uniqueViolation)) throw calendarNameTaken();
    throw error;
  }
}

export async function listCalendars(deps: Pick<Deps, 'db'>) {
  return { items: (await listCalendarRows(deps.db)).map(toCalendarDto) };
}

export async function createBusinessCalendar(deps: Pick<Deps, 'db'>, body: BusinessCalendarBody) {
  return toCalendarDto(await translateNameClash(insertCalendarRow(deps.db, toColumns(body))));
}

export async function updateBusinessCalendar(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
  body: BusinessCalendarBody,
) {
  const row = await translateNameClash(updateCalendarRow(deps.db, id, toColumns(body), deps.clock.now()));
  if (!row) throw calendarNotFound();
  // Changed hours move the due times of every conversation counting in this calendar.
  await queueSlaRecount(deps.db);
  return toCalendarDto(row);
}

export async function deleteBusinessCalendar(deps: Pick<Deps, 'db'>, id: string) {
  try {
    if (!(await deleteCalendarRow(deps.db, id))) throw calendarNotFound();
  } catch (error) {
    if (isPgError(error, pgErrorCodes.foreignKeyViolation)) {
      throw conflict(
        'sla.calendar_in_use',
        'An SLA policy uses this calendar',
        'Change those policies first',
      );
    }
    throw error;
  }
}

export async function assertCalendarExists(db: Queryable, id: string) {
  if (!(await findCalendarRow(db, id))) throw calendarNotFound();
}

// Built calendars keep their per-day caches (holidays, opening ranges); a row's `updated_at` in
// the key makes an edited calendar a new entry.
const builtCalendars = new Map<string, BusinessCalendar>();
const builtCalendarLimit = 200;

/** The calendar as arithmetic can use it; undefined when it no longer exists. */
export async function loadBusinessCalendar(db: Queryable, id: string): Promise<BusinessCalendar | undefined> {
  const row = await findCalendarRow(db, id);
  if (!row) return undefined;
  const key = `${row.id}@${new Date(row.updated_at).getTime()}`;
  let calendar = builtCalendars.get(key);
  if (!calendar) {
    calendar = createCalendar(definitionOf(row));
    if (builtCalendars.size >= builtCalendarLimit) builtCalendars.clear();
    builtCalendars.set(key, calendar);
  }
  return calendar;
}
