/**
 * Wall-clock arithmetic in an IANA time zone using only `Intl` — no fixed offsets, so every
 * conversion is right on both sides of a DST change.
 *
 * A "civil day" is an integer day number (days since 1970-01-01 in the proleptic Gregorian
 * calendar, independent of any zone); a wall time is minutes since local midnight.
 */

const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // `hourCycle: 'h23'` keeps midnight as 00 (some engines print 24 with hour12: false).
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the zone (`Europe/Vilnius`), false for a typo. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

/** The wall clock in `timeZone` at the instant `epochMs`. */
export function toWallClock(timeZone: string, epochMs: number): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of the zone from UTC at the instant, in ms (Vilnius in summer: +3 h). */
export function offsetAt(timeZone: string, epochMs: number): number {
  const wall = toWallClock(timeZone, epochMs);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Intl drops milliseconds; compare at whole seconds.
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

export function civilDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** 'YYYY-MM-DD' → civil day; throws on anything else. */
export function parseCivilDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a date (YYYY-MM-DD): ${text}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = civilDay(year, month, day);
  if (formatCivilDate(dayNumber) !== text) throw new RangeError(`no such date: ${text}`);
  return dayNumber;
}

export function formatCivilDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (ISO order; 1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** 'HH:MM' (00:00–24:00) → minutes since midnight. */
export function parseWallTime(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a time (HH:MM): ${text}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 24 * 60) throw new RangeError(`no such time: ${text}`);
  return minutes;
}

/** The civil day the instant falls on in the zone. */
export function civilDayAt(timeZone: string, epochMs: number): number {
  const wall = toWallClock(timeZone, epochMs);
  return civilDay(wall.year, wall.month, wall.day);
}

/**
 * The instant at which the wall clock in `timeZone` shows `minuteOfDay` on `dayNumber`
 * (1440 is the next midnight). A wall time skipped by spring-forward maps to the same
 * distance after the jump (02:30 in a 02:00→03:00 gap becomes 03:30); a wall time repeated by
 * fall-back maps to its first occurrence.
 */
export function wallTimeToInstant(timeZone: string, dayNumber: number, minuteOfDay: number): number {
  const naive = dayNumber * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  // The offsets a day either side cover both sides of any transition near this wall time.
  const before = offsetAt(timeZone, naive - MS_PER_DAY);
  const after = offsetAt(timeZone, naive + MS_PER_DAY);
  const candidates = [naive - before, naive - after].filter((t) => naive - offsetAt(timeZone, t) === t);
  if (candidates.length > 0) return Math.min(...candidates);
  return naive - before;
}
