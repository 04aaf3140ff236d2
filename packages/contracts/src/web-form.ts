import { z } from 'zod';
import { ianaTimeZone, languageCode, uuid } from './common.ts';

/** Topics a visitor picks on the web form; agents see the topic as a tag (`web-form:<topic>`). */
export const webFormTopics = ['question', 'order', 'billing', 'technical', 'complaint', 'other'] as const;
export const webFormTopic = z.enum(webFormTopics);
export type WebFormTopic = z.infer<typeof webFormTopic>;

/**
 * The body of `POST /api/v1/public/web-form`. Fields are only typed here; their rules are checked
 * by the server so that the messages come back in the visitor's language. `website` is a
 * honeypot: people never see it, form-filling bots do.
 */
export const webFormBody = z.strictObject({
  clientId: z.string().max(64),
  name: z.string().max(1000),
  email: z.string().max(1000),
  topic: z.string().max(100),
  message: z.string().max(50_000),
  language: languageCode.optional(),
  /** The visitor's time zone (the browser's), so "tomorrow after 9:00" means their 9:00. */
  timeZone: ianaTimeZone.optional(),
  attachmentIds: z.array(uuid).max(20).default([]),
  website: z.string().max(1000).optional(),
});
export type WebFormBody = z.infer<typeof webFormBody>;

/** Limits the web form enforces; the form shows them before the visitor hits them. */
export const webFormLimits = {
  nameMax: 200,
  messageMin: 10,
  messageMax: 10_000,
  attachmentsMax: 5,
} as const;
