/**
 * The walk-in world: a seeded discrete-event simulation of one office's line, run through the
 * product's REAL walk-in code. Desks call with `pickNextVisit` (FIFO per service, the bounded
 * priority boost, appointments due now, transfers), no-shows are marked and re-admitted with
 * `canMarkNoShow` / `readmittedQueuedAt`, transfers keep their place with
 * `transferredQueuedAt`, and every forecast is `forecastLineWait` — what `estimateLineWait`
 * shows on the kiosk — over the `LineState` that `loadLine` would build from the database.
 *
 * Who is scored: a walk-in from taking the ticket to the first call; an appointment from the
 * moment it joins the calling order (`appointmentLeadMinutes` before its time — before that the
 * product has no wait to show) to its call. Customers not there when called (no-shows) have no
 * real wait and are not scored, like those who give up in the other worlds.
 *
 * Baselines see the service's own line, as a counter display would: customers ahead of the
 * visit among its service, that service's mean desk time, the desks open for it.
 */

import type { EtaEvaluation } from '../../apps/server/src/modules/eta/evaluation.ts';
import { MinHeap } from '../../apps/server/src/modules/eta/min-heap.ts';
import {
  createRandom,
  drawExponential,
  drawNormal,
  type Random,
} from '../../apps/server/src/modules/eta/random.ts';
import { createCalendar, openPeriods } from '../../apps/server/src/modules/sla/index.ts';
import {
  forecastLineWait,
  type LineState,
  toLineSnapshot,
} from '../../apps/server/src/modules/walk-in/line-eta.ts';
import {
  canMarkNoShow,
  orderLine,
  pickNextVisit,
  readmittedQueuedAt,
  transferredQueuedAt,
  type WaitingVisit,
} from '../../apps/server/src/modules/walk-in/line-rules.ts';
import type { WalkInScenario, WalkInServiceSpec } from './walk-in-scenario.ts';
import type { WorldTrace } from './world.ts';

const HOUR = 3600;
const DAY = 24 * HOUR;
/** What `loadLine` reads: the location's last 200 finished visits. */
const RECENT_SERVICE_SAMPLES = 200;
/** `loadLine` asks the calendar a day ahead. */
const SERVING_HORIZON_SECONDS = DAY;

type VisitStatus = 'booked' | 'waiting' | 'called' | 'done' | 'no_show' | 'gone';

type Visit = WaitingVisit & {
  status: VisitStatus;
  /** Whether the customer is in the room when called. */
  isPresent: boolean;
  /** When the scored wait starts (ticket taken, or appointment due); null if not predicted. */
  waitStartsAt: number | null;
  /** Whether this visit has been called at least once (only the first call is scored). */
  wasCalled: boolean;
  noShowAt: number | null;
  traceRow: number;
};

/**
 * `in`: signed in and calling. `leaving`: a break has begun; the visit at hand is finished, then
 * the agent signs out. `clearing`: closing time has passed; the desk keeps calling while
 * someone it serves still holds a ticket, then signs out. `out`: not signed in.
 */
type DeskState = 'out' | 'in' | 'leaving' | 'clearing';

type Desk = {
  spec: WalkInScenario['desks'][number];
  state: DeskState;
  current: { visitId: string; calledAt: number } | null;
};

type WorldEvent =
  | { kind: 'walk-in' }
  | { kind: 'day'; day: number }
  | { kind: 'due'; visitId: string }
  | { kind: 'desk-in' | 'desk-out'; desk: number; lastOfDay: boolean }
  | { kind: 'desk-done'; desk: number }
  | { kind: 'return'; visitId: string };

function drawLognormal(random: Random, medianSeconds: number, sigma: number) {
  return Math.exp(Math.log(medianSeconds) + sigma * drawNormal(random));
}

