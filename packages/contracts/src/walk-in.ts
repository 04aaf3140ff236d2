import { z } from 'zod';
import { isoDateTime, supportedLanguage, uuid } from './common.ts';

/**
 * Walk-in service: locations with services and desks (admin setup), visits (a numbered ticket
 * that is also a conversation of the customer), desk actions, and the public board the kiosk,
 * the display and the tracking page read.
 */

const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time "HH:MM"');
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const openingHoursSchema = z
  .object({
    weeklyHours: z.partialRecord(weekday, z.array(z.strictObject({ from: wallTime, to: wallTime })).max(4)),
    /** Public holidays of this country (ISO 3166-1, e.g. `LT`) close the location. */
    holidayCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .default(null),
  })
  .strict();
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** The line's rules: how "call next" and no-shows behave at this location. */
export const walkInRulesSchema = z
  .object({
    /** How far ahead of their arrival a priority customer (elderly, disabled, pregnant) is placed, at most. */
    priorityBoostMinutes: z.number().int().min(0).max(120).default(10),
    /** An appointment is "due now" this many minutes before its time. */
    appointmentLeadMinutes: z.number().int().min(0).max(60).default(5),
    /** A called customer may be marked a no-show only after this grace period. */
    noShowGraceSeconds: z.number().int().min(0).max(1800).default(120),
    /** A no-show who turns up within this window is re-admitted. */
    readmitWindowMinutes: z.number().int().min(0).max(240).default(30),
    /**
     * "Your turn is near" goes to a visitor who left a phone or email once they are this far up
     * their line (3: third in line, two people before them); 0 turns the position rule off.
     */
    nearTurnPosition: z.number().int().min(0).max(50).default(3),
    /** …or once the soonest they may be called (the wait's P10) is at most this many minutes; 0: off. */
    nearTurnMinutes: z.number().int().min(0).max(120).default(5),
  })
  .strict();
export type WalkInRules = z.infer<typeof walkInRulesSchema>;

// Without defaults: a PATCH leaves what it does not name as it was; creation adds the defaults.
const locationFields = {
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(500),
  timeZone: z.string().min(1).max(64),
  openingHours: openingHoursSchema,
  /** Languages the display announces in (the kiosk offers all, these first); the first is the default. */
  languages: z.array(supportedLanguage).min(1).max(5),
  /** Whether people may join the line remotely from the public site (virtual queue). */
  allowsRemoteJoin: z.boolean(),
  rules: walkInRulesSchema,
};
export const createLocationBody = z
  .object({
    ...locationFields,
    address: locationFields.address.default(''),
    languages: locationFields.languages.default(['en']),
    allowsRemoteJoin: locationFields.allowsRemoteJoin.default(false),
    rules: walkInRulesSchema.default(walkInRulesSchema.parse({})),
  })
  .strict();
export const updateLocationBody = z.object(locationFields).partial().strict();
export type CreateLocationBody = z.infer<typeof createLocationBody>;
export type UpdateLocationBody = z.infer<typeof updateLocationBody>;

export const serviceNamesSchema = z
  .object({
    en: z.string().trim().min(1).max(120),
    lt: z.string().trim().min(1).max(120).optional(),
    sk: z.string().trim().min(1).max(120).optional(),
    pl: z.string().trim().min(1).max(120).optional(),
    hu: z.string().trim().min(1).max(120).optional(),
  })
  .strict();
export type ServiceNames = z.infer<typeof serviceNamesSchema>;

