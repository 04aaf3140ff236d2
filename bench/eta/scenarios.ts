/**
 * The benchmark's worlds. Times are seconds from Monday 3 March 2025 00:00 in Vilnius.
 *
 * - mmc-0.80 / 0.90 / 0.95: textbook M/M/c (10 agents, exponential 5-minute handling, Poisson
 *   arrivals, no abandonment, always open). The optimal predictor is known: (ahead + 1) /
 *   (c × rate) when all agents are busy, 0 otherwise — printed as the oracle.
 * - chat-day: a live-chat queue open 08:00–20:00 on weekdays, arrivals peaking late morning,
 *   lognormal handling, two chats per agent, early/middle/late shifts with breaks, customers
 *   who give up after ~10 minutes on average.
 * - skills-languages: the same day with Lithuanian, English, Polish and Hungarian customers,
 *   a fifth of them needing billing, served by agents with different languages and skills.
 * - email-business-hours: e-mail arriving around the clock, answered 09:00–17:00 on working
 *   days by the Lithuanian calendar (11 March is a holiday), lunch breaks; waits span nights
 *   and weekends.
 */

import { drawExponential, drawNormal, type Random } from '../../apps/server/src/modules/eta/random.ts';
import {
  type BusinessCalendar,
  createCalendar,
  openPeriods,
} from '../../apps/server/src/modules/sla/index.ts';

type AgentSpec = {
  id: string;
  languages: string[];
  skills: string[];
  capacity: number;
  shifts: Array<[number, number]>;
};
type Mix = Array<{ share: number; language: string | null; skills: string[] }>;

export type Scenario = {
  name: string;
  epochMs: number;
  durationSeconds: number;
  /** Predictions before this are made (calibration learns) but not scored. */
  warmupSeconds: number;
  arrivalRate: (t: number) => number;
  maxArrivalRate: number;
  handling:
    | { kind: 'exponential'; meanSeconds: number }
    | { kind: 'lognormal'; medianSeconds: number; sigma: number };
  /** Last week's handling times, so the first forecasts have a history to fit. */
  priorHandlingSamples: (random: Random) => number[];
  patienceMeanSeconds: number | null;
  agents: AgentSpec[];
  mix: Mix;
  oracle?: (state: { ahead: number; busySlots: number; slotsOnDuty: number }) => number;
  /**
   * Forecast through the product's written-backlog snapshot (eta/backlog-snapshot.ts) instead of
   * the world's true rota: the engine then knows only what the product can — the business hours
   * of the team's calendar, who is at work now (on shift: online; at lunch: away) and who
   * answered lately — not each agent's shifts and breaks.
   */
  productBacklog?: { calendar: BusinessCalendar };
  seed: number;
};

const HOUR = 3600;
const DAY = 24 * HOUR;
/** Monday 2025-03-03 00:00 in Europe/Vilnius (UTC+2). */
const EPOCH_MS = Date.UTC(2025, 2, 2, 22, 0, 0);

function priorSamples(draw: (random: Random) => number) {
  return (random: Random) => Array.from({ length: 2000 }, () => draw(random));
}

function mmc(load: number, seed: number): Scenario {
  const agents = 10;
  const meanSeconds = 300;
  const rate = (load * agents) / meanSeconds;
  return {
    name: `mmc-${load.toFixed(2)}`,
    epochMs: EPOCH_MS,
    durationSeconds: 3 * DAY,
    warmupSeconds: 2 * HOUR,
    arrivalRate: () => rate,
    maxArrivalRate: rate,
    handling: { kind: 'exponential', meanSeconds },
    priorHandlingSamples: priorSamples((random) => drawExponential(random, meanSeconds)),
    patienceMeanSeconds: null,
    agents: Array.from({ length: agents }, (_, i) => ({
      id: `a${i}`,
      languages: [],
      skills: [],
      capacity: 1,
      shifts: [[0, 10 * DAY]],
    })),
    mix: [{ share: 1, language: null, skills: [] }],
    oracle: ({ ahead, busySlots, slotsOnDuty }) =>
      busySlots < slotsOnDuty ? 0 : ((ahead + 1) * meanSeconds) / slotsOnDuty,
    seed,
  };
}

