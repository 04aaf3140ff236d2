import { randomBytes } from 'node:crypto';
import type {
  PublicVisit,
  TakeTicketBody,
  Ticket,
  VisitContactBody,
  WalkInLocation,
  WalkInService,
} from '@frontline/contracts';
import type { Queryable } from '../../db/database.ts';
import type { WalkInVisitRow } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { validationFailed } from '../../platform/errors.ts';
import { createConversation } from '../conversations/index.ts';
import { createCustomer, normaliseIdentity } from '../customers/index.ts';
import { toStoredForecast } from '../eta/index.ts';
import { loadLine, positionInLine, ticketRefusal } from './line.service.ts';
import { announceLineChange } from './line-change.ts';
import { estimateLineWait, forecastCalibratedLineWait, toVisitWait } from './line-eta.ts';
import { formatTicket, localDayAt } from './line-rules.ts';
import { queueLineCheck } from './notifications.repository.ts';
import { getLocation } from './setup.service.ts';
import { toPublicVisit } from './visit-dto.ts';
import {
  findLatestPromiseAt,
  findVisitByToken,
  insertPromise,
  insertVisit,
  takeNextTicketNumber,
  updateVisitRow,
} from './visits.repository.ts';
import {
  illegalVisitAction,
  remoteJoinNotAllowed,
  serviceInactive,
  serviceNotFound,
  ticketRefused,
  visitNotFound,
} from './walk-in.errors.ts';

export { lineChannel } from './line-change.ts';

type VisitDeps = Pick<Deps, 'db' | 'clock' | 'config'>;
export type TicketSource = 'kiosk' | 'remote' | 'desk' | 'appointment';

/** The customer of a new visit: found by contact when given, else a new anonymous walk-in. */
async function customerFor(deps: VisitDeps, input: TakeTicketBody, ticketHint: string) {
  if (input.customerId) return { id: input.customerId };
  if (input.email || input.phone) {
    return { email: input.email, phone: input.phone, name: input.name, preferredLanguage: input.language };
  }
  const customer = await createCustomer(deps, {
    name: input.name || `Walk-in visitor (${ticketHint})`,
    preferredLanguage: input.language,
    identities: [],
    notes: '',
  });
  return { id: customer.id };
}

/**
 * The contact the visitor left to be notified at, in stored form (lower-case email, E.164
 * phone); a phone or email that cannot be used is refused before a number is taken.
 */
function notifyContactOf(deps: VisitDeps, input: Pick<TakeTicketBody, 'email' | 'phone'>) {
  const contact = { notify_email: null as string | null, notify_phone: null as string | null };
  const problems = [];
  if (input.email) {
    const email = normaliseIdentity('email', input.email);
    if (email.ok) contact.notify_email = email.identity.value;
    else problems.push({ path: 'body.email', message: email.reason });
  }
  if (input.phone) {
    const phone = normaliseIdentity('phone', input.phone, deps.config.defaultPhoneCountry);
    if (phone.ok) contact.notify_phone = phone.identity.value;
    else problems.push({ path: 'body.phone', message: phone.reason });
  }
  if (problems.length > 0) throw validationFailed(problems);
  return contact;
}

/** The visit's expected wait from the live line, recorded as a promise to the customer. */
async function promiseWait(
  db: Queryable,
  /** The pool's handle, where the location's calibration is cached (see `loadLine`). */
  calibrationDb: Queryable,
  location: WalkInLocation,
  visit: WalkInVisitRow,
  source: 'kiosk' | 'tracking' | 'desk',
  now: Date,
) {
  const line = await loadLine(db, location, now, calibrationDb);
  const position = positionInLine(line, visit);
  const estimate =
    visit.status === 'waiting'
      ? forecastCalibratedLineWait(line.state, { kind: 'waiting', visitId: visit.id })
      : null;
  const wait = estimate ? toVisitWait(estimate.wait) : null;
  if (estimate && wait) {
    // The promise is what the customer was shown ("at the latest M min"); the engine's own
    // forecast is kept beside it for the location's calibration to learn from.
    await insertPromise(db, {
      visit_id: visit.id,
      location_id: location.id,
      source,
      p50_seconds: wait.aboutMinutes * 60,
      p90_seconds: wait.latestMinutes * 60,
      promised_at: now,
      forecast: JSON.stringify(toStoredForecast(estimate.raw)),
    });
  }
  return { position, wait };
}

/**
 * Takes a ticket: the next number of the service's letter today, a conversation of the customer
 * on the `walk_in` channel, the visit at the end of its line, and the wait it was promised.
 */
