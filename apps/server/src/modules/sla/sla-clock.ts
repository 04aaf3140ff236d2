import type { ConversationStatus, SlaState } from '@frontline/contracts';
import { addBusinessTime, type BusinessCalendar, businessSecondsBetween } from './business-hours.ts';

/**
 * The SLA clock of one conversation, as pure arithmetic.
 *
 * A conversation has one clock that counts business time (of the policy's calendar) while the
 * ball is in our court — `new` or `open` — and stands still while we wait on the customer
 * (`pending`), on a third party (`on_hold`), or after solving. Every target is a reading on
 * that clock: first response at F minutes, resolution at R minutes, next response at N minutes
 * after the reading when the customer last started waiting. So pausing and resuming carry the
 * remaining business time over with no per-target bookkeeping.
 */

export const slaMetrics = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof slaMetrics)[number];

export type SlaTargets = {
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** The warning comes when this much business time is left. */
  warningMinutes: number;
};

/** What is stored between recomputations. */
export type SlaClockReading = {
  elapsedSeconds: number;
  /** When the clock last started running; null while it is paused. */
  startedAt: Date | null;
  /** The clock's reading when the customer started waiting for our next response. */
  nextResponseFromSeconds: number | null;
};

export type SlaProgress = {
  status: ConversationStatus;
  firstResponseAt: Date | null;
  /** When the customer started waiting for us; null while we wait on them. */
  waitingSince: Date | null;
};

export type PerMetric<T> = Record<SlaMetric, T>;

export type SlaInput = {
  /** null: the targets count around the clock. */
  calendar: BusinessCalendar | null;
  targets: SlaTargets;
  clock: SlaClockReading;
  progress: SlaProgress;
  /** The due times stored before, so a target already passed keeps its real moment. */
  previousDue: PerMetric<Date | null>;
  warnedAt: PerMetric<Date | null>;
  breachedAt: PerMetric<Date | null>;
  now: Date;
};

export type SlaSchedule = {
  clock: SlaClockReading;
  /** Due times of the targets that still count; null for a finished one or while paused. */
  due: PerMetric<Date | null>;
  /** When each target's warning comes (its due time minus the lead, in business time). */
  warning: PerMetric<Date | null>;
  /** Targets still counting (running or paused), with business seconds left (≤ 0 when overdue). */
  remainingSeconds: PerMetric<number | null>;
  /** The earliest due time, and when its warning comes (for the inbox views). */
  dueAt: Date | null;
  warningAt: Date | null;
  /** When the next warning or breach job must run: moments not yet warned about or breached. */
  nextWarningAt: Date | null;
  nextBreachAt: Date | null;
  /** The customer started waiting anew: the next-response target's warning and breach are reset. */
  isNewNextResponseCycle: boolean;
  /** Targets met or ended now after their due time passed unrecorded; stamped as breached then. */
  lateMetrics: Array<{ metric: SlaMetric; dueAt: Date }>;
};

const runningStatuses: readonly ConversationStatus[] = ['new', 'open'];
const finishedStatuses: readonly ConversationStatus[] = ['solved', 'closed', 'merged'];

export const isClockRunningIn = (status: ConversationStatus) => runningStatuses.includes(status);

function secondsBetween(calendar: BusinessCalendar | null, from: Date, to: Date): number {
  if (to <= from) return 0;
  return calendar ? businessSecondsBetween(calendar, from, to) : (to.getTime() - from.getTime()) / 1000;
}

function addTime(calendar: BusinessCalendar | null, from: Date, seconds: number): Date {
  return calendar ? addBusinessTime(calendar, from, seconds) : new Date(from.getTime() + seconds * 1000);
}

const earliest = (dates: Array<Date | null>): Date | null =>
  dates.reduce<Date | null>((min, date) => (date && (!min || date < min) ? date : min), null);

/** The clock's reading at `now`, without changing whether it runs. */
export function readSlaClock(calendar: BusinessCalendar | null, clock: SlaClockReading, now: Date): number {
  return clock.elapsedSeconds + (clock.startedAt ? secondsBetween(calendar, clock.startedAt, now) : 0);
}

