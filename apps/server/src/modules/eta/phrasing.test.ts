import { describe, expect, it } from 'vitest';
import { createCalendar, wallTimeToInstant } from '../sla/index.ts';
import { humaneMinutes, phraseEta } from './phrasing.ts';

const vilnius = createCalendar({
  timeZone: 'Europe/Vilnius',
  weeklyHours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '09:00', to: '17:00' }]]),
  ),
  holidays: { country: 'LT' },
});

/** Local wall time in Vilnius on a date → Date. */
function inVilnius(date: string, time: string): Date {
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(wallTimeToInstant('Europe/Vilnius', day, hours! * 60 + minutes!));
}

const MIN = 60;

describe('humane rounding', () => {
  it.each<[number, 'nearest' | 'up', string]>([
    [20, 'nearest', '1 min'],
    [150, 'nearest', '3 min'],
    [150, 'up', '3 min'],
    [7 * MIN, 'nearest', '5 min'],
    [7 * MIN, 'up', '10 min'],
    [19 * MIN, 'nearest', '20 min'],
    [41 * MIN, 'up', '45 min'],
    [60 * MIN, 'up', '60 min'],
    [61 * MIN, 'up', '75 min'],
    [100 * MIN, 'nearest', '2 h'],
    [100 * MIN, 'up', '2 h'],
    [121 * MIN, 'up', '3 h'],
  ])('%i s rounded %s is %s', (seconds, rounding, expected) => {
    const amount = humaneMinutes(seconds, rounding);
    expect('hours' in amount ? `${amount.hours} h` : `${amount.minutes} min`).toBe(expected);
  });
});

describe('an ETA while the team is open', () => {
  const now = inVilnius('2025-03-12', '10:00');

  it.each<[string, number, number, string]>([
    ['en', 19 * MIN, 41 * MIN, 'in about 20 minutes, at the latest in 45 minutes'],
    ['lt', 19 * MIN, 41 * MIN, 'maždaug per 20 minučių, vėliausiai per 45 minutes'],
    ['lt', 61, 121, 'maždaug per 1 minutę, vėliausiai per 3 minutes'],
    ['sk', 19 * MIN, 41 * MIN, 'približne o 20 minút, najneskôr o 45 minút'],
    ['sk', 2 * MIN, 4 * MIN, 'približne o 2 minúty, najneskôr o 4 minúty'],
    ['pl', 19 * MIN, 41 * MIN, 'za około 20 minut, najpóźniej za 45 minut'],
    ['pl', 2 * MIN, 22 * MIN, 'za około 2 minuty, najpóźniej za 25 minut'],
    ['pl', 50, 59 * MIN, 'za około 1 minutę, najpóźniej za 60 minut'],
    ['hu', 19 * MIN, 41 * MIN, 'körülbelül 20 perc múlva, legkésőbb 45 perc múlva'],
    ['en', 100 * MIN, 150 * MIN, 'in about 2 hours, at the latest in 3 hours'],
    ['lt', 100 * MIN, 170 * MIN, 'maždaug per 2 valandas, vėliausiai per 3 valandas'],
    ['sk', 55 * MIN, 100 * MIN, 'približne o 55 minút, najneskôr o 2 hodiny'],
    ['de', 19 * MIN, 41 * MIN, 'in about 20 minutes, at the latest in 45 minutes'],
  ])('in %s, P50 %i s and P90 %i s read "%s"', (language, p50Seconds, p90Seconds, expected) => {
    expect(phraseEta({ p50Seconds, p90Seconds, now, language, calendar: vilnius })).toBe(expected);
  });

  it('an immediate answer is promised within a minute', () => {
    expect(phraseEta({ p50Seconds: 0, p90Seconds: 20, now, language: 'en', calendar: vilnius })).toBe(
      'within a minute',
    );
    expect(phraseEta({ p50Seconds: 0, p90Seconds: 20, now, language: 'hu', calendar: vilnius })).toBe(
      'egy percen belül',
    );
  });

  it('a P90 below the P50 is raised to it', () => {
    expect(phraseEta({ p50Seconds: 20 * MIN, p90Seconds: 5 * MIN, now, language: 'en' })).toBe(
      'in about 20 minutes, at the latest in 20 minutes',
    );
  });
});

