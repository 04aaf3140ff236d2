import Holidays from 'date-holidays';
import { unprocessable } from '../../platform/errors.ts';
import {
  civilDayAt,
  formatCivilDate,
  isoWeekday,
  isValidTimeZone,
  parseCivilDate,
  parseWallTime,
  wallTimeToInstant,
} from './zoned-time.ts';

/**
 * Business-hours calendars: when a team is open, in its own time zone, and arithmetic in
 * business time ("4 business hours after Friday 16:30" is Monday 12:30 for 09:00–17:00).
 *
 * Everything is computed per local day: the day's weekly opening intervals (wall-clock
 * minutes), minus public holidays and custom closures (also wall-clock), then converted to
 * instants through the zone. So a 09:00–17:00 day is 8 hours on either side of a DST change,
 * and the night in which the clocks move simply has one hour more or less of closed time.
 */

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** Wall-clock 'HH:MM'; `to` may be '24:00'. An interval never crosses midnight. */
export type OpeningInterval = { from: string; to: string };

/** date-holidays categories; only `public` closes a calendar unless asked otherwise. */
export type HolidayType = 'public' | 'bank' | 'school' | 'optional' | 'observance';

/**
 * A closure in local time: 'YYYY-MM-DD' (whole day) or 'YYYY-MM-DDTHH:MM'. A date-only `end`
 * is inclusive (the whole day), a timed `end` is exclusive. Without `end`, only `start`'s day
 * (from `start`'s time, if given) is closed.
 */
export type Closure = { start: string; end?: string; reason?: string };

export type CalendarDefinition = {
  timeZone: string;
  weeklyHours: Partial<Record<Weekday, OpeningInterval[]>>;
  /** Country (ISO 3166-1, e.g. 'LT') and optional region ('BY' in DE) for public holidays. */
  holidays?: { country: string; region?: string; types?: HolidayType[] } | null;
  closures?: Closure[];
};

type MinuteRange = [start: number, end: number];
type InstantRange = [start: number, end: number];

/** A validated calendar with its per-day caches; build with `createCalendar`. */
export type BusinessCalendar = {
  readonly definition: CalendarDefinition;
  readonly timeZone: string;
  readonly weekly: MinuteRange[][]; // index 0 = Monday
  readonly closures: MinuteRange[]; // in "local minutes": civil day × 1440 + minute
  readonly holidayCountry: { country: string; region: string | undefined; types: HolidayType[] } | null;
  readonly holidayYears: Map<number, MinuteRange[]>;
  readonly dayCache: Map<number, InstantRange[]>;
};

const MINUTES_PER_DAY = 1440;
/** How far ahead a search for open time goes before the calendar is declared never open. */
const SEARCH_HORIZON_DAYS = 800;
const DAY_CACHE_LIMIT = 4000;

function invalidCalendar(detail: string) {
  return unprocessable('sla.invalid_calendar', 'The business-hours calendar is invalid', detail);
}

function parseLocalMoment(text: string, isEnd: boolean): number {
  const [date, time] = text.split('T');
  const day = parseCivilDate(date ?? '');
  if (time === undefined) return (isEnd ? day + 1 : day) * MINUTES_PER_DAY;
  return day * MINUTES_PER_DAY + parseWallTime(time);
}

