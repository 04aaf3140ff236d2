/**
 * How a promise turned out. The customer was told "about P50, at the latest P90" at
 * `promisedAt`; the first human response came `waited` seconds later. Kept means within the P90
 * (the part that is a promise); the P50 error is how far off the "about" was, either way.
 *
 * @example promiseOutcome({ p50Seconds: 600, p90Seconds: 1800 }, 900) // { kept: true, errorSeconds: 300 }
 */
export function promiseOutcome(
  promise: { p50Seconds: number; p90Seconds: number },
  waitedSeconds: number,
): { kept: boolean; errorSeconds: number } {
  const waited = Math.max(0, Math.round(waitedSeconds));
  return { kept: waited <= promise.p90Seconds, errorSeconds: Math.abs(waited - promise.p50Seconds) };
}

/** Monday 00:00 UTC of an ISO week "2026-W07". */
export function isoWeekStart(week: string): Date {
  const [yearText, weekText] = week.split('-W');
  const year = Number(yearText);
  // 4 January is always in week 1; its week's Monday starts the ISO year.
  const january4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(january4).getUTCDay() + 6) % 7;
  return new Date(january4 - weekday * 86_400_000 + (Number(weekText) - 1) * 7 * 86_400_000);
}

/** The ISO week (UTC) an instant falls in, as "2026-W07". */
export function isoWeekOf(instant: Date): string {
  const day = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  const weekday = (day.getUTCDay() + 6) % 7;
  // The Thursday of this week decides the ISO year.
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week =
    Math.floor((thursday.getTime() - isoWeekStart(`${year}-W01`).getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