const serviceFields = {
  names: serviceNamesSchema,
  /** The ticket letter: `A` gives, … counting from 1 every local day. */
  prefix: z.string().regex(/^[A-Z]$/, 'must be one capital letter A–Z'),
  /** Skills an agent needs to serve it (informational for routing; desks use `agentIds`). */
  skills: z.array(z.string().trim().min(1).max(64)).max(20),
  /** Tickets per local day; null means no limit. */
  dailyCapacity: z.number().int().min(1).max(10_000).nullable(),
  /** No new ticket after this local time (before closing); null means until closing. */
  lastTicketTime: wallTime.nullable(),
  /** Agents who may serve this service at a desk. */
  agentIds: z.array(uuid).max(500),
  isActive: z.boolean(),
};
export const createServiceBody = z
  .object({
    ...serviceFields,
    skills: serviceFields.skills.default([]),
    dailyCapacity: serviceFields.dailyCapacity.default(null),
    lastTicketTime: serviceFields.lastTicketTime.default(null),
    agentIds: serviceFields.agentIds.default([]),
    isActive: serviceFields.isActive.default(true),
  })
  .strict();
export const updateServiceBody = z.object(serviceFields).partial().strict();
export type CreateServiceBody = z.infer<typeof createServiceBody>;
export type UpdateServiceBody = z.infer<typeof updateServiceBody>;

export const createDeskBody = z.object({ name: z.string().trim().min(1).max(60) }).strict();
export type CreateDeskBody = z.infer<typeof createDeskBody>;

export const walkInServiceSchema = z.object({
  id: uuid,
  locationId: uuid,
  names: serviceNamesSchema,
  prefix: z.string(),
  skills: z.array(z.string()),
  dailyCapacity: z.number().int().nullable(),
  lastTicketTime: z.string().nullable(),
  agentIds: z.array(uuid),
  isActive: z.boolean(),
});
export type WalkInService = z.infer<typeof walkInServiceSchema>;

export const walkInDeskSchema = z.object({ id: uuid, locationId: uuid, name: z.string() });
export type WalkInDesk = z.infer<typeof walkInDeskSchema>;

export const walkInLocationSchema = z.object({
  id: uuid,
  name: z.string(),
  address: z.string(),
  timeZone: z.string(),
  openingHours: openingHoursSchema,
  languages: z.array(supportedLanguage),
  allowsRemoteJoin: z.boolean(),
  rules: walkInRulesSchema,
  services: z.array(walkInServiceSchema),
  desks: z.array(walkInDeskSchema),
});
export type WalkInLocation = z.infer<typeof walkInLocationSchema>;
export const walkInLocationList = z.object({ items: z.array(walkInLocationSchema) });

// ── Visits ───────────────────────────────────────────────────────────────────────────────────

export const visitStatuses = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] as const;
export const visitStatus = z.enum(visitStatuses);
export type VisitStatus = z.infer<typeof visitStatus>;

/** "About N min, at the latest M min" — null when no desk can serve the service today. */
export const visitWaitSchema = z.object({ aboutMinutes: z.number().int(), latestMinutes: z.number().int() });
export type VisitWait = z.infer<typeof visitWaitSchema>;

export const takeTicketBody = z
  .object({
    serviceId: uuid,
    language: supportedLanguage.default('en'),
    /** Optional contact to be told when the turn is near; also finds the customer's history. */
    phone: z.string().trim().min(3).max(40).optional(),
    email: z.email().max(320).optional(),
    name: z.string().trim().max(200).optional(),
    /** Set only by an agent (priority customers, a known customer); ignored from the public kiosk. */
    isPriority: z.boolean().default(false),
    customerId: uuid.optional(),
  })
  .strict();
export type TakeTicketBody = z.infer<typeof takeTicketBody>;

/** What the customer sees: their ticket, place and expected wait. No personal data. */
export const publicVisitSchema = z.object({
  ticket: z.string(),
  status: visitStatus,
  locationId: uuid,
  locationName: z.string(),
  serviceId: uuid,
  serviceNames: serviceNamesSchema,
  language: supportedLanguage,
  /** People before this visit in the line (0: next); null once called. */
  position: z.number().int().nullable(),
  wait: visitWaitSchema.nullable(),
  deskName: z.string().nullable(),
  takenAt: isoDateTime,
  calledAt: isoDateTime.nullable(),
  /** Whether a phone or email is on file to tell the visitor their turn is near (never which). */
  hasContact: z.boolean().optional(),
});
export type PublicVisit = z.infer<typeof publicVisitSchema>;

