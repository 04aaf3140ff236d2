import { describe, expect, it } from 'vitest';
import {
  applyCalibration,
  calibrateFromOutcomes,
  type EtaOutcome,
  initialCalibration,
} from './calibration.ts';
import type { EtaForecast } from './forecast.ts';
import { createRandom, drawExponential } from './random.ts';
import type { Periods } from './working-time.ts';

const alwaysOpen: Periods = [];

/**
 * A stream of customers whose raw forecasts describe an exponential wait of mean m (raw P90 =
 * m·ln 10) while real waits are `bias` times longer. As in production, the promise uses the
 * calibration learned so far, recomputed every 20 outcomes from the recent ones.
 */
function runStream(bias: number, customers: number, instantShare = 0, seed = 7) {
  const random = createRandom(seed);
  const outcomes: EtaOutcome[] = [];
  let calibration = initialCalibration;
  const kept: boolean[] = [];
  for (let i = 0; i < customers; i++) {
    const instant = random.next() < instantShare;
    const modelMean = instant ? 0 : 120 + random.next() * 1800;
    const forecast = {
      p50Seconds: modelMean * Math.log(2),
      p90Seconds: modelMean * Math.log(10),
      meanSeconds: modelMean,
      onDutySeconds: alwaysOpen,
    };
    const actualSeconds = instant ? 0 : bias * drawExponential(random, modelMean);
    const promised = applyCalibration({ ...baseForecast, ...forecast, p10Seconds: 0 }, calibration);
    kept.push(actualSeconds <= promised.p90Seconds!);
    outcomes.push({ forecast, actualSeconds });
    if (i % 20 === 19) calibration = calibrateFromOutcomes(outcomes);
  }
  const recent = kept.slice(-1000);
  return { calibration, coverage: recent.filter(Boolean).length / recent.length };
}

const baseForecast: EtaForecast = {
  p10Seconds: 100,
  p50Seconds: 300,
  p90Seconds: 600,
  meanSeconds: 350,
  answerProbability: 1,
  ahead: 3,
  eligibleAgents: 2,
  onDutySeconds: alwaysOpen,
  runs: 300,
};

describe('online P90 calibration', () => {
  it('learns that the model is 1.8× too optimistic and then keeps the P90 for about 90 % of customers', () => {
    const { calibration, coverage } = runStream(1.8, 3000);
    expect(coverage).toBeGreaterThan(0.87);
    expect(coverage).toBeLessThan(0.93);
    // The true P90 is 1.8 × 2.30 m = 4.14 m; the raw margin above the raw P50 (0.69 m) is
    // 1.61 m, so the margin has to grow to (4.14 − 0.69) / 1.61 ≈ 2.1 times.
    expect(calibration.p90Factor).toBeGreaterThan(1.9);
    expect(calibration.p90Factor).toBeLessThan(2.5);
    expect(calibration.meanFactor).toBeCloseTo(1.8, 0);
  });

  it('learns to promise less when the model is too pessimistic', () => {
    const { calibration, coverage } = runStream(0.6, 3000);
    expect(coverage).toBeGreaterThan(0.87);
    expect(coverage).toBeLessThan(0.93);
    expect(calibration.p90Factor).toBeLessThan(0.7);
  });

  it('leaves a right model alone: small deviations are noise', () => {
    const { calibration, coverage } = runStream(1, 3000);
    expect(coverage).toBeGreaterThan(0.87);
    expect(coverage).toBeLessThan(0.93);
    expect(calibration.p90Factor).toBeCloseTo(1, 1);
    expect(calibration.meanFactor).toBeCloseTo(1, 1);
  });

  it('aims at 90 % of all customers when many are answered at once', () => {
    const { calibration, coverage } = runStream(1, 4000, 0.5);
    expect(coverage).toBeGreaterThan(0.87);
    expect(coverage).toBeLessThan(0.93);
    expect(calibration.p90Factor).toBeLessThan(0.85);
  });

  it('trusts a handful of outcomes only a little', () => {
    const fewLate = Array.from({ length: 30 }, () => ({
      forecast: { p50Seconds: 250, p90Seconds: 600, meanSeconds: 300, onDutySeconds: alwaysOpen },
      actualSeconds: 1800,
    }));
    const calibration = calibrateFromOutcomes(fewLate);
    expect(calibration.p90Factor).toBeGreaterThan(1);
    expect(calibration.p90Factor).toBeLessThan(1.2);
  });

  it('never moves beyond its bounds, however wrong the model', () => {
    const tooOptimistic = runStream(50, 2000).calibration.p90Factor;
    const tooPessimistic = runStream(0.01, 2000).calibration.p90Factor;
    expect(tooOptimistic).toBeLessThanOrEqual(4);
    expect(tooOptimistic).toBeGreaterThan(3.5);
    expect(tooPessimistic).toBeGreaterThanOrEqual(0.25);
    expect(tooPessimistic).toBeLessThan(0.3);
  });
});

describe('applying the calibration', () => {
  it('scales P10, P50 and the mean by the mean factor and the P90 margin above the P50 by its own', () => {
    // Raw margin 600 − 300 = 300 s, × 1.5 = 450 s above the raw P50.
    expect(applyCalibration(baseForecast, { p90Factor: 1.5, meanFactor: 2, outcomes: 500 })).toMatchObject({
      p10Seconds: 200,
      p50Seconds: 600,
      meanSeconds: 700,
      p90Seconds: 750,
    });
  });

  it('widens the margin in working time, skipping the closed night', () => {
    // Closed from 1 h to 15 h from now; P50 in 5 minutes, P90 40 minutes after reopening:
    // 95 working minutes apart, × 1.5 = 142.5, i.e. 87.5 minutes after reopening.
    const overnight: EtaForecast = {
      ...baseForecast,
      p90Seconds: 15 * 3600 + 2400,
      onDutySeconds: [
        [0, 3600],
        [15 * 3600, 23 * 3600],
      ],
    };
    const calibrated = applyCalibration(overnight, { p90Factor: 1.5, meanFactor: 1, outcomes: 500 });
    expect(calibrated.p90Seconds).toBe(15 * 3600 + 87.5 * 60);
  });

  it('keeps an answer due at opening time at opening time', () => {
    const atOpening: EtaForecast = {
      ...baseForecast,
      p50Seconds: 15 * 3600,
      onDutySeconds: [
        [0, 3600],
        [15 * 3600, 23 * 3600],
      ],
    };
    expect(applyCalibration(atOpening, { p90Factor: 1, meanFactor: 0.8, outcomes: 500 }).p50Seconds).toBe(
      15 * 3600,
    );
  });

  it('never promises less than a minute', () => {
    const instant = { ...baseForecast, p10Seconds: 0, p50Seconds: 0, p90Seconds: 0, meanSeconds: 0 };
    expect(applyCalibration(instant, initialCalibration).p90Seconds).toBe(60);
  });

  it('never promises a P90 below the P50', () => {
    const calibrated = applyCalibration(baseForecast, { p90Factor: 0.5, meanFactor: 2, outcomes: 500 });
    expect(calibrated.p90Seconds).toBe(calibrated.p50Seconds);
  });

  it('leaves a forecast without answer without answer', () => {
    const none = { ...baseForecast, p50Seconds: null, p90Seconds: null, meanSeconds: null, p10Seconds: null };
    expect(applyCalibration(none, { p90Factor: 2, meanFactor: 1.5, outcomes: 500 })).toEqual(none);
  });
});
