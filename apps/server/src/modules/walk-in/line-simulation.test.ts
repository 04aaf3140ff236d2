import { describe, expect, it } from 'vitest';
import { walkInScenario } from '../../../../../bench/eta/walk-in-scenario.ts';
import { runWalkInWorld } from '../../../../../bench/eta/walk-in-world.ts';
import { EtaEvaluation } from '../eta/index.ts';

/**
 * The walk-in world of the ETA benchmark (bench/eta) runs this module's line rules and estimate
 * over simulated days; its figures are only worth something if the world itself is sound.
 */
function runShortWorld(seed: number) {
  const scenario = walkInScenario(seed);
  scenario.days = 3;
  const evaluation = new EtaEvaluation();
  const { trace, summary } = runWalkInWorld(scenario, evaluation);
  return { trace, summary, report: evaluation.report(), unforecast: evaluation.unforecast };
}

describe('the walk-in line in the ETA simulator', () => {
  it('serves or marks a no-show for every visit of three days, with every kind of visit happening', () => {
    const { trace, summary, report, unforecast } = runShortWorld(7);
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
  });

  it('the same seed gives the same days; another seed other days', () => {
    const first = runShortWorld(7);
    expect(runShortWorld(7)).toEqual(first);
    expect(runShortWorld(8).trace).not.toEqual(first.trace);
  });
});