export async function takeTicket(
  deps: VisitDeps,
  locationId: string,
  input: TakeTicketBody,
  source: TicketSource,
): Promise<Ticket> {
  const location = await getLocation(deps.db, locationId);
  const service = location.services.find((candidate) => candidate.id === input.serviceId);
  if (!service) throw serviceNotFound();
  if (!service.isActive) throw serviceInactive();
  if (source === 'remote' && !location.allowsRemoteJoin) throw remoteJoinNotAllowed();
  const now = deps.clock.now();
  const refusal = await ticketRefusal(deps.db, await loadLine(deps.db, location, now), service.id);
  if (refusal) throw ticketRefused(refusal);

  return issueVisit(deps, location, service, input, {
    source,
    localDay: localDayAt(location.timeZone, now),
    queuedAt: now,
    appointmentAt: null,
  });
}

/**
 * Numbers and opens a visit: its ticket, its conversation, the visit row and (when it is in the
 * calling order) the wait promised. Validation is the caller's.
 */
export async function issueVisit(
  deps: VisitDeps,
  location: WalkInLocation,
  service: WalkInService,
  input: TakeTicketBody,
  options: { source: TicketSource; localDay: string; queuedAt: Date; appointmentAt: Date | null },
): Promise<Ticket> {
  const { source, localDay } = options;
  const contact = notifyContactOf(deps, input);
  // Each step commits on its own so no transaction waits on a second connection: the counter's
  // upsert is atomic by itself (a failure later leaves a gap in the numbers, never a duplicate),
  // and the conversation is created through its module's own use case.
  const ticket = formatTicket(
    service.prefix,
    await takeNextTicketNumber(deps.db, location.id, service.prefix, localDay),
  );
  const what = options.appointmentAt
    ? `Booked ${ticket} for ${service.names.en} at ${location.name}, appointment at ${options.appointmentAt.toISOString()}.`
    : `Took ticket ${ticket} for ${service.names.en} at ${location.name} (${source}).`;
  const conversation = await createConversation(deps, {
    customer: await customerFor(deps, input, ticket),
    subject: `${ticket} · ${service.names.en} · ${location.name}`,
    channel: 'walk_in',
    language: input.language,
    message: { body: what, metadata: { walkIn: { ticket, source } } },
  });
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (tx) => {
    const visit = await insertVisit(tx, {
      location_id: location.id,
      service_id: service.id,
      conversation_id: conversation.id,
      customer_id: conversation.customer.id,
      ticket,
      local_day: localDay,
      language: input.language,
      is_priority: source !== 'kiosk' && source !== 'remote' && input.isPriority,
      queued_at: options.queuedAt,
      appointment_at: options.appointmentAt,
      tracking_token: randomBytes(18).toString('base64url'),
      ...contact,
    });
    const shown = await promiseWait(
      tx,
      deps.db,
      location,
      visit,
      source === 'kiosk' || source === 'remote' ? 'kiosk' : 'desk',
      now,
    );
    await announceLineChange(tx, location.id);
    return { visit, shown };
  });
  return {
    ...toPublicVisit(result.visit, location, result.shown),
    trackingToken: result.visit.tracking_token,
  };
}

/** A promise is recorded for the tracking page at most this often per visit (it refreshes live). */
const TRACKING_PROMISE_INTERVAL_MS = 5 * 60_000;

/** The tracking page's view of a visit, by its capability token. */
export async function getVisitByToken(deps: VisitDeps, token: string): Promise<PublicVisit> {
  const visit = await findVisitByToken(deps.db, token);
  if (!visit) throw visitNotFound();
  const location = await getLocation(deps.db, visit.location_id);
  const now = deps.clock.now();
  const latest = await findLatestPromiseAt(deps.db, visit.id);
  if (
    visit.status === 'waiting' &&
    (!latest || now.getTime() - latest.promised_at.getTime() >= TRACKING_PROMISE_INTERVAL_MS)
  ) {
    return toPublicVisit(
      visit,
      location,
      await promiseWait(deps.db, deps.db, location, visit, 'tracking', now),
    );
  }
  const line = await loadLine(deps.db, location, now);
  const estimate =
    visit.status === 'waiting' ? estimateLineWait(line.state, { kind: 'waiting', visitId: visit.id }) : null;
  return toPublicVisit(visit, location, {
    position: positionInLine(line, visit),
    wait: estimate ? toVisitWait(estimate) : null,
  });
}

/**
 * The visitor leaves (or replaces) a phone or email from the tracking page, to be told when their
 * turn is near and when they are called. Only while they still wait or are being called.
 */
export async function setVisitContact(deps: VisitDeps, token: string, input: VisitContactBody) {
  const visit = await findVisitByToken(deps.db, token);
  if (!visit) throw visitNotFound();
  if (visit.status !== 'waiting' && visit.status !== 'called')
    throw illegalVisitAction(visit.status, 'notified');
  const contact = notifyContactOf(deps, input);
  await deps.db.transaction().execute(async (tx) => {
    await updateVisitRow(tx, visit.id, contact);
    // Someone already near the front is told at once, not at the line's next move.
    await queueLineCheck(tx, visit.location_id);
  });
  return getVisitByToken(deps, token);
}
