import {
  type BusinessCalendar,
  civilDayAt,
  isOpen,
  nextClosing,
  nextOpening,
  toWallClock,
} from '../sla/index.ts';
import { type EtaLanguage, type EtaTexts, etaLanguages, etaTexts } from './phrasing-texts.ts';

/**
 * "in about 20 minutes, at the latest in 45 minutes" — or, when the answer will not come before the
 * team closes, "tomorrow morning after 9:00, at the latest by 11:00". P50 is rounded to the
 * nearest humane step, P90 always up (it is a promise). Days and times are the customer's
 * wall clock in the calendar's (or the given) time zone.
 */

export type EtaPhraseInput = {
  p50Seconds: number;
  p90Seconds: number;
  now: Date;
  /** Customer's language; anything we have no texts for falls back to English. */
  language: string;
  /** The queue's business hours: closed periods turn durations into days and times. */
  calendar?: BusinessCalendar | null;
  /**
   * The customer's time zone, for the days and times they read ("tomorrow after 8:00" in London
   * for a team opening at 10:00 in Vilnius). Default: the calendar's. With neither, a wait is
   * told as a duration however long it is: a time in an unknown zone would mislead.
   */
  timeZone?: string;
};

/** Without a calendar, a promise further out than this reads better as a day and a time. */
const CLOCK_PHRASE_AFTER_SECONDS = 8 * 3600;
const MINUTE = 60;

type Rounding = 'nearest' | 'up';

function roundTo(value: number, step: number, rounding: Rounding): number {
  const rounded = rounding === 'up' ? Math.ceil(value / step - 1e-9) * step : Math.round(value / step) * step;
  return Math.max(step, rounded);
}

/** Humane steps: 1 min up to 5, then 5 min up to an hour, 15 min up to 90, then whole hours. */
export function humaneMinutes(seconds: number, rounding: Rounding): { minutes: number } | { hours: number } {
  const minutes = seconds / MINUTE;
  if (minutes <= 5) return { minutes: roundTo(minutes, 1, rounding) };
  if (minutes <= 60) return { minutes: roundTo(minutes, 5, rounding) };
  if (minutes <= 90) return { minutes: roundTo(minutes, 15, rounding) };
  return { hours: roundTo(minutes / 60, 1, rounding) };
}

function formatDuration(texts: EtaTexts, seconds: number, rounding: Rounding): string {
  const amount = humaneMinutes(seconds, rounding);
  const [count, forms] = 'hours' in amount ? [amount.hours, texts.hours] : [amount.minutes, texts.minutes];
  const category = new Intl.PluralRules(texts.locale).select(count);
  return `${count} ${forms[category] ?? forms.other}`;
}

function textsFor(language: string): EtaTexts {
  const base = language.toLowerCase().slice(0, 2);
  return etaTexts[(etaLanguages as readonly string[]).includes(base) ? (base as EtaLanguage) : 'en'];
}

type Clock = { day: number; minutes: number };

function wallClock(timeZone: string, instantMs: number): Clock {
  const wall = toWallClock(timeZone, instantMs);
  return { day: civilDayAt(timeZone, instantMs), minutes: wall.hour * 60 + wall.minute };
}

function formatTime(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function dayPhrase(
  texts: EtaTexts,
  timeZone: string,
  today: number,
  clock: Clock,
  instantMs: number,
  withMorning: boolean,
) {
  const offset = clock.day - today;
  let phrase: string;
  if (offset <= 0) return texts.today;
  if (offset === 1) phrase = texts.tomorrow;
  else if (offset < 7) phrase = texts.onWeekday[(((clock.day + 3) % 7) + 7) % 7]!;
  else {
    const date = new Intl.DateTimeFormat(texts.locale, { day: 'numeric', month: 'long', timeZone }).format(
      instantMs,
    );
    return texts.onDate(date);
  }
  return withMorning && clock.minutes < 12 * 60 ? texts.morning(phrase) : phrase;
}

/** Wall-clock minutes rounded to a 30-minute grid, carrying into the next day. */
function onGrid(clock: Clock, rounding: 'down' | 'up'): Clock {
  const step = 30;
  const minutes =
    rounding === 'down' ? Math.floor(clock.minutes / step) * step : Math.ceil(clock.minutes / step) * step;
  return minutes >= 24 * 60
    ? { day: clock.day + 1, minutes: minutes - 24 * 60 }
    : { day: clock.day, minutes };
}

/**
 * @example phraseEta({ p50Seconds: 1140, p90Seconds: 2600, now, language: 'en' })
 * // 'in about 20 minutes, at the latest in 45 minutes'
 */
export function phraseEta(input: EtaPhraseInput): string {
  const texts = textsFor(input.language);
  const p50 = Math.max(0, input.p50Seconds);
  const p90 = Math.max(p50, input.p90Seconds);
  const nowMs = input.now.getTime();
  const calendar = input.calendar ?? null;
  const timeZone = input.timeZone ?? calendar?.timeZone ?? null;
  const p50At = nowMs + p50 * 1000;
  const p90At = nowMs + p90 * 1000;

  // Does each percentile fall within the current open period? Otherwise say a day and a time.
  const openNow = calendar ? isOpen(calendar, input.now) : true;
  const closesAt =
    calendar && openNow ? nextClosing(calendar, input.now).getTime() : Number.POSITIVE_INFINITY;
  const isClockLike = (seconds: number, at: number) =>
    calendar ? !openNow || at > closesAt : timeZone !== null && seconds > CLOCK_PHRASE_AFTER_SECONDS;
  const p50AsClock = isClockLike(p50, p50At);
  const p90AsClock = isClockLike(p90, p90At);

  if (!p90AsClock && p90 < MINUTE) return texts.withinAMinute;
  // Only read when a time is told, which needs a zone (the calendar's at least).
  const zone = timeZone ?? 'UTC';
  const today = civilDayAt(zone, nowMs);

  let first: string;
  let firstDay = today;
  if (!p50AsClock) {
    first = texts.about(formatDuration(texts, Math.max(p50, MINUTE), 'nearest'));
  } else {
    let after = onGrid(wallClock(zone, p50At), 'down');
    let afterAt = p50At;
    if (calendar && !openNow) {
      // Closed now: the answer comes after opening; name the opening time if it is close.
      const opening = nextOpening(calendar, input.now).getTime();
      if (p50At < opening + 2 * 3600_000) [after, afterAt] = [wallClock(zone, opening), opening];
    }
    firstDay = after.day;
    first = texts.after(dayPhrase(texts, zone, today, after, afterAt, true), formatTime(after.minutes));
  }

  let second: string;
  if (!p90AsClock) {
    second = texts.latestIn(formatDuration(texts, Math.max(p90, MINUTE), 'up'));
  } else {
    const by = onGrid(wallClock(zone, p90At), 'up');
    const sameDayAsFirst = p50AsClock && by.day === firstDay;
    const day = sameDayAsFirst ? '' : dayPhrase(texts, zone, today, by, p90At, false);
    second = texts.latestBy(day, formatTime(by.minutes));
  }
  return `${first}, ${second}`;
}
