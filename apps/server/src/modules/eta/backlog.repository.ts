import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';

/**
 * The written backlog as the ETA engine sees it: SQL only. The backlog is every conversation
 * answered in writing — email, web form, API, a chat request left while nobody was online —
 * not the live chat line or a walk-in line, which have queues of their own.
 */

/** Conversations awaiting a first human response, in the order the team works them. */
export function listBacklogWaiting(db: Queryable, limit: number) {
  return db
    .selectFrom('conversations as c')
    .leftJoin('chats as ch', 'ch.conversation_id', 'c.id')
    .select(['c.id', 'c.team_id', 'c.assignee_id', 'c.language', 'c.created_at'])
    .where('c.first_response_at', 'is', null)
    .where('c.status', 'in', ['new', 'open'])
    .where('c.merged_into_id', 'is', null)
    .where('c.channel', '!=', 'walk_in')
    .where((eb) => eb.or([eb('ch.conversation_id', 'is', null), eb('ch.is_offline_request', '=', true)]))
    .orderBy(sql`c.first_response_due_at asc nulls last`)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/**
 * Active agents with what decides whether, when and what they can answer: languages, skills,
 * teams, their availability switch, when they last used the workspace, when they last gave a
 * first response (the start of what they are working on now) and how many since `since` (who
 * works the backlog at all).
 */
export function listBacklogAgents(db: Queryable, since: Date) {
  return db
    .selectFrom('agents as a')
    .leftJoin('agent_availability as av', 'av.agent_id', 'a.id')
    .select([
      'a.id',
      'a.languages',
      'a.skills',
      'av.status as availability',
      sql<string[]>`coalesce((select array_agg(tm.team_id::text) from team_members tm
        where tm.agent_id = a.id), '{}')`.as('team_ids'),
      sql<Date | null>`(select max(s.last_seen_at) from sessions s where s.agent_id = a.id)`.as(
        'last_seen_at',
      ),
      sql<Date | null>`(select max(c.first_response_at) from conversations c
        where c.first_response_agent_id = a.id)`.as('last_first_response_at'),
      sql<number>`(select count(*)::int from conversations c
        where c.first_response_agent_id = a.id and c.first_response_at >= ${since}
          and c.channel not in ('chat', 'walk_in'))`.as('recent_first_responses'),
    ])
    .where('a.is_active', '=', true)
    .orderBy('a.id')
    .execute();
}

/**
 * Agent working time per first response, in seconds: the gaps between one agent's consecutive
 * first responses on the written backlog, newest first. A gap counts only when the conversation
 * answered at its end was already waiting at its start (the agent was busy, not idle) and it is
 * shorter than `maxGapSeconds` (longer ones span a break or the night).
 */
export async function listFirstResponseGaps(
  db: Queryable,
  range: { since: Date; maxGapSeconds: number; limit: number },
): Promise<number[]> {
  const result = await sql<{ seconds: number }>`
    select seconds from (
      select extract(epoch from (c.first_response_at - lag(c.first_response_at)
               over (partition by c.first_response_agent_id order by c.first_response_at)))::float8 as seconds,
             c.created_at <= lag(c.first_response_at)
               over (partition by c.first_response_agent_id order by c.first_response_at) as was_waiting,
             c.first_response_at
      from conversations c
      left join chats ch on ch.conversation_id = c.id
      where c.first_response_agent_id is not null
        and c.first_response_at >= ${range.since}
        and c.channel <> 'walk_in'
        and (ch.conversation_id is null or ch.is_offline_request)
    ) gaps
    where was_waiting and seconds > 0 and seconds < ${range.maxGapSeconds}
    order by first_response_at desc
    limit ${range.limit}`.execute(db);
  return result.rows.map((row) => Number(row.seconds));
}
