import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';
import { channel, priority, tag } from './conversations.ts';

const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM, 00:00–24:00');
const openingInterval = z.strictObject({ from: wallTime, to: wallTime });
const dayHours = z.array(openingInterval).max(6);

/** Opening hours per weekday in the calendar's local time; several intervals make a split day. */
export const weeklyHoursSchema = z.strictObject({
  mon: dayHours.optional(),
  tue: dayHours.optional(),
  wed: dayHours.optional(),
  thu: dayHours.optional(),
  fri: dayHours.optional(),
  sat: dayHours.optional(),
  sun: dayHours.optional(),
});

const localMoment = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time)');

export const businessCalendarSchema = z
  .object({
    id: uuid,
    name: z.string(),
    /** IANA time zone, e.g. `Europe/Vilnius`. */
    timeZone: z.string(),
    weeklyHours: weeklyHoursSchema,
    /** Public holidays of a country (ISO 3166-1, e.g. `LT`) and optional region close the calendar. */
    holidays: z.object({ country: z.string(), region: z.string().optional() }).nullable(),
    /** Custom closures in local time; a date-only `end` is inclusive. */
    closures: z.array(
      z.object({ start: z.string(), end: z.string().optional(), reason: z.string().optional() }),
    ),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'BusinessCalendar' });
export type BusinessCalendarDto = z.infer<typeof businessCalendarSchema>;

export const businessCalendarBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  timeZone: z.string().trim().min(1).max(64),
  weeklyHours: weeklyHoursSchema,
  holidays: z
    .strictObject({
      country: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 country code such as LT'),
      region: z.string().trim().min(1).max(10).optional(),
    })
    .nullable()
    .default(null),
  closures: z
    .array(
      z.strictObject({
        start: localMoment,
        end: localMoment.optional(),
        reason: z.string().trim().max(200).optional(),
      }),
    )
    .max(500)
    .default([]),
});
export type BusinessCalendarBody = z.infer<typeof businessCalendarBody>;
export const businessCalendarListResponse = z.object({ items: z.array(businessCalendarSchema) });

/** Every condition given must hold; each lists the values that qualify. Empty: every conversation. */
export const slaConditionsSchema = z.strictObject({
  channels: z.array(channel).max(20).optional(),
  priorities: z.array(priority).max(4).optional(),
  teamIds: z.array(uuid).max(100).optional(),
  topics: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  /** Customer organisations, compared case-insensitively. */
  organisations: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
  /** The conversation has at least one of these tags. */
  tags: z.array(tag).max(50).optional(),
});
export type SlaConditions = z.infer<typeof slaConditionsSchema>;

/** "Call for backup": what happens when a target is about to be missed, or is missed. */
export const slaEscalationSchema = z.strictObject({
  /** Tell the assignee and the supervisors of the conversation's team. */
  notify: z.boolean().default(true),
  /** One step up: low → normal → high → urgent. */
  raisePriority: z.boolean().default(false),
  /** Move the conversation to this team. */
  backupTeamId: uuid.nullable().default(null),
});
export type SlaEscalation = z.infer<typeof slaEscalationSchema>;

const targetMinutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 365)
  .nullable();

export const slaPolicySchema = z
  .object({
    id: uuid,
    name: z.string(),
    /** Policies are tried in this order; the first enabled one whose conditions hold applies. */
    position: z.number().int(),
    isEnabled: z.boolean(),
    conditions: slaConditionsSchema,
    /** Targets in business minutes of the calendar; null: no such target. */
    firstResponseMinutes: targetMinutes,
    nextResponseMinutes: targetMinutes,
    resolutionMinutes: targetMinutes,
    /** null: the targets count around the clock. */
    calendarId: uuid.nullable(),
    /** The warning comes when this much business time is left. */
    warningMinutes: z.number().int(),
    onWarning: slaEscalationSchema,
    onBreach: slaEscalationSchema,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'SlaPolicy' });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export const slaPolicyListResponse = z.object({ items: z.array(slaPolicySchema) });

export const createSlaPolicyBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** Where to insert it; default last. */
  position: z.number().int().min(0).optional(),
  isEnabled: z.boolean().default(true),
  conditions: slaConditionsSchema.default({}),
  firstResponseMinutes: targetMinutes.default(null),
  nextResponseMinutes: targetMinutes.default(null),
  resolutionMinutes: targetMinutes.default(null),
  calendarId: uuid.nullable().default(null),
  warningMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .default(30),
  onWarning: slaEscalationSchema.default({ notify: true, raisePriority: false, backupTeamId: null }),
  onBreach: slaEscalationSchema.default({ notify: true, raisePriority: false, backupTeamId: null }),
});
export type CreateSlaPolicyBody = z.infer<typeof createSlaPolicyBody>;

export const updateSlaPolicyBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  position: z.number().int().min(0).optional(),
  isEnabled: z.boolean().optional(),
  conditions: slaConditionsSchema.optional(),
  firstResponseMinutes: targetMinutes.optional(),
  nextResponseMinutes: targetMinutes.optional(),
  resolutionMinutes: targetMinutes.optional(),
  calendarId: uuid.nullable().optional(),
  warningMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .optional(),
  onWarning: slaEscalationSchema.optional(),
  onBreach: slaEscalationSchema.optional(),
});
export type UpdateSlaPolicyBody = z.infer<typeof updateSlaPolicyBody>;
