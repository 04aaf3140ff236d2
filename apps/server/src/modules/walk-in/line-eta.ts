import type { VisitWait } from '@frontline/contracts';
import {
  type AgentOnRota,
  applyCalibration,
  type EtaCalibration,
  type EtaForecast,
  type EtaTarget,
  fitHandlingTime,
  forecastFirstResponse,
  type HandlingTimeModel,
  type QueueSnapshot,
} from '../eta/index.ts';

/**
 * The expected wait in a walk-in line, from the live line: the one place the walk-in service
 * asks "how long until this visit is called?". It hands the line to the ETA engine's forward
 * simulation: each open desk is an agent with one slot who serves the services it signed in
 * for, a visit transferred to a desk needs that desk, and service times are drawn from the
 * location's recent visits — each visit's from its own service's where there are enough of
 * them, since a tax consultation and a quick question differ several-fold.
 */
export type LineState = {
  locationId: string;
  now: Date;
  /** Waiting visits in calling order (see `orderLine`); due appointments, first, have their time. */
  waiting: Array<{ id: string; serviceId: string; targetDeskId: string | null; appointmentAt?: Date | null }>;
  /**
   * Booked appointments not yet in the calling order, by time: each joins it when due, ahead of
   * every walk-in, so a walk-in's wait depends on them too.
   */
  upcoming?: Array<{ id: string; serviceId: string; dueAt: Date }>;
  /**
   * Desks with an agent signed in; `busySince` when a visit is called to or served there now,
   * `busyServiceId` that visit's service.
   */
  desks: Array<{ id: string; serviceIds: string[]; busySince: Date | null; busyServiceId?: string | null }>;
  /** Seconds from call to finish of recent visits, any order. */
  recentServiceSeconds: number[];
  /** The same per service (any order); a service with enough of them is drawn from its own. */
  recentServiceSecondsByService?: Record<string, number[]>;
  /**
   * When the location is open in the coming hours (epoch ms); null when unknown (assume 12 h).
   * Used while no desk is signed in: signed-in desks serve until the line is empty.
   */
  servingPeriods: Array<{ start: number; end: number }> | null;
  /**
   * How the location's promises are corrected, learned from its latest outcomes (the engine's
   * forecast at each promise against the real call); none: the engine's figures as they are.
   */
  calibration?: EtaCalibration;
};

/** P10 is the soonest a visit may realistically be called ("your turn is near" uses it). */
export type LineWait = { p10Seconds: number; p50Seconds: number; p90Seconds: number };

/** Below this many finished visits the location's own times say too little; use the default. */
const MIN_SAMPLES = 5;
/** Below this many of a service's own, its visits are drawn from the location's times. */
const MIN_SERVICE_SAMPLES = 20;
/**
 * A typical counter visit before a location has its own history: mean 6 minutes, lognormal with
 * sigma 0.6 (most visits 3–10 minutes), so the first day's promises are not wildly off.
 */
const DEFAULT_MEAN_SECONDS = 360;
const DEFAULT_SIGMA = 0.6;
const defaultHandling: HandlingTimeModel = {
  kind: 'lognormal',
  mu: Math.log(DEFAULT_MEAN_SECONDS) - DEFAULT_SIGMA ** 2 / 2,
  sigma: DEFAULT_SIGMA,
  meanSeconds: DEFAULT_MEAN_SECONDS,
};
/** Runs of the simulation; the display asks per service every change, so fewer than the default 300. */
const RUNS = 200;
const deskSkill = (deskId: string) => `desk:${deskId}`;

type ServiceTimes = (serviceId: string | null | undefined) => HandlingTimeModel;

/** Each service's service-time model, falling back to the location's, then to the default. */
function serviceTimesOf(line: LineState): { location: HandlingTimeModel; of: ServiceTimes } {
  const location =
    line.recentServiceSeconds.length >= MIN_SAMPLES
      ? fitHandlingTime(line.recentServiceSeconds)
      : defaultHandling;
  const own = new Map<string, HandlingTimeModel>();
  for (const [serviceId, seconds] of Object.entries(line.recentServiceSecondsByService ?? {})) {
    if (seconds.length >= MIN_SERVICE_SAMPLES) own.set(serviceId, fitHandlingTime(seconds));
  }
  return { location, of: (serviceId) => (serviceId ? own.get(serviceId) : undefined) ?? location };
}

function rotaOf(line: LineState, serviceTimes: ServiceTimes): AgentOnRota[] {
  const start = line.now.getTime();
  if (line.desks.length === 0) {
    // Nobody is signed in yet (the morning before desks open): promise as if one desk serving
    // every service opens when the location does, rather than showing no estimate at all.
    const shifts = line.servingPeriods ?? [{ start, end: start + 12 * 3600_000 }];
    return [{ id: 'any-desk', languages: [], skills: ['*'], capacity: 1, inProgressSince: [], shifts }];
  }
  // A ticket is for today: the desks keep calling past closing time until everyone holding one
  // has been called (the last-ticket time exists so that the line can be cleared). Assuming they
  // stop at closing would promise a customer who joins at 17:25 "tomorrow at 8:40".
  const shifts = [{ start, end: Number.POSITIVE_INFINITY }];
  return line.desks.map((desk) => ({
    id: desk.id,
    languages: [],
    skills: [...desk.serviceIds, deskSkill(desk.id)],
    capacity: 1,
    inProgressSince: desk.busySince ? [desk.busySince.getTime()] : [],
    inProgressHandling: desk.busySince ? [serviceTimes(desk.busyServiceId)] : [],
    shifts,
  }));
}

