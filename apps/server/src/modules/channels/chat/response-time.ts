import type { SupportedLanguage, WaitEstimate } from '@frontline/contracts';
import type { Queryable } from '../../../db/database.ts';
import type { Deps } from '../../../deps.ts';
import { BACKLOG_QUEUE, forecastWrittenResponse, type PromiseInput, phraseEta } from '../../eta/index.ts';
import { findFirstResponsePercentiles } from './chat-queue.repository.ts';

/**
 * What a written request (web form, a chat left while nobody was online) is promised: the ETA
 * engine's calibrated forecast for someone joining the written backlog now. When the engine has
 * nothing to go on (nobody on the rota can answer), P50 and P90 of recent first responses on the
 * written channels, and with too little history the default promise below.
 */
export const defaultWrittenResponse: WaitEstimate = { p50Seconds: 4 * 3600, p90Seconds: 24 * 3600 };
const minimumSamples = 10;
const historyDays = 30;

async function recentWrittenResponse(deps: Pick<Deps, 'clock'>, db: Queryable): Promise<WaitEstimate> {
  const since = new Date(deps.clock.now().getTime() - historyDays * 86_400_000);
  const history = await findFirstResponsePercentiles(db, ['web_form', 'email'], since);
  if (history.samples < minimumSamples || history.p50 === null || history.p90 === null)
    return defaultWrittenResponse;
  return { p50Seconds: Math.round(history.p50), p90Seconds: Math.round(Math.max(history.p90, history.p50)) };
}

export type WrittenPromise = {
  expected: WaitEstimate;
  /** The ETA in words, in the visitor's language and time zone, business hours respected. */
  text: string;
  /** What to record as the promise. */
  promise: Pick<PromiseInput, 'queue' | 'p50Seconds' | 'p90Seconds' | 'forecast'>;
};

/**
 * @example await promiseWrittenResponse(deps, { channel: 'web_form', language: 'lt', timeZone: 'Europe/Vilnius' })
 * // → { expected: { p50Seconds: 3600, p90Seconds: 9000 }, text: 'maždaug per 1 valandą, vėliausiai per 3 valandas', … }
 */
export async function promiseWrittenResponse(
  deps: Pick<Deps, 'clock' | 'db'>,
  request: { channel: 'web_form' | 'chat' | 'email'; language: SupportedLanguage; timeZone?: string },
): Promise<WrittenPromise> {
  const now = deps.clock.now();
  const forecast = await forecastWrittenResponse(deps, {
    kind: 'new',
    channel: request.channel,
    teamId: null,
    language: request.language,
  });
  const expected = forecast
    ? {
        p50Seconds: Math.round(forecast.promised.p50Seconds),
        p90Seconds: Math.round(forecast.promised.p90Seconds),
      }
    : await recentWrittenResponse(deps, deps.db);
  return {
    expected,
    text: phraseEta({
      ...expected,
      now,
      language: request.language,
      calendar: forecast?.calendar ?? null,
      ...(request.timeZone ? { timeZone: request.timeZone } : {}),
    }),
    promise: { queue: BACKLOG_QUEUE, ...expected, forecast: forecast?.raw ?? null },
  };
}

/** The written channels' public ETA: they always take requests, so they are always open. */
export async function currentWrittenEta(deps: Pick<Deps, 'clock' | 'db'>, channel: 'email' | 'web_form') {
  const forecast = await forecastWrittenResponse(deps, {
    kind: 'new',
    channel,
    teamId: null,
    language: null,
  });
  const expected = forecast ? forecast.promised : await recentWrittenResponse(deps, deps.db);
  return { p50Seconds: expected.p50Seconds, p90Seconds: expected.p90Seconds, open: true };
}
