import { z } from 'zod';
import { agentSchema } from './agents.ts';

export const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
});

export const loginResponse = z.object({
  /** Works as `Authorization: Bearer <token>`; the same session is also set as a cookie. */
  token: z.string(),
  /** Send as `X-CSRF-Token` on unsafe requests authenticated by the cookie. */
  csrfToken: z.string(),
  expiresAt: z.string(),
  agent: agentSchema,
});

export const sessionResponse = z.object({
  agent: agentSchema,
  csrfToken: z.string().nullable(),
});