function skillsOf(line: LineState, visit: { serviceId: string; targetDeskId: string | null }) {
  if (line.desks.length === 0) return ['*'];
  return [visit.targetDeskId ? deskSkill(visit.targetDeskId) : visit.serviceId];
}

type LineTarget = { kind: 'new'; serviceId: string } | { kind: 'waiting'; visitId: string };

/**
 * The line as the ETA engine sees it: each open desk an agent with one slot, the visits in
 * calling order with the upcoming appointments where they will stand. Null when the target is
 * not in the calling order.
 */
export function toLineSnapshot(
  line: LineState,
  target: LineTarget,
): { snapshot: QueueSnapshot; target: EtaTarget } | null {
  // An appointment not yet due is not in the calling order: it has a time, not a wait.
  if (target.kind === 'waiting' && !line.waiting.some((visit) => visit.id === target.visitId)) return null;
  const upcoming = line.upcoming ?? [];
  const serviceTimes = serviceTimesOf(line);
  const now = line.now.getTime();
  // Calling order once the booked have joined: due appointments, upcoming ones, walk-ins.
  const walkInsFrom = line.waiting.findIndex((visit) => !visit.appointmentAt);
  const split = walkInsFrom < 0 ? line.waiting.length : walkInsFrom;
  const toWaiting = (
    visit: { id: string; serviceId: string; targetDeskId: string | null },
    joinsAt = now,
  ) => ({
    id: visit.id,
    waitingSince: now,
    skills: skillsOf(line, visit),
    handling: serviceTimes.of(visit.serviceId),
    joinsAt,
  });
  const snapshot: QueueSnapshot = {
    queueId: `walk-in:${line.locationId}`,
    now,
    waiting: [
      ...line.waiting.slice(0, split).map((visit) => toWaiting(visit)),
      ...upcoming.map((visit) => toWaiting({ ...visit, targetDeskId: null }, visit.dueAt.getTime())),
      ...line.waiting.slice(split).map((visit) => toWaiting(visit)),
    ],
    agents: rotaOf(line, serviceTimes.of),
    handling: serviceTimes.location,
    patience: null,
  };
  return {
    snapshot,
    target:
      target.kind === 'new'
        ? { kind: 'new', skills: skillsOf(line, { serviceId: target.serviceId, targetDeskId: null }) }
        : { kind: 'waiting', customerId: target.visitId },
  };
}

/** The engine's whole forecast for the target (P10–P90 and mean); null as for `toLineSnapshot`. */
export function forecastLineWait(line: LineState, target: LineTarget): EtaForecast | null {
  const input = toLineSnapshot(line, target);
  return input ? forecastFirstResponse(input.snapshot, input.target, { runs: RUNS }) : null;
}

/**
 * The wait as promised (calibrated) and the engine's own forecast behind it, which a promise
 * stores for calibration to learn from. Null as for `estimateLineWait`.
 */
export function forecastCalibratedLineWait(
  line: LineState,
  target: LineTarget,
): { wait: LineWait; raw: EtaForecast } | null {
  const raw = forecastLineWait(line, target);
  if (!raw || raw.p50Seconds === null || raw.p90Seconds === null) return null;
  const forecast = line.calibration ? applyCalibration(raw, line.calibration) : raw;
  const p50Seconds = forecast.p50Seconds ?? raw.p50Seconds;
  return {
    wait: {
      // P10 ≤ P50, so it is known whenever the P50 is.
      p10Seconds: Math.round(forecast.p10Seconds ?? p50Seconds),
      p50Seconds: Math.round(p50Seconds),
      p90Seconds: Math.round(Math.max(forecast.p90Seconds ?? raw.p90Seconds, p50Seconds)),
    },
    raw,
  };
}

/**
 * @example estimateLineWait(line, { kind: 'new', serviceId }) // → { p10Seconds: 180, p50Seconds: 540, p90Seconds: 1260 }
 * Null when no open desk serves the service (the visit would not be called today), or the visit
 * is not in the calling order.
 */
export function estimateLineWait(line: LineState, target: LineTarget): LineWait | null {
  return forecastCalibratedLineWait(line, target)?.wait ?? null;
}

/** "About N min, at the latest M min": whole minutes, at least 1, the latest never below "about". */
export function toVisitWait(wait: Pick<LineWait, 'p50Seconds' | 'p90Seconds'>): VisitWait {
  const aboutMinutes = Math.max(1, Math.round(wait.p50Seconds / 60));
  return { aboutMinutes, latestMinutes: Math.max(aboutMinutes, Math.ceil(wait.p90Seconds / 60)) };
}
