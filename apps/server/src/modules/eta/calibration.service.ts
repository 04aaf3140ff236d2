import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { listConversationOutcomes, listWalkInOutcomes } from './calibration.repository.ts';
import {
  type CalibrationSettings,
  calibrateFromOutcomes,
  defaultCalibrationSettings,
  type EtaCalibration,
  type EtaOutcome,
} from './calibration.ts';
import type { EtaForecast } from './forecast.ts';

/**
 * Online calibration in the product: every promise stores the engine's raw forecast beside what
 * was promised, and the next promises of the same queue are corrected by what the latest
 * outcomes say (calibration.ts). The factors change slowly (a window of 2,000 outcomes), so they
 * are re-read at most once a minute per queue and process.
 */

/** What a promise row keeps of the raw forecast: exactly what `calibrateFromOutcomes` reads. */
export type StoredForecast = Pick<EtaForecast, 'p50Seconds' | 'p90Seconds' | 'meanSeconds' | 'onDutySeconds'>;

const storedForecastSchema = z.object({
  p50Seconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  meanSeconds: z.number().nullable(),
  onDutySeconds: z.array(z.tuple([z.number(), z.number()])),
});

export function toStoredForecast(forecast: StoredForecast): StoredForecast {
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    p50Seconds: round(forecast.p50Seconds),
    p90Seconds: round(forecast.p90Seconds),
    meanSeconds: round(forecast.meanSeconds),
    onDutySeconds: forecast.onDutySeconds.map(([start, end]) => [Math.round(start), Math.round(end)]),
  };
}

/** Which promises teach a queue: the conversations' queues (`backlog`, `chat`) or a walk-in location. */
export type CalibrationQueue =
  | { kind: 'conversations'; queue: string }
  | { kind: 'walk-in'; locationId: string };

const RELOAD_AFTER_MS = 60_000;
const caches = new WeakMap<Queryable, Map<string, { loadedAt: number; calibration: EtaCalibration }>>();

function toOutcomes(rows: Array<{ forecast: unknown; waited_seconds: number | null }>): EtaOutcome[] {
  const outcomes: EtaOutcome[] = [];
  // Newest first from the database; calibration reads oldest first.
  for (const row of [...rows].reverse()) {
    const forecast = storedForecastSchema.safeParse(row.forecast);
    if (!forecast.success || row.waited_seconds === null) continue;
    outcomes.push({ forecast: forecast.data, actualSeconds: Math.max(0, Number(row.waited_seconds)) });
  }
  return outcomes;
}

/**
 * The calibration the queue's latest outcomes call for (factors of 1 while it has none);
 * `isFresh` reads them now (a report), otherwise a minute-old reading will do.
 * @example applyCalibration(raw, await loadCalibration(deps, { kind: 'conversations', queue: 'backlog' }))
 */
export async function loadCalibration(
  deps: Pick<Deps, 'db' | 'clock'>,
  queue: CalibrationQueue,
  options: { settings?: CalibrationSettings; isFresh?: boolean } = {},
): Promise<EtaCalibration> {
  const settings = options.settings ?? defaultCalibrationSettings;
  const now = deps.clock.now();
  const key = queue.kind === 'walk-in' ? `walk-in:${queue.locationId}` : queue.queue;
  let cache = caches.get(deps.db);
  if (!cache) {
    cache = new Map();
    caches.set(deps.db, cache);
  }
  const cached = cache.get(key);
  const age = cached ? now.getTime() - cached.loadedAt : Number.POSITIVE_INFINITY;
  if (cached && !options.isFresh && age >= 0 && age < RELOAD_AFTER_MS) return cached.calibration;
  const rows =
    queue.kind === 'walk-in'
      ? await listWalkInOutcomes(deps.db, { locationId: queue.locationId, limit: settings.window })
      : await listConversationOutcomes(deps.db, { queue: queue.queue, now, limit: settings.window });
  const calibration = calibrateFromOutcomes(toOutcomes(rows), settings);
  cache.set(key, { loadedAt: now.getTime(), calibration });
  return calibration;
}