/**
 * Brings the clock up to `now` and works out every due time from the conversation as it is now.
 *
 * @example
 * // 4 business hours of first response, created Friday 16:30 in Vilnius → due Monday 12:30
 * computeSlaSchedule({ calendar: vilnius, targets: { firstResponseMinutes: 240, … }, clock: { elapsedSeconds: 0, startedAt: friday1630, nextResponseFromSeconds: null }, … })
 */
export function computeSlaSchedule(input: SlaInput): SlaSchedule {
  const { calendar, targets, progress, now } = input;
  const elapsed = readSlaClock(calendar, input.clock, now);
  const isRunning = isClockRunningIn(progress.status);
  const isFinished = finishedStatuses.includes(progress.status);
  const isWaitingForNextResponse = progress.firstResponseAt !== null && progress.waitingSince !== null;
  const isNewNextResponseCycle = isWaitingForNextResponse && input.clock.nextResponseFromSeconds === null;
  const nextResponseFrom = isWaitingForNextResponse ? (input.clock.nextResponseFromSeconds ?? elapsed) : null;

  const minutes = (value: number | null) => (value === null ? null : value * 60);
  const points: PerMetric<number | null> = {
    first_response:
      !isFinished && progress.firstResponseAt === null ? minutes(targets.firstResponseMinutes) : null,
    next_response:
      !isFinished && nextResponseFrom !== null && targets.nextResponseMinutes !== null
        ? nextResponseFrom + targets.nextResponseMinutes * 60
        : null,
    resolution: !isFinished ? minutes(targets.resolutionMinutes) : null,
  };

  const due: PerMetric<Date | null> = { first_response: null, next_response: null, resolution: null };
  const warning: PerMetric<Date | null> = { first_response: null, next_response: null, resolution: null };
  const remainingSeconds: PerMetric<number | null> = {
    first_response: null,
    next_response: null,
    resolution: null,
  };
  const leadSeconds = targets.warningMinutes * 60;
  for (const metric of slaMetrics) {
    const point = points[metric];
    if (point === null) continue;
    const remaining = point - elapsed;
    remainingSeconds[metric] = remaining;
    const previous = metric === 'next_response' && isNewNextResponseCycle ? null : input.previousDue[metric];
    if (remaining <= 0) {
      // Already overdue: keep the moment it really passed if we know it.
      due[metric] = previous && previous <= now ? previous : now;
      warning[metric] = due[metric];
    } else if (isRunning) {
      due[metric] = addTime(calendar, now, remaining);
      warning[metric] = remaining > leadSeconds ? addTime(calendar, now, remaining - leadSeconds) : now;
    }
  }

  const lateMetrics: SlaSchedule['lateMetrics'] = [];
  for (const metric of slaMetrics) {
    const previous = input.previousDue[metric];
    const isStillCounting =
      points[metric] !== null && !(metric === 'next_response' && isNewNextResponseCycle);
    if (!isStillCounting && previous && previous <= now && !input.breachedAt[metric]) {
      lateMetrics.push({ metric, dueAt: previous });
    }
  }

  const isFresh = (metric: SlaMetric, flags: PerMetric<Date | null>) =>
    metric === 'next_response' && isNewNextResponseCycle ? true : flags[metric] === null;
  return {
    clock: {
      elapsedSeconds: elapsed,
      startedAt: isRunning ? now : null,
      nextResponseFromSeconds: nextResponseFrom,
    },
    due,
    warning,
    remainingSeconds,
    dueAt: earliest(slaMetrics.map((metric) => due[metric])),
    warningAt: earliest(slaMetrics.map((metric) => warning[metric])),
    nextWarningAt: earliest(
      slaMetrics.map((metric) => (isFresh(metric, input.warnedAt) ? warning[metric] : null)),
    ),
    nextBreachAt: earliest(
      slaMetrics.map((metric) => (isFresh(metric, input.breachedAt) ? due[metric] : null)),
    ),
    isNewNextResponseCycle,
    lateMetrics,
  };
}

/** How a conversation stands against its targets at `now`, from the stored moments. */
export function slaStateAt(
  stored: { dueAt: Date | null; warningAt: Date | null; isPaused: boolean },
  now: Date,
): SlaState {
  if (stored.dueAt && stored.dueAt <= now) return 'breached';
  if (stored.warningAt && stored.warningAt <= now) return 'at_risk';
  if (stored.isPaused) return 'paused';
  return 'ok';
}
