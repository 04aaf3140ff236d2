import type { BookAppointmentBody, Ticket } from '@frontline/contracts';
import type { Deps } from '../../deps.ts';
import { unprocessable } from '../../platform/errors.ts';
import { isOpen } from '../sla/index.ts';
import { localDayAt } from './line-rules.ts';
import { calendarOf, getLocation } from './setup.service.ts';
import { countTicketsOfDay } from './visits.repository.ts';
import { issueVisit } from './visits.service.ts';
import { serviceInactive, serviceNotFound, ticketRefused } from './walk-in.errors.ts';

/**
 * Books an appointment: a visit numbered on its own day that joins the calling order
 * `appointmentLeadMinutes` before its time and then goes first (see `orderLine`); until then
 * walk-ins are served.
 */
export async function bookAppointment(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  locationId: string,
  input: BookAppointmentBody,
): Promise<Ticket> {
  const location = await getLocation(deps.db, locationId);
  const service = location.services.find((candidate) => candidate.id === input.serviceId);
  if (!service) throw serviceNotFound();
  if (!service.isActive) throw serviceInactive();
  const at = new Date(input.at);
  if (at.getTime() <= deps.clock.now().getTime()) {
    throw unprocessable('walk_in.appointment_in_past', 'An appointment must be in the future');
  }
  if (!isOpen(calendarOf(location.timeZone, location.openingHours), at)) throw ticketRefused('closed');
  const localDay = localDayAt(location.timeZone, at);
  if (
    service.dailyCapacity !== null &&
    (await countTicketsOfDay(deps.db, service.id, localDay)) >= service.dailyCapacity
  ) {
    throw ticketRefused('capacity_reached');
  }
  return issueVisit(
    deps,
    location,
    service,
    { ...input, isPriority: false },
    {
      source: 'appointment',
      localDay,
      queuedAt: at,
      appointmentAt: at,
    },
  );
}
