import {
  applyCalibration,
  type CalibrationSettings,
  calibrateFromOutcomes,
  defaultCalibrationSettings,
  type EtaCalibration,
  type EtaOutcome,
  initialCalibration,
} from './calibration.ts';
import { type EtaForecast, forecastFirstResponse } from './forecast.ts';
import type { EtaTarget, QueueSnapshot } from './queue-snapshot.ts';

/**
 * Measuring ETA predictors against what really happened — used by the simulator in bench/eta
 * and by the replay of recorded traces. At each arrival every predictor makes its guess; when
 * the customer is taken by an agent the guesses are scored (customers who gave up have no
 * real wait and are not scored). Our calibration learns from the same outcomes, in time order.
 *
 * The baselines are the classic delay predictors from the call-centre literature:
 * queue length × mean handling time / agents, the head-of-line customer's wait so far, and the
 * average of the last 10 waits. Where the true model is known (M/M/c), an oracle is added.
 */

export type ArrivalContext = {
  snapshot: QueueSnapshot;
  target: EtaTarget;
  /** Agent slots on duty now (agents × capacity). */
  slotsOnDuty: number;
  /** Whether a slot is free right now (an empty queue then means an immediate answer). */
  hasFreeSlot: boolean;
  /** How long the first customer in the queue has waited so far; null when nobody waits. */
  headOfLineWaitSeconds: number | null;
  /** Waits of the most recent customers taken by an agent, oldest first. */
  recentWaits: number[];
  /** The true conditional mean wait, when the model of the world is known. */
  oracleSeconds?: number | null;
  /**
   * The raw forecast when the product already asked the engine itself (a walk-in line's own
   * estimate); without it `predict` runs the engine on `snapshot`.
   */
  forecast?: EtaForecast;
  /**
   * What the queue-length baseline counts when its queue is narrower than the engine's
   * snapshot (one service's line inside a location's): customers ahead in that line and their
   * mean handling time. Default: everyone ahead in the snapshot, the snapshot's mean.
   */
  baseline?: { ahead: number; meanHandlingSeconds: number };
};

export type PredictorReport = {
  name: string;
  /** Σ(predicted − actual)² / Σ actual². */
  relativeMse: number;
  /** Share of customers with |predicted − actual| ≤ max(20 % of actual, 3 min). */
  withinShare: number;
  /** Share of customers whose real wait was at most the predicted P90; null without a P90. */
  p90Coverage: number | null;
  /** The same among customers who had to wait (raw P90 above the one-minute minimum promise). */
  p90CoverageOfWaiting: number | null;
  scored: number;
};

export const ourPredictorName = 'frontline';
const baselineNames = ['queue-length', 'head-of-line', 'last-10-average'] as const;
const oracleName = 'oracle';
const RECALIBRATE_EVERY = 20;

type Guess = { point: number; p90: number | null; waits?: boolean };
type Pending = { guesses: Map<string, Guess>; raw: EtaForecast; scored: boolean; arrivedAt: number };
type Tally = {
  squaredError: number;
  squaredActual: number;
  within: number;
  covered: number;
  withP90: number;
  coveredWaiting: number;
  waiting: number;
  count: number;
};

export type EvaluationOptions = {
  runs?: number;
  calibrate?: boolean;
  calibrationSettings?: CalibrationSettings;
};

export class EtaEvaluation {
  private calibration: EtaCalibration = initialCalibration;
  private readonly outcomes: EtaOutcome[] = [];
  private readonly pending = new Map<string, Pending>();
  private readonly tallies = new Map<string, Tally>();
  private hasOracle = false;
  private outcomesSinceCalibration = 0;
  /** The latest instant seen (epoch ms): arrivals and the starts they lead to. */
  private latestAt = Number.NEGATIVE_INFINITY;
  /** Customers for whom our engine had no answer (nobody could serve them): not scored at all. */
  unforecast = 0;

  constructor(private readonly options: EvaluationOptions = {}) {}

  get recentOutcomes(): readonly EtaOutcome[] {
    return this.outcomes;
  }

  get currentCalibration(): EtaCalibration {
    return this.calibration;
  }

  /** Every predictor guesses for a customer arriving now. `scored` false: warm-up, learn only. */
  predict(customerId: string, context: ArrivalContext, scored = true): EtaForecast {
    const raw =
      context.forecast ??
      forecastFirstResponse(context.snapshot, context.target, { runs: this.options.runs ?? 300 });
    const settings = this.options.calibrationSettings ?? defaultCalibrationSettings;
    const ours = this.options.calibrate === false ? raw : applyCalibration(raw, this.calibration, settings);
    const guesses = new Map<string, Guess>();
    guesses.set(ourPredictorName, {
      point: ours.meanSeconds ?? ours.p50Seconds ?? Number.NaN,
      p90: ours.p90Seconds,
      waits: (raw.p90Seconds ?? 0) > 60,
    });
    const ahead = context.baseline?.ahead ?? raw.ahead;
    const meanHandling = context.baseline?.meanHandlingSeconds ?? context.snapshot.handling.meanSeconds;
    const queueLength =
      ahead === 0 && context.hasFreeSlot
        ? 0
        : ((ahead + 1) * meanHandling) / Math.max(1, context.slotsOnDuty);
    guesses.set('queue-length', { point: queueLength, p90: null });
    guesses.set('head-of-line', { point: context.headOfLineWaitSeconds ?? 0, p90: null });
    const recent = context.recentWaits.slice(-10);
    guesses.set('last-10-average', {
      point: recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0,
      p90: null,
    });
    if (context.oracleSeconds !== undefined && context.oracleSeconds !== null) {
      this.hasOracle = true;
      guesses.set(oracleName, { point: context.oracleSeconds, p90: null });
    }
    this.pending.set(customerId, { guesses, raw, scored, arrivedAt: context.snapshot.now });
    this.latestAt = Math.max(this.latestAt, context.snapshot.now);
    return ours;
  }

