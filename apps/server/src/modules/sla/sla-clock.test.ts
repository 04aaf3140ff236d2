import type { ConversationStatus } from '@frontline/contracts';
import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, createCalendar } from './business-hours.ts';
import {
  computeSlaSchedule,
  type PerMetric,
  type SlaClockReading,
  type SlaSchedule,
  type SlaTargets,
  slaStateAt,
} from './sla-clock.ts';
import { civilDayAt, parseCivilDate, parseWallTime, toWallClock, wallTimeToInstant } from './zoned-time.ts';

const zone = 'Europe/Vilnius';
const nineToFive = [{ from: '09:00', to: '17:00' }];
// 11 March is a public holiday in Lithuania (Restoration of Independence).
const vilnius = createCalendar({
  timeZone: zone,
  weeklyHours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: { country: 'LT' },
});

/** 'YYYY-MM-DD HH:MM' in Vilnius → Date. */
function at(local: string): Date {
  const [date, time] = local.split(' ');
  return new Date(wallTimeToInstant(zone, parseCivilDate(date!), parseWallTime(time!)));
}

/** Date → 'Mon 2025-03-10 12:30' in Vilnius; null stays null. */
function wall(instant: Date | null): string | null {
  if (!instant) return null;
  const w = toWallClock(zone, instant.getTime());
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][
    (civilDayAt(zone, instant.getTime()) + 3) % 7
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${weekday} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

const none: PerMetric<Date | null> = { first_response: null, next_response: null, resolution: null };
const targets = (overrides: Partial<SlaTargets>): SlaTargets => ({
  firstResponseMinutes: null,
  nextResponseMinutes: null,
  resolutionMinutes: null,
  warningMinutes: 30,
  ...overrides,
});

type Moment = { status: ConversationStatus; firstResponseAt?: string; waitingSince?: string; now: string };

/** Runs a conversation's life through the clock, one recomputation per event, like the service. */
function live(calendar: BusinessCalendar | null, policy: SlaTargets, moments: Moment[]): SlaSchedule {
  let clock: SlaClockReading = { elapsedSeconds: 0, startedAt: null, nextResponseFromSeconds: null };
  let previousDue = none;
  let schedule: SlaSchedule | undefined;
  for (const moment of moments) {
    schedule = computeSlaSchedule({
      calendar,
      targets: policy,
      clock,
      progress: {
        status: moment.status,
        firstResponseAt: moment.firstResponseAt ? at(moment.firstResponseAt) : null,
        waitingSince: moment.waitingSince ? at(moment.waitingSince) : null,
      },
      previousDue,
      warnedAt: none,
      breachedAt: none,
      now: at(moment.now),
    });
    clock = schedule.clock;
    previousDue = schedule.due;
  }
  return schedule!;
}

const created = (now: string): Moment => ({ status: 'new', waitingSince: now, now });

type DueCase = [
  description: string,
  policy: Partial<SlaTargets>,
  moments: Moment[],
  expected: {
    firstResponse?: string | null;
    nextResponse?: string | null;
    resolution?: string | null;
    warning?: string | null;
  },
];

const dueCases: DueCase[] = [
  [
    '4 business hours of first response from Friday 16:30 are due Monday 12:30, warned at 12:00',
    { firstResponseMinutes: 240 },
    [created('2025-03-07 16:30')],
    { firstResponse: 'Mon 2025-03-10 12:30', warning: 'Mon 2025-03-10 12:00' },
  ],
  [
    'a first response target skips the 11 March holiday',
    { firstResponseMinutes: 120 },
    [created('2025-03-10 16:00')],
    { firstResponse: 'Wed 2025-03-12 10:00', warning: 'Wed 2025-03-12 09:30' },
  ],
  [
    'a conversation arriving on Saturday counts from Monday opening',
    { firstResponseMinutes: 60, resolutionMinutes: 960 },
    [created('2025-03-08 11:00')],
    { firstResponse: 'Mon 2025-03-10 10:00', resolution: 'Wed 2025-03-12 17:00' },
  ],
  [
    'the first response meets its target; resolution keeps counting',
    { firstResponseMinutes: 60, resolutionMinutes: 480 },
    [
      created('2025-03-12 09:00'),
      { status: 'open', firstResponseAt: '2025-03-12 09:20', now: '2025-03-12 09:20' },
    ],
    { firstResponse: null, resolution: 'Wed 2025-03-12 17:00' },
  ],
  [
    'pending over a weekend and a holiday: the remaining 7 of 8 hours run from Monday 14:00 to Wednesday 13:00',
    { resolutionMinutes: 480, nextResponseMinutes: 60 },
    [
      created('2025-03-07 15:00'),
      { status: 'pending', firstResponseAt: '2025-03-07 16:00', now: '2025-03-07 16:00' },
      {
        status: 'open',
        firstResponseAt: '2025-03-07 16:00',
        waitingSince: '2025-03-10 14:00',
        now: '2025-03-10 14:00',
      },
    ],
    {
      resolution: 'Wed 2025-03-12 13:00',
      nextResponse: 'Mon 2025-03-10 15:00',
      warning: 'Mon 2025-03-10 14:30',
    },
  ],
  [
    'while pending nothing is due: the clock stands still',
    { firstResponseMinutes: 60, resolutionMinutes: 480 },
    [
      created('2025-03-12 09:00'),
      { status: 'pending', firstResponseAt: '2025-03-12 10:00', now: '2025-03-12 10:00' },
    ],
    { firstResponse: null, resolution: null, warning: null },
  ],
  [
    'on hold pauses the first response clock too, and resuming carries the rest over',
    { firstResponseMinutes: 120 },
    [
      created('2025-03-13 16:00'),
      { status: 'on_hold', waitingSince: '2025-03-13 16:00', now: '2025-03-13 16:30' },
      { status: 'open', waitingSince: '2025-03-13 16:00', now: '2025-03-17 09:00' },
    ],
    { firstResponse: 'Mon 2025-03-17 10:30', warning: 'Mon 2025-03-17 10:00' },
  ],
  [
    'a target closer than the warning lead is warned about at once',
    { firstResponseMinutes: 20 },
    [created('2025-03-12 10:00')],
    { firstResponse: 'Wed 2025-03-12 10:20', warning: 'Wed 2025-03-12 10:00' },
  ],
  [
    'an overdue target keeps the moment it fell due',
    { firstResponseMinutes: 60 },
    [
      created('2025-03-12 10:00'),
      { status: 'new', waitingSince: '2025-03-12 10:00', now: '2025-03-12 13:00' },
    ],
    { firstResponse: 'Wed 2025-03-12 11:00' },
  ],
  [
    'solving ends every target',
    { firstResponseMinutes: 60, resolutionMinutes: 480 },
    [
      created('2025-03-12 10:00'),
      { status: 'solved', firstResponseAt: '2025-03-12 10:30', now: '2025-03-12 10:30' },
    ],
    { firstResponse: null, resolution: null, warning: null },
  ],
];

describe('due times in business time', () => {
  it.each(dueCases)('%s', (_description, policy, moments, expected) => {
    const schedule = live(vilnius, targets(policy), moments);
    if (expected.firstResponse !== undefined)
      expect(wall(schedule.due.first_response)).toBe(expected.firstResponse);
    if (expected.nextResponse !== undefined)
      expect(wall(schedule.due.next_response)).toBe(expected.nextResponse);
    if (expected.resolution !== undefined) expect(wall(schedule.due.resolution)).toBe(expected.resolution);
    if (expected.warning !== undefined) expect(wall(schedule.warningAt)).toBe(expected.warning);
  });

  it('without a calendar the targets count around the clock', () => {
    const schedule = live(null, targets({ firstResponseMinutes: 90 }), [created('2025-03-08 23:00')]);
    expect(wall(schedule.due.first_response)).toBe('Sun 2025-03-09 00:30');
  });

  it('a new customer message after our reply starts a fresh next-response cycle', () => {
    const policy = targets({ nextResponseMinutes: 60 });
    const replied = { status: 'open' as const, firstResponseAt: '2025-03-12 09:10' };
    const schedule = live(vilnius, policy, [
      created('2025-03-12 09:00'),
      { ...replied, now: '2025-03-12 09:10' },
      { ...replied, waitingSince: '2025-03-12 12:00', now: '2025-03-12 12:00' },
    ]);
    expect(schedule.isNewNextResponseCycle).toBe(true);
    expect(wall(schedule.due.next_response)).toBe('Wed 2025-03-12 13:00');
    // A second message while still waiting keeps the cycle that began with the first.
    const later = computeSlaSchedule({
      calendar: vilnius,
      targets: policy,
      clock: schedule.clock,
      progress: {
        status: 'open',
        firstResponseAt: at('2025-03-12 09:10'),
        waitingSince: at('2025-03-12 12:00'),
      },
      previousDue: schedule.due,
      warnedAt: none,
      breachedAt: none,
      now: at('2025-03-12 12:40'),
    });
    expect(later.isNewNextResponseCycle).toBe(false);
    expect(wall(later.due.next_response)).toBe('Wed 2025-03-12 13:00');
  });

  it('a target met after its due time, before the breach was recorded, is reported late', () => {
    const schedule = live(vilnius, targets({ firstResponseMinutes: 60 }), [
      created('2025-03-12 10:00'),
      { status: 'open', firstResponseAt: '2025-03-12 11:05', now: '2025-03-12 11:05' },
    ]);
    expect(schedule.lateMetrics.map(({ metric, dueAt }) => [metric, wall(dueAt)])).toEqual([
      ['first_response', 'Wed 2025-03-12 11:00'],
    ]);
  });

  it('jobs wait only for what was not yet warned about or breached', () => {
    const schedule = computeSlaSchedule({
      calendar: vilnius,
      targets: targets({ firstResponseMinutes: 60, resolutionMinutes: 240 }),
      clock: { elapsedSeconds: 0, startedAt: null, nextResponseFromSeconds: null },
      progress: { status: 'new', firstResponseAt: null, waitingSince: at('2025-03-12 10:00') },
      previousDue: none,
      warnedAt: { ...none, first_response: at('2025-03-12 10:30') },
      breachedAt: none,
      now: at('2025-03-12 10:00'),
    });
    expect(wall(schedule.warningAt)).toBe('Wed 2025-03-12 10:30');
    expect(wall(schedule.nextWarningAt)).toBe('Wed 2025-03-12 13:30');
    expect(wall(schedule.nextBreachAt)).toBe('Wed 2025-03-12 11:00');
  });
});

describe('SLA state', () => {
  const now = at('2025-03-12 12:00');
  it.each<[string, { dueAt: string | null; warningAt: string | null; isPaused: boolean }, string]>([
    [
      'due later, warning later',
      { dueAt: '2025-03-12 15:00', warningAt: '2025-03-12 14:30', isPaused: false },
      'ok',
    ],
    [
      'warning passed, due later',
      { dueAt: '2025-03-12 12:20', warningAt: '2025-03-12 11:50', isPaused: false },
      'at_risk',
    ],
    ['due passed', { dueAt: '2025-03-12 11:00', warningAt: '2025-03-12 10:30', isPaused: false }, 'breached'],
    ['paused with nothing overdue', { dueAt: null, warningAt: null, isPaused: true }, 'paused'],
    [
      'paused but already overdue',
      { dueAt: '2025-03-12 11:00', warningAt: null, isPaused: true },
      'breached',
    ],
  ])('%s → %s', (_description, stored, expected) => {
    expect(
      slaStateAt(
        {
          dueAt: stored.dueAt ? at(stored.dueAt) : null,
          warningAt: stored.warningAt ? at(stored.warningAt) : null,
          isPaused: stored.isPaused,
        },
        now,
      ),
    ).toBe(expected);
  });
});
