/**
 * Waits measured in working time: only the seconds during which someone who can serve the
 * customer is on duty. A wait of 15 hours overnight is 10 minutes of working time plus a
 * closed night — and only the 10 minutes are uncertain. Calibration scales working time, so a
 * 5 % correction moves "tomorrow 9:10" to "tomorrow 9:10:30", not to 8:25.
 *
 * Periods are [start, end) in seconds from the forecast's `now`, ascending, not overlapping.
 */
export type Periods = Array<[start: number, end: number]>;

/** Union of possibly overlapping periods, clipped to start at 0. */
export function mergePeriods(periods: Periods): Periods {
  const sorted = periods
    .map(([s, e]): [number, number] => [Math.max(0, s), e])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: Periods = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Working seconds in [0, wait). With no periods at all, every second counts. */
export function toWorkingSeconds(periods: Periods, wait: number): number {
  if (periods.length === 0) return wait;
  let working = 0;
  for (const [start, end] of periods) {
    if (start >= wait) break;
    working += Math.min(end, wait) - start;
  }
  return working;
}

/** The earliest wait that contains `working` working seconds (beyond the last period: real time). */
export function fromWorkingSeconds(periods: Periods, working: number): number {
  if (periods.length === 0) return working;
  let remaining = working;
  for (const [start, end] of periods) {
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
  }
  return periods[periods.length - 1]![1] + remaining;
}

/**
 * Where the scaling of a wait starts: the opening of the on-duty period it falls in (0 when
 * that is the period running now). Time before it — earlier periods and closed time — is kept.
 */
function anchorOf(periods: Periods, wait: number): number {
  for (const [start, end] of periods) {
    if (wait < end || wait <= start) return Math.max(0, Math.min(start, wait));
  }
  return periods.length > 0 ? periods[periods.length - 1]![0] : 0;
}

/** Working seconds before the on-duty period in which `wait` falls. */
export function workingSecondsBeforePeriod(periods: Periods, wait: number): number {
  return toWorkingSeconds(periods, anchorOf(periods, wait));
}

/**
 * Scales the part of a wait spent in its last on-duty period by `factor` (spilling into the
 * next period when it grows past closing). An answer due at 9:00 sharp stays at 9:00; one due
 * at 9:40 becomes 9:44 with a factor of 1.1 — never yesterday afternoon.
 */
export function scaleWorkingTime(periods: Periods, wait: number, factor: number): number {
  if (factor === 1) return wait;
  const anchor = anchorOf(periods, wait);
  const before = toWorkingSeconds(periods, anchor);
  return Math.max(
    anchor,
    fromWorkingSeconds(periods, before + (toWorkingSeconds(periods, wait) - before) * factor),
  );
}

/**
 * The P90 with its distance above the P50 — in working time — multiplied by `factor`. The
 * spread, not the whole wait, is what a P90 adds for safety: scaling it leaves the median and
 * any closed time before it alone, so a small correction stays small.
 */
export function scaleSpread(periods: Periods, p50: number, p90: number, factor: number): number {
  if (factor === 1 || p90 <= p50) return p90;
  const median = toWorkingSeconds(periods, p50);
  const spread = toWorkingSeconds(periods, p90) - median;
  return Math.max(p50, fromWorkingSeconds(periods, median + spread * factor));
}

/**
 * The smallest spread factor for which `scaleSpread` would have reached `actual`: 0 when the
 * answer came by the P50, Infinity when no factor could have (no spread to scale).
 */
export function spreadFactorNeeded(periods: Periods, p50: number, p90: number, actual: number): number {
  if (actual <= Math.max(p50, 0)) return 0;
  if (actual <= p90 && p90 <= p50) return 0;
  const median = toWorkingSeconds(periods, p50);
  const spread = toWorkingSeconds(periods, p90) - median;
  const beyond = toWorkingSeconds(periods, actual) - median;
  if (beyond <= 0) return 0;
  return spread > 0 ? beyond / spread : Number.POSITIVE_INFINITY;
}
