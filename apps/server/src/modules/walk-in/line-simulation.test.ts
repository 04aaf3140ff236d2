import { describe, expect, it } from 'vitest';
import { walkInScenario } from '../../../../../bench/eta/walk-in-scenario.ts';
import { runWalkInWorld } from '../../../../../bench/eta/walk-in-world.ts';
import { EtaEvaluation } from '../eta/index.ts';

/** Thousands of forecasts of 200 runs each: seconds on an idle machine, more on a shared one. */
const SIMULATION_TIMEOUT_MS = 180_000;

/**
 * The walk-in world of the ETA benchmark (bench/eta) runs this module's line rules and estimate
 * over simulated days; its figures are only worth something if the world itself is sound.
 */
function runShortWorld(seed: number, days: number) {
  const scenario = walkInScenario(seed);
  scenario.days = days;
  const evaluation = new EtaEvaluation();
  const { trace, summary } = runWalkInWorld(scenario, evaluation);
  return { trace, summary, report: evaluation.report(), unforecast: evaluation.unforecast };
}

describe('the walk-in line in the ETA simulator', () => {
  it(
    'serves or marks a no-show for every visit of three days, with every kind of visit happening',
    () => {
      const { trace, summary, report, unforecast } = runShortWorld(7, 3);
      expect(summary.unresolved).toBe(0);
      expect(trace.every((row) => row.startedAt !== null && row.endedAt >= row.startedAt)).toBe(true);
      expect(summary.appointments).toBe(3 * 50);
      expect(summary.noShows).toBeGreaterThan(0);
      expect(summary.readmitted).toBeGreaterThan(0);
      expect(summary.transfers).toBeGreaterThan(0);
      // Customers who were there are scored after the first day's warm-up; our predictor first.
      expect(report[0]!.name).toBe('frontline');
      expect(report[0]!.scored).toBeGreaterThan(400);
      expect(unforecast).toBe(0);
    },
    SIMULATION_TIMEOUT_MS,
  );

  it(
    'the same seed gives the same days; another seed other days',
    () => {
      const first = runShortWorld(7, 2);
      expect(runShortWorld(7, 2)).toEqual(first);
      expect(runShortWorld(8, 2).trace).not.toEqual(first.trace);
    },
    SIMULATION_TIMEOUT_MS,
  );
});
