/**
 * ETA benchmark: `npm run bench:eta` runs every simulated scenario; `npm run bench:eta --
 * --trace FILE [--json]` replays a recorded trace (format in bench/eta/README.md).
 *
 * Other flags: `--scenario NAME` (only that one), `--runs N` (Monte-Carlo runs per forecast,
 * default 300), `--seed N` (another realisation of every world, default 0), `--parallel N`
 * (scenarios run in N child processes, default 2), `--no-calibration`, `--days N` (shorten the
 * walk-in world to N calendar days, for a quick look),
 * `--write-trace FILE` (with --scenario: save the simulated world's trace as CSV), `--json`
 * (one JSON object instead of tables).
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

import { EtaEvaluation } from '../../apps/server/src/modules/eta/evaluation.ts';
import { replayTrace } from '../../apps/server/src/modules/eta/trace-replay.ts';
import { goals, printResult, type ScenarioResult } from './report.ts';
import { allScenarios, type Scenario } from './scenarios.ts';
import { type WalkInScenario, walkInScenario } from './walk-in-scenario.ts';
import { runWalkInWorld } from './walk-in-world.ts';
import { runWorld, type WorldTrace } from './world.ts';

const { values } = parseArgs({
  options: {
    trace: { type: 'string' },
    json: { type: 'boolean', default: false },
    scenario: { type: 'string' },
    runs: { type: 'string', default: '300' },
    seed: { type: 'string', default: '0' },
    parallel: { type: 'string', default: '2' },
    'no-calibration': { type: 'boolean', default: false },
    'write-trace': { type: 'string' },
    days: { type: 'string' },
  },
});
const runs = Number(values.runs);
const execFileAsync = promisify(execFile);
const calibrate = !values['no-calibration'];

function traceToCsv(trace: WorldTrace, queue: string, epochMs: number): string {
  const iso = (seconds: number) => new Date(epochMs + Math.round(seconds * 1000)).toISOString();
  const lines = trace.map((row) =>
    [
      iso(row.arrivedAt),
      row.startedAt === null ? '' : iso(row.startedAt),
      iso(row.endedAt),
      queue,
      row.outcome,
      row.agent ?? '',
    ].join(','),
  );
  return `${['arrived_at,started_at,ended_at,queue,outcome,agent', ...lines].join('\n')}\n`;
}

if (values.trace) {
  const started = performance.now();
  const result = replayTrace(readFileSync(values.trace, 'utf8'), { runs, calibrate });
  if (values.json) {
    console.log(JSON.stringify(result));
  } else {
    for (const queue of result.queues) {
      printResult({
        scenario: `trace ${values.trace}, queue ${queue.queue} (${queue.arrivals} arrivals)`,
        kind: 'trace',
        predictors: queue.predictors,
        p90Factor: queue.calibration.p90Factor,
        meanFactor: queue.calibration.meanFactor,
        seconds: (performance.now() - started) / 1000,
      });
    }
    console.log(`\nAll queues together: ${JSON.stringify(result.predictors)}`);
  }
} else {
  const walkIn = walkInScenario(Number(values.seed));
  if (values.days) walkIn.days = Number(values.days);
  const scenarios = [...allScenarios(Number(values.seed)), walkIn].filter(
    (s) => !values.scenario || s.name === values.scenario,
  );
  if (scenarios.length === 0) throw new Error(`no scenario named ${values.scenario}`);
  const parallel = Math.max(1, Number(values.parallel));
  if (!values.json) {
    console.log(
      `ETA benchmark: ${scenarios.length} scenarios, ${runs} runs per forecast, calibration ${calibrate ? 'on' : 'off'}, seed ${values.seed}, ${Math.min(parallel, scenarios.length)} at a time`,
    );
  }
  const results =
    parallel > 1 && scenarios.length > 1
      ? await runInChildren(scenarios.map((s) => s.name))
      : scenarios.map((scenario) => runScenario(scenario));
  if (values.json) {
    console.log(JSON.stringify({ scenarios: results.map((r) => ({ ...r, goals: goals(r) })) }));
  } else {
    if (parallel > 1 && scenarios.length > 1) results.forEach(printResult);
    const missed = results.flatMap((r) =>
      goals(r)
        .filter((g) => !g.met)
        .map((g) => `${r.scenario}: ${g.goal}`),
    );
    console.log(missed.length === 0 ? '\nAll goals met.' : `\nGoals not met:\n  ${missed.join('\n  ')}`);
  }
}

function runScenario(scenario: Scenario | WalkInScenario): ScenarioResult {
  const started = performance.now();
  const evaluation = new EtaEvaluation({ runs, calibrate });
  const isWalkIn = 'kind' in scenario;
  const trace = isWalkIn ? runWalkInWorld(scenario, evaluation).trace : runWorld(scenario, evaluation);
  if (values['write-trace'])
    writeFileSync(values['write-trace'], traceToCsv(trace, scenario.name, scenario.epochMs));
  const result: ScenarioResult = {
    scenario: scenario.name,
    kind: !isWalkIn && scenario.oracle ? 'textbook' : 'realistic',
    predictors: evaluation.report(),
    p90Factor: evaluation.currentCalibration.p90Factor,
    meanFactor: evaluation.currentCalibration.meanFactor,
    seconds: (performance.now() - started) / 1000,
  };
  if (!values.json) printResult(result);
  return result;
}

/** Scenarios are independent: run them in child processes, `--parallel` at a time (2 cores). */
async function runInChildren(names: string[]): Promise<ScenarioResult[]> {
  const results = new Map<string, ScenarioResult>();
  const queue = [...names];
  const flags = ['--json', '--parallel', '1', '--runs', String(runs), '--seed', String(values.seed)];
  if (!calibrate) flags.push('--no-calibration');
  if (values.days) flags.push('--days', values.days);
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const args = [...process.execArgv, fileURLToPath(import.meta.url), '--scenario', name, ...flags];
      const { stdout } = await execFileAsync(process.execPath, args, { maxBuffer: 1 << 24 });
      const [result] = (JSON.parse(stdout) as { scenarios: ScenarioResult[] }).scenarios;
      if (result) results.set(name, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Number(values.parallel), names.length) }, worker));
  return names.map((name) => results.get(name)!);
}
