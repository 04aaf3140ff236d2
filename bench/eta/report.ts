import type { PredictorReport } from '../../apps/server/src/modules/eta/evaluation.ts';

export type ScenarioResult = {
  scenario: string;
  kind: 'textbook' | 'realistic' | 'trace';
  predictors: PredictorReport[];
  p90Factor: number;
  meanFactor: number;
  seconds: number;
};

const percent = (value: number | null) =>
  value === null || Number.isNaN(value) ? '—' : `${(100 * value).toFixed(1)} %`;
const ratio = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(3));

/** The goals of issue 5, checked per scenario. */
export function goals(result: ScenarioResult): Array<{ goal: string; met: boolean }> {
  const [ours, ...others] = result.predictors;
  if (!ours) return [];
  const checks: Array<{ goal: string; met: boolean }> = [];
  const coverage = ours.p90Coverage ?? 0;
  checks.push({
    goal: `P90 coverage 88–92 % (${percent(coverage)})`,
    met: coverage >= 0.88 && coverage <= 0.92,
  });
  const oracle = others.find((p) => p.name === 'oracle');
  if (result.kind === 'textbook' && oracle) {
    const excess = ours.relativeMse / oracle.relativeMse - 1;
    checks.push({
      goal: `error within 5 % of the optimal queue-length predictor (${excess >= 0 ? '+' : ''}${percent(excess)})`,
      met: excess <= 0.05,
    });
  }
  if (result.kind === 'realistic') {
    const best = others
      .filter((p) => p.name !== 'oracle')
      .reduce((a, b) => (b.relativeMse < a.relativeMse ? b : a));
    const lower = 1 - ours.relativeMse / best.relativeMse;
    checks.push({
      goal: `≥ 10 % lower error than the best baseline, ${best.name} (${percent(lower)} lower)`,
      met: lower >= 0.1,
    });
  }
  return checks;
}

export function printResult(result: ScenarioResult): void {
  const scored = result.predictors[0]?.scored ?? 0;
  console.log(
    `\n${result.scenario} — ${scored} customers scored, ${result.seconds.toFixed(1)} s; calibration: P90 ×${result.p90Factor.toFixed(2)}, mean ×${result.meanFactor.toFixed(2)}`,
  );
  console.log(
    `  ${'predictor'.padEnd(18)}${'rel. MSE'.padStart(10)}${'within ±max(20 %, 3 min)'.padStart(26)}${'P90 coverage'.padStart(14)}${'… of those who waited'.padStart(23)}`,
  );
  for (const p of result.predictors) {
    console.log(
      `  ${p.name.padEnd(18)}${ratio(p.relativeMse).padStart(10)}${percent(p.withinShare).padStart(26)}${percent(p.p90Coverage).padStart(14)}${percent(p.p90CoverageOfWaiting).padStart(23)}`,
    );
  }
  for (const check of goals(result)) console.log(`  ${check.met ? 'met    ' : 'NOT MET'}  ${check.goal}`);
}
