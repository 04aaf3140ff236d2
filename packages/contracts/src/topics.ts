import { z } from 'zod';
import { uuid } from './common.ts';

/** The languages topics carry names and keywords for (the workspace's languages). */
export const topicLanguages = ['en', 'lt', 'sk', 'pl', 'hu'] as const;
export type TopicLanguage = (typeof topicLanguages)[number];

export const topicSource = z.enum(['rule', 'classifier', 'agent']);
export type TopicSource = z.infer<typeof topicSource>;

const perLanguage = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    en: value.optional(),
    lt: value.optional(),
    sk: value.optional(),
    pl: value.optional(),
    hu: value.optional(),
  });

const keyword = z.string().trim().min(2).max(60);

export const topicSchema = z
  .object({
    id: uuid,
    /** Stable key, used by SLA policy conditions. */
    key: z.string(),
    names: z.record(z.string(), z.string()),
    keywords: z.record(z.string(), z.array(z.string())),
    isActive: z.boolean(),
  })
  .meta({ id: 'Topic' });
export type Topic = z.infer<typeof topicSchema>;
export const topicListResponse = z.object({ items: z.array(topicSchema) });

export const topicBody = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'lower-case letters, digits, - and _'),
  names: perLanguage(z.string().trim().min(1).max(100)).refine((names) => Boolean(names.en), {
    message: 'An English name is required',
    path: ['en'],
  }),
  /** Keywords per language; each matches the start of a word, accents and case ignored. */
  keywords: perLanguage(z.array(keyword).max(100)).default({}),
  isActive: z.boolean().default(true),
});
export type TopicBody = z.input<typeof topicBody>;

/** The topic a conversation has, who set it, and the classifier's confidence when it did. */
export const conversationTopicSchema = z.object({
  id: uuid,
  key: z.string(),
  names: z.record(z.string(), z.string()),
  source: topicSource,
  confidence: z.number().nullable(),
});
export type ConversationTopic = z.infer<typeof conversationTopicSchema>;

/** A classifier prediction below the threshold, offered to the agent. */
export const topicSuggestionSchema = z.object({
  id: uuid,
  key: z.string(),
  names: z.record(z.string(), z.string()),
  confidence: z.number(),
});
export type TopicSuggestion = z.infer<typeof topicSuggestionSchema>;

export const topicModelStatusSchema = z.object({
  trainedAt: z.string().nullable(),
  exampleCount: z.number().int(),
});
