import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';

export type ReportGrouping = 'service' | 'desk' | 'hour';

/**
 * Visits of a location between two local days, grouped by day and service, desk or local
 * hour of arrival. Waits run from taking the ticket to the (latest) call; service times from
 * the call to the finish. Promises count once resolved.
 */
export async function selectVisitReport(
  db: Queryable,
  input: {
    locationId: string;
    from: string;
    to: string;
    today: string;
    timeZone: string;
    groupBy: ReportGrouping;
  },
) {
  const group =
    input.groupBy === 'service'
      ? sql<string>`coalesce(s.names->>'en', '')`
      : input.groupBy === 'desk'
        ? sql<string>`coalesce(d.name, '—')`
        : sql<string>`lpad(extract(hour from v.created_at at time zone ${input.timeZone})::int::text, 2, '0')`;
  // Services and desks are grouped by id, so two with one name stay apart.
  const groupId =
    input.groupBy === 'service'
      ? sql<string | null>`s.id`
      : input.groupBy === 'desk'
        ? sql<string | null>`d.id`
        : sql<null>`null::uuid`;
  const result = await sql<{
    day: string;
    group: string;
    group_id: string | null;
    arrivals: number;
    served: number;
    no_shows: number;
    transfers: number;
    abandoned: number;
    wait_median: number | null;
    wait_p90: number | null;
    service_median: number | null;
    promises_kept: number;
    promises_missed: number;
  }>`
    with promise_totals as (
      select visit_id, count(*) filter (where is_kept) as kept, count(*) filter (where not is_kept) as missed
      from walk_in_promises where resolved_at is not null group by visit_id
    )
    select v.local_day as day, ${group} as "group", ${groupId} as group_id,
      count(*)::int as arrivals,
      count(*) filter (where v.status = 'done')::int as served,
      count(*) filter (where v.status = 'no_show')::int as no_shows,
      coalesce(sum(v.transfer_count), 0)::int as transfers,
      count(*) filter (where v.status = 'waiting' and v.local_day < ${input.today})::int as abandoned,
      percentile_cont(0.5) within group (order by extract(epoch from v.called_at - v.created_at))
        filter (where v.called_at is not null) as wait_median,
      percentile_cont(0.9) within group (order by extract(epoch from v.called_at - v.created_at))
        filter (where v.called_at is not null) as wait_p90,
      percentile_cont(0.5) within group (order by extract(epoch from v.finished_at - v.called_at))
        filter (where v.status = 'done') as service_median,
      coalesce(sum(p.kept), 0)::int as promises_kept,
      coalesce(sum(p.missed), 0)::int as promises_missed
    from walk_in_visits v
    join walk_in_services s on s.id = v.service_id
    left join walk_in_desks d on d.id = v.desk_id
    left join promise_totals p on p.visit_id = v.id
    where v.location_id = ${input.locationId} and v.local_day between ${input.from} and ${input.to}
    group by 1, 2, 3
    order by 1, 2, 3
  `.execute(db);
  return result.rows;
}
