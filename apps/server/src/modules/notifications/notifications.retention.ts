import type { Deps } from '../../deps.ts';
import type { TaskList } from '../../platform/jobs.ts';
import { deleteNotificationsReadBefore } from './notifications.repository.ts';

/** Read notifications stay this long as the bell's history; unread ones stay until they are read. */
export const readNotificationRetentionDays = 90;
const dayMs = 86_400_000;

/** Deletes notifications read more than `readNotificationRetentionDays` ago; answers how many. */
export async function pruneReadNotifications(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const readBefore = new Date(deps.clock.now().getTime() - readNotificationRetentionDays * dayMs);
  return deleteNotificationsReadBefore(deps.db, readBefore);
}

/** graphile-worker tasks of this module; the worker role runs them. */
export function notificationTasks(deps: Pick<Deps, 'db' | 'clock'>): TaskList {
  return {
    prune_read_notifications: async () => {
      await pruneReadNotifications(deps);
    },
  };
}

/** Daily at 03:43 UTC, a quiet hour for most teams. */
export const notificationCrontab = ['43 3 * * * prune_read_notifications'];
