import { describe, expect, it } from 'vitest';
import { formatWait, humaneDuration, toSupportedLanguage } from './customer-texts.ts';

describe('durations rounded the way people say them', () => {
  it.each([
    [20, { value: 1, unit: 'minute' }],
    [7 * 60 + 20, { value: 7, unit: 'minute' }],
    [23 * 60, { value: 25, unit: 'minute' }],
    [100 * 60, { value: 2, unit: 'hour' }],
    [30 * 3600, { value: 30, unit: 'hour' }],
    [50 * 3600, { value: 2, unit: 'day' }],
  ])('%i s is %o', (seconds, expected) => {
    expect(humaneDuration(seconds)).toEqual(expected);
  });
});

describe('the expected wait in the customer’s language', () => {
  it.each([
    ['en', { p50Seconds: 300, p90Seconds: 900 }, 'about 5 minutes, at the latest 15 minutes'],
    ['lt', { p50Seconds: 120, p90Seconds: 1260 }, 'maždaug 2 minutės, daugiausia 20 minučių'],
    ['sk', { p50Seconds: 60, p90Seconds: 300 }, 'približne 1 minúta, najviac 5 minút'],
    ['pl', { p50Seconds: 7200, p90Seconds: 86_400 }, 'mniej więcej 2 godziny, najwyżej 24 godziny'],
    ['hu', { p50Seconds: 600, p90Seconds: 3 * 86_400 }, 'körülbelül 10 perc, legfeljebb 3 nap'],
    ['en', { p50Seconds: 30, p90Seconds: 50 }, '1 minute'],
  ] as const)('in %s, %o reads “%s”', (language, wait, expected) => {
    expect(formatWait(wait, language)).toBe(expected);
  });

  it.each([
    ['lt-LT', 'lt'],
    ['HU', 'hu'],
    ['de', 'en'],
    [null, 'en'],
  ])('%s is served in %s', (language, expected) => {
    expect(toSupportedLanguage(language)).toBe(expected);
  });
});