  /** The customer was taken by an agent after `actualSeconds` (null: gave up, not scored). */
  resolve(customerId: string, actualSeconds: number | null): void {
    const pending = this.pending.get(customerId);
    if (!pending) return;
    this.pending.delete(customerId);
    if (actualSeconds === null) return;
    this.latestAt = Math.max(this.latestAt, pending.arrivedAt + actualSeconds * 1000);
    if (this.options.calibrate !== false) {
      const settings = this.options.calibrationSettings ?? defaultCalibrationSettings;
      this.outcomes.push({ forecast: pending.raw, actualSeconds });
      if (this.outcomes.length > settings.window) this.outcomes.shift();
      // Recomputing from the window sorts ≤ 2,000 numbers; every 20 outcomes is plenty.
      if (++this.outcomesSinceCalibration >= RECALIBRATE_EVERY) {
        this.calibration = calibrateFromOutcomes([...this.outcomes, ...this.overdueOutcomes()], settings);
        this.outcomesSinceCalibration = 0;
      }
    }
    if (!pending.scored) return;
    if (!Number.isFinite(pending.guesses.get(ourPredictorName)?.point ?? Number.NaN)) {
      this.unforecast++;
      return;
    }
    for (const [name, guess] of pending.guesses) {
      const tally = this.tallies.get(name) ?? emptyTally();
      tally.squaredError += (guess.point - actualSeconds) ** 2;
      tally.squaredActual += actualSeconds ** 2;
      if (Math.abs(guess.point - actualSeconds) <= Math.max(0.2 * actualSeconds, 180)) tally.within++;
      if (guess.p90 !== null) {
        tally.withP90++;
        if (actualSeconds <= guess.p90) tally.covered++;
        if (guess.waits) {
          tally.waiting++;
          if (actualSeconds <= guess.p90) tally.coveredWaiting++;
        }
      }
      tally.count++;
      this.tallies.set(name, tally);
    }
  }

  /**
   * Customers still waiting past the P90 they were promised: misses already, whose wait so far
   * is a lower bound. Without them the window would hold only the waits that have ended — the
   * short ones first — and learn too narrow a P90 (the product's calibration counts them too:
   * calibration.repository.ts).
   */
  private overdueOutcomes(): EtaOutcome[] {
    const overdue: EtaOutcome[] = [];
    for (const pending of this.pending.values()) {
      const promised = pending.guesses.get(ourPredictorName)?.p90 ?? null;
      const waited = (this.latestAt - pending.arrivedAt) / 1000;
      if (promised !== null && waited > promised)
        overdue.push({ forecast: pending.raw, actualSeconds: waited });
    }
    return overdue;
  }

  /** Ours first, then the baselines, then the oracle when there is one. */
  report(): PredictorReport[] {
    return reportFrom(this.tallies, this.hasOracle);
  }

  /** One report over several evaluations (e.g. every queue of a trace), as if one stream. */
  static pool(evaluations: EtaEvaluation[]): PredictorReport[] {
    const pooled = new Map<string, Tally>();
    for (const evaluation of evaluations) {
      for (const [name, tally] of evaluation.tallies) {
        const sum = pooled.get(name) ?? emptyTally();
        for (const key of Object.keys(sum) as Array<keyof Tally>) sum[key] += tally[key];
        pooled.set(name, sum);
      }
    }
    return reportFrom(
      pooled,
      evaluations.some((e) => e.hasOracle),
    );
  }
}

function emptyTally(): Tally {
  return {
    squaredError: 0,
    squaredActual: 0,
    within: 0,
    covered: 0,
    withP90: 0,
    coveredWaiting: 0,
    waiting: 0,
    count: 0,
  };
}

function reportFrom(tallies: Map<string, Tally>, hasOracle: boolean): PredictorReport[] {
  const names = [ourPredictorName, ...baselineNames, ...(hasOracle ? [oracleName] : [])];
  return names.map((name) => {
    const tally = tallies.get(name);
    if (!tally || tally.count === 0) {
      return {
        name,
        relativeMse: Number.NaN,
        withinShare: Number.NaN,
        p90Coverage: null,
        p90CoverageOfWaiting: null,
        scored: 0,
      };
    }
    return {
      name,
      relativeMse: tally.squaredActual > 0 ? tally.squaredError / tally.squaredActual : Number.NaN,
      withinShare: tally.within / tally.count,
      p90Coverage: tally.withP90 > 0 ? tally.covered / tally.withP90 : null,
      p90CoverageOfWaiting: tally.waiting > 0 ? tally.coveredWaiting / tally.waiting : null,
      scored: tally.count,
    };
  });
}
