/**
 * The simulated world: a seeded discrete-event simulation of one queue with real customers and
 * agents. At every arrival it builds the same QueueSnapshot the product will build from the
 * database and asks the REAL engine (through EtaEvaluation) for a forecast; when the customer
 * is taken by an agent, the real wait is scored against every predictor.
 *
 * Routing in this world is the policy the engine assumes: a free slot takes the first waiting
 * customer (in arrival order) its agent can serve; agents take no new work outside shifts.
 */
import { type BacklogAgent, toBacklogSnapshot } from '../../apps/server/src/modules/eta/backlog-snapshot.ts';
import type { HandlingTimeModel } from '../../apps/server/src/modules/eta/distributions.ts';
import { fitHandlingTime, fitPatience } from '../../apps/server/src/modules/eta/distributions.ts';
import type { EtaEvaluation } from '../../apps/server/src/modules/eta/evaluation.ts';
import {
  type AgentOnRota,
  canServe,
  type QueueSnapshot,
  type WaitingCustomer,
} from '../../apps/server/src/modules/eta/queue-snapshot.ts';
import {
  createRandom,
  drawExponential,
  drawNormal,
  type Random,
} from '../../apps/server/src/modules/eta/random.ts';
import { type BusinessCalendar, isOpen } from '../../apps/server/src/modules/sla/index.ts';
import type { Scenario } from './scenarios.ts';

type Customer = WaitingCustomer & { arrivedAt: number; leavesAt: number };
type Agent = {
  spec: Scenario['agents'][number];
  inProgress: Map<string, number>;
  /** When the agent last took a customer, and how many so far (what the product's rows tell). */
  lastStart: number | null;
  starts: number;
};
type WorldEvent = {
  time: number;
  order: number;
  kind: 'arrival' | 'end' | 'abandon' | 'shift';
  agent?: number;
  customer?: string;
};

/** About a week of a busy queue: a stable fit (mean within ~1.5 %), recent enough to follow change. */
const HISTORY_SIZE = 5000;
/** The product fits the backlog's handling time from at most this many first-response gaps. */
const PRODUCT_GAP_HISTORY = 2000;
/** Refit the handling and patience models every this many arrivals (fitting sorts the samples). */
const REFIT_EVERY = 25;

class EventQueue {
  private readonly items: WorldEvent[] = [];
  private order = 0;
  push(event: Omit<WorldEvent, 'order'>) {
    const item = { ...event, order: this.order++ };
    const items = this.items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }
  pop(): WorldEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      let i = 0;
      while (true) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && before(items[right]!, items[left]!) ? right : left;
        if (!before(items[child]!, last)) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}

function before(a: WorldEvent, b: WorldEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.order < b.order);
}

function drawTrueHandling(scenario: Scenario, random: Random): number {
  const h = scenario.handling;
  return h.kind === 'exponential'
    ? drawExponential(random, h.meanSeconds)
    : Math.exp(Math.log(h.medianSeconds) + h.sigma * drawNormal(random));
}

function pickMix(scenario: Scenario, random: Random) {
  let u = random.next();
  for (const entry of scenario.mix) {
    u -= entry.share;
    if (u <= 0) return entry;
  }
  return scenario.mix[scenario.mix.length - 1]!;
}

export type WorldTrace = Array<{
  arrivedAt: number;
  startedAt: number | null;
  endedAt: number;
  outcome: 'served' | 'abandoned';
  agent: string | null;
}>;

/**
 * The snapshot the product would build from its rows at `t`: agents on shift are `online`, those
 * off shift during business hours `away` (a break), the rest signed out; their last first response
 * and how many they gave; the waiting customers in arrival order.
 */
