import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';

/** Channels whose expected first response is published (`GET /api/v1/public/eta`). */
export const etaChannels = ['email', 'chat', 'web_form'] as const;
export const etaChannel = z.enum(etaChannels);
export type EtaChannel = z.infer<typeof etaChannel>;

export const publicEtaQuery = z.strictObject({ channel: etaChannel });
export type PublicEtaQuery = z.infer<typeof publicEtaQuery>;

/**
 * The expected first response on a channel for someone contacting us now: no personal data, the
 * same for everyone, recomputed at most every 30 seconds. `open` is false while the channel
 * takes no contacts live (chat offline); the figures are then null.
 */
export const publicEtaSchema = z
  .object({
    channel: etaChannel,
    p50Seconds: z.number().int().nullable(),
    p90Seconds: z.number().int().nullable(),
    open: z.boolean(),
    computedAt: isoDateTime,
  })
  .meta({ id: 'PublicEta' });
export type PublicEta = z.infer<typeof publicEtaSchema>;

const isoWeek = z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week "YYYY-Www"');

/** Promises made in ISO weeks `from`..`to` (UTC), both included; the last 8 weeks by default. */
export const promiseReportQuery = z.strictObject({ from: isoWeek.optional(), to: isoWeek.optional() });
export type PromiseReportQuery = z.infer<typeof promiseReportQuery>;

/**
 * One queue, team (as promised) and channel in one ISO week. Seconds throughout. Queues:
 * `backlog` (written answers: email, web form, chat requests left offline) and `chat` (live).
 */
export const promiseReportRowSchema = z.object({
  week: z.string(),
  queue: z.string(),
  /** The channel the promise was shown on. */
  channel: z.string(),
  teamId: uuid.nullable(),
  teamName: z.string().nullable(),
  promises: z.number().int(),
  /** Promises whose first response has happened. */
  resolved: z.number().int(),
  kept: z.number().int(),
  /** Kept ÷ resolved: the share answered within the promised P90; null when none was resolved. */
  p90KeptRate: z.number().nullable(),
  /** Mean |first response − promised P50| over resolved promises; null when none was resolved. */
  p50MeanAbsoluteErrorSeconds: z.number().int().nullable(),
});
export type PromiseReportRow = z.infer<typeof promiseReportRowSchema>;
/**
 * How a queue's promises are corrected now, learned from its latest outcomes: the P90's margin
 * above the P50 and the "about" time are multiplied by these factors (1: the engine as it is).
 */
export const etaCalibrationSchema = z.object({
  queue: z.string(),
  p90Factor: z.number(),
  meanFactor: z.number(),
  /** Outcomes learned from (the latest 2,000 at most); below 300 the factors lean towards 1. */
  outcomes: z.number().int(),
});
export type EtaCalibrationDto = z.infer<typeof etaCalibrationSchema>;

export const promiseReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(promiseReportRowSchema),
  calibration: z.array(etaCalibrationSchema),
});
export type PromiseReport = z.infer<typeof promiseReportSchema>;

/** An ETA shown to the customer of one conversation, and what became of it. */
export const conversationPromiseSchema = z.object({
  id: uuid,
  /** Where the customer saw it: `email` (acknowledgement), `web_form` (confirmation), `chat`. */
  channel: z.string(),
  queue: z.string(),
  p50Seconds: z.number().int(),
  p90Seconds: z.number().int(),
  promisedAt: isoDateTime,
  /** promisedAt + P90: the first human response was promised by then. */
  dueAt: isoDateTime,
  /** When the first human response came; null while the customer still waits. */
  resolvedAt: isoDateTime.nullable(),
  kept: z.boolean().nullable(),
  /** |first response − P50| in seconds, once resolved. */
  errorSeconds: z.number().int().nullable(),
});
export type ConversationPromise = z.infer<typeof conversationPromiseSchema>;
export const conversationPromisesResponse = z.object({ items: z.array(conversationPromiseSchema) });
export type ConversationPromises = z.infer<typeof conversationPromisesResponse>;

/** Why a priority is suggested on arrival: the urgency rules' reasons, for the agent. */
export const triageSignalSchema = z.object({
  kind: z.string(),
  points: z.number(),
  reason: z.string(),
  evidence: z.string(),
});
export type TriageSignal = z.infer<typeof triageSignalSchema>;
