import { drawHandlingTime, drawRemainingHandlingTime, type HandlingTimeModel } from './distributions.ts';
import { MinHeap } from './min-heap.ts';
import {
  type AgentOnRota,
  canServe,
  type EtaTarget,
  type QueueSnapshot,
  type WaitingCustomer,
} from './queue-snapshot.ts';
import { createRandom, drawExponential, type Random, seedFrom } from './random.ts';
import { mergePeriods, type Periods } from './working-time.ts';

/**
 * When will this customer get a first human response? Simulate the queue forward from its
 * current state a few hundred times and read the percentiles.
 *
 * One run: every agent has `capacity` slots; a slot is free now or when a conversation in
 * progress ends (its remaining time drawn conditioned on how long it has run). A free slot
 * takes the first waiting customer in routing order the agent can serve (language, skills),
 * but only while the agent is on shift — a slot freed during a break or after hours waits for
 * the next shift. Customers ahead may give up (exponential patience, memoryless, so the time
 * they already waited does not matter). The run ends when a slot takes the target customer.
 *
 * Arrivals after the target are ignored: in routing order they come after it, so they cannot
 * delay it. Those already known are not: a booked appointment (`joinsAt`) stands where it will
 * stand once it joins, and a slot with nobody to take before then waits for it. With exponential handling and c busy agents this is exactly the queue-length
 * predictor: the target starts after ahead + 1 departures at rate c/mean.
 */

export type ForecastOptions = {
  /** Monte-Carlo runs; 300 keeps the P90's sampling error near ±2 percentage points. */
  runs?: number;
  /** Defaults to a hash of queue id and `now`, so the same state gives the same forecast. */
  seed?: number;
  /** Runs that have not reached the target by then count as "not within the horizon". */
  horizonSeconds?: number;
  /**
   * Weigh each run by the chance that the customer is still waiting when it ends (the queue's
   * patience model), so the forecast describes customers who do get an answer — the only ones
   * a forecast can ever be checked against. Default true; no effect without abandonment.
   */
  conditionOnAnswer?: boolean;
  /**
   * When the customer counts as answered: when a slot takes them (`start`: a chat's first words,
   * a walk-in's call to the desk) or when the agent has handled their request (`end`: a written
   * answer is sent after reading, looking into it and writing, so even a free agent takes a
   * handling time). Default `start`.
   */
  answeredAt?: 'start' | 'end';
};

export type EtaForecast = {
  /** Seconds from `now` until the first human response; null when not reached in enough runs. */
  p10Seconds: number | null;
  p50Seconds: number | null;
  p90Seconds: number | null;
  /** The mean wait (the point estimate with the least squared error); null if any run never got there. */
  meanSeconds: number | null;
  /**
   * Chance that the customer is answered before giving up (patience model) or, without one,
   * within the horizon. A chat widget can offer a message instead when this is low.
   */
  answerProbability: number;
  /** Customers ahead of the target in routing order. */
  ahead: number;
  /** Agents on the rota (now or later) who can serve the target. */
  eligibleAgents: number;
  /**
   * When someone who can serve the target is on duty, in seconds from `now` — the working
   * time that calibration scales (see working-time.ts).
   */
  onDutySeconds: Periods;
  runs: number;
};

const DEFAULT_RUNS = 300;
const DEFAULT_HORIZON_SECONDS = 14 * 24 * 3600;

type PreparedAgent = {
  /** Shifts in seconds from now, sorted, clipped to start no earlier than 0. */
  shifts: Array<[start: number, end: number]>;
  capacity: number;
  /** Seconds already spent on each conversation in progress. */
  elapsed: number[];
  /** The handling-time model of each conversation in progress. */
  handling: HandlingTimeModel[];
};

