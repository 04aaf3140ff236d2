import type { WalkInRules } from '@frontline/contracts';
import { toWallClock } from '../sla/index.ts';

/**
 * The walk-in line's rules, pure: ticket numbers, who "call next" picks, when a no-show may be
 * marked and re-admitted, and where a transferred visit stands in its new line.
 */

/** The location's local day ('YYYY-MM-DD'): ticket letters count from 1 again each local day. */
export function localDayAt(timeZone: string, instant: Date): string {
  const wall = toWallClock(timeZone, instant.getTime());
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/** The local wall time 'HH:MM' at `instant`, for comparing with a last-ticket time. */
export function localTimeAt(timeZone: string, instant: Date): string {
  const wall = toWallClock(timeZone, instant.getTime());
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}

/**
 * @example formatTicket('A', 42) // 'A-042'
 * Three digits keep the display's columns steady; a 1000th ticket of a day simply gets four.
 */
export function formatTicket(prefix: string, number: number): string {
  return `${prefix}-${String(number).padStart(3, '0')}`;
}

export type TicketRefusal = 'capacity_reached' | 'after_last_ticket' | 'closed';

/** Why a ticket cannot be taken now, or null when it can. */
export function refuseTicket(input: {
  isOpen: boolean;
  localTime: string;
  lastTicketTime: string | null;
  issuedToday: number;
  dailyCapacity: number | null;
}): TicketRefusal | null {
  if (!input.isOpen) return 'closed';
  if (input.lastTicketTime !== null && input.localTime >= input.lastTicketTime) return 'after_last_ticket';
  if (input.dailyCapacity !== null && input.issuedToday >= input.dailyCapacity) return 'capacity_reached';
  return null;
}

/** A waiting visit as "call next" sees it. */
export type WaitingVisit = {
  id: string;
  serviceId: string;
  queuedAt: Date;
  isPriority: boolean;
  appointmentAt: Date | null;
  /** Set after a transfer to a desk: only that desk calls it. */
  targetDeskId: string | null;
};

type LineRules = Pick<WalkInRules, 'priorityBoostMinutes' | 'appointmentLeadMinutes'>;

/**
 * The instant a waiting visit counts as having queued, for ordering. A priority customer is
 * placed `priorityBoostMinutes` earlier than their arrival — bounded, so a steady stream of
 * priority customers can delay others by at most that much, never starve them.
 */
export function effectiveQueuedAt(visit: WaitingVisit, rules: LineRules): number {
  return visit.queuedAt.getTime() - (visit.isPriority ? rules.priorityBoostMinutes * 60_000 : 0);
}

function isAppointmentDue(visit: WaitingVisit, now: Date, rules: LineRules): boolean {
  return (
    visit.appointmentAt !== null &&
    visit.appointmentAt.getTime() - rules.appointmentLeadMinutes * 60_000 <= now.getTime()
  );
}

/**
 * The calling order of a line: appointments due now first (by their time), then everyone else
 * by effective queue time (FIFO with the priority boost); ties by id so the order is stable.
 * Appointments not yet due wait out of the order until they are.
 */
export function orderLine<T extends WaitingVisit>(visits: T[], now: Date, rules: LineRules): T[] {
  const due = visits.filter((visit) => isAppointmentDue(visit, now, rules));
  const walkIns = visits.filter((visit) => visit.appointmentAt === null);
  due.sort((a, b) => a.appointmentAt!.getTime() - b.appointmentAt!.getTime() || a.id.localeCompare(b.id));
  walkIns.sort(
    (a, b) => effectiveQueuedAt(a, rules) - effectiveQueuedAt(b, rules) || a.id.localeCompare(b.id),
  );
  return [...due, ...walkIns];
}

/**
 * Who a desk calls next: the first in calling order among visits of the services the desk
 * serves, skipping visits transferred to another desk and including those transferred to it.
 */
export function pickNextVisit<T extends WaitingVisit>(
  visits: T[],
  desk: { id: string; serviceIds: string[] },
  now: Date,
  rules: LineRules,
): T | null {
  const eligible = visits.filter((visit) =>
    visit.targetDeskId !== null ? visit.targetDeskId === desk.id : desk.serviceIds.includes(visit.serviceId),
  );
  return orderLine(eligible, now, rules)[0] ?? null;
}

/** A called customer may be marked a no-show only after the grace period since the (last) call. */
export function canMarkNoShow(calledAt: Date, now: Date, rules: Pick<WalkInRules, 'noShowGraceSeconds'>) {
  return now.getTime() - calledAt.getTime() >= rules.noShowGraceSeconds * 1000;
}

/**
 * Re-admitting a late customer: allowed within the window after the no-show. They were next
 * when called, so they go back near the front but behind whoever has waited the grace period
 * longer: their place is "arrived `noShowGraceSeconds` ago", or their first arrival if later.
 * Null when the window has passed (they take a new ticket).
 */
export function readmittedQueuedAt(
  visit: { queuedAt: Date; noShowAt: Date },
  now: Date,
  rules: Pick<WalkInRules, 'noShowGraceSeconds' | 'readmitWindowMinutes'>,
): Date | null {
  if (now.getTime() - visit.noShowAt.getTime() > rules.readmitWindowMinutes * 60_000) return null;
  const credited = now.getTime() - rules.noShowGraceSeconds * 1000;
  return new Date(Math.max(visit.queuedAt.getTime(), credited));
}

/**
 * Where a transferred visit stands in its new line: by its original arrival, so a customer sent
 * from one counter to another keeps the time they already waited instead of starting over; anyone
 * who arrived before them stays ahead.
 */
export function transferredQueuedAt(visit: { queuedAt: Date }): Date {
  return visit.queuedAt;
}
