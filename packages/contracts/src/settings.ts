import { z } from 'zod';

export const settingsSchema = z.object({
  /** Solved conversations close automatically after this many days without activity. */
  autoCloseAfterDays: z.number().int().min(1).max(365),
});
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsBody = settingsSchema.partial().strict();
