import type { EtaCalibration } from './calibration.ts';
import { fitHandlingTime, fitPatience } from './distributions.ts';
import { EtaEvaluation, type PredictorReport } from './evaluation.ts';
import type { AgentOnRota, QueueSnapshot, Shift, WaitingCustomer } from './queue-snapshot.ts';
import { parseTrace, type TraceRow } from './trace-format.ts';

/**
 * Replays a recorded queue trace through the ETA engine: at each arrival, rebuild the live
 * state from the trace (who waits, who is being served by whom, which agents work), forecast,
 * and score against the real wait — so real logs can measure the engine before it goes live.
 *
 * A trace has no rota. Each agent's working periods are reconstructed from their own
 * conversations: runs of work with gaps under `presenceGapSeconds` count as one shift. That
 * stands in for the rota the live system knows in advance. Rows without an agent are given
 * to anonymous agents (each conversation to the first one free), one conversation at a time.
 */

export type ReplayOptions = {
  runs?: number;
  calibrate?: boolean;
  presenceGapSeconds?: number;
  /** Forecasts start once this many handling times are known; the first are not scored. */
  minimumHistory?: number;
  /** Forecasts made before this many handling times are known only teach the calibration. */
  scoredAfterHistory?: number;
};

export type QueueReplay = {
  queue: string;
  arrivals: number;
  predictors: PredictorReport[];
  calibration: EtaCalibration;
};

export type ReplayResult = {
  /** Every predictor over all queues: Frontline's first, then the baselines. */
  predictors: Array<Pick<PredictorReport, 'name' | 'relativeMse' | 'withinShare' | 'p90Coverage'>>;
  arrivals: number;
  scored: number;
  queues: QueueReplay[];
};

const HISTORY_SIZE = 1000;
const REFIT_EVERY = 25;

type AgentTimeline = { id: string; capacity: number; shifts: Shift[] };

/** Agents, their capacity (most conversations seen at once) and working periods. */
function reconstructAgents(
  rows: TraceRow[],
  presenceGapMs: number,
): { agents: AgentTimeline[]; agentOf: Map<TraceRow, string> } {
  const agentOf = new Map<TraceRow, string>();
  const freeAt: number[] = [];
  const served = rows.filter((r) => r.startedAt !== null).sort((a, b) => a.startedAt! - b.startedAt!);
  for (const row of served) {
    if (row.agent) {
      agentOf.set(row, row.agent);
      continue;
    }
    let slot = freeAt.findIndex((t) => t <= row.startedAt!);
    if (slot < 0) slot = freeAt.push(0) - 1;
    freeAt[slot] = row.endedAt;
    agentOf.set(row, `anonymous-${slot + 1}`);
  }
  const byAgent = new Map<string, TraceRow[]>();
  for (const row of served) {
    const id = agentOf.get(row)!;
    const work = byAgent.get(id);
    if (work) work.push(row);
    else byAgent.set(id, [row]);
  }
  const agents = [...byAgent].map(([id, work]): AgentTimeline => {
    const shifts: Shift[] = [];
    for (const row of work) {
      const last = shifts[shifts.length - 1];
      if (last && row.startedAt! - last.end <= presenceGapMs) last.end = Math.max(last.end, row.endedAt);
      else shifts.push({ start: row.startedAt!, end: Math.max(row.endedAt, row.startedAt! + 1) });
    }
    const changes = work
      .flatMap((r) => [[r.startedAt!, 1] as const, [r.endedAt, -1] as const])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let open = 0;
    let capacity = 1;
    for (const [, delta] of changes) {
      open += delta;
      capacity = Math.max(capacity, open);
    }
    return { id, capacity, shifts };
  });
  return { agents, agentOf };
}

type ReplayEvent = {
  time: number;
  order: number;
  row: TraceRow;
  kind: 'end' | 'abandon' | 'arrival' | 'start';
};
const eventOrder = { end: 0, abandon: 1, arrival: 2, start: 3 } as const;

