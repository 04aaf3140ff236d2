import { describe, expect, it } from 'vitest';
import {
  fromWorkingSeconds,
  mergePeriods,
  scaleSpread,
  scaleWorkingTime,
  spreadFactorNeeded,
  toWorkingSeconds,
} from './working-time.ts';

const H = 3600;
// Open now until 1 h from now, then again 15–23 h from now (tomorrow's shift).
const periods = mergePeriods([
  [15 * H, 23 * H],
  [-2 * H, 1 * H],
  [16 * H, 18 * H],
]);

describe('working time', () => {
  it('merges overlapping shifts and clips them at now', () => {
    expect(periods).toEqual([
      [0, 1 * H],
      [15 * H, 23 * H],
    ]);
  });

  it.each([
    [30 * 60, 30 * 60],
    [5 * H, 1 * H],
    [15.5 * H, 1.5 * H],
    [30 * H, 9 * H],
  ])('a wait of %i s holds %i working seconds', (wait, working) => {
    expect(toWorkingSeconds(periods, wait)).toBe(working);
  });

  it('turns working seconds back into the earliest wait that holds them', () => {
    expect(fromWorkingSeconds(periods, 1.5 * H)).toBe(15.5 * H);
    expect(fromWorkingSeconds(periods, 10 * H)).toBe(24 * H);
    expect(fromWorkingSeconds([], 42)).toBe(42);
  });

  it('scales the last period only, spilling past closing when it grows', () => {
    expect(scaleWorkingTime(periods, 30 * 60, 2)).toBe(H);
    expect(scaleWorkingTime(periods, 40 * 60, 2)).toBe(15 * H + 20 * 60);
    expect(scaleWorkingTime(periods, 16 * H, 0.5)).toBe(15.5 * H);
    expect(scaleWorkingTime(periods, 15 * H, 0.5)).toBe(15 * H);
  });

  it('widens or narrows the P90 margin above the P50 in working time', () => {
    // P50 30 min from now, P90 30 min after tomorrow's opening: 60 working minutes apart.
    expect(scaleSpread(periods, 30 * 60, 15.5 * H, 1.5)).toBe(16 * H);
    expect(scaleSpread(periods, 30 * 60, 15.5 * H, 0.5)).toBe(H);
    expect(scaleSpread(periods, 15.5 * H, 15.5 * H, 2)).toBe(15.5 * H);
  });

  it('knows the margin factor a promise would have needed', () => {
    expect(spreadFactorNeeded(periods, 30 * 60, 15.5 * H, 16 * H)).toBe(1.5);
    expect(spreadFactorNeeded(periods, 30 * 60, 15.5 * H, 20 * 60)).toBe(0);
    expect(spreadFactorNeeded(periods, 15 * H, 15 * H, 15.2 * H)).toBe(Number.POSITIVE_INFINITY);
    expect(spreadFactorNeeded([], 300, 600, 900)).toBe(2);
  });
});
