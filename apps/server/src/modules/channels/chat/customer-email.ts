import type { TaskList } from 'graphile-worker';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Queryable } from '../../../db/database.ts';
import type { Deps } from '../../../deps.ts';
import { sendCustomerNotice } from '../email/index.ts';

/**
 * Mail to a customer that the chat and the web form ask for (a transcript, "we received your
 * request"). It is queued as a graphile-worker job in the caller's transaction, so it goes out
 * only if the request committed and is never lost after. The worker delivers it through the
 * email channel's first mailbox (`customerEmailTasks`).
 */
export const customerEmailTask = 'send_customer_email';

export const customerEmailPayload = z.object({
  kind: z.enum(['chat_transcript', 'request_received']),
  to: z.email(),
  subject: z.string(),
  text: z.string(),
  language: z.string(),
  conversationId: z.uuid(),
  reference: z.number().int(),
});
export type CustomerEmail = z.infer<typeof customerEmailPayload>;

/** Queues the email; a second call with the same `jobKey` before it is sent replaces the first. */
export async function queueCustomerEmail(db: Queryable, email: CustomerEmail, jobKey: string) {
  const payload = JSON.stringify(customerEmailPayload.parse(email));
  await sql`select graphile_worker.add_job(${customerEmailTask}, ${payload}::json, job_key := ${jobKey})`.execute(
    db,
  );
}

/** The worker's task that sends queued customer email through the email channel. */
export function customerEmailTasks(deps: Pick<Deps, 'db' | 'clock' | 'config'>): TaskList {
  return {
    [customerEmailTask]: async (payload, helpers) => {
      const email = customerEmailPayload.parse(payload);
      await sendCustomerNotice(deps, email, {
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
      });
    },
  };
}
