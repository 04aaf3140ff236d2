import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import { staffEmailPayload, staffEmailTask } from '../../../platform/staff-mail.ts';
import { sendAcknowledgement } from './acknowledgement.service.ts';
import { type OutboundDeps, sendReplyEmail } from './outbound.service.ts';
import { sendStaffMail } from './staff-mail.service.ts';

const replyPayload = z.object({ messageId: z.uuid() });
const acknowledgementPayload = z.object({ conversationId: z.uuid(), messageId: z.uuid() });

/**
 * The email channel's jobs for the worker role. graphile-worker retries a thrown job with
 * exponential back-off (about e^attempt seconds) up to its max attempts (10, set when queued);
 * the services mark a mail failed on its last attempt or on a permanent (5xx) refusal.
 */
export function emailTasks(deps: OutboundDeps): TaskList {
  return {
    email_send_reply: async (payload, helpers) => {
      const { messageId } = replyPayload.parse(payload);
      await sendReplyEmail(deps, messageId, {
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
      });
    },
    [staffEmailTask]: async (payload) => {
      await sendStaffMail(deps, staffEmailPayload.parse(payload));
    },
    email_send_acknowledgement: async (payload, helpers) => {
      const input = acknowledgementPayload.parse(payload);
      await sendAcknowledgement(deps, input, {
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
      });
    },
  };
}
