import { sql } from 'kysely';
import { z } from 'zod';
import type { Queryable } from '../db/database.ts';

/**
 * Mail to the people who work in Frontline (an invitation to join), as opposed to customers'
 * mail, which belongs to a conversation. A module queues it in its own transaction, so it goes
 * out only if that committed; the email channel's worker sends it through the instance's
 * outbound server (`send_staff_email`).
 */
export const staffEmailTask = 'send_staff_email';

export const staffEmailPayload = z.object({
  to: z.email(),
  toName: z.string(),
  subject: z.string(),
  text: z.string(),
});
export type StaffEmail = z.infer<typeof staffEmailPayload>;

/** Queues the mail; another with the same `jobKey` before it is sent replaces it. */
export async function queueStaffEmail(db: Queryable, email: StaffEmail, jobKey: string) {
  const payload = JSON.stringify(staffEmailPayload.parse(email));
  // A few tries only: a wrong server setting fails every time, and the admin has the link anyway.
  await sql`select graphile_worker.add_job(${staffEmailTask}, ${payload}::json, job_key := ${jobKey}, max_attempts := 5)`.execute(
    db,
  );
}
