import type { Board, WalkInLocation } from '@frontline/contracts';
import type { Queryable } from '../../db/database.ts';
import type { WalkInVisitRow } from '../../db/schema.ts';
import { loadCalibration } from '../eta/index.ts';
import { openPeriods } from '../sla/index.ts';
import { estimateLineWait, type LineState, toVisitWait } from './line-eta.ts';
import { localDayAt, localTimeAt, orderLine, refuseTicket } from './line-rules.ts';
import { listVisitNotices } from './notifications.repository.ts';
import { calendarOf } from './setup.service.ts';
import { toWalkInVisit } from './visit-dto.ts';
import {
  countTicketsOfDay,
  findCustomerNames,
  listDeskSessions,
  listRecentCalls,
  listRecentServiceSeconds,
  listRecentServiceSecondsByService,
  listVisitsAtDesks,
  listWaitingVisits,
} from './visits.repository.ts';

/** The live line of a location: who waits in calling order, which desks are open and busy. */
export type Line = {
  location: WalkInLocation;
  now: Date;
  isOpen: boolean;
  ordered: WalkInVisitRow[];
  state: LineState;
};

const RECENT_SERVICE_SAMPLES = 200;
/** Desks serve in the location's open periods; a day ahead covers any wait worth promising. */
const SERVING_HORIZON_MS = 24 * 3600_000;

function asWaitingVisit(row: WalkInVisitRow) {
  return {
    ...row,
    serviceId: row.service_id,
    queuedAt: row.queued_at,
    isPriority: row.is_priority,
    appointmentAt: row.appointment_at,
    targetDeskId: row.target_desk_id,
  };
}

/** Waiting visits of a location in the order desks will call them. */
export async function loadOrderedLine(
  db: Queryable,
  location: WalkInLocation,
  now: Date,
  options: { forUpdate?: boolean } = {},
) {
  const waiting = await listWaitingVisits(db, location.id, options);
  return orderLine(waiting.map(asWaitingVisit), now, location.rules);
}

/**
 * The location's line as it stands. `calibrationDb` is where the location's calibration is read
 * and cached (once a minute): the pool's handle, also when the line itself is read inside a
 * transaction — a transaction's handle is new every time, so nothing read through it is cached,
 * and the display board rebuilds the line on every change.
 */
export async function loadLine(
  db: Queryable,
  location: WalkInLocation,
  now: Date,
  calibrationDb: Queryable = db,
): Promise<Line> {
  const [waitingRows, sessions, atDesks, recentServiceSeconds, recentServiceSecondsByService] =
    await Promise.all([
      listWaitingVisits(db, location.id),
      listDeskSessions(db, location.id),
      listVisitsAtDesks(db, location.id),
      listRecentServiceSeconds(db, location.id, RECENT_SERVICE_SAMPLES),
      listRecentServiceSecondsByService(db, location.id, RECENT_SERVICE_SAMPLES),
    ]);
  const ordered = orderLine(waitingRows.map(asWaitingVisit), now, location.rules);
  // Appointments booked for the coming day and not yet due: once due they go ahead of walk-ins.
  const inOrder = new Set(ordered.map((visit) => visit.id));
  const leadMs = location.rules.appointmentLeadMinutes * 60_000;
  const upcoming = waitingRows
    .filter((visit) => visit.appointment_at !== null && !inOrder.has(visit.id))
    .map((visit) => ({
      id: visit.id,
      serviceId: visit.service_id,
      dueAt: new Date(visit.appointment_at!.getTime() - leadMs),
    }))
    .filter((visit) => visit.dueAt.getTime() < now.getTime() + SERVING_HORIZON_MS)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
  const calendar = calendarOf(location.timeZone, location.openingHours);
  const periods = openPeriods(calendar, now, new Date(now.getTime() + SERVING_HORIZON_MS)).map((period) => ({
    start: period.start.getTime(),
    end: period.end.getTime(),
  }));
  const isOpenNow = periods[0] !== undefined && periods[0].start <= now.getTime();
  return {
    location,
    now,
    isOpen: isOpenNow,
    ordered,
    state: {
      locationId: location.id,
      now,
      waiting: ordered.map((visit) => ({
        id: visit.id,
        serviceId: visit.service_id,
        targetDeskId: visit.target_desk_id,
        appointmentAt: visit.appointment_at,
      })),
      upcoming,
      desks: sessions.map((session) => {
        const atDesk = atDesks.find((visit) => visit.desk_id === session.desk_id);
        return {
          id: session.desk_id,
          serviceIds: session.service_ids,
          busySince: atDesk?.called_at ?? null,
          busyServiceId: atDesk?.service_id ?? null,
        };
      }),
      recentServiceSeconds,
      recentServiceSecondsByService,
      servingPeriods: periods,
      calibration: await loadCalibration(
        { db: calibrationDb, clock: { now: () => now } },
        { kind: 'walk-in', locationId: location.id },
      ),
    },
  };
}