/** Chat arrivals per hour by hour of day (open 08–20, weekdays): the late morning overloads. */
const chatProfile = [0, 0, 0, 0, 0, 0, 0, 0, 20, 45, 60, 60, 55, 65, 65, 55, 50, 30, 28, 20, 0, 0, 0, 0];

function weekdayRate(profile: number[], weekendShare: number) {
  return (t: number) => {
    const day = Math.floor(t / DAY) % 7; // 0 = Monday
    const perHour = profile[Math.floor((t % DAY) / HOUR)]!;
    return (day >= 5 ? perHour * weekendShare : perHour) / HOUR;
  };
}

/** Working-day shifts from `from` to `to` hours with a 30-minute break at `breakAt` hours. */
function dailyShifts(days: number, from: number, to: number, breakAt: number): Array<[number, number]> {
  const shifts: Array<[number, number]> = [];
  for (let day = 0; day < days; day++) {
    if (day % 7 >= 5) continue;
    const base = day * DAY;
    shifts.push(
      [base + from * HOUR, base + breakAt * HOUR],
      [base + (breakAt + 0.5) * HOUR, base + to * HOUR],
    );
  }
  return shifts;
}

const chatHandling = { kind: 'lognormal', medianSeconds: 360, sigma: 0.7 } as const;
const drawChatHandling = (random: Random) => Math.exp(Math.log(360) + 0.7 * drawNormal(random));

/** Early, middle and late shifts with staggered breaks; `people` decides languages and skills. */
function chatTeam(days: number, people: Array<{ languages: string[]; skills: string[] }>): AgentSpec[] {
  const patterns: Array<[number, number, number]> = [
    [8, 16, 11],
    [8, 16, 11.5],
    [9, 17, 12],
    [9, 17, 12.5],
    [12, 20, 15],
    [12, 20, 15.5],
  ];
  return people.map((person, i) => {
    const [from, to, breakAt] = patterns[i % patterns.length]!;
    return { id: `agent${i + 1}`, ...person, capacity: 2, shifts: dailyShifts(days, from, to, breakAt) };
  });
}

function chatDay(seed: number): Scenario {
  const days = 12;
  return {
    name: 'chat-day',
    epochMs: EPOCH_MS,
    durationSeconds: days * DAY,
    warmupSeconds: DAY,
    arrivalRate: weekdayRate(chatProfile, 0),
    maxArrivalRate: 65 / HOUR,
    handling: chatHandling,
    priorHandlingSamples: priorSamples(drawChatHandling),
    patienceMeanSeconds: 600,
    agents: chatTeam(
      days,
      Array.from({ length: 6 }, () => ({ languages: [], skills: [] })),
    ),
    mix: [{ share: 1, language: null, skills: [] }],
    seed,
  };
}

function skillsLanguages(seed: number): Scenario {
  const days = 12;
  const person = (languages: string[], billing = false) => ({
    languages,
    skills: billing ? ['billing'] : [],
  });
  return {
    name: 'skills-languages',
    epochMs: EPOCH_MS,
    durationSeconds: days * DAY,
    warmupSeconds: DAY,
    // Nine people instead of six, so 1.4 times the customers.
    arrivalRate: (t) => 1.4 * weekdayRate(chatProfile, 0)(t),
    maxArrivalRate: (1.4 * 65) / HOUR,
    handling: chatHandling,
    priorHandlingSamples: priorSamples(drawChatHandling),
    patienceMeanSeconds: 600,
    agents: chatTeam(days, [
      person(['lt', 'en'], true),
      person(['pl', 'en']),
      person(['lt', 'en']),
      person(['hu', 'en'], true),
      person(['en']),
      person(['lt', 'en']),
      person(['pl', 'en'], true),
      person(['lt', 'hu', 'en']),
      person(['en'], true),
    ]),
    mix: [
      { share: 0.32, language: 'lt', skills: [] },
      { share: 0.08, language: 'lt', skills: ['billing'] },
      { share: 0.2, language: 'en', skills: [] },
      { share: 0.05, language: 'en', skills: ['billing'] },
      { share: 0.15, language: 'pl', skills: [] },
      { share: 0.05, language: 'pl', skills: ['billing'] },
      { share: 0.13, language: 'hu', skills: [] },
      { share: 0.02, language: 'hu', skills: ['billing'] },
    ],
    seed,
  };
}

