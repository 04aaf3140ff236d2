import { describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeekStart, promiseOutcome } from './promise-outcome.ts';

describe('a promise’s outcome', () => {
  it.each([
    // p50, p90, waited → kept, |waited − p50|
    [600, 1800, 900, true, 300],
    [600, 1800, 1800, true, 1200],
    [600, 1800, 1801, false, 1201],
    [600, 1800, 60, true, 540],
    [0, 90, 0, true, 0],
  ])(
    'with P50 %i s and P90 %i s, answered after %i s, is kept=%s with a P50 error of %i s',
    (p50, p90, waited, kept, error) => {
      expect(promiseOutcome({ p50Seconds: p50, p90Seconds: p90 }, waited)).toEqual({
        kept,
        errorSeconds: error,
      });
    },
  );
});

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01T12:00:00Z', '2026-W01'],
    ['2025-12-29T00:00:00Z', '2026-W01'],
    ['2025-12-28T23:59:59Z', '2025-W52'],
    ['2021-01-03T10:00:00Z', '2020-W53'],
    ['2026-11-22T20:00:00Z', '2026-W47'],
  ])('%s lies in %s', (instant, week) => {
    expect(isoWeekOf(new Date(instant))).toBe(week);
  });

  it('start on Monday at midnight UTC', () => {
    expect(isoWeekStart('2026-W01').toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(isoWeekStart('2020-W53').toISOString()).toBe('2020-12-28T00:00:00.000Z');
  });
});