/** People before the visit in calling order among those its desks could call (its service). */
export function positionInLine(line: Line, visit: WalkInVisitRow): number | null {
  if (visit.status !== 'waiting') return null;
  const sameLine = line.ordered.filter((other) =>
    visit.target_desk_id
      ? other.target_desk_id === visit.target_desk_id
      : other.service_id === visit.service_id,
  );
  const index = sameLine.findIndex((other) => other.id === visit.id);
  return index === -1 ? null : index;
}

/** Why a ticket for the service cannot be taken now, or null. */
export async function ticketRefusal(db: Queryable, line: Line, serviceId: string) {
  const service = line.location.services.find((candidate) => candidate.id === serviceId)!;
  const localDay = localDayAt(line.location.timeZone, line.now);
  return refuseTicket({
    isOpen: line.isOpen,
    localTime: localTimeAt(line.location.timeZone, line.now),
    lastTicketTime: service.lastTicketTime,
    issuedToday: service.dailyCapacity === null ? 0 : await countTicketsOfDay(db, serviceId, localDay),
    dailyCapacity: service.dailyCapacity,
  });
}

const RECENT_CALLS = 6;
const NEXT_PER_SERVICE = 4;
/** Calls older than this are history, not "recent", on the display. */
const RECENT_CALL_WINDOW_MS = 4 * 3600_000;

/** What the display board and the kiosk show; no personal data, only tickets and desks. */
export async function buildBoard(db: Queryable, line: Line): Promise<Board> {
  const { location, now } = line;
  const calls = await listRecentCalls(
    db,
    location.id,
    new Date(now.getTime() - RECENT_CALL_WINDOW_MS),
    RECENT_CALLS,
  );
  const services = [];
  for (const service of location.services.filter((candidate) => candidate.isActive)) {
    const waiting = line.ordered.filter((visit) => visit.service_id === service.id);
    const wait = estimateLineWait(line.state, { kind: 'new', serviceId: service.id });
    services.push({
      id: service.id,
      names: service.names,
      prefix: service.prefix,
      waiting: waiting.length,
      next: waiting.slice(0, NEXT_PER_SERVICE).map((visit) => visit.ticket),
      wait: wait ? toVisitWait(wait) : null,
      isTakingTickets: (await ticketRefusal(db, line, service.id)) === null,
    });
  }
  return {
    locationId: location.id,
    locationName: location.name,
    languages: location.languages,
    isOpen: line.isOpen,
    allowsRemoteJoin: location.allowsRemoteJoin,
    recentCalls: calls.map((call) => ({
      ticket: call.ticket,
      deskName: call.desk_name,
      calledAt: call.called_at!.toISOString(),
    })),
    services,
    computedAt: now.toISOString(),
  };
}

/** The waiting line for the desk console, in calling order, with customers' names. */
export async function listWaitingLine(db: Queryable, location: WalkInLocation, now: Date) {
  const line = await loadLine(db, location, now);
  const [names, notices] = await Promise.all([
    findCustomerNames(
      db,
      line.ordered.map((visit) => visit.customer_id),
    ),
    listVisitNotices(
      db,
      line.ordered.map((visit) => visit.id),
    ),
  ]);
  return {
    items: line.ordered.map((visit) => ({
      ...toWalkInVisit(visit, names.get(visit.customer_id) ?? ''),
      hasContact: Boolean(visit.notify_email || visit.notify_phone),
      notices: notices.get(visit.id) ?? [],
      position: positionInLine(line, visit) ?? 0,
    })),
  };
}
