import type { Deps } from '../../deps.ts';
import {
  type BusinessCalendar,
  loadConversationCalendar,
  loadNewConversationCalendar,
} from '../sla/index.ts';
import { listBacklogAgents, listBacklogWaiting, listFirstResponseGaps } from './backlog.repository.ts';
import {
  BACKLOG_QUEUE,
  type BacklogState,
  type BacklogTarget,
  backlogRules,
  toBacklogSnapshot,
} from './backlog-snapshot.ts';
import { loadCalibration } from './calibration.service.ts';
import { applyCalibration } from './calibration.ts';
import { fitHandlingTime, type HandlingTimeModel } from './distributions.ts';
import { type EtaForecast, forecastFirstResponse } from './forecast.ts';
import { seedFrom } from './random.ts';

/**
 * When will a written request (email, web form, a chat request left offline) get its first
 * human answer? The written backlog, rebuilt from the database (backlog-snapshot.ts), simulated
 * forward by the engine, and corrected by the calibration the backlog's past promises teach.
 */

/** The most recent agent working times per first response the handling model is fitted from. */
const HISTORY_DAYS = 30;
const HISTORY_LIMIT = 2000;
/** Longer gaps between two first responses of one agent span a break or the night. */
const MAX_GAP_SECONDS = 2 * 3600;
/** Below this many gaps a first response is assumed to take 12 minutes of an agent (exponential). */
const MIN_HISTORY = 20;
const defaultHandling: HandlingTimeModel = { kind: 'exponential', meanSeconds: 12 * 60 };
/**
 * The engine simulates at most this many waiting conversations. A longer backlog is beyond an
 * honest forecast of a two-week horizon for any team we know; callers fall back to the
 * mailbox's own promise.
 */
const MAX_WAITING = 5000;

export type WrittenForecast = {
  /** What the customer is promised: the engine's forecast, calibrated. */
  promised: EtaForecast & { p50Seconds: number; p90Seconds: number };
  /** The engine's own forecast, stored with the promise for calibration to learn from. */
  raw: EtaForecast;
  /** The business hours the answer comes in (for phrasing "tomorrow after 9:00"); null: any time. */
  calendar: BusinessCalendar | null;
  queue: typeof BACKLOG_QUEUE;
};

async function loadBacklogState(
  deps: Pick<Deps, 'db' | 'clock'>,
  calendar: BusinessCalendar | null,
): Promise<BacklogState | null> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const [waiting, agents, gaps] = await Promise.all([
    listBacklogWaiting(deps.db, MAX_WAITING + 1),
    listBacklogAgents(deps.db, since),
    listFirstResponseGaps(deps.db, { since, maxGapSeconds: MAX_GAP_SECONDS, limit: HISTORY_LIMIT }),
  ]);
  if (waiting.length > MAX_WAITING) return null;
  const epoch = (value: Date | string | null) => (value === null ? null : new Date(value).getTime());
  return {
    now: now.getTime(),
    calendar,
    handling: gaps.length >= MIN_HISTORY ? fitHandlingTime(gaps) : defaultHandling,
    waiting: waiting.map((row) => ({
      id: row.id,
      teamId: row.team_id,
      assigneeId: row.assignee_id,
      language: row.language,
      createdAt: new Date(row.created_at).getTime(),
    })),
    agents: agents.map((row) => ({
      id: row.id,
      languages: row.languages,
      skills: row.skills,
      teamIds: row.team_ids,
      availability: row.availability,
      lastSeenAt: epoch(row.last_seen_at),
      lastFirstResponseAt: epoch(row.last_first_response_at),
      recentFirstResponses: row.recent_first_responses,
    })),
  };
}

/**
 * The calibrated forecast for a written request; null when the engine cannot make one (nobody
 * on the rota can answer it within two weeks, the conversation is not awaiting a first answer,
 * or the backlog is beyond simulating) — callers then promise what the channel is set to.
 *
 * @example
 * await forecastWrittenResponse(deps, { kind: 'new', channel: 'web_form', teamId: null, language: 'lt' })
 * // → { promised: { p50Seconds: 5400, p90Seconds: 14400, … }, raw: { … }, calendar, queue: 'backlog' }
 */
export async function forecastWrittenResponse(
  deps: Pick<Deps, 'db' | 'clock'>,
  target: BacklogTarget & { channel?: string },
): Promise<WrittenForecast | null> {
  const calendar =
    (target.kind === 'conversation'
      ? await loadConversationCalendar(deps.db, target.conversationId)
      : await loadNewConversationCalendar(deps.db, {
          channel: target.channel ?? 'email',
          teamId: target.teamId,
        })) ?? null;
  const state = await loadBacklogState(deps, calendar);
  if (!state) return null;
  if (target.kind === 'conversation' && !state.waiting.some((row) => row.id === target.conversationId))
    return null;
  const input = toBacklogSnapshot(state, target);
  const raw = forecastFirstResponse(input.snapshot, input.target, {
    horizonSeconds: backlogRules.horizonMs / 1000,
    // A written answer is sent once the agent has worked on the request (the handling time).
    answeredAt: 'end',
    // The same backlog gives the same figures, whichever instance asks.
    seed: seedFrom(
      `${BACKLOG_QUEUE}:${state.now}:${target.kind === 'conversation' ? target.conversationId : ''}`,
    ),
  });
  if (raw.p50Seconds === null || raw.p90Seconds === null) return null;
  const calibration = await loadCalibration(deps, { kind: 'conversations', queue: BACKLOG_QUEUE });
  const promised = applyCalibration(raw, calibration);
  if (promised.p50Seconds === null || promised.p90Seconds === null) return null;
  return {
    promised: { ...promised, p50Seconds: promised.p50Seconds, p90Seconds: promised.p90Seconds },
    raw,
    calendar,
    queue: BACKLOG_QUEUE,
  };
}
