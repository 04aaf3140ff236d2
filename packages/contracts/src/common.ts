import { z } from 'zod';

export const uuid = z.uuid();
export const isoDateTime = z.iso.datetime({ offset: true });

/** BCP 47 primary language subtag, e.g. `en`, `lt`, `sk`, `pl`, `hu`. */
export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a language code such as "en" or "pt-BR"');

/** An IANA time zone the runtime knows, e.g. `Europe/Vilnius` (a browser's own, for wording times). */
export const ianaTimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as "Europe/Vilnius"');

/** Languages the product ships texts for; customers may use any language code. */
export const supportedLanguages = ['en', 'lt', 'sk', 'pl', 'hu'] as const;
export const supportedLanguage = z.enum(supportedLanguages);
export type SupportedLanguage = z.infer<typeof supportedLanguage>;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export const cursorQuery = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const idParams = z.object({ id: uuid });