function pick<T>(random: Random, items: T[], share: (item: T) => number): T {
  let u = random.next() * items.reduce((sum, item) => sum + share(item), 0);
  for (const item of items) {
    u -= share(item);
    if (u <= 0) return item;
  }
  return items[items.length - 1]!;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export type WalkInSummary = {
  visits: number;
  appointments: number;
  noShows: number;
  readmitted: number;
  transfers: number;
  /** Visits still waiting or at a desk when the simulation ended (0 in a sound run). */
  unresolved: number;
  meanWaitSeconds: number;
};

/** Runs the walk-in world; returns the trace of first calls and a summary of what happened. */
export function runWalkInWorld(
  scenario: WalkInScenario,
  evaluation: EtaEvaluation,
): { trace: WorldTrace; summary: WalkInSummary } {
  const world = createRandom(scenario.seed);
  const rules = scenario.rules;
  const calendar = createCalendar({
    timeZone: scenario.timeZone,
    weeklyHours: Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [
        day,
        [{ from: scenario.opens, to: scenario.closes }],
      ]),
    ),
    holidays: null,
  });
  const services = new Map(scenario.services.map((service) => [service.id, service]));
  const desks: Desk[] = scenario.desks.map((spec) => ({ spec, state: 'out', current: null }));
  const isSignedIn = (desk: Desk) => desk.state !== 'out';
  /** A desk that will still call someone of the service (not on its way out). */
  const isCallingFor = (serviceId: string) =>
    desks.some(
      (desk) =>
        (desk.state === 'in' || desk.state === 'clearing') && desk.spec.serviceIds.includes(serviceId),
    );
  const visits = new Map<string, Visit>();
  /** Visits in status 'waiting' (appointments from booking on, as in the database). */
  const waiting = new Map<string, Visit>();
  const finished: Array<{ serviceId: string; seconds: number }> = [];
  const recentWaits = new Map<string, number[]>();
  const trace: WorldTrace = [];
  const summary: WalkInSummary = {
    visits: 0,
    appointments: 0,
    noShows: 0,
    readmitted: 0,
    transfers: 0,
    unresolved: 0,
    meanWaitSeconds: 0,
  };
  let waitTotal = 0;
  let waitCount = 0;

  // Last week's visits: the history the first forecasts are fitted from.
  for (let i = 0; i < RECENT_SERVICE_SAMPLES; i++) {
    const service = pick(world, scenario.services, (s) => s.walkInShare);
    finished.push({ serviceId: service.id, seconds: drawServiceTime(service) });
  }

  const heap = new MinHeap();
  const pending: WorldEvent[] = [];
  const schedule = (time: number, event: WorldEvent) => {
    pending.push(event);
    heap.push(time, pending.length - 1);
  };
  const at = (t: number) => new Date(scenario.epochMs + t * 1000);
  let nextId = 0;

  function drawServiceTime(service: WalkInServiceSpec) {
    return drawLognormal(world, service.medianSeconds, service.sigma);
  }

  function newVisit(service: WalkInServiceSpec, t: number, appointmentAt: number | null): Visit {
    const id = `v${String(++nextId).padStart(6, '0')}`;
    const visit: Visit = {
      id,
      serviceId: service.id,
      queuedAt: at(appointmentAt ?? t),
      isPriority: appointmentAt === null && world.next() < scenario.priorityShare,
      appointmentAt: appointmentAt === null ? null : at(appointmentAt),
      targetDeskId: null,
      status: 'waiting',
      isPresent: world.next() >= scenario.noShowShare,
      waitStartsAt: null,
      wasCalled: false,
      noShowAt: null,
      traceRow: trace.length,
    };
    visits.set(id, visit);
    waiting.set(id, visit);
    trace.push({
      arrivedAt: appointmentAt ?? t,
      startedAt: null,
      endedAt: t,
      outcome: 'served',
      agent: null,
    });
    summary.visits++;
    return visit;
  }

  /** The live line exactly as `loadLine` reads it from the database at `t`. */
  function lineState(t: number): LineState {
    const now = at(t);
    const ordered = orderLine([...waiting.values()], now, rules);
    return {
      locationId: scenario.name,
      now,
      waiting: ordered.map((visit) => ({
        id: visit.id,
        serviceId: visit.serviceId,
        targetDeskId: visit.targetDeskId,
        appointmentAt: visit.appointmentAt,
      })),
      upcoming: [...waiting.values()]
        .filter((visit) => visit.appointmentAt && !ordered.includes(visit))
        .sort((a, b) => a.appointmentAt!.getTime() - b.appointmentAt!.getTime() || a.id.localeCompare(b.id))
        .map((visit) => ({
          id: visit.id,
          serviceId: visit.serviceId,
          dueAt: new Date(visit.appointmentAt!.getTime() - rules.appointmentLeadMinutes * 60_000),
        })),
      desks: desks.filter(isSignedIn).map((desk) => ({
        id: desk.spec.id,
        serviceIds: desk.spec.serviceIds,
        busySince: desk.current ? at(desk.current.calledAt) : null,
        busyServiceId: desk.current ? visits.get(desk.current.visitId)!.serviceId : null,
      })),
      recentServiceSeconds: finished.slice(-RECENT_SERVICE_SAMPLES).map((f) => f.seconds),
      recentServiceSecondsByService: Object.fromEntries(
        scenario.services.map((service) => [service.id, recentTimesOf(service.id)]),
      ),
      servingPeriods: openPeriods(calendar, now, at(t + SERVING_HORIZON_SECONDS)).map((period) => ({
        start: period.start.getTime(),
        end: period.end.getTime(),
      })),
    };
  }

  /** Every predictor guesses the visit's wait from now; the visit is in the calling order. */
  function predict(visit: Visit, t: number) {
    const state = lineState(t);
    const forecast = forecastLineWait(state, { kind: 'waiting', visitId: visit.id });
    const input = toLineSnapshot(state, { kind: 'waiting', visitId: visit.id });
    if (!forecast || !input) return;
    const ordered = orderLine([...waiting.values()], at(t), rules);
    const sameService = ordered.filter((other) => other.serviceId === visit.serviceId && !other.targetDeskId);
    const ahead = sameService.findIndex((other) => other.id === visit.id);
    const head = sameService.find((other) => other.id !== visit.id);
    const deskFor = desks.filter(
      (desk) => isSignedIn(desk) && desk.spec.serviceIds.includes(visit.serviceId),
    );
    const ownTimes = recentTimesOf(visit.serviceId);
    visit.waitStartsAt = t;
    evaluation.predict(
      visit.id,
      {
        snapshot: input.snapshot,
        target: input.target,
        forecast,
        slotsOnDuty: deskFor.length,
        hasFreeSlot: deskFor.some((desk) => desk.current === null),
        headOfLineWaitSeconds: head ? t - waitStartOf(head) : null,
        recentWaits: recentWaits.get(visit.serviceId) ?? [],
        baseline: {
          ahead: Math.max(0, ahead),
          meanHandlingSeconds: ownTimes.length > 0 ? mean(ownTimes) : (forecast.meanSeconds ?? 0),
        },
      },
      t >= scenario.warmupSeconds,
    );
  }

  /** A service's last finished visits, as the product's per-service query returns them. */
  function recentTimesOf(serviceId: string) {
    const times: number[] = [];
    for (let i = finished.length - 1; i >= 0 && times.length < RECENT_SERVICE_SAMPLES; i--) {
      if (finished[i]!.serviceId === serviceId) times.push(finished[i]!.seconds);
    }
    return times;
  }

  /** When a visit's customer started waiting in the line (an appointment: when it came due). */
  function waitStartOf(visit: Visit) {
    if (visit.waitStartsAt !== null) return visit.waitStartsAt;
    const queued = (visit.queuedAt.getTime() - scenario.epochMs) / 1000;
    return visit.appointmentAt ? queued - rules.appointmentLeadMinutes * 60 : queued;
  }

  /** A free, signed-in desk calls the next visit by the line rules, if any. */
  function callNext(deskIndex: number, t: number) {
    const desk = desks[deskIndex]!;
    if (desk.current) return;
    if (desk.state === 'leaving') desk.state = 'out';
    if (desk.state === 'out') return;
    const next = pickNextVisit(
      [...waiting.values()],
      { id: desk.spec.id, serviceIds: desk.spec.serviceIds },
      at(t),
      rules,
    );
    if (!next) {
      if (desk.state === 'clearing') desk.state = 'out';
      return;
    }
    waiting.delete(next.id);
    next.status = 'called';
    next.targetDeskId = null;
    desk.current = { visitId: next.id, calledAt: t };
    if (!next.wasCalled) {
      next.wasCalled = true;
      const row = trace[next.traceRow]!;
      if (next.isPresent && next.waitStartsAt !== null) {
        const wait = t - next.waitStartsAt;
        evaluation.resolve(next.id, wait);
        const own = recentWaits.get(next.serviceId) ?? [];
        own.push(wait);
        if (own.length > 10) own.shift();
        recentWaits.set(next.serviceId, own);
        waitTotal += wait;
        waitCount++;
      } else {
        evaluation.resolve(next.id, null);
      }
      row.startedAt = t;
      row.agent = desk.spec.id;
    }
    if (next.isPresent) {
      schedule(t + drawServiceTime(services.get(next.serviceId)!), { kind: 'desk-done', desk: deskIndex });
    } else {
      // Nobody comes: the desk waits out the grace period (and a little) before marking it.
      schedule(t + rules.noShowGraceSeconds + 30 * world.next(), { kind: 'desk-done', desk: deskIndex });
    }
  }

  function finishAtDesk(deskIndex: number, t: number) {
    const desk = desks[deskIndex]!;
    const { visitId, calledAt } = desk.current!;
    const visit = visits.get(visitId)!;
    desk.current = null;
    if (!visit.isPresent) {
      if (!canMarkNoShow(at(calledAt), at(t), rules))
        throw new Error('no-show marked inside the grace period');
      visit.status = 'no_show';
      visit.noShowAt = t;
      summary.noShows++;
      const row = trace[visit.traceRow]!;
      row.outcome = 'abandoned';
      row.endedAt = t;
      if (world.next() < scenario.returnShare) {
        schedule(t + 60 + world.next() * 40 * 60, { kind: 'return', visitId });
      } else {
        visit.status = 'gone';
      }
    } else if (world.next() < scenario.transferShare && transferTargets(visit).length > 0) {
      // Sent on to another service's line, keeping the place its arrival earned.
      const others = transferTargets(visit);
      visit.serviceId = others[Math.floor(world.next() * others.length)]!.id;
      visit.queuedAt = transferredQueuedAt({ queuedAt: visit.queuedAt });
      visit.status = 'waiting';
      waiting.set(visit.id, visit);
      summary.transfers++;
    } else {
      visit.status = 'done';
      finished.push({ serviceId: visit.serviceId, seconds: t - calledAt });
      trace[visit.traceRow]!.endedAt = t;
    }
    callNext(deskIndex, t);
    dispatchAll(t);
  }

  /** Services a visit can be sent on to: others that a desk still calls for. */
  function transferTargets(visit: Visit) {
    return scenario.services.filter((s) => s.id !== visit.serviceId && isCallingFor(s.id));
  }

  function dispatchAll(t: number) {
    for (let index = 0; index < desks.length; index++) callNext(index, t);
  }

  // Walk-ins: a Poisson process thinned to the hour's rate, only while tickets are issued.
  const maxRate = Math.max(...scenario.walkInsPerHour) / HOUR;
  const walkInRate = (t: number) => {
    const day = Math.floor(t / DAY);
    const hour = (t % DAY) / HOUR;
    if (day % 7 >= 5 || hour >= scenario.lastTicketHour) return 0;
    return scenario.walkInsPerHour[Math.floor(hour)]! / HOUR;
  };
  const end = scenario.days * DAY;
  const scheduleWalkIn = (from: number) => {
    for (let t = from; t < end; ) {
      t += drawExponential(world, 1 / maxRate);
      if (world.next() * maxRate <= walkInRate(t)) {
        schedule(t, { kind: 'walk-in' });
        return;
      }
    }
  };

  for (let day = 0; day < scenario.days; day++) {
    if (day % 7 >= 5) continue;
    schedule(day * DAY, { kind: 'day', day });
    desks.forEach((desk, index) => {
      desk.spec.sessions.forEach(([from, to], session) => {
        const lastOfDay = session === desk.spec.sessions.length - 1;
        schedule(day * DAY + from * HOUR, { kind: 'desk-in', desk: index, lastOfDay });
        schedule(day * DAY + to * HOUR, { kind: 'desk-out', desk: index, lastOfDay });
      });
    });
  }
  scheduleWalkIn(0);

  while (heap.size > 0) {
    const { time: t, payload } = heap.pop();
    const event = pending[payload]!;
    switch (event.kind) {
      case 'day': {
        // The day's appointments were booked in advance: waiting visits from booking on, out of
        // the calling order until due.
        const [from, to] = scenario.appointmentHours;
        const slots = Math.round((to - from) * 4) + 1;
        for (let i = 0; i < scenario.appointmentsPerDay; i++) {
          const service = pick(world, scenario.services, (s) => s.appointmentShare);
          const appointmentAt = event.day * DAY + (from + Math.floor(world.next() * slots) / 4) * HOUR;
          const visit = newVisit(service, t, appointmentAt);
          summary.appointments++;
          schedule(appointmentAt - rules.appointmentLeadMinutes * 60, { kind: 'due', visitId: visit.id });
        }
        break;
      }
      case 'walk-in': {
        scheduleWalkIn(t);
        const visit = newVisit(
          pick(world, scenario.services, (s) => s.walkInShare),
          t,
          null,
        );
        predict(visit, t);
        dispatchAll(t);
        break;
      }
      case 'due': {
        const visit = visits.get(event.visitId)!;
        if (visit.status === 'waiting') predict(visit, t);
        dispatchAll(t);
        break;
      }
      case 'desk-in':
        desks[event.desk]!.state = 'in';
        callNext(event.desk, t);
        break;
      case 'desk-out':
        // At closing the desk serves everyone who already holds a ticket; for a break it
        // finishes the visit at hand and signs out.
        desks[event.desk]!.state = event.lastOfDay ? 'clearing' : 'leaving';
        callNext(event.desk, t);
        break;
      case 'desk-done':
        finishAtDesk(event.desk, t);
        break;
      case 'return': {
        const visit = visits.get(event.visitId)!;
        const queuedAt = readmittedQueuedAt(
          { queuedAt: visit.queuedAt, noShowAt: at(visit.noShowAt!) },
          at(t),
          rules,
        );
        if (queuedAt && isCallingFor(visit.serviceId)) {
          visit.status = 'waiting';
          visit.queuedAt = queuedAt;
          visit.isPresent = true;
          waiting.set(visit.id, visit);
          summary.readmitted++;
          dispatchAll(t);
        } else {
          visit.status = 'gone';
        }
        break;
      }
    }
  }
  summary.unresolved = [...visits.values()].filter(
    (v) => v.status === 'waiting' || v.status === 'called',
  ).length;
  summary.meanWaitSeconds = waitCount > 0 ? waitTotal / waitCount : 0;
  return { trace, summary };
}