function mergeRanges(ranges: MinuteRange[]): MinuteRange[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: MinuteRange[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function subtractRanges(open: MinuteRange[], closed: MinuteRange[]): MinuteRange[] {
  let result = open;
  for (const [cs, ce] of closed) {
    result = result.flatMap(([s, e]): MinuteRange[] => {
      if (ce <= s || cs >= e) return [[s, e]];
      const pieces: MinuteRange[] = [];
      if (cs > s) pieces.push([s, cs]);
      if (ce < e) pieces.push([ce, e]);
      return pieces;
    });
  }
  return result;
}

/** Validates a definition (throws 422 `sla.invalid_calendar`) and returns a usable calendar. */
export function createCalendar(definition: CalendarDefinition): BusinessCalendar {
  if (!isValidTimeZone(definition.timeZone))
    throw invalidCalendar(`unknown time zone ${definition.timeZone}`);
  const weekly = weekdays.map((weekday) =>
    mergeRanges(
      (definition.weeklyHours[weekday] ?? []).map(({ from, to }): MinuteRange => {
        let range: MinuteRange;
        try {
          range = [parseWallTime(from), parseWallTime(to)];
        } catch (error) {
          throw invalidCalendar(`${weekday}: ${(error as Error).message}`);
        }
        if (range[1] <= range[0]) throw invalidCalendar(`${weekday}: ${from}–${to} ends before it starts`);
        return range;
      }),
    ),
  );
  if (weekly.every((day) => day.length === 0)) throw invalidCalendar('no opening hours on any weekday');
  const closures = (definition.closures ?? []).map(({ start, end }): MinuteRange => {
    try {
      const from = parseLocalMoment(start, false);
      const to =
        end === undefined
          ? (Math.floor(from / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY
          : parseLocalMoment(end, true);
      if (to <= from) throw new RangeError(`closure ${start}–${end} ends before it starts`);
      return [from, to];
    } catch (error) {
      if (error instanceof RangeError) throw invalidCalendar(error.message);
      throw error;
    }
  });
  let holidayCountry: BusinessCalendar['holidayCountry'] = null;
  if (definition.holidays) {
    const { country, region, types = ['public'] } = definition.holidays;
    const known = new Holidays().getCountries();
    if (!(country.toUpperCase() in known)) throw invalidCalendar(`no holiday data for country ${country}`);
    if (region !== undefined && !(region.toUpperCase() in (new Holidays().getStates(country) ?? {}))) {
      throw invalidCalendar(`no holiday data for region ${region} of ${country}`);
    }
    holidayCountry = { country: country.toUpperCase(), region: region?.toUpperCase(), types };
  }
  return {
    definition,
    timeZone: definition.timeZone,
    weekly,
    closures: mergeRanges(closures),
    holidayCountry,
    holidayYears: new Map(),
    dayCache: new Map(),
  };
}

const holidaySources = new Map<string, Holidays>();

/** Holidays of one year as local-minute ranges; a half-day holiday (DE 24 Dec 14:00) closes from its hour. */
function holidaysOf(calendar: BusinessCalendar, year: number): MinuteRange[] {
  const source = calendar.holidayCountry;
  if (!source) return [];
  let ranges = calendar.holidayYears.get(year);
  if (ranges) return ranges;
  const key = `${source.country}/${source.region ?? ''}`;
  let holidays = holidaySources.get(key);
  if (!holidays) {
    holidays = source.region ? new Holidays(source.country, source.region) : new Holidays(source.country);
    holidaySources.set(key, holidays);
  }
  ranges = mergeRanges(
    holidays
      .getHolidays(year)
      .filter((holiday) => source.types.includes(holiday.type as HolidayType))
      .map((holiday): MinuteRange => {
        // `date` is the local wall clock in the holiday's country: 'YYYY-MM-DD HH:MM:SS'.
        const startDay = parseCivilDate(holiday.date.slice(0, 10));
        const startMinute = parseWallTime(holiday.date.slice(11, 16));
        const lengthMs = holiday.end.getTime() - holiday.start.getTime();
        const days = Math.max(1, Math.round((lengthMs + startMinute * 60_000) / 86_400_000));
        return [startDay * MINUTES_PER_DAY + startMinute, (startDay + days) * MINUTES_PER_DAY];
      }),
  );
  calendar.holidayYears.set(year, ranges);
  return ranges;
}

/** Open time on one civil day as instant ranges (ms), ascending. */
function openOnDay(calendar: BusinessCalendar, day: number): InstantRange[] {
  const cached = calendar.dayCache.get(day);
  if (cached) return cached;
  const dayStart = day * MINUTES_PER_DAY;
  const weekly = calendar.weekly[isoWeekday(day)] ?? [];
  const year = Number(formatCivilDate(day).slice(0, 4));
  // A holiday of the previous year can run into this one (e.g. 31 Dec – 1 Jan).
  const closed = [...holidaysOf(calendar, year - 1), ...holidaysOf(calendar, year), ...calendar.closures]
    .filter(([s, e]) => e > dayStart && s < dayStart + MINUTES_PER_DAY)
    .map(([s, e]): MinuteRange => [s - dayStart, e - dayStart]);
  const ranges = subtractRanges(
    weekly.map(([s, e]): MinuteRange => [s, e]),
    closed,
  )
    .map(
      ([s, e]): InstantRange => [
        wallTimeToInstant(calendar.timeZone, day, s),
        wallTimeToInstant(calendar.timeZone, day, e),
      ],
    )
    .filter(([s, e]) => e > s);
  if (calendar.dayCache.size > DAY_CACHE_LIMIT) calendar.dayCache.clear();
  calendar.dayCache.set(day, ranges);
  return ranges;
}

function neverOpens(calendar: BusinessCalendar) {
  return invalidCalendar(`no open time within ${SEARCH_HORIZON_DAYS} days in ${calendar.timeZone}`);
}

/** Open ranges (ms) that end after `fromMs`, in order, from the local day of `fromMs` onwards. */
function* openRangesFrom(calendar: BusinessCalendar, fromMs: number): Generator<InstantRange> {
  const firstDay = civilDayAt(calendar.timeZone, fromMs);
  for (let day = firstDay; day < firstDay + SEARCH_HORIZON_DAYS; day++) {
    for (const range of openOnDay(calendar, day)) {
      if (range[1] > fromMs) yield range;
    }
  }
}

/**
 * The earliest instant at which `seconds` of open time have passed since `start`. Time before
 * the first opening does not count, so from closed time the count starts at the next opening.
 * @example addBusinessTime(vilnius9to17, new Date('2025-03-07T14:30:00Z'), 4 * 3600) // Mon 2025-03-10 12:30 local
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, seconds: number): Date {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('seconds must be a finite number ≥ 0');
  const startMs = start.getTime();
  let remainingMs = seconds * 1000;
  if (remainingMs === 0) return new Date(startMs);
  for (const [s, e] of openRangesFrom(calendar, startMs)) {
    const from = Math.max(s, startMs);
    if (remainingMs <= e - from) return new Date(from + remainingMs);
    remainingMs -= e - from;
  }
  throw neverOpens(calendar);
}

/** Open time between two instants, in seconds; negative when `b` is before `a`. */
export function businessSecondsBetween(calendar: BusinessCalendar, a: Date, b: Date): number {
  if (b < a) return -businessSecondsBetween(calendar, b, a);
  const [from, to] = [a.getTime(), b.getTime()];
  const lastDay = civilDayAt(calendar.timeZone, to);
  let totalMs = 0;
  for (let day = civilDayAt(calendar.timeZone, from); day <= lastDay; day++) {
    for (const [s, e] of openOnDay(calendar, day)) {
      totalMs += Math.max(0, Math.min(e, to) - Math.max(s, from));
    }
  }
  return totalMs / 1000;
}

export function isOpen(calendar: BusinessCalendar, instant: Date): boolean {
  const t = instant.getTime();
  return openOnDay(calendar, civilDayAt(calendar.timeZone, t)).some(([s, e]) => s <= t && t < e);
}

/** `instant` itself when open, otherwise the start of the next open period. */
export function nextOpening(calendar: BusinessCalendar, instant: Date): Date {
  const t = instant.getTime();
  for (const [s] of openRangesFrom(calendar, t)) return new Date(Math.max(s, t));
  throw neverOpens(calendar);
}

/** When the current open period ends (open periods touching across midnight count as one). */
export function nextClosing(calendar: BusinessCalendar, instant: Date): Date {
  let t = instant.getTime();
  if (!isOpen(calendar, instant)) return new Date(t);
  for (const [s, e] of openRangesFrom(calendar, t)) {
    if (s > t) break;
    t = e;
  }
  return new Date(t);
}

/** Open periods overlapping [from, to), clipped to it — what an ETA simulation or a rota needs. */
export function openPeriods(
  calendar: BusinessCalendar,
  from: Date,
  to: Date,
): Array<{ start: Date; end: Date }> {
  const periods: Array<{ start: Date; end: Date }> = [];
  for (const [s, e] of openRangesFrom(calendar, from.getTime())) {
    if (s >= to.getTime()) break;
    periods.push({ start: new Date(Math.max(s, from.getTime())), end: new Date(Math.min(e, to.getTime())) });
  }
  return periods;
}
