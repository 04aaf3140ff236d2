import { describe, expect, it } from 'vitest';
import { toSupportedLanguage } from './customer-texts.ts';

describe('the customer’s language', () => {
  it.each([
    ['lt-LT', 'lt'],
    ['HU', 'hu'],
    ['de', 'en'],
    [null, 'en'],
  ])('%s is served in %s', (language, expected) => {
    expect(toSupportedLanguage(language)).toBe(expected);
  });
});
