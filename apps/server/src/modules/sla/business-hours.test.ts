import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessSecondsBetween,
  type CalendarDefinition,
  createCalendar,
  isOpen,
  nextClosing,
  nextOpening,
  type OpeningInterval,
  openPeriods,
} from './business-hours.ts';
import { civilDayAt, parseCivilDate, parseWallTime, toWallClock, wallTimeToInstant } from './zoned-time.ts';

const HOUR = 3600;
const nineToFive: OpeningInterval[] = [{ from: '09:00', to: '17:00' }];
const allDay: OpeningInterval[] = [{ from: '00:00', to: '24:00' }];
const weekdaysOnly = (hours: OpeningInterval[]) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
});
const everyDay = (hours: OpeningInterval[]) => ({ ...weekdaysOnly(hours), sat: hours, sun: hours });

function office(timeZone: string, country: string | null, extra: Partial<CalendarDefinition> = {}) {
  return createCalendar({
    timeZone,
    weeklyHours: weekdaysOnly(nineToFive),
    holidays: country ? { country } : null,
    ...extra,
  });
}

/** 'YYYY-MM-DD HH:MM' on the wall clock of the zone → Date. */
function at(timeZone: string, local: string): Date {
  const [date, time] = local.split(' ');
  return new Date(wallTimeToInstant(timeZone, parseCivilDate(date!), parseWallTime(time!)));
}