function prepareAgent(agent: AgentOnRota, now: number, queueHandling: HandlingTimeModel): PreparedAgent {
  const shifts = agent.shifts
    .map((s): [number, number] => [Math.max(0, (s.start - now) / 1000), (s.end - now) / 1000])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  return {
    shifts,
    capacity: Math.max(0, Math.floor(agent.capacity)),
    elapsed: agent.inProgressSince.map((since) => Math.max(0, (now - since) / 1000)),
    handling: agent.inProgressSince.map(
      (_since, index) => agent.inProgressHandling?.[index] ?? queueHandling,
    ),
  };
}

/** The earliest moment ≥ t at which the agent is on shift, or Infinity. */
function nextStartOnShift(agent: PreparedAgent, t: number): number {
  for (const [start, end] of agent.shifts) {
    if (t < end) return Math.max(t, start);
  }
  return Number.POSITIVE_INFINITY;
}

function splitAtTarget(
  snapshot: QueueSnapshot,
  target: EtaTarget,
): { ahead: WaitingCustomer[]; target: WaitingCustomer } {
  if (target.kind === 'new') {
    return {
      ahead: snapshot.waiting,
      target: {
        id: '',
        waitingSince: snapshot.now,
        language: target.language ?? null,
        skills: target.skills ?? [],
      },
    };
  }
  const index = snapshot.waiting.findIndex((customer) => customer.id === target.customerId);
  if (index < 0)
    throw new RangeError(`customer ${target.customerId} is not waiting in queue ${snapshot.queueId}`);
  return { ahead: snapshot.waiting.slice(0, index), target: snapshot.waiting[index]! };
}

/** One forward run: seconds until a slot takes the last customer in `queue` (the target). */
function simulateOnce(
  snapshot: QueueSnapshot,
  agents: PreparedAgent[],
  eligibility: boolean[][],
  handling: HandlingTimeModel[],
  /** Seconds from now before which each customer cannot be taken (0: waiting now). */
  joins: number[],
  random: Random,
  horizon: number,
  answeredAtEnd: boolean,
): number {
  const queueLength = handling.length;
  const slots = new MinHeap();
  agents.forEach((agent, agentIndex) => {
    if (agent.capacity === 0) return;
    const ends = agent.elapsed
      .map((elapsed, index) => drawRemainingHandlingTime(agent.handling[index]!, random, elapsed))
      .sort((a, b) => a - b);
    // With m conversations open and capacity c, a slot frees at the (m − c + j)-th ending.
    for (let j = 0; j < agent.capacity; j++) {
      const index = ends.length - agent.capacity + j;
      const start = nextStartOnShift(agent, index < 0 ? 0 : ends[index]!);
      if (start <= horizon) slots.push(start, agentIndex);
    }
  });
  const patience = snapshot.patience;
  const leavesAt: number[] = new Array(queueLength);
  for (let i = 0; i < queueLength - 1; i++) {
    leavesAt[i] = patience ? drawExponential(random, patience.meanSeconds) : Number.POSITIVE_INFINITY;
  }
  leavesAt[queueLength - 1] = Number.POSITIVE_INFINITY; // the target waits for its answer
  const taken = new Uint8Array(queueLength);
  let head = 0;
  while (slots.size > 0) {
    const { time, payload: agentIndex } = slots.pop();
    if (time > horizon) break;
    while (head < queueLength && (taken[head] === 1 || leavesAt[head]! <= time)) head++;
    const canTake = eligibility[agentIndex]!;
    let chosen = -1;
    let nextJoin = Number.POSITIVE_INFINITY;
    for (let i = head; i < queueLength; i++) {
      if (taken[i] === 0 && canTake[i] && leavesAt[i]! > time) {
        if (joins[i]! <= time) {
          chosen = i;
          break;
        }
        if (leavesAt[i]! > joins[i]!) nextJoin = Math.min(nextJoin, joins[i]!);
      }
    }
    if (chosen < 0) {
      // Nobody this agent can serve is ahead of (or is) the target now: the slot is of use only
      // once someone booked joins.
      if (nextJoin <= horizon) slots.push(nextStartOnShift(agents[agentIndex]!, nextJoin), agentIndex);
      continue;
    }
    if (chosen === queueLength - 1)
      return answeredAtEnd ? time + drawHandlingTime(handling[chosen]!, random) : time;
    taken[chosen] = 1;
    const next = nextStartOnShift(agents[agentIndex]!, time + drawHandlingTime(handling[chosen]!, random));
    if (next <= horizon) slots.push(next, agentIndex);
  }
  return Number.POSITIVE_INFINITY;
}