function productSnapshot(
  scenario: Scenario,
  calendar: BusinessCalendar,
  t: number,
  agents: Agent[],
  waiting: Map<string, Customer>,
  handling: HandlingTimeModel,
  customer: Customer,
) {
  const now = scenario.epochMs + t * 1000;
  const isOpenNow = isOpen(calendar, new Date(now));
  const backlogAgents: BacklogAgent[] = agents.map((agent) => {
    const isOnShift = agent.spec.shifts.some(([s, e]) => s <= t && t < e);
    return {
      id: agent.spec.id,
      languages: agent.spec.languages,
      skills: agent.spec.skills,
      teamIds: [],
      availability: isOnShift ? 'online' : isOpenNow ? 'away' : null,
      lastSeenAt: isOnShift ? now : null,
      lastFirstResponseAt: agent.lastStart === null ? null : scenario.epochMs + agent.lastStart * 1000,
      recentFirstResponses: agent.starts,
    };
  });
  return toBacklogSnapshot(
    {
      now,
      calendar,
      handling,
      agents: backlogAgents,
      waiting: [...waiting.values()].map((entry) => ({
        id: entry.id,
        teamId: null,
        assigneeId: null,
        language: entry.language ?? null,
        createdAt: scenario.epochMs + entry.arrivedAt * 1000,
      })),
    },
    { kind: 'new', teamId: null, language: customer.language ?? null },
  );
}

