import { normalCdf, normalQuantile } from './normal.ts';
import { drawExponential, drawNormal, type Random } from './random.ts';

/**
 * Handling-time and patience models fitted from a queue's history. Plain JSON-able objects, so
 * a fitted model can be cached in the database and read back by any instance.
 */

export type HandlingTimeModel =
  /** ln T ~ N(mu, sigma²). */
  | { kind: 'lognormal'; mu: number; sigma: number; meanSeconds: number }
  | { kind: 'exponential'; meanSeconds: number }
  /** Resampling the observed handling times themselves (ascending). */
  | { kind: 'empirical'; sortedSeconds: number[]; meanSeconds: number };

export type HandlingFit = 'lognormal' | 'empirical';

/** Below this many samples the empirical distribution is too lumpy; lognormal smooths it. */
export const MIN_EMPIRICAL_SAMPLES = 50;
/** Floor on any handling time: a conversation takes at least a few seconds of a person. */
const MIN_HANDLING_SECONDS = 1;

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Lognormal with the shape (sigma) of the log-samples and the location chosen so the model's
 * mean equals the sample mean. Plain maximum likelihood on logs would overstate the mean by
 * ~28 % when the real times are closer to exponential; the mean is what a wait is built from.
 */
export function fitLognormal(samples: number[]): HandlingTimeModel {
  const positive = samples
    .filter((s) => Number.isFinite(s) && s > 0)
    .map((s) => Math.max(s, MIN_HANDLING_SECONDS));
  if (positive.length === 0) throw new RangeError('no handling-time samples to fit');
  const logs = positive.map(Math.log);
  const logMean = mean(logs);
  const variance =
    positive.length > 1 ? logs.reduce((sum, l) => sum + (l - logMean) ** 2, 0) / (logs.length - 1) : 0.25;
  const sigma = Math.sqrt(variance);
  const sampleMean = mean(positive);
  return { kind: 'lognormal', mu: Math.log(sampleMean) - variance / 2, sigma, meanSeconds: sampleMean };
}

/**
 * The handling-time model for a queue: the observed times themselves once there are enough of
 * them (no shape assumption), a mean-matched lognormal before that.
 */
export function fitHandlingTime(samples: number[], fit: HandlingFit | 'auto' = 'auto'): HandlingTimeModel {
  const positive = samples.filter((s) => Number.isFinite(s) && s > 0);
  const useEmpirical = fit === 'empirical' || (fit === 'auto' && positive.length >= MIN_EMPIRICAL_SAMPLES);
  if (!useEmpirical || positive.length === 0) return fitLognormal(positive);
  const sortedSeconds = positive.map((s) => Math.max(s, MIN_HANDLING_SECONDS)).sort((x, y) => x - y);
  return { kind: 'empirical', sortedSeconds, meanSeconds: mean(sortedSeconds) };
}

export function drawHandlingTime(model: HandlingTimeModel, random: Random): number {
  switch (model.kind) {
    case 'lognormal':
      return Math.exp(model.mu + model.sigma * drawNormal(random));
    case 'exponential':
      return drawExponential(random, model.meanSeconds);
    case 'empirical':
      return model.sortedSeconds[Math.floor(random.next() * model.sortedSeconds.length)]!;
  }
}

/** First index whose value is greater than `value` (binary search on an ascending array). */
function firstAbove(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Time still to go on a conversation that has been in handling for `elapsedSeconds`: a draw
 * from the handling-time distribution conditioned on being longer than what has elapsed.
 */
export function drawRemainingHandlingTime(
  model: HandlingTimeModel,
  random: Random,
  elapsedSeconds: number,
): number {
  const elapsed = Math.max(0, elapsedSeconds);
  if (elapsed === 0) return drawHandlingTime(model, random);
  switch (model.kind) {
    case 'exponential':
      return drawExponential(random, model.meanSeconds);
    case 'lognormal': {
      const floor = normalCdf((Math.log(elapsed) - model.mu) / model.sigma);
      // Deep in the tail the conditional draw underflows; the lognormal's mean residual life
      // there is about elapsed·σ²/(ln elapsed − μ).
      if (floor > 1 - 1e-9) {
        return drawExponential(
          random,
          (elapsed * model.sigma ** 2) / Math.max(1, Math.log(elapsed) - model.mu),
        );
      }
      const total = Math.exp(model.mu + model.sigma * normalQuantile(floor + (1 - floor) * random.next()));
      return Math.max(0, total - elapsed);
    }
    case 'empirical': {
      const sorted = model.sortedSeconds;
      const from = firstAbove(sorted, elapsed);
      // Longer than anything seen: assume it ends like an average conversation's second half.
      if (from >= sorted.length) return drawExponential(random, model.meanSeconds / 2);
      return sorted[from + Math.floor(random.next() * (sorted.length - from))]! - elapsed;
    }
  }
}

/** Exponential patience of waiting customers (abandonment), or null when nobody gives up. */
export type PatienceModel = { meanSeconds: number } | null;

/**
 * Maximum-likelihood exponential patience from waits that ended either in service (censored:
 * they were still patient) or in abandonment: mean = total time waited / abandonments.
 */
export function fitPatience(records: Array<{ waitedSeconds: number; abandoned: boolean }>): PatienceModel {
  const abandonments = records.filter((r) => r.abandoned).length;
  if (abandonments === 0) return null;
  const exposure = records.reduce((sum, r) => sum + Math.max(0, r.waitedSeconds), 0);
  return { meanSeconds: Math.max(1, exposure / abandonments) };
}
