import { describe, expect, it } from 'vitest';
import { type ArrivalContext, EtaEvaluation } from './evaluation.ts';
import type { EtaForecast } from './forecast.ts';

const START = Date.UTC(2025, 2, 10, 8, 0, 0);
const forecast: EtaForecast = {
  p10Seconds: 30,
  p50Seconds: 100,
  p90Seconds: 200,
  meanSeconds: 110,
  answerProbability: 1,
  ahead: 0,
  eligibleAgents: 1,
  onDutySeconds: [],
  runs: 300,
};

/** A customer arriving `atSeconds` after START whose raw forecast is the one above. */
function arrival(atSeconds: number): ArrivalContext {
  return {
    snapshot: {
      queueId: 'q',
      now: START + atSeconds * 1000,
      waiting: [],
      agents: [],
      handling: { kind: 'exponential', meanSeconds: 100 },
      patience: null,
    },
    target: { kind: 'new' },
    slotsOnDuty: 1,
    hasFreeSlot: false,
    headOfLineWaitSeconds: null,
    recentWaits: [],
    forecast,
  };
}

describe('the evaluation’s online calibration', () => {
  it('learns from customers still waiting past their P90 too, not only from the waits that have ended', () => {
    const evaluation = new EtaEvaluation();
    // Ten customers arrive at once and are still waiting an hour later (far past their 200 s).
    for (let i = 0; i < 10; i++) evaluation.predict(`late-${i}`, arrival(0));
    // Twenty arrive later and are answered on time; the twentieth answer recalibrates.
    for (let i = 0; i < 20; i++) {
      evaluation.predict(`quick-${i}`, arrival(3600 + i));
      evaluation.resolve(`quick-${i}`, 150);
    }
    expect(evaluation.currentCalibration.outcomes).toBe(30);
    // A third of the outcomes are misses by an hour: the P90 must widen.
    expect(evaluation.currentCalibration.p90Factor).toBeGreaterThan(1);
  });

  it('without overdue customers, answers within the P90 narrow it', () => {
    const evaluation = new EtaEvaluation();
    for (let i = 0; i < 20; i++) {
      evaluation.predict(`quick-${i}`, arrival(i));
      evaluation.resolve(`quick-${i}`, 110);
    }
    expect(evaluation.currentCalibration.outcomes).toBe(20);
    expect(evaluation.currentCalibration.p90Factor).toBeLessThan(1);
  });
});
