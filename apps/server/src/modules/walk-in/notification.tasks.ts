import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { createSmsProvider } from '../channels/sms/index.ts';
import {
  checkAllLinesTask,
  checkLineTask,
  listLocationsAwaitingNearTurn,
  queueLineCheck,
  sendNotificationTask,
} from './notifications.repository.ts';
import { notifyNearTurns, sendVisitNotification } from './notifications.service.ts';

const sendPayload = z.object({ notificationId: z.uuid() });
const checkPayload = z.object({ locationId: z.uuid() });

/**
 * Waits shrink while nothing happens (a desk's visit runs long, then ends soon), so besides the
 * check queued by every change of a line, each line with someone still to tell is looked at
 * every minute.
 */
export const walkInCrontab = [`* * * * * ${checkAllLinesTask}`];

/** The worker's walk-in jobs: sending visitors' messages and checking lines for near turns. */
export function walkInTasks(deps: Pick<Deps, 'db' | 'clock' | 'config'>): TaskList {
  return {
    [sendNotificationTask]: async (payload, helpers) => {
      const { notificationId } = sendPayload.parse(payload);
      const sms = createSmsProvider(deps.config.sms, (line) => helpers.logger.info(line));
      const outcome = await sendVisitNotification(deps, sms, notificationId, {
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
      });
      if (outcome === 'failed')
        helpers.logger.error(`walk-in notification ${notificationId} could not be sent`);
    },
    [checkLineTask]: async (payload) => {
      const { locationId } = checkPayload.parse(payload);
      await notifyNearTurns(deps, locationId);
    },
    [checkAllLinesTask]: async () => {
      for (const locationId of await listLocationsAwaitingNearTurn(deps.db)) {
        await queueLineCheck(deps.db, locationId);
      }
    },
  };
}