function replayQueue(
  queue: string,
  rows: TraceRow[],
  options: ReplayOptions,
): QueueReplay & { evaluation: EtaEvaluation } {
  const evaluation = new EtaEvaluation({ runs: options.runs ?? 300, calibrate: options.calibrate ?? true });
  const { agents, agentOf } = reconstructAgents(rows, (options.presenceGapSeconds ?? 1800) * 1000);
  const minimumHistory = options.minimumHistory ?? 20;
  const scoredAfter = options.scoredAfterHistory ?? 50;
  const events: ReplayEvent[] = rows.flatMap((row): ReplayEvent[] => {
    const list: ReplayEvent[] = [{ time: row.arrivedAt, order: eventOrder.arrival, row, kind: 'arrival' }];
    if (row.startedAt === null)
      list.push({ time: row.endedAt, order: eventOrder.abandon, row, kind: 'abandon' });
    else
      list.push(
        { time: row.startedAt, order: eventOrder.start, row, kind: 'start' },
        { time: row.endedAt, order: eventOrder.end, row, kind: 'end' },
      );
    return list;
  });
  events.sort((a, b) => a.time - b.time || a.order - b.order || a.row.line - b.row.line);

  const waiting = new Map<TraceRow, WaitingCustomer>();
  const inProgress = new Map<string, Map<TraceRow, number>>(agents.map((a) => [a.id, new Map()]));
  const handlingHistory: number[] = [];
  const patienceHistory: Array<{ waitedSeconds: number; abandoned: boolean }> = [];
  const recentWaits: number[] = [];
  const ids = new Map<TraceRow, string>();
  let models: Pick<QueueSnapshot, 'handling' | 'patience'> | null = null;
  let arrivals = 0;

  for (const event of events) {
    const { row, time } = event;
    if (event.kind === 'end') {
      inProgress.get(agentOf.get(row)!)!.delete(row);
      handlingHistory.push((row.endedAt - row.startedAt!) / 1000);
      if (handlingHistory.length > HISTORY_SIZE) handlingHistory.shift();
    } else if (event.kind === 'abandon') {
      waiting.delete(row);
      patienceHistory.push({ waitedSeconds: (time - row.arrivedAt) / 1000, abandoned: true });
      evaluation.resolve(ids.get(row) ?? '', null);
    } else if (event.kind === 'start') {
      waiting.delete(row);
      inProgress.get(agentOf.get(row)!)!.set(row, time);
      const wait = (time - row.arrivedAt) / 1000;
      recentWaits.push(wait);
      if (recentWaits.length > 10) recentWaits.shift();
      patienceHistory.push({ waitedSeconds: wait, abandoned: false });
      evaluation.resolve(ids.get(row) ?? '', wait);
    } else {
      arrivals++;
      if (patienceHistory.length > HISTORY_SIZE)
        patienceHistory.splice(0, patienceHistory.length - HISTORY_SIZE);
      if (handlingHistory.length >= minimumHistory && (models === null || arrivals % REFIT_EVERY === 0)) {
        models = { handling: fitHandlingTime(handlingHistory), patience: fitPatience(patienceHistory) };
      }
      if (models) {
        const rota: AgentOnRota[] = agents.map((agent) => ({
          id: agent.id,
          languages: [],
          skills: [],
          capacity: agent.capacity,
          inProgressSince: [...inProgress.get(agent.id)!.values()],
          shifts: agent.shifts.filter((s) => s.end > time),
        }));
        const onDuty = rota.filter((agent) => agent.shifts.some((s) => s.start <= time && time < s.end));
        const slotsOnDuty = onDuty.reduce((sum, agent) => sum + agent.capacity, 0);
        const busy = onDuty.reduce(
          (sum, agent) => sum + Math.min(agent.capacity, agent.inProgressSince.length),
          0,
        );
        const head = waiting.values().next().value;
        const id = `line-${row.line}`;
        ids.set(row, id);
        evaluation.predict(
          id,
          {
            snapshot: { queueId: queue, now: time, waiting: [...waiting.values()], agents: rota, ...models },
            target: { kind: 'new' },
            slotsOnDuty,
            hasFreeSlot: busy < slotsOnDuty,
            headOfLineWaitSeconds: head ? (time - head.waitingSince) / 1000 : null,
            recentWaits,
          },
          handlingHistory.length >= scoredAfter,
        );
      }
      waiting.set(row, { id: `line-${row.line}`, waitingSince: row.arrivedAt });
    }
  }
  return {
    queue,
    arrivals,
    predictors: evaluation.report(),
    calibration: evaluation.currentCalibration,
    evaluation,
  };
}

/** Replays every queue in the CSV text; throws TraceFormatError with a line number on bad input. */
export function replayTrace(csv: string, options: ReplayOptions = {}): ReplayResult {
  const rows = parseTrace(csv);
  const byQueue = new Map<string, TraceRow[]>();
  for (const row of rows) {
    const queueRows = byQueue.get(row.queue);
    if (queueRows) queueRows.push(row);
    else byQueue.set(row.queue, [row]);
  }
  const replays = [...byQueue].map(([queue, queueRows]) => replayQueue(queue, queueRows, options));
  const pooled = EtaEvaluation.pool(replays.map((r) => r.evaluation));
  return {
    predictors: pooled.map(({ name, relativeMse, withinShare, p90Coverage }) => ({
      name,
      relativeMse,
      withinShare,
      p90Coverage,
    })),
    arrivals: rows.length,
    scored: pooled[0]?.scored ?? 0,
    queues: replays.map(({ evaluation: _evaluation, ...replay }) => replay),
  };
}