export const ticketSchema = publicVisitSchema.extend({
  /** Opaque capability for `/visit/:token`, the customer's live tracking page. */
  trackingToken: z.string(),
});
export type Ticket = z.infer<typeof ticketSchema>;

/** A message sent (or being sent) to a visitor, as the desk console shows it. */
export const visitNoticeSchema = z.object({
  kind: z.enum(['turn_near', 'called']),
  channel: z.enum(['email', 'sms']),
  status: z.enum(['queued', 'sent', 'failed', 'skipped']),
  /** 1 for the first call, 2 for the first recall…; 0 for "turn near". */
  callNumber: z.number().int(),
  sentAt: isoDateTime.nullable(),
});
export type VisitNotice = z.infer<typeof visitNoticeSchema>;

export const walkInVisitSchema = z.object({
  id: uuid,
  ticket: z.string(),
  status: visitStatus,
  serviceId: uuid,
  conversationId: uuid,
  customerId: uuid,
  customerName: z.string(),
  isPriority: z.boolean(),
  deskId: uuid.nullable(),
  /** Only this desk may call it (a transfer to a desk). */
  targetDeskId: uuid.nullable(),
  callCount: z.number().int(),
  takenAt: isoDateTime,
  calledAt: isoDateTime.nullable(),
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  outcome: z.string().nullable(),
  /** Whether the visitor left a phone or email to be notified at. */
  hasContact: z.boolean().optional(),
  /** Messages sent to the visitor (desk console and waiting line only). */
  notices: z.array(visitNoticeSchema).optional(),
});
export type WalkInVisit = z.infer<typeof walkInVisitSchema>;

export const deskSignInBody = z.object({ serviceIds: z.array(uuid).min(1).max(50) }).strict();
export const finishVisitBody = z
  .object({
    outcome: z.enum(['resolved', 'follow_up', 'referred', 'not_resolved']),
    note: z.string().trim().max(5000).default(''),
  })
  .strict();
export type FinishVisitBody = z.infer<typeof finishVisitBody>;
export const transferVisitBody = z
  .object({ serviceId: uuid.optional(), deskId: uuid.optional() })
  .strict()
  .refine((body) => body.serviceId || body.deskId, 'give a serviceId, a deskId or both');
export type TransferVisitBody = z.infer<typeof transferVisitBody>;

/** The desk attaches a known (or just created) customer to the visit; the visit moves to their history. */
export const attachVisitCustomerBody = z.object({ customerId: uuid }).strict();
export type AttachVisitCustomerBody = z.infer<typeof attachVisitCustomerBody>;

/** A follow-up conversation opened from a visit: a subject and the first internal note. */
export const visitFollowUpBody = z
  .object({
    subject: z.string().trim().min(1).max(500),
    note: z.string().trim().min(1).max(20_000),
  })
  .strict();
export type VisitFollowUpBody = z.infer<typeof visitFollowUpBody>;

export const deskStateSchema = z.object({
  deskId: uuid,
  deskName: z.string(),
  agentId: uuid.nullable(),
  serviceIds: z.array(uuid),
  /** The visit called to or being served at this desk. */
  current: walkInVisitSchema.nullable(),
});
export type DeskState = z.infer<typeof deskStateSchema>;

// ── Public board (display, kiosk) ────────────────────────────────────────────────────────────

