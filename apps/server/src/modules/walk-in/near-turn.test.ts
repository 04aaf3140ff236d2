import { describe, expect, it } from 'vitest';
import { nearTurnReason } from './near-turn.ts';

const rules = { nearTurnPosition: 3, nearTurnMinutes: 5 };

describe('when a visitor is told their turn is near', () => {
  it.each([
    { peopleBefore: 0, p10: 3600, expected: 'position', why: 'next in line' },
    { peopleBefore: 2, p10: 3600, expected: 'position', why: 'third in line' },
    { peopleBefore: 3, p10: 3600, expected: null, why: 'fourth in line, long wait' },
    { peopleBefore: 3, p10: 300, expected: 'eta', why: 'fourth in line, may be called within 5 min' },
    { peopleBefore: 8, p10: 299, expected: 'eta', why: 'far back but desks are fast' },
    { peopleBefore: 8, p10: null, expected: null, why: 'no desk serves the line' },
  ] as const)('$why → $expected', ({ peopleBefore, p10, expected }) => {
    expect(nearTurnReason(peopleBefore, () => p10, rules)).toBe(expected);
  });

  it('a rule set to 0 is off', () => {
    expect(nearTurnReason(0, () => 0, { nearTurnPosition: 0, nearTurnMinutes: 0 })).toBeNull();
    expect(nearTurnReason(0, () => 0, { nearTurnPosition: 0, nearTurnMinutes: 5 })).toBe('eta');
  });

  it('does not run the forecast when the position already decides', () => {
    let forecasts = 0;
    nearTurnReason(
      1,
      () => {
        forecasts += 1;
        return 0;
      },
      rules,
    );
    expect(forecasts).toBe(0);
  });
});
