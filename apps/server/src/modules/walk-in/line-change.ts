import type { Queryable } from '../../db/database.ts';
import { queueLineCheck } from './notifications.repository.ts';
import { signalLineChanged } from './visits.repository.ts';

/** NOTIFY channel carrying a location id whenever its line changes (see board-hub.ts). */
export const lineChannel = 'frontline_walk_in';

/**
 * Tells everyone who follows the line that it changed, inside the changing transaction: the
 * boards (a NOTIFY, delivered on commit) and the worker, which then looks for visitors whose
 * turn is now near (a job, queued only if the change commits).
 */
export async function announceLineChange(db: Queryable, locationId: string) {
  await signalLineChanged(db, lineChannel, locationId);
  await queueLineCheck(db, locationId);
}