describe('an ETA that runs past closing time', () => {
  const lateAfternoon = inVilnius('2025-03-12', '16:30');

  it.each<[string, string]>([
    ['en', 'in about 20 minutes, at the latest tomorrow by 10:00'],
    ['lt', 'maždaug per 20 minučių, vėliausiai rytoj iki 10:00'],
    ['sk', 'približne o 20 minút, najneskôr zajtra do 10:00'],
    ['pl', 'za około 20 minut, najpóźniej jutro do 10:00'],
    ['hu', 'körülbelül 20 perc múlva, legkésőbb holnap 10:00-ig'],
  ])('in %s the P90 becomes a day and a time', (language, expected) => {
    // P90 falls at 09:40 the next morning (17.0 h later in real time).
    const p90Seconds = (inVilnius('2025-03-13', '09:40').getTime() - lateAfternoon.getTime()) / 1000;
    expect(
      phraseEta({ p50Seconds: 20 * MIN, p90Seconds, now: lateAfternoon, language, calendar: vilnius }),
    ).toBe(expected);
  });
});

describe('an ETA while the team is closed', () => {
  const fridayEvening = inVilnius('2025-03-14', '19:00');
  const sinceFriday = (date: string, time: string) =>
    (inVilnius(date, time).getTime() - fridayEvening.getTime()) / 1000;

  it.each<[string, string]>([
    ['en', 'on Monday morning after 9:00, at the latest by 11:00'],
    ['lt', 'pirmadienį ryte po 9:00, vėliausiai iki 11:00'],
    ['sk', 'v pondelok ráno po 9:00, najneskôr do 11:00'],
    ['pl', 'w poniedziałek rano po 9:00, najpóźniej do 11:00'],
    ['hu', 'hétfőn reggel 9:00 után, legkésőbb 11:00-ig'],
  ])('in %s, on Friday evening the answer comes on Monday morning', (language, expected) => {
    const p50Seconds = sinceFriday('2025-03-17', '09:25');
    const p90Seconds = sinceFriday('2025-03-17', '10:40');
    expect(phraseEta({ p50Seconds, p90Seconds, now: fridayEvening, language, calendar: vilnius })).toBe(
      expected,
    );
  });

  it('at night before a working day it says tomorrow morning', () => {
    const night = inVilnius('2025-03-12', '22:00');
    const p50Seconds = (inVilnius('2025-03-13', '09:10').getTime() - night.getTime()) / 1000;
    const p90Seconds = (inVilnius('2025-03-13', '09:50').getTime() - night.getTime()) / 1000;
    expect(phraseEta({ p50Seconds, p90Seconds, now: night, language: 'en', calendar: vilnius })).toBe(
      'tomorrow morning after 9:00, at the latest by 10:00',
    );
  });

  it('early in the morning of a working day it says today', () => {
    const early = inVilnius('2025-03-12', '07:30');
    const p50Seconds = (inVilnius('2025-03-12', '09:15').getTime() - early.getTime()) / 1000;
    const p90Seconds = (inVilnius('2025-03-12', '10:05').getTime() - early.getTime()) / 1000;
    expect(phraseEta({ p50Seconds, p90Seconds, now: early, language: 'pl', calendar: vilnius })).toBe(
      'dziś po 9:00, najpóźniej do 10:30',
    );
  });

  it('over a national holiday (11 March in Lithuania) it names the weekday after it', () => {
    const sundayEvening = inVilnius('2025-03-09', '20:00');
    const p50Seconds = (inVilnius('2025-03-10', '12:40').getTime() - sundayEvening.getTime()) / 1000;
    const p90Seconds = (inVilnius('2025-03-12', '09:20').getTime() - sundayEvening.getTime()) / 1000;
    expect(phraseEta({ p50Seconds, p90Seconds, now: sundayEvening, language: 'en', calendar: vilnius })).toBe(
      'tomorrow after 12:30, at the latest on Wednesday by 9:30',
    );
  });

  it('without a calendar, a long wait is still told as a day and a time in the given zone', () => {
    const now = new Date('2025-03-12T08:00:00Z'); // 10:00 in Vilnius
    expect(
      phraseEta({
        p50Seconds: 10 * 3600,
        p90Seconds: 26 * 3600,
        now,
        language: 'en',
        timeZone: 'Europe/Vilnius',
      }),
    ).toBe('today after 20:00, at the latest tomorrow by 12:00');
  });
});