/** E-mail per hour by hour of day: some at night, most in office hours. */
const emailProfile = [2, 2, 1, 1, 1, 2, 3, 6, 8, 11, 12, 12, 10, 11, 12, 11, 10, 8, 6, 5, 5, 4, 3, 2];

function emailBusinessHours(seed: number): Scenario {
  const days = 28;
  const start = new Date(EPOCH_MS);
  const end = new Date(EPOCH_MS + days * DAY * 1000);
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
  const calendar = (hours: Array<{ from: string; to: string }>) =>
    createCalendar({
      timeZone: 'Europe/Vilnius',
      weeklyHours: Object.fromEntries(weekdays.map((d) => [d, hours])),
      holidays: { country: 'LT' },
    });
  const earlyLunch = calendar([
    { from: '09:00', to: '12:00' },
    { from: '12:30', to: '17:00' },
  ]);
  const lateLunch = calendar([
    { from: '09:00', to: '12:30' },
    { from: '13:00', to: '17:00' },
  ]);
  const toShifts = (c: ReturnType<typeof calendar>): Array<[number, number]> =>
    openPeriods(c, start, end).map((p) => [
      (p.start.getTime() - EPOCH_MS) / 1000,
      (p.end.getTime() - EPOCH_MS) / 1000,
    ]);
  const draw = (random: Random) => Math.exp(Math.log(600) + 0.6 * drawNormal(random));
  return {
    name: 'email-business-hours',
    epochMs: EPOCH_MS,
    durationSeconds: days * DAY,
    warmupSeconds: 3 * DAY,
    arrivalRate: weekdayRate(emailProfile, 0.5),
    maxArrivalRate: 12 / HOUR,
    handling: { kind: 'lognormal', medianSeconds: 600, sigma: 0.6 },
    priorHandlingSamples: priorSamples(draw),
    patienceMeanSeconds: null,
    agents: [earlyLunch, lateLunch, earlyLunch, lateLunch, earlyLunch].map((c, i) => ({
      id: `mail${i + 1}`,
      languages: [],
      skills: [],
      capacity: 1,
      shifts: toShifts(c),
    })),
    mix: [{ share: 1, language: null, skills: [] }],
    seed,
  };
}

/**
 * The same e-mail team, forecast the way the product does it from its database: the written
 * backlog's snapshot with business hours 09:00–17:00 (no lunch breaks known), presence from the
 * availability switch, the handling time fitted from history.
 */
function emailProductBacklog(seed: number): Scenario {
  const world = emailBusinessHours(seed);
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
  const calendar = createCalendar({
    timeZone: 'Europe/Vilnius',
    weeklyHours: Object.fromEntries(weekdays.map((d) => [d, [{ from: '09:00', to: '17:00' }]])),
    holidays: { country: 'LT' },
  });
  return { ...world, name: 'email-product-backlog', productBacklog: { calendar } };
}

/** `seed` moves every scenario to another realisation of the same world (default 0). */
export function allScenarios(seed = 0): Scenario[] {
  const offset = seed * 100;
  return [
    mmc(0.8, 11 + offset),
    mmc(0.9, 12 + offset),
    mmc(0.95, 13 + offset),
    chatDay(21 + offset),
    skillsLanguages(22 + offset),
    emailBusinessHours(23 + offset),
    emailProductBacklog(23 + offset),
  ];
}
