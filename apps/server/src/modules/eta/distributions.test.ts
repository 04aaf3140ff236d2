import { describe, expect, it } from 'vitest';
import {
  drawHandlingTime,
  drawRemainingHandlingTime,
  fitHandlingTime,
  fitLognormal,
  fitPatience,
  type HandlingTimeModel,
} from './distributions.ts';
import { normalCdf, normalQuantile } from './normal.ts';
import { createRandom, drawExponential, drawNormal } from './random.ts';

function averageOf(draw: () => number, count = 20_000): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += draw();
  return sum / count;
}

describe('the normal distribution helpers', () => {
  it.each([
    [0, 0.5],
    [1.2815515655, 0.9],
    [-1.959963985, 0.025],
    [3, 0.998650102],
  ])('Φ(%f) = %f and back', (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 6);
    expect(normalQuantile(p)).toBeCloseTo(x, 5);
  });
});

describe('fitting handling times', () => {
  it('a lognormal fitted to lognormal data recovers its shape and mean', () => {
    const random = createRandom(1);
    const samples = Array.from({ length: 5000 }, () => Math.exp(Math.log(360) + 0.8 * drawNormal(random)));
    const model = fitLognormal(samples);
    expect(model.kind).toBe('lognormal');
    if (model.kind !== 'lognormal') return;
    expect(model.sigma).toBeCloseTo(0.8, 1);
    expect(model.meanSeconds / (360 * Math.exp(0.32))).toBeCloseTo(1, 1);
  });

  it('a lognormal fitted to exponential data keeps the mean (plain log-MLE would add ~28 %)', () => {
    const random = createRandom(2);
    const samples = Array.from({ length: 5000 }, () => drawExponential(random, 300));
    const model = fitLognormal(samples);
    const drawn = averageOf(() => drawHandlingTime(model, random));
    expect(drawn / 300).toBeCloseTo(1, 1);
  });

  it('uses the observed times themselves once there are enough of them', () => {
    expect(fitHandlingTime(Array.from({ length: 49 }, (_, i) => 60 + i)).kind).toBe('lognormal');
    expect(fitHandlingTime(Array.from({ length: 50 }, (_, i) => 60 + i)).kind).toBe('empirical');
    expect(fitHandlingTime([5, 10, 15], 'empirical')).toEqual({
      kind: 'empirical',
      sortedSeconds: [5, 10, 15],
      meanSeconds: 10,
    });
  });

  it('ignores zero, negative and missing samples and refuses to fit nothing', () => {
    expect(fitHandlingTime([0, -4, Number.NaN, 120, 240], 'empirical')).toMatchObject({
      sortedSeconds: [120, 240],
    });
    expect(() => fitHandlingTime([])).toThrow(RangeError);
  });
});

describe('time still to go on a conversation in progress', () => {
  const random = createRandom(3);

  it('is memoryless for exponential handling', () => {
    const model: HandlingTimeModel = { kind: 'exponential', meanSeconds: 300 };
    expect(averageOf(() => drawRemainingHandlingTime(model, random, 900)) / 300).toBeCloseTo(1, 1);
  });

  it('for a lognormal, is drawn from the part of the distribution beyond what has elapsed', () => {
    const model: HandlingTimeModel = {
      kind: 'lognormal',
      mu: Math.log(300),
      sigma: 1,
      meanSeconds: 300 * Math.exp(0.5),
    };
    const fresh = averageOf(() => drawRemainingHandlingTime(model, random, 0));
    const afterTenMinutes = averageOf(() => drawRemainingHandlingTime(model, random, 600));
    expect(fresh / model.meanSeconds).toBeCloseTo(1, 1);
    // A long conversation tends to run long: the lognormal's mean residual life grows.
    expect(afterTenMinutes).toBeGreaterThan(fresh);
    expect(drawRemainingHandlingTime(model, random, 1e7)).toBeGreaterThanOrEqual(0);
  });

  it('for observed times, resamples only those longer than the elapsed time', () => {
    const model = fitHandlingTime([100, 200, 300, 400], 'empirical');
    for (let i = 0; i < 50; i++) expect([50, 150]).toContain(drawRemainingHandlingTime(model, random, 250));
    expect(drawRemainingHandlingTime(model, random, 1000)).toBeGreaterThan(0);
  });
});

describe('fitting patience', () => {
  it('is total waiting time over abandonments (censored exponential MLE)', () => {
    const records = [
      { waitedSeconds: 100, abandoned: false },
      { waitedSeconds: 300, abandoned: true },
      { waitedSeconds: 200, abandoned: false },
      { waitedSeconds: 600, abandoned: true },
    ];
    expect(fitPatience(records)).toEqual({ meanSeconds: 600 });
  });

  it('is null when nobody has given up', () => {
    expect(fitPatience([{ waitedSeconds: 100, abandoned: false }])).toBeNull();
  });
});