export const boardCallSchema = z.object({ ticket: z.string(), deskName: z.string(), calledAt: isoDateTime });
export const boardServiceSchema = z.object({
  id: uuid,
  names: serviceNamesSchema,
  prefix: z.string(),
  waiting: z.number().int(),
  /** The next few tickets in calling order. */
  next: z.array(z.string()),
  /** Expected wait for someone taking a ticket now; null when no desk serves it. */
  wait: visitWaitSchema.nullable(),
  /** Whether a ticket can be taken now (open, before the last-ticket time, under capacity). */
  isTakingTickets: z.boolean(),
});
export const boardSchema = z.object({
  locationId: uuid,
  locationName: z.string(),
  languages: z.array(supportedLanguage),
  isOpen: z.boolean(),
  /** Whether people may join this line from the public site (`/join/:location`). */
  allowsRemoteJoin: z.boolean(),
  /** Most recent first: the first one is "now serving". */
  recentCalls: z.array(boardCallSchema),
  services: z.array(boardServiceSchema),
  computedAt: isoDateTime,
});
export type Board = z.infer<typeof boardSchema>;
export type BoardService = z.infer<typeof boardServiceSchema>;

export const publicTicketBody = takeTicketBody
  .omit({ isPriority: true, customerId: true })
  .extend({
    /** `remote`: joined from the public site (virtual queue), where the location allows it. */
    source: z.enum(['kiosk', 'remote']).default('kiosk'),
  })
  .strict();
export type PublicTicketBody = z.infer<typeof publicTicketBody>;

/**
 * Joining the line from the public site (virtual queue): someone not in the waiting room must be
 * told when their turn is near, so a phone or an email is required.
 */
export const remoteJoinBody = takeTicketBody
  .omit({ isPriority: true, customerId: true })
  .strict()
  .refine((body) => body.phone || body.email, {
    message: 'leave a phone number or an email address to be told when your turn is near',
    path: ['phone'],
  });
export type RemoteJoinBody = z.infer<typeof remoteJoinBody>;

/** A visitor leaves (or changes) where to be told, from the tracking page. */
export const visitContactBody = z
  .object({
    phone: z.string().trim().min(3).max(40).optional(),
    email: z.email().max(320).optional(),
  })
  .strict()
  .refine((body) => body.phone || body.email, {
    message: 'leave a phone number or an email address',
    path: ['phone'],
  });
export type VisitContactBody = z.infer<typeof visitContactBody>;

export const myDeskSchema = z.object({ desk: deskStateSchema.nullable() });

export const waitingVisitSchema = walkInVisitSchema.extend({
  /** Place among the visits of the same line (0: next). */
  position: z.number().int(),
});
export const lineSchema = z.object({ items: z.array(waitingVisitSchema) });
export type WaitingVisitEntry = z.infer<typeof waitingVisitSchema>;

// ── Reports ──────────────────────────────────────────────────────────────────────────────────

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"');
export const walkInReportQuery = z
  .object({ from: civilDate, to: civilDate, groupBy: z.enum(['service', 'desk', 'hour']).default('service') })
  .strict();
export type WalkInReportQuery = z.infer<typeof walkInReportQuery>;

/** One local day and group (a service, a desk, or a local hour 0–23). Seconds throughout. */
export const walkInReportRowSchema = z.object({
  day: z.string(),
  group: z.string(),
  /** The service's or desk's id (null for an hour, and for visits no desk has taken); `group` is its name. */
  groupId: uuid.nullable(),
  arrivals: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  transfers: z.number().int(),
  /** Still waiting when the local day was over: they left without being called. */
  abandoned: z.number().int(),
  waitMedianSeconds: z.number().nullable(),
  waitP90Seconds: z.number().nullable(),
  serviceMedianSeconds: z.number().nullable(),
  promisesKept: z.number().int(),
  promisesMissed: z.number().int(),
  /** Kept ÷ resolved promises; null when none was resolved. */
  promiseKeptRate: z.number().nullable(),
});
export const walkInReportSchema = z.object({ items: z.array(walkInReportRowSchema) });
export type WalkInReportRow = z.infer<typeof walkInReportRowSchema>;

/** A booked slot: a visit that reaches the front of its line at `at`; walk-ins fill the gaps. */
export const bookAppointmentBody = takeTicketBody
  .omit({ isPriority: true })
  .extend({ at: z.iso.datetime({ offset: true }) })
  .strict();
export type BookAppointmentBody = z.infer<typeof bookAppointmentBody>;