/** Weighted nearest-rank percentile of ascending values; null when it lies beyond the horizon. */
function weightedPercentile(sorted: number[], weights: number[], share: number): number | null {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return null;
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += weights[i]!;
    if (cumulative >= share * total * (1 - 1e-12)) return Number.isFinite(sorted[i]!) ? sorted[i]! : null;
  }
  return null;
}

/**
 * @example forecastFirstResponse(snapshot, { kind: 'new', language: 'lt' })
 * // → { p10Seconds: 240, p50Seconds: 610, p90Seconds: 1320, meanSeconds: 700, ahead: 6, … }
 */
export function forecastFirstResponse(
  snapshot: QueueSnapshot,
  target: EtaTarget,
  options: ForecastOptions = {},
): EtaForecast {
  const runs = Math.max(1, Math.floor(options.runs ?? DEFAULT_RUNS));
  const horizon = options.horizonSeconds ?? DEFAULT_HORIZON_SECONDS;
  const random = createRandom(options.seed ?? seedFrom(`${snapshot.queueId}:${snapshot.now}`));
  const split = splitAtTarget(snapshot, target);
  const queue = [...split.ahead, split.target];
  const agents = snapshot.agents.map((agent) => prepareAgent(agent, snapshot.now, snapshot.handling));
  const handling = queue.map((customer) => customer.handling ?? snapshot.handling);
  const joins = queue.map((customer) =>
    Math.max(0, ((customer.joinsAt ?? snapshot.now) - snapshot.now) / 1000),
  );
  const eligibility = snapshot.agents.map((agent) => queue.map((customer) => canServe(agent, customer)));
  const eligibleAgents = eligibility.filter(
    (row, index) => row[queue.length - 1] && agents[index]!.capacity > 0 && agents[index]!.shifts.length > 0,
  ).length;

  const waits: number[] = [];
  for (let run = 0; run < runs; run++) {
    waits.push(
      eligibleAgents === 0
        ? Number.POSITIVE_INFINITY
        : simulateOnce(
            snapshot,
            agents,
            eligibility,
            handling,
            joins,
            random,
            horizon,
            options.answeredAt === 'end',
          ),
    );
  }
  waits.sort((a, b) => a - b);
  const reached = waits.filter(Number.isFinite);
  const patience = options.conditionOnAnswer === false ? null : snapshot.patience;
  const shortest = reached[0] ?? 0;
  // Relative weights (shortest run = 1) so that long waits do not underflow to all-zero.
  const weights = waits.map((wait) =>
    !Number.isFinite(wait)
      ? patience
        ? 0
        : 1
      : patience
        ? Math.exp(-(wait - shortest) / patience.meanSeconds)
        : 1,
  );
  const finiteWeight = reached.reduce((sum, _wait, i) => sum + weights[i]!, 0);
  const mean =
    finiteWeight > 0 && (patience || reached.length === runs)
      ? reached.reduce((sum, wait, i) => sum + wait * weights[i]!, 0) / finiteWeight
      : null;
  return {
    p10Seconds: weightedPercentile(waits, weights, 0.1),
    p50Seconds: weightedPercentile(waits, weights, 0.5),
    p90Seconds: weightedPercentile(waits, weights, 0.9),
    meanSeconds: mean,
    answerProbability: patience
      ? reached.reduce((sum, wait) => sum + Math.exp(-wait / patience.meanSeconds), 0) / runs
      : reached.length / runs,
    ahead: split.ahead.length,
    eligibleAgents,
    onDutySeconds: mergePeriods(
      agents
        .filter((_agent, index) => eligibility[index]![queue.length - 1])
        .flatMap((agent) => agent.shifts),
    ).filter(([start]) => start <= horizon),
    runs,
  };
}
