import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';

/** The outcomes calibration learns from: SQL only. Newest first. */

/**
 * Promises of a queue that carry the engine's forecast, with the real wait: until the first
 * response for resolved ones; for a conversation still waiting past its promised P90, the time
 * waited so far (a missed promise whose miss is only growing; not a chat the visitor has left).
 * Promises still inside their P90 are left out until they are settled.
 */
export async function listConversationOutcomes(
  db: Queryable,
  input: { queue: string; now: Date; limit: number },
) {
  const result = await sql<{ forecast: unknown; waited_seconds: number }>`
    select p.forecast,
           extract(epoch from (coalesce(p.first_response_at, ${input.now}) - p.promised_at))::float8 as waited_seconds
    from eta_promises p
    join conversations c on c.id = p.conversation_id
    where p.queue = ${input.queue}
      and p.forecast is not null
      and (p.resolved_at is not null
           or (c.first_response_at is null and c.status in ('new', 'open') and c.merged_into_id is null
               and p.promised_at + make_interval(secs => p.p90_seconds) < ${input.now}
               -- a chat the visitor left unanswered has no wait to learn from
               and not exists (select 1 from chats ch where ch.conversation_id = c.id and ch.ended_at is not null)))
    order by p.promised_at desc
    limit ${input.limit}`.execute(db);
  return result.rows;
}

/** Walk-in promises of a location that carry the forecast and were settled by a call. */
export function listWalkInOutcomes(db: Queryable, input: { locationId: string; limit: number }) {
  return db
    .selectFrom('walk_in_promises')
    .select(['forecast', 'actual_seconds as waited_seconds'])
    .where('location_id', '=', input.locationId)
    .where('forecast', 'is not', null)
    .where('actual_seconds', 'is not', null)
    .orderBy('promised_at', 'desc')
    .limit(input.limit)
    .execute();
}
