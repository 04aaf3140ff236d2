import type { WalkInReportQuery, WalkInReportRow } from '@frontline/contracts';
import type { Deps } from '../../deps.ts';
import { badRequest } from '../../platform/errors.ts';
import { localDayAt } from './line-rules.ts';
import { selectVisitReport } from './report.repository.ts';
import { getLocation } from './setup.service.ts';

/** A year of days at most: the report is read interactively, not exported. */
const MAX_DAYS = 366;

const roundOrNull = (value: number | null) => (value === null ? null : Math.round(Number(value)));

/** Arrivals, waits, service times, no-shows, transfers, abandonment and kept promises per day. */
export async function reportVisits(
  deps: Pick<Deps, 'db' | 'clock'>,
  locationId: string,
  query: WalkInReportQuery,
): Promise<{ items: WalkInReportRow[] }> {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (!(days >= 0 && days < MAX_DAYS)) {
    throw badRequest('walk_in.bad_period', 'The period must run forward and cover at most a year', [
      { path: 'querystring.to', message: `must be on or after "from" and within ${MAX_DAYS} days of it` },
    ]);
  }
  const location = await getLocation(deps.db, locationId);
  const rows = await selectVisitReport(deps.db, {
    locationId,
    from: query.from,
    to: query.to,
    today: localDayAt(location.timeZone, deps.clock.now()),
    timeZone: location.timeZone,
    groupBy: query.groupBy,
  });
  return {
    items: rows.map((row) => {
      const resolved = row.promises_kept + row.promises_missed;
      return {
        day: row.day,
        group: row.group,
        groupId: row.group_id,
        arrivals: row.arrivals,
        served: row.served,
        noShows: row.no_shows,
        transfers: row.transfers,
        abandoned: row.abandoned,
        waitMedianSeconds: roundOrNull(row.wait_median),
        waitP90Seconds: roundOrNull(row.wait_p90),
        serviceMedianSeconds: roundOrNull(row.service_median),
        promisesKept: row.promises_kept,
        promisesMissed: row.promises_missed,
        promiseKeptRate: resolved === 0 ? null : row.promises_kept / resolved,
      };
    }),
  };
}
