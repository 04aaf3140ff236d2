import type { WaitEstimate } from '@frontline/contracts';
import type { Queryable } from '../../../db/database.ts';
import type { Deps } from '../../../deps.ts';
import { findFirstResponsePercentiles } from './chat-queue.repository.ts';

/**
 * What a written request (web form, a chat left while nobody was online) is promised: P50 and
 * P90 of recent first responses on the written channels, or — with too little history — the
 * default promise below. The one place the ETA engine replaces for written requests.
 */
export const defaultWrittenResponse: WaitEstimate = { p50Seconds: 4 * 3600, p90Seconds: 24 * 3600 };
const minimumSamples = 10;
const historyDays = 30;

export async function predictWrittenResponse(
  deps: Pick<Deps, 'clock'>,
  db: Queryable,
): Promise<WaitEstimate> {
  const since = new Date(deps.clock.now().getTime() - historyDays * 86_400_000);
  const history = await findFirstResponsePercentiles(db, ['web_form', 'email'], since);
  if (history.samples < minimumSamples || history.p50 === null || history.p90 === null)
    return defaultWrittenResponse;
  return { p50Seconds: Math.round(history.p50), p90Seconds: Math.round(Math.max(history.p90, history.p50)) };
}

/** The written channels' public ETA: they always take requests, so they are always open. */
export async function currentWrittenEta(deps: Pick<Deps, 'clock' | 'db'>) {
  const expected = await predictWrittenResponse(deps, deps.db);
  return { ...expected, open: true };
}
