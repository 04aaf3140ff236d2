import { describe, expect, it } from 'vitest';
import type { HandlingTimeModel } from './distributions.ts';
import { forecastFirstResponse } from './forecast.ts';
import type { AgentOnRota, QueueSnapshot, WaitingCustomer } from './queue-snapshot.ts';

const NOW = Date.UTC(2025, 2, 10, 10, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const allDay = [{ start: NOW - HOUR, end: NOW + 24 * HOUR }];
const fiveMinutes: HandlingTimeModel = { kind: 'exponential', meanSeconds: 300 };

function agent(id: string, overrides: Partial<AgentOnRota> = {}): AgentOnRota {
  return { id, languages: [], skills: [], capacity: 1, inProgressSince: [], shifts: allDay, ...overrides };
}

function waiting(count: number, extra: Partial<WaitingCustomer> = {}): WaitingCustomer[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    waitingSince: NOW - (count - i) * MINUTE,
    ...extra,
  }));
}

function snapshot(overrides: Partial<QueueSnapshot>): QueueSnapshot {
  return {
    queueId: 'chat',
    now: NOW,
    waiting: [],
    agents: [],
    handling: fiveMinutes,
    patience: null,
    ...overrides,
  };
}

const busy = (id: string, startedMinutesAgo = 2) =>
  agent(id, { inProgressSince: [NOW - startedMinutesAgo * MINUTE] });

