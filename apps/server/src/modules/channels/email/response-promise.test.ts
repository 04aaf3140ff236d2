import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../sla/index.ts';
import { describeResponsePromise, responsePromiseSeconds } from './response-promise.ts';

describe('describeResponsePromise', () => {
  it.each([
    ['en', 4, 'hours', true, 'within 4 business hours'],
    ['en', 1, 'hours', true, 'within 1 business hour'],
    ['en', 30, 'minutes', false, 'within 30 minutes'],
    ['en', 2, 'days', true, 'within 2 business days'],
    ['lt', 1, 'hours', true, 'per 1 darbo valandą'],
    ['lt', 4, 'hours', true, 'per 4 darbo valandas'],
    ['lt', 12, 'hours', false, 'per 12 valandų'],
    ['lt', 21, 'hours', false, 'per 21 valandą'],
    ['lt', 30, 'minutes', false, 'per 30 minučių'],
    ['lt', 2, 'days', true, 'per 2 darbo dienas'],
    ['sk', 1, 'hours', true, 'do 1 pracovnej hodiny'],
    ['sk', 4, 'hours', true, 'do 4 pracovných hodín'],
    ['sk', 30, 'minutes', false, 'do 30 minút'],
    ['sk', 2, 'days', true, 'do 2 pracovných dní'],
    ['pl', 1, 'hours', true, 'w ciągu 1 godziny roboczej'],
    ['pl', 4, 'hours', true, 'w ciągu 4 godzin roboczych'],
    ['pl', 2, 'days', false, 'w ciągu 2 dni'],
    ['hu', 4, 'hours', true, '4 munkaórán belül'],
    ['hu', 1, 'hours', false, '1 órán belül'],
    ['hu', 30, 'minutes', false, '30 percen belül'],
    ['hu', 2, 'days', true, '2 munkanapon belül'],
  ] as const)('%s: %i %s (business %s) → %s', (language, amount, unit, businessTime, words) => {
    expect(describeResponsePromise({ amount, unit, businessTime }, language)).toBe(words);
  });
});

describe('responsePromiseSeconds', () => {
  const nineToFive = [{ from: '09:00', to: '17:00' }];
  // Vilnius, Monday to Friday 9–17, no holidays.
  const calendar = createCalendar({
    timeZone: 'Europe/Vilnius',
    weeklyHours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    holidays: null,
  });
  // Friday 20 November 2026, 16:00 in Vilnius (UTC+2).
  const fridayAfternoon = new Date('2026-11-20T14:00:00Z');

  it.each([
    [{ amount: 4, unit: 'hours', businessTime: false }, undefined, 4 * 3600],
    [{ amount: 30, unit: 'minutes', businessTime: true }, undefined, 1800],
    // One business hour left on Friday, three more on Monday from 9:00: Monday 12:00 (+2 d 20 h).
    [
      { amount: 4, unit: 'hours', businessTime: true },
      { calendar, from: fridayAfternoon },
      (2 * 24 + 20) * 3600,
    ],
    // Plain time ignores the calendar.
    [{ amount: 4, unit: 'hours', businessTime: false }, { calendar, from: fridayAfternoon }, 4 * 3600],
    // Days count as plain days even with a calendar.
    [{ amount: 2, unit: 'days', businessTime: true }, { calendar, from: fridayAfternoon }, 2 * 86_400],
  ] as const)('%o counted from %o is %i s', (promise, business, seconds) => {
    expect(responsePromiseSeconds(promise, business)).toBe(seconds);
  });
});
