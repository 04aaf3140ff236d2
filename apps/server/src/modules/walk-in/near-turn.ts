import type { WalkInRules } from '@frontline/contracts';

type NearTurnRules = Pick<WalkInRules, 'nearTurnPosition' | 'nearTurnMinutes'>;

/**
 * Whether a waiting visitor should now be told their turn is near, and why: by their place in
 * line (`peopleBefore` 2 is third in line) or by the soonest they may be called (the wait's
 * P10, in seconds). The P10 comes from a simulation, so it is asked for only when the position
 * alone does not decide.
 *
 * @example nearTurnReason(2, () => 900, { nearTurnPosition: 3, nearTurnMinutes: 5 }) // 'position'
 */
export function nearTurnReason(
  peopleBefore: number,
  soonestCallSeconds: () => number | null,
  rules: NearTurnRules,
): 'position' | 'eta' | null {
  if (rules.nearTurnPosition > 0 && peopleBefore + 1 <= rules.nearTurnPosition) return 'position';
  if (rules.nearTurnMinutes > 0) {
    const p10 = soonestCallSeconds();
    if (p10 !== null && p10 <= rules.nearTurnMinutes * 60) return 'eta';
  }
  return null;
}
