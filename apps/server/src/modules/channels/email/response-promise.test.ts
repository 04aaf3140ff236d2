import { describe, expect, it } from 'vitest';
import { describeResponsePromise } from './response-promise.ts';

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