/** Date → 'Mon 2025-03-10 12:30' on the wall clock of the zone. */
function wall(timeZone: string, instant: Date): string {
  const w = toWallClock(timeZone, instant.getTime());
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][
    (civilDayAt(timeZone, instant.getTime()) + 3) % 7
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${weekday} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

const vilnius = office('Europe/Vilnius', 'LT');
const budapest = office('Europe/Budapest', 'HU');
const bratislava = office('Europe/Bratislava', 'SK');
const warsaw = office('Europe/Warsaw', 'PL');
const prague = office('Europe/Prague', 'CZ');
const london = createCalendar({
  timeZone: 'Europe/London',
  weeklyHours: weekdaysOnly(nineToFive),
  holidays: { country: 'GB', region: 'ENG' },
});
const munich = createCalendar({
  timeZone: 'Europe/Berlin',
  weeklyHours: weekdaysOnly(nineToFive),
  holidays: { country: 'DE', region: 'BY' },
});
const berlin = office('Europe/Berlin', 'DE');
const vilniusAlwaysOpen = createCalendar({ timeZone: 'Europe/Vilnius', weeklyHours: everyDay(allDay) });
const budapestNightShift = createCalendar({
  timeZone: 'Europe/Budapest',
  weeklyHours: everyDay([{ from: '00:00', to: '06:00' }]),
});
const splitDay = createCalendar({
  timeZone: 'Europe/Vilnius',
  weeklyHours: weekdaysOnly([
    { from: '09:00', to: '12:00' },
    { from: '13:00', to: '17:00' },
  ]),
});

type Case = [
  description: string,
  calendar: ReturnType<typeof createCalendar>,
  start: string,
  hours: number,
  expected: string,
];

const addCases: Case[] = [
  [
    '4 business hours from Friday 16:30 in Vilnius end on Monday',
    vilnius,
    '2025-03-07 16:30',
    4,
    'Mon 2025-03-10 12:30',
  ],
  [
    'an exact fit ends at closing time, not at the next opening',
    vilnius,
    '2025-03-10 13:00',
    4,
    'Mon 2025-03-10 17:00',
  ],
  ['a start before opening counts from opening', vilnius, '2025-03-10 07:00', 1, 'Mon 2025-03-10 10:00'],
  ['a start on Saturday counts from Monday opening', vilnius, '2025-03-08 10:00', 1, 'Mon 2025-03-10 10:00'],
  [
    'a start after closing counts from the next opening (11 Mar is a holiday)',
    vilnius,
    '2025-03-10 19:45',
    2,
    'Wed 2025-03-12 11:00',
  ],
  ['16 Feb (LT Restoration of the State) is skipped', vilnius, '2026-02-13 16:00', 2, 'Tue 2026-02-17 10:00'],
  ['6 Jul (LT Statehood Day) is skipped', vilnius, '2026-07-03 16:00', 2, 'Tue 2026-07-07 10:00'],
  [
    'Christmas Eve to Boxing Day are closed in Lithuania',
    vilnius,
    '2025-12-23 16:00',
    2,
    'Mon 2025-12-29 10:00',
  ],
  [
    'Easter Monday is closed in Lithuania, Good Friday is not',
    vilnius,
    '2025-04-17 16:00',
    2,
    'Fri 2025-04-18 10:00',
  ],
  ['Easter Monday is closed in Lithuania', vilnius, '2025-04-18 16:00', 2, 'Tue 2025-04-22 10:00'],
  [
    'Good Friday and Easter Monday are closed in Slovakia',
    bratislava,
    '2025-04-17 16:00',
    2,
    'Tue 2025-04-22 10:00',
  ],
  [
    '1 Sep 2023 (SK Constitution Day) was a day off',
    bratislava,
    '2023-08-31 16:00',
    2,
    'Mon 2023-09-04 10:00',
  ],
  [
    '1 Sep is a working day in Slovakia from 2024 (29 Aug is not)',
    bratislava,
    '2025-08-28 16:00',
    2,
    'Mon 2025-09-01 10:00',
  ],
  ['3 May (PL Constitution Day) is skipped', warsaw, '2024-05-02 16:00', 2, 'Mon 2024-05-06 10:00'],
  ['20 Aug (HU St Stephen) is skipped', budapest, '2025-08-19 16:00', 2, 'Thu 2025-08-21 10:00'],
  ['17 Nov (CZ Struggle for Freedom) is skipped', prague, '2025-11-14 16:00', 2, 'Tue 2025-11-18 10:00'],
  ['6 Jan is closed in Bavaria', munich, '2025-01-03 16:00', 2, 'Tue 2025-01-07 10:00'],
  ['6 Jan is a working day in the rest of Germany', berlin, '2025-01-03 16:00', 2, 'Mon 2025-01-06 10:00'],
  ['the English summer bank holiday is skipped', london, '2025-08-22 16:00', 2, 'Tue 2025-08-26 10:00'],
  [
    'over spring-forward a 9–17 day still opens at 9:00 wall time',
    vilnius,
    '2025-03-28 16:00',
    2,
    'Mon 2025-03-31 10:00',
  ],
  [
    'over fall-back a 9–17 day still opens at 9:00 wall time',
    budapest,
    '2025-10-24 16:00',
    2,
    'Mon 2025-10-27 10:00',
  ],
  [
    '24 real hours over spring-forward show 25 on the wall clock',
    vilniusAlwaysOpen,
    '2025-03-29 12:00',
    24,
    'Sun 2025-03-30 13:00',
  ],
  [
    '24 real hours over fall-back show 23 on the wall clock',
    vilniusAlwaysOpen,
    '2025-10-25 12:00',
    24,
    'Sun 2025-10-26 11:00',
  ],
  [
    '3 hours from midnight skip the missing 02:00–03:00 in Budapest',
    budapestNightShift,
    '2025-03-30 00:00',
    3,
    'Sun 2025-03-30 04:00',
  ],
  [
    '3 hours from midnight meet 02:00 twice in Budapest',
    budapestNightShift,
    '2025-10-26 00:00',
    3,
    'Sun 2025-10-26 02:00',
  ],
  ['a split day skips the lunch break', splitDay, '2025-03-10 11:30', 1, 'Mon 2025-03-10 13:30'],
  ['a start in the lunch break counts from 13:00', splitDay, '2025-03-10 12:15', 0.5, 'Mon 2025-03-10 13:30'],
  ['a split day carries over to the next morning', splitDay, '2025-03-10 16:00', 4, 'Tue 2025-03-11 12:00'],
];

describe('adding business time', () => {
  it.each(addCases)('%s', (_description, calendar, start, hours, expected) => {
    const result = addBusinessTime(calendar, at(calendar.timeZone, start), hours * HOUR);
    expect(wall(calendar.timeZone, result)).toBe(expected);
  });

  it('adding nothing is the start itself, even when closed', () => {
    const start = at('Europe/Vilnius', '2025-03-08 10:00');
    expect(addBusinessTime(vilnius, start, 0)).toEqual(start);
  });

  it('refuses a negative or infinite amount', () => {
    expect(() => addBusinessTime(vilnius, new Date(), -1)).toThrow(RangeError);
    expect(() => addBusinessTime(vilnius, new Date(), Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

type BetweenCase = [
  description: string,
  calendar: ReturnType<typeof createCalendar>,
  from: string,
  to: string,
  hours: number,
];

const betweenCases: BetweenCase[] = [
  ['a plain week has 40 hours', vilnius, '2025-03-03 00:00', '2025-03-10 00:00', 40],
  ['the week of 11 Mar (LT) has 32 hours', vilnius, '2025-03-10 00:00', '2025-03-17 00:00', 32],
  ['a week spanning spring-forward still has 40 hours', vilnius, '2025-03-24 00:00', '2025-03-31 00:00', 40],
  ['Friday 16:30 to Monday 12:30 is 4 hours', vilnius, '2025-03-07 16:30', '2025-03-10 12:30', 4],
  [
    'the spring-forward Sunday is 23 hours long',
    vilniusAlwaysOpen,
    '2025-03-30 00:00',
    '2025-03-31 00:00',
    23,
  ],
  ['the fall-back Sunday is 25 hours long', vilniusAlwaysOpen, '2025-10-26 00:00', '2025-10-27 00:00', 25],
  [
    'a 00:00–06:00 shift is 5 hours on spring-forward night',
    budapestNightShift,
    '2025-03-30 00:00',
    '2025-03-30 12:00',
    5,
  ],
  [
    'a 00:00–06:00 shift is 7 hours on fall-back night',
    budapestNightShift,
    '2025-10-26 00:00',
    '2025-10-26 12:00',
    7,
  ],
  ['a split day has 7 hours', splitDay, '2025-03-10 00:00', '2025-03-11 00:00', 7],
  ['time inside the lunch break counts nothing', splitDay, '2025-03-10 12:05', '2025-03-10 12:55', 0],
  ['reversed bounds give a negative amount', vilnius, '2025-03-10 12:30', '2025-03-07 16:30', -4],
];

describe('business time between two instants', () => {
  it.each(betweenCases)('%s', (_description, calendar, from, to, hours) => {
    const seconds = businessSecondsBetween(calendar, at(calendar.timeZone, from), at(calendar.timeZone, to));
    expect(seconds).toBe(hours * HOUR);
  });

  it('is the inverse of adding business time', () => {
    const start = at('Europe/Vilnius', '2025-12-22 15:10');
    for (const hours of [0.5, 3, 8, 17.25, 60]) {
      const end = addBusinessTime(vilnius, start, hours * HOUR);
      expect(businessSecondsBetween(vilnius, start, end)).toBe(hours * HOUR);
    }
  });
});

type OpenCase = [
  description: string,
  calendar: ReturnType<typeof createCalendar>,
  instant: string,
  open: boolean,
  next: string,
];

const openCases: OpenCase[] = [
  ['open on a Monday morning', vilnius, '2025-03-10 10:00', true, 'Mon 2025-03-10 10:00'],
  ['closed at closing time exactly', vilnius, '2025-03-12 17:00', false, 'Thu 2025-03-13 09:00'],
  [
    'closed on a national holiday, reopening next day',
    vilnius,
    '2026-02-16 10:00',
    false,
    'Tue 2026-02-17 09:00',
  ],
  ['closed over lunch in a split day', splitDay, '2025-03-10 12:30', false, 'Mon 2025-03-10 13:00'],
  ['closed on Sunday, reopening Monday', budapest, '2025-03-30 11:00', false, 'Mon 2025-03-31 09:00'],
];

describe('open or closed', () => {
  it.each(openCases)('%s', (_description, calendar, instant, open, next) => {
    const moment = at(calendar.timeZone, instant);
    expect(isOpen(calendar, moment)).toBe(open);
    expect(wall(calendar.timeZone, nextOpening(calendar, moment))).toBe(next);
  });

  it('the current open period ends at closing time, across midnight for a 24/7 desk', () => {
    expect(wall('Europe/Vilnius', nextClosing(splitDay, at('Europe/Vilnius', '2025-03-10 10:00')))).toBe(
      'Mon 2025-03-10 12:00',
    );
    const weekendShift = createCalendar({
      timeZone: 'Europe/Vilnius',
      weeklyHours: { sat: allDay, sun: [{ from: '00:00', to: '06:00' }] },
    });
    expect(wall('Europe/Vilnius', nextClosing(weekendShift, at('Europe/Vilnius', '2025-03-08 22:00')))).toBe(
      'Sun 2025-03-09 06:00',
    );
  });

  it('lists the open periods inside a window, clipped to it', () => {
    const periods = openPeriods(
      splitDay,
      at('Europe/Vilnius', '2025-03-10 10:00'),
      at('Europe/Vilnius', '2025-03-11 10:00'),
    );
    expect(
      periods.map((p) => `${wall('Europe/Vilnius', p.start)} → ${wall('Europe/Vilnius', p.end)}`),
    ).toEqual([
      'Mon 2025-03-10 10:00 → Mon 2025-03-10 12:00',
      'Mon 2025-03-10 13:00 → Mon 2025-03-10 17:00',
      'Tue 2025-03-11 09:00 → Tue 2025-03-11 10:00',
    ]);
  });
});

describe('custom closures', () => {
  const summer = office('Europe/Vilnius', 'LT', {
    closures: [
      { start: '2025-08-04', end: '2025-08-08', reason: 'summer break' },
      { start: '2025-12-31T13:00', reason: 'New Year’s Eve afternoon' },
      { start: '2025-03-12T10:00', end: '2025-03-12T11:30', reason: 'team meeting' },
    ],
  });

  it.each<[string, string, number, string]>([
    ['a closed week (inclusive dates) is skipped', '2025-08-01 16:00', 2, 'Mon 2025-08-11 10:00'],
    ['a half-day closure ends the day at 13:00', '2025-12-31 12:00', 2, 'Fri 2026-01-02 10:00'],
    ['a timed closure inside a day is skipped', '2025-03-12 09:30', 1, 'Wed 2025-03-12 12:00'],
  ])('%s', (_description, start, hours, expected) => {
    expect(wall('Europe/Vilnius', addBusinessTime(summer, at('Europe/Vilnius', start), hours * HOUR))).toBe(
      expected,
    );
  });

  it('a half-day bank holiday closes from its hour when bank holidays are chosen', () => {
    const bank = createCalendar({
      timeZone: 'Europe/Berlin',
      weeklyHours: weekdaysOnly(nineToFive),
      holidays: { country: 'DE', types: ['public', 'bank'] },
    });
    expect(isOpen(bank, at('Europe/Berlin', '2025-12-24 13:00'))).toBe(true);
    expect(isOpen(bank, at('Europe/Berlin', '2025-12-24 14:30'))).toBe(false);
    expect(isOpen(berlin, at('Europe/Berlin', '2025-12-24 14:30'))).toBe(true);
  });
});

describe('invalid calendars', () => {
  it.each<[string, CalendarDefinition, RegExp]>([
    [
      'an unknown time zone',
      { timeZone: 'Europe/Vilnus', weeklyHours: weekdaysOnly(nineToFive) },
      /unknown time zone/,
    ],
    ['no opening hours', { timeZone: 'Europe/Vilnius', weeklyHours: {} }, /no opening hours/],
    [
      'an interval ending before it starts',
      { timeZone: 'UTC', weeklyHours: { mon: [{ from: '17:00', to: '09:00' }] } },
      /ends before/,
    ],
    ['a malformed time', { timeZone: 'UTC', weeklyHours: { mon: [{ from: '9:00', to: '17:00' }] } }, /HH:MM/],
    [
      'an impossible time',
      { timeZone: 'UTC', weeklyHours: { mon: [{ from: '09:00', to: '24:30' }] } },
      /no such time/,
    ],
    [
      'an unknown country',
      { timeZone: 'UTC', weeklyHours: weekdaysOnly(nineToFive), holidays: { country: 'XX' } },
      /country XX/,
    ],
    [
      'an unknown region',
      { timeZone: 'UTC', weeklyHours: weekdaysOnly(nineToFive), holidays: { country: 'DE', region: 'ZZ' } },
      /region ZZ/,
    ],
    [
      'an impossible closure date',
      { timeZone: 'UTC', weeklyHours: weekdaysOnly(nineToFive), closures: [{ start: '2025-02-30' }] },
      /no such date/,
    ],
    [
      'a closure ending before it starts',
      {
        timeZone: 'UTC',
        weeklyHours: weekdaysOnly(nineToFive),
        closures: [{ start: '2025-03-02', end: '2025-03-01' }],
      },
      /ends before/,
    ],
  ])('rejects %s with 422 sla.invalid_calendar', (_description, definition, detail) => {
    expect(() => createCalendar(definition)).toThrow(
      expect.objectContaining({
        status: 422,
        code: 'sla.invalid_calendar',
        detail: expect.stringMatching(detail),
      }),
    );
  });

  it('a calendar closed for good reports it instead of searching forever', () => {
    const closed = office('UTC', null, { closures: [{ start: '2025-01-01', end: '2030-12-31' }] });
    expect(() => nextOpening(closed, new Date('2025-06-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'sla.invalid_calendar' }),
    );
  });
});
