import type { EtaForecast } from './forecast.ts';
import {
  scaleSpread,
  scaleWorkingTime,
  spreadFactorNeeded,
  toWorkingSeconds,
  workingSecondsBeforePeriod,
} from './working-time.ts';

/**
 * Online calibration: the simulation is only as good as its inputs (history lags behind a
 * slower team, routing has delays the model does not know). Two multiplicative corrections are
 * learned from the outcomes of the most recent promises — exactly the rows the promise log
 * keeps (P50/P90 promised, wait that really happened):
 *
 * - `p90Factor` multiplies the P90's margin above the P50: the smallest factor for which the
 *   promised P90 would have held for 90 % of the recent customers (the empirical 90th
 *   percentile of (actual − P50) / (P90 − P50)).
 * - `meanFactor`: recent actual waits / recent predicted means, removing a systematic bias
 *   of the point estimate; P10 and P50 move with it.
 *
 * Both work in working time (working-time.ts): the closed night before a morning answer is
 * certain, the minutes after opening are not.
 *
 * Customers answered at once count as kept promises, so the P90 holds for 90 % of all
 * customers; at light load the customers who do wait get a tighter P90 than their own 90th
 * percentile. A window of outcomes (not a running average) keeps the estimate steady although
 * consecutive customers' outcomes are strongly correlated: they share the same agents.
 */

export type EtaCalibration = { p90Factor: number; meanFactor: number; outcomes: number };

export type CalibrationSettings = {
  /** How many recent outcomes to learn from. */
  window: number;
  /** Below this many outcomes the factors are blended towards 1. */
  confidentAfter: number;
  /**
   * Deviations smaller than this (in log space) are treated as noise and shrunk to nothing:
   * consecutive outcomes are so correlated that a window of 2,000 still wobbles by a few
   * percent, and chasing that wobble costs more accuracy than it gains.
   */
  deadBand: number;
  /** The shortest promise ("within a minute", as phrasing.ts words it). */
  minimumPromiseSeconds: number;
  /**
   * Beyond these bounds the model itself needs fixing, not calibrating. The floor also stops a
   * queue where almost everyone is answered at once from promising the others nonsense.
   */
  minimumFactor: number;
  maximumFactor: number;
};

export const defaultCalibrationSettings: CalibrationSettings = {
  window: 2000,
  confidentAfter: 300,
  deadBand: 0.05,
  minimumPromiseSeconds: 60,
  minimumFactor: 0.25,
  maximumFactor: 4,
};

export const initialCalibration: EtaCalibration = { p90Factor: 1, meanFactor: 1, outcomes: 0 };

/**
 * One point above the promised 90 %: a factor learned from past outcomes is a little off for the
 * next ones, and an error either way costs more coverage than it gains (the coverage curve is
 * concave). Measured in bench/eta: 0.90 lands at 87–90 % on the e-mail queue, 0.91 at 88–91 %.
 */
const TARGET_COVERAGE = 0.91;

/** A served customer's real wait against the raw (uncalibrated) forecast made on arrival. */
export type EtaOutcome = {
  forecast: Pick<EtaForecast, 'p50Seconds' | 'p90Seconds' | 'meanSeconds' | 'onDutySeconds'>;
  actualSeconds: number;
};

function clamp(value: number, settings: CalibrationSettings): number {
  return Math.min(settings.maximumFactor, Math.max(settings.minimumFactor, value));
}

/**
 * The calibration that recent outcomes (oldest first; the last `window` count) call for.
 * @example calibrateFromOutcomes(lastPromises.map(toOutcome)) // { p90Factor: 1.31, meanFactor: 1.12, … }
 */
export function calibrateFromOutcomes(
  outcomes: EtaOutcome[],
  settings: CalibrationSettings = defaultCalibrationSettings,
): EtaCalibration {
  const recent = outcomes.slice(-settings.window);
  if (recent.length === 0) return initialCalibration;
  // For each outcome: the smallest P90 factor that would have kept the promise.
  const needed = recent.map(({ forecast, actualSeconds }) => {
    if (actualSeconds <= settings.minimumPromiseSeconds) return 0;
    if (forecast.p90Seconds === null) return Number.POSITIVE_INFINITY;
    const p50 = forecast.p50Seconds ?? 0;
    return spreadFactorNeeded(forecast.onDutySeconds, p50, forecast.p90Seconds, actualSeconds);
  });
  needed.sort((a, b) => a - b);
  const quantile = needed[Math.min(needed.length - 1, Math.ceil(TARGET_COVERAGE * needed.length) - 1)]!;
  // The mean factor compares the same working-time parts the P90 factor scales.
  let actual = 0;
  let predicted = 0;
  for (const { forecast, actualSeconds } of recent) {
    if (forecast.meanSeconds === null) continue;
    const anchor = workingSecondsBeforePeriod(forecast.onDutySeconds, forecast.meanSeconds);
    actual += Math.max(0, toWorkingSeconds(forecast.onDutySeconds, actualSeconds) - anchor);
    predicted += Math.max(0, toWorkingSeconds(forecast.onDutySeconds, forecast.meanSeconds) - anchor);
  }
  // Few outcomes: trust them in proportion (a factor of 1 is the model's own opinion).
  const trust = Math.min(1, recent.length / settings.confidentAfter);
  const blend = (factor: number) => {
    const log = Math.log(clamp(factor, settings));
    const shrunk = Math.sign(log) * Math.max(0, Math.abs(log) - settings.deadBand);
    return clamp(Math.exp(trust * shrunk), settings);
  };
  return {
    p90Factor: quantile === 0 ? blend(settings.minimumFactor) : blend(quantile),
    meanFactor: actual > 0 && predicted > 0 ? blend(actual / predicted) : 1,
    outcomes: recent.length,
  };
}

/**
 * The forecast as promised: P10/P50/mean scaled by the mean factor, P90 by its own, in working
 * time; P90 never below the P50 or the shortest promise.
 */
export function applyCalibration(
  forecast: EtaForecast,
  calibration: EtaCalibration,
  settings: CalibrationSettings = defaultCalibrationSettings,
): EtaForecast {
  const scale = (value: number | null, factor: number) =>
    value === null ? null : scaleWorkingTime(forecast.onDutySeconds, value, factor);
  const p50Seconds = scale(forecast.p50Seconds, calibration.meanFactor);
  const p90 =
    forecast.p90Seconds === null
      ? null
      : scaleSpread(
          forecast.onDutySeconds,
          forecast.p50Seconds ?? 0,
          forecast.p90Seconds,
          calibration.p90Factor,
        );
  return {
    ...forecast,
    p10Seconds: scale(forecast.p10Seconds, calibration.meanFactor),
    p50Seconds,
    p90Seconds: p90 === null ? null : Math.max(p90, p50Seconds ?? 0, settings.minimumPromiseSeconds),
    meanSeconds: scale(forecast.meanSeconds, calibration.meanFactor),
  };
}