describe('the plain single queue', () => {
  it.each([
    [1, 0],
    [4, 10],
    [10, 30],
  ])('with %i busy agents and %i ahead, the mean wait is (ahead + 1) / (agents × rate)', (servers, ahead) => {
    const agents = Array.from({ length: servers }, (_, i) => busy(`a${i}`, i * 3));
    const forecast = forecastFirstResponse(
      snapshot({ agents, waiting: waiting(ahead) }),
      { kind: 'new' },
      { runs: 4000 },
    );
    const queueLengthPredictor = ((ahead + 1) * 300) / servers;
    expect(forecast.meanSeconds! / queueLengthPredictor).toBeCloseTo(1, 1);
    expect(Math.abs(forecast.meanSeconds! / queueLengthPredictor - 1)).toBeLessThan(0.04);
    expect(forecast.p10Seconds!).toBeLessThan(forecast.p50Seconds!);
    expect(forecast.p50Seconds!).toBeLessThan(forecast.p90Seconds!);
    expect(forecast.ahead).toBe(ahead);
  });

  it('the percentiles match the Erlang distribution of ahead + 1 departures', () => {
    // 3 busy agents, 5 ahead: the wait is Gamma(6, 3/300 s). Its quantiles, from tables:
    // P10 = 3.152/rate, P50 = 5.670/rate, P90 = 9.275/rate (rate = 0.01 /s), i.e. χ²(12)/2.
    const agents = [busy('a'), busy('b'), busy('c')];
    const forecast = forecastFirstResponse(
      snapshot({ agents, waiting: waiting(5) }),
      { kind: 'new' },
      { runs: 6000 },
    );
    expect(forecast.p10Seconds! / 315.2).toBeCloseTo(1, 1);
    expect(forecast.p50Seconds! / 567.0).toBeCloseTo(1, 1);
    expect(forecast.p90Seconds! / 927.5).toBeCloseTo(1, 1);
  });

  it('a free agent and an empty queue mean an answer now', () => {
    const forecast = forecastFirstResponse(snapshot({ agents: [agent('a')] }), { kind: 'new' });
    expect([forecast.p10Seconds, forecast.p50Seconds, forecast.p90Seconds, forecast.meanSeconds]).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it('a written answer takes the agent’s own handling time, even from a free agent', () => {
    // Exponential 300 s: P50 = 300 ln 2 = 208 s, P90 = 300 ln 10 = 691 s, mean 300 s.
    const forecast = forecastFirstResponse(
      snapshot({ agents: [agent('a')] }),
      { kind: 'new' },
      { runs: 6000, answeredAt: 'end' },
    );
    expect(forecast.p50Seconds! / 208).toBeCloseTo(1, 1);
    expect(forecast.p90Seconds! / 691).toBeCloseTo(1, 1);
    expect(forecast.meanSeconds! / 300).toBeCloseTo(1, 1);
  });

  it('a customer already waiting only has the customers before it ahead', () => {
    const queue = waiting(8);
    const agents = [busy('a'), busy('b')];
    const third = forecastFirstResponse(snapshot({ agents, waiting: queue }), {
      kind: 'waiting',
      customerId: 'c2',
    });
    const last = forecastFirstResponse(snapshot({ agents, waiting: queue }), {
      kind: 'waiting',
      customerId: 'c7',
    });
    expect(third.ahead).toBe(2);
    expect(third.meanSeconds! / ((3 * 300) / 2)).toBeCloseTo(1, 1);
    expect(last.meanSeconds!).toBeGreaterThan(third.meanSeconds! * 2);
  });

  it('an agent with capacity for three chats is three servers', () => {
    const threeChats = agent('a', {
      capacity: 3,
      inProgressSince: [NOW - MINUTE, NOW - 2 * MINUTE, NOW - 3 * MINUTE],
    });
    const three = [busy('a'), busy('b'), busy('c')];
    const withCapacity = forecastFirstResponse(snapshot({ agents: [threeChats], waiting: waiting(6) }), {
      kind: 'new',
    });
    const withPeople = forecastFirstResponse(snapshot({ agents: three, waiting: waiting(6) }), {
      kind: 'new',
    });
    expect(withCapacity.meanSeconds! / withPeople.meanSeconds!).toBeCloseTo(1, 1);
  });
});

describe('skills, languages and routing order', () => {
  it('a customer in a language only a busy agent speaks waits for that agent', () => {
    const agents = [busy('lina', 1), agent('tom', { languages: ['en'] })];
    agents[0]!.languages = ['lt', 'en'];
    const lithuanian = forecastFirstResponse(snapshot({ agents }), { kind: 'new', language: 'lt' });
    const english = forecastFirstResponse(snapshot({ agents }), { kind: 'new', language: 'en' });
    expect(english.p90Seconds).toBe(0);
    expect(lithuanian.p50Seconds!).toBeGreaterThan(60);
    expect(lithuanian.eligibleAgents).toBe(1);
  });

  it('customers ahead who need a skill the free agent lacks do not hold the target back', () => {
    const agents = [agent('generalist')];
    const ahead = waiting(5, { skills: ['billing'] });
    const forecast = forecastFirstResponse(snapshot({ agents, waiting: ahead }), { kind: 'new' });
    expect(forecast.p90Seconds).toBe(0);
  });

  it('customers ahead whom the same agent can serve go first', () => {
    const agents = [agent('generalist', { skills: ['billing'] })];
    const forecast = forecastFirstResponse(
      snapshot({ agents, waiting: waiting(2, { skills: ['billing'] }) }),
      { kind: 'new' },
    );
    expect(forecast.meanSeconds! / 600).toBeCloseTo(1, 1);
  });

  it('with nobody able to serve the target there is no forecast, not a guess', () => {
    const forecast = forecastFirstResponse(snapshot({ agents: [agent('tom', { languages: ['en'] })] }), {
      kind: 'new',
      language: 'hu',
    });
    expect(forecast).toMatchObject({
      p50Seconds: null,
      p90Seconds: null,
      meanSeconds: null,
      eligibleAgents: 0,
      answerProbability: 0,
    });
  });

  it('refuses a waiting customer that is not in the queue', () => {
    expect(() =>
      forecastFirstResponse(snapshot({ agents: [agent('a')] }), { kind: 'waiting', customerId: 'nobody' }),
    ).toThrow(RangeError);
  });
});

describe('shifts, breaks and abandonment', () => {
  it('when nobody is on duty, the answer comes when the next shift starts', () => {
    const later = agent('morning', { shifts: [{ start: NOW + 2 * HOUR, end: NOW + 10 * HOUR }] });
    const forecast = forecastFirstResponse(snapshot({ agents: [later] }), { kind: 'new' });
    expect([forecast.p10Seconds, forecast.p90Seconds]).toEqual([7200, 7200]);
  });

  it('an agent on a break takes the next customer after the break', () => {
    const onBreak = agent('a', {
      shifts: [
        { start: NOW - 3 * HOUR, end: NOW - 10 * MINUTE },
        { start: NOW + 20 * MINUTE, end: NOW + 4 * HOUR },
      ],
    });
    const forecast = forecastFirstResponse(snapshot({ agents: [onBreak], waiting: waiting(1) }), {
      kind: 'new',
    });
    expect(forecast.p10Seconds!).toBeGreaterThan(20 * 60);
    expect(forecast.meanSeconds! / (20 * 60 + 300)).toBeCloseTo(1, 1);
  });

  it('an agent whose shift ends soon takes no one after it', () => {
    const leaving = busy('leaving');
    leaving.shifts = [{ start: NOW - HOUR, end: NOW + MINUTE }];
    const staying = busy('staying');
    const forecast = forecastFirstResponse(snapshot({ agents: [leaving, staying], waiting: waiting(3) }), {
      kind: 'new',
    });
    expect(forecast.meanSeconds! / (4 * 300)).toBeCloseTo(1, 0);
    expect(forecast.meanSeconds!).toBeGreaterThan(((4 * 300) / 2) * 1.4);
  });

  it('customers ahead who give up shorten the wait', () => {
    const agents = [busy('a'), busy('b')];
    const patient = forecastFirstResponse(snapshot({ agents, waiting: waiting(10) }), { kind: 'new' });
    const impatient = forecastFirstResponse(
      snapshot({ agents, waiting: waiting(10), patience: { meanSeconds: 600 } }),
      {
        kind: 'new',
      },
    );
    expect(impatient.meanSeconds!).toBeLessThan(patient.meanSeconds! * 0.75);
  });
});

describe('forecasts describe customers who get an answer', () => {
  // The only Hungarian speaker is busy and leaves in 5 minutes; chat customers give up after
  // ~10 minutes on average. Those who are answered are answered today, within minutes.
  const leaving = agent('eva', {
    languages: ['hu'],
    inProgressSince: [NOW - 4 * MINUTE],
    shifts: [
      { start: NOW - 8 * HOUR, end: NOW + 5 * MINUTE },
      { start: NOW + 16 * HOUR, end: NOW + 24 * HOUR },
    ],
  });
  const state = snapshot({ agents: [leaving], patience: { meanSeconds: 600 } });

  it('weighs each run by the chance that the customer is still there', () => {
    const forecast = forecastFirstResponse(state, { kind: 'new', language: 'hu' });
    expect(forecast.p90Seconds!).toBeLessThan(5 * 60);
    expect(forecast.meanSeconds!).toBeLessThan(5 * 60);
    // P(handling ends within 5 min) = 1 − e^(−1) ≈ 0.63, times the chance of still waiting.
    expect(forecast.answerProbability).toBeGreaterThan(0.4);
    expect(forecast.answerProbability).toBeLessThan(0.63);
  });

  it('without conditioning, the night in between shows in the tail', () => {
    const forecast = forecastFirstResponse(
      state,
      { kind: 'new', language: 'hu' },
      { conditionOnAnswer: false },
    );
    expect(forecast.p90Seconds!).toBeGreaterThanOrEqual(16 * 3600);
  });
});

describe('reproducibility', () => {
  it('the same state gives the same forecast; another seed a slightly different one', () => {
    const state = snapshot({ agents: [busy('a'), busy('b')], waiting: waiting(4) });
    expect(forecastFirstResponse(state, { kind: 'new' })).toEqual(
      forecastFirstResponse(state, { kind: 'new' }),
    );
    const other = forecastFirstResponse(state, { kind: 'new' }, { seed: 99 });
    expect(other.meanSeconds).not.toBe(forecastFirstResponse(state, { kind: 'new' }).meanSeconds);
  });
});

describe('work with its own handling time and booked customers', () => {
  const tenMinutes: HandlingTimeModel = { kind: 'exponential', meanSeconds: 600 };

  it('customers ahead with longer handling times make the wait longer than the queue’s times would', () => {
    const plain = forecastFirstResponse(
      snapshot({ agents: [busy('a1')], waiting: waiting(4) }),
      { kind: 'new' },
      { runs: 2000 },
    );
    const long = forecastFirstResponse(
      snapshot({ agents: [busy('a1')], waiting: waiting(4, { handling: tenMinutes }) }),
      { kind: 'new' },
      { runs: 2000 },
    );
    // 5 departures: 1 × 5 min + 4 × 5 min against 1 × 5 min + 4 × 10 min.
    expect(plain.meanSeconds! / 60).toBeCloseTo(25, -1);
    expect(long.meanSeconds! / 60).toBeCloseTo(45, -1);
  });

  it('the conversation in progress is drawn from its own model', () => {
    const forecast = forecastFirstResponse(
      snapshot({ agents: [busy('a1', 0)].map((a) => ({ ...a, inProgressHandling: [tenMinutes] })) }),
      { kind: 'new' },
      { runs: 2000 },
    );
    expect(forecast.meanSeconds! / 60).toBeCloseTo(10, -1);
  });

  it('an appointment that joins before the agent is free goes first; one that joins later does not', () => {
    const appointment = (minutes: number): WaitingCustomer => ({
      id: 'booked',
      waitingSince: NOW,
      joinsAt: NOW + minutes * MINUTE,
      handling: tenMinutes,
    });
    // One agent busy for about 5 more minutes: an appointment due in 1 minute is taken before
    // the new customer, one due in 3 hours never is.
    const soon = forecastFirstResponse(
      snapshot({ agents: [busy('a1')], waiting: [appointment(1)] }),
      { kind: 'new' },
      { runs: 2000 },
    );
    const late = forecastFirstResponse(
      snapshot({ agents: [busy('a1')], waiting: [appointment(180)] }),
      { kind: 'new' },
      { runs: 2000 },
    );
    expect(soon.meanSeconds! / 60).toBeGreaterThan(13);
    expect(late.meanSeconds! / 60).toBeCloseTo(5, -1);
  });

  it('an appointment is not taken before its time even when an agent is free', () => {
    const forecast = forecastFirstResponse(
      snapshot({
        agents: [agent('a1')],
        waiting: [{ id: 'booked', waitingSince: NOW, joinsAt: NOW + 20 * MINUTE }],
      }),
      { kind: 'waiting', customerId: 'booked' },
      { runs: 200 },
    );
    expect(forecast.p10Seconds).toBe(20 * 60);
    expect(forecast.p90Seconds).toBe(20 * 60);
  });
});