/** Runs the scenario; returns the trace of what happened (for writing sample CSVs). */
export function runWorld(scenario: Scenario, evaluation: EtaEvaluation): WorldTrace {
  const world = createRandom(scenario.seed);
  const events = new EventQueue();
  const agents: Agent[] = scenario.agents.map((spec) => ({
    spec,
    inProgress: new Map(),
    lastStart: null,
    starts: 0,
  }));
  const waiting = new Map<string, Customer>(); // insertion order = arrival order = routing order
  // Last week's handling times are the history the first forecasts are fitted from.
  const handlingHistory: number[] = scenario.priorHandlingSamples(world);
  const patienceHistory: Array<{ waitedSeconds: number; abandoned: boolean }> = [];
  const recentWaits: number[] = [];
  const trace: WorldTrace = [];
  const traceIndex = new Map<string, number>();
  let models = { handling: fitHandlingTime(handlingHistory), patience: fitPatience([]) };
  const firstResponseGaps: number[] = [];
  let gapModel: HandlingTimeModel | null = null;
  let arrivals = 0;

  const isOnShift = (agent: Agent, t: number) => agent.spec.shifts.some(([s, e]) => s <= t && t < e);
  agents.forEach((agent, index) => {
    for (const [start] of agent.spec.shifts) events.push({ time: start, kind: 'shift', agent: index });
  });

  // Next arrival by thinning a Poisson process of the maximum rate.
  const scheduleArrival = (from: number) => {
    let t = from;
    while (t < scenario.durationSeconds) {
      t += drawExponential(world, 1 / scenario.maxArrivalRate);
      if (world.next() * scenario.maxArrivalRate <= scenario.arrivalRate(t)) {
        events.push({ time: t, kind: 'arrival' });
        return;
      }
    }
  };

  const start = (agentIndex: number, customer: Customer, t: number) => {
    const agent = agents[agentIndex]!;
    waiting.delete(customer.id);
    agent.inProgress.set(customer.id, t);
    // The product's handling time: the gap since this agent's previous first response, when this
    // customer was already waiting then and the gap is under two hours (listFirstResponseGaps).
    if (agent.lastStart !== null && customer.arrivedAt <= agent.lastStart && t - agent.lastStart < 2 * 3600) {
      firstResponseGaps.push(t - agent.lastStart);
      if (firstResponseGaps.length > PRODUCT_GAP_HISTORY) firstResponseGaps.shift();
    }
    agent.lastStart = t;
    agent.starts++;
    const wait = t - customer.arrivedAt;
    recentWaits.push(wait);
    if (recentWaits.length > 10) recentWaits.shift();
    patienceHistory.push({ waitedSeconds: wait, abandoned: false });
    if (patienceHistory.length > HISTORY_SIZE) patienceHistory.shift();
    evaluation.resolve(customer.id, wait);
    const row = trace[traceIndex.get(customer.id)!]!;
    row.startedAt = t;
    row.agent = agent.spec.id;
    events.push({
      time: t + drawTrueHandling(scenario, world),
      kind: 'end',
      agent: agentIndex,
      customer: customer.id,
    });
  };

  const dispatch = (agentIndex: number, t: number) => {
    const agent = agents[agentIndex]!;
    while (agent.inProgress.size < agent.spec.capacity && isOnShift(agent, t)) {
      const next = [...waiting.values()].find((c) => canServe(agent.spec, c));
      if (!next) return;
      start(agentIndex, next, t);
    }
  };

  const toRota = (agent: Agent, now: number): AgentOnRota => ({
    id: agent.spec.id,
    languages: agent.spec.languages,
    skills: agent.spec.skills,
    capacity: agent.spec.capacity,
    inProgressSince: [...agent.inProgress.values()].map((s) => scenario.epochMs + s * 1000),
    shifts: agent.spec.shifts
      .filter(([, e]) => e > now)
      .map(([s, e]) => ({ start: scenario.epochMs + s * 1000, end: scenario.epochMs + e * 1000 })),
  });

  scheduleArrival(0);
  for (let event = events.pop(); event; event = events.pop()) {
    const t = event.time;
    if (event.kind === 'arrival') {
      scheduleArrival(t);
      if (arrivals++ % REFIT_EVERY === 0 && handlingHistory.length > 0) {
        models = { handling: fitHandlingTime(handlingHistory), patience: fitPatience(patienceHistory) };
        gapModel = firstResponseGaps.length >= 20 ? fitHandlingTime(firstResponseGaps) : null;
      }
      const kind = pickMix(scenario, world);
      const customer: Customer = {
        id: `c${arrivals}`,
        waitingSince: scenario.epochMs + t * 1000,
        arrivedAt: t,
        language: kind.language,
        skills: kind.skills,
        leavesAt: scenario.patienceMeanSeconds
          ? t + drawExponential(world, scenario.patienceMeanSeconds)
          : Number.POSITIVE_INFINITY,
      };
      const rota = agents.map((agent) => toRota(agent, t));
      const onDuty = agents.filter((agent) => isOnShift(agent, t));
      const slotsOnDuty = onDuty.reduce((sum, agent) => sum + agent.spec.capacity, 0);
      const busySlots = onDuty.reduce(
        (sum, agent) => sum + Math.min(agent.inProgress.size, agent.spec.capacity),
        0,
      );
      const { snapshot, target } = scenario.productBacklog
        ? productSnapshot(
            scenario,
            scenario.productBacklog.calendar,
            t,
            agents,
            waiting,
            gapModel ?? models.handling,
            customer,
          )
        : {
            snapshot: {
              queueId: scenario.name,
              now: scenario.epochMs + t * 1000,
              waiting: [...waiting.values()],
              agents: rota,
              handling: models.handling,
              patience: models.patience,
            } satisfies QueueSnapshot,
            target: {
              kind: 'new' as const,
              language: customer.language ?? null,
              skills: customer.skills ?? [],
            },
          };
      const head = waiting.values().next().value;
      evaluation.predict(
        customer.id,
        {
          snapshot,
          target,
          slotsOnDuty,
          hasFreeSlot: busySlots < slotsOnDuty,
          headOfLineWaitSeconds: head ? t - head.arrivedAt : null,
          recentWaits,
          oracleSeconds: scenario.oracle?.({ ahead: waiting.size, busySlots, slotsOnDuty }) ?? null,
        },
        t >= scenario.warmupSeconds,
      );
      traceIndex.set(customer.id, trace.length);
      trace.push({ arrivedAt: t, startedAt: null, endedAt: t, outcome: 'served', agent: null });
      waiting.set(customer.id, customer);
      if (Number.isFinite(customer.leavesAt))
        events.push({ time: customer.leavesAt, kind: 'abandon', customer: customer.id });
      for (let index = 0; index < agents.length && waiting.has(customer.id); index++) dispatch(index, t);
    } else if (event.kind === 'end') {
      const agent = agents[event.agent!]!;
      const startedAt = agent.inProgress.get(event.customer!)!;
      agent.inProgress.delete(event.customer!);
      handlingHistory.push(t - startedAt);
      if (handlingHistory.length > HISTORY_SIZE) handlingHistory.shift();
      trace[traceIndex.get(event.customer!)!]!.endedAt = t;
      dispatch(event.agent!, t);
    } else if (event.kind === 'abandon') {
      const customer = waiting.get(event.customer!);
      if (!customer) continue;
      waiting.delete(customer.id);
      patienceHistory.push({ waitedSeconds: t - customer.arrivedAt, abandoned: true });
      if (patienceHistory.length > HISTORY_SIZE) patienceHistory.shift();
      evaluation.resolve(customer.id, null);
      const row = trace[traceIndex.get(customer.id)!]!;
      row.outcome = 'abandoned';
      row.endedAt = t;
    } else {
      dispatch(event.agent!, t);
    }
  }
  return trace;
}
