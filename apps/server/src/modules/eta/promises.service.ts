import type {
  ConversationPromises,
  EtaChannel,
  PromiseReport,
  PromiseReportQuery,
} from '@frontline/contracts';
import type { Queryable, Tx } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { badRequest } from '../../platform/errors.ts';
import { assertConversationVisible, type Viewer } from '../conversations/index.ts';
import { BACKLOG_QUEUE } from './backlog-snapshot.ts';
import { loadCalibration, type StoredForecast, toStoredForecast } from './calibration.service.ts';
import { isoWeekOf, isoWeekStart, promiseOutcome } from './promise-outcome.ts';
import {
  findPromisesOf,
  insertPromise,
  lockOpenPromisesOf,
  selectPromiseReport,
  settlePromise,
} from './promises.repository.ts';

export type PromiseInput = {
  conversationId: string;
  channel: EtaChannel;
  /** The engine's queue the ETA was computed for: 'backlog' (written answers) or 'chat'. */
  queue: string;
  /** The conversation's team as it was promised. */
  teamId: string | null;
  p50Seconds: number;
  p90Seconds: number;
  promisedAt: Date;
  /**
   * The engine's forecast before calibration, which the queue's calibration learns from; none
   * when the promise did not come from the engine (a mailbox's fixed promise).
   */
  forecast?: StoredForecast | null;
};

/**
 * Stores an ETA as it was shown to the customer, in the transaction of whatever showed it (the
 * acknowledgement, the confirmation, the chat's start), so a promise exists exactly when the
 * customer saw it.
 */
export function recordPromise(db: Queryable, promise: PromiseInput) {
  const p50 = Math.max(0, Math.round(promise.p50Seconds));
  return insertPromise(db, {
    conversation_id: promise.conversationId,
    channel: promise.channel,
    queue: promise.queue,
    p50_seconds: p50,
    p90_seconds: Math.max(p50, Math.round(promise.p90Seconds)),
    promised_at: promise.promisedAt,
    team_id: promise.teamId,
    forecast: promise.forecast ? JSON.stringify(toStoredForecast(promise.forecast)) : null,
  });
}

/**
 * The first human response happened at `at`: every open promise of the conversation is kept
 * (answered within its P90) or missed, with the P50's absolute error. Runs in the response's
 * transaction, so a response and its promises' outcome commit together.
 */
export async function resolvePromisesOf(tx: Tx, conversationId: string, at: Date) {
  const open = await lockOpenPromisesOf(tx, conversationId);
  for (const promise of open) {
    const waited = (at.getTime() - new Date(promise.promised_at).getTime()) / 1000;
    const outcome = promiseOutcome(
      { p50Seconds: promise.p50_seconds, p90Seconds: promise.p90_seconds },
      waited,
    );
    await settlePromise(tx, promise.id, { at, ...outcome });
  }
}

const isoOf = (value: Date | string) => new Date(value).toISOString();

/** Every ETA the conversation's customer was shown, oldest first; 404 unless the viewer may see it. */
export async function listConversationPromises(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  conversationId: string,
): Promise<ConversationPromises> {
  await assertConversationVisible(deps, viewer, conversationId);
  const rows = await findPromisesOf(deps.db, conversationId);
  return {
    items: rows.map((row) => ({
      id: row.id,
      channel: row.channel,
      queue: row.queue,
      p50Seconds: row.p50_seconds,
      p90Seconds: row.p90_seconds,
      promisedAt: isoOf(row.promised_at),
      dueAt: new Date(new Date(row.promised_at).getTime() + row.p90_seconds * 1000).toISOString(),
      resolvedAt: row.resolved_at === null ? null : isoOf(row.resolved_at),
      kept: row.kept,
      errorSeconds: row.error_seconds,
    })),
  };
}

/** The conversations' queues whose promises calibrate themselves (walk-in lines have their own report). */
const CALIBRATED_QUEUES = [BACKLOG_QUEUE, 'chat'] as const;

/** A report covers at most a year of weeks: it is read on screen, not exported. */
const MAX_WEEKS = 53;
const DEFAULT_WEEKS = 8;
const WEEK_MS = 7 * 86_400_000;

/**
 * P90 kept rate and P50 absolute error per queue, team, channel and ISO week, newest first, and
 * the calibration each queue applies now.
 */
export async function reportPromises(
  deps: Pick<Deps, 'db' | 'clock'>,
  query: PromiseReportQuery,
): Promise<PromiseReport> {
  const to = query.to ?? isoWeekOf(deps.clock.now());
  const from = query.from ?? isoWeekOf(new Date(isoWeekStart(to).getTime() - (DEFAULT_WEEKS - 1) * WEEK_MS));
  const start = isoWeekStart(from);
  const end = new Date(isoWeekStart(to).getTime() + WEEK_MS);
  const weeks = (end.getTime() - start.getTime()) / WEEK_MS;
  if (!(weeks >= 1 && weeks <= MAX_WEEKS)) {
    throw badRequest('eta.bad_period', 'The period must run forward and cover at most a year', [
      { path: 'querystring.to', message: `must be on or after "from" and within ${MAX_WEEKS} weeks of it` },
    ]);
  }
  const rows = await selectPromiseReport(deps.db, { from: start, to: end });
  const calibration = await Promise.all(
    CALIBRATED_QUEUES.map(async (queue) => ({
      queue,
      ...(await loadCalibration(deps, { kind: 'conversations', queue }, { isFresh: true })),
    })),
  );
  return {
    from,
    to,
    calibration,
    items: rows.map((row) => ({
      week: row.week,
      queue: row.queue,
      channel: row.channel,
      teamId: row.team_id,
      teamName: row.team_name,
      promises: row.promises,
      resolved: row.resolved,
      kept: row.kept,
      p90KeptRate: row.resolved === 0 ? null : row.kept / row.resolved,
      p50MeanAbsoluteErrorSeconds: row.mean_error === null ? null : Math.round(row.mean_error),
    })),
  };
}
