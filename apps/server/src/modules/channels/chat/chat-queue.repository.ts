import { sql } from 'kysely';
import type { Queryable } from '../../../db/database.ts';
import type { AgentAvailabilityStatus, Channel } from '../../../db/schema.ts';

/** Agent availability, the chat queue and the chat settings row: SQL only. */

/** Statuses in which a chat still occupies its agent's slot. */
export const activeChatStatuses = ['new', 'open', 'pending', 'on_hold'] as const;

export function findAvailability(db: Queryable, agentId: string) {
  return db.selectFrom('agent_availability').selectAll().where('agent_id', '=', agentId).executeTakeFirst();
}

export function upsertAvailability(
  db: Queryable,
  agentId: string,
  changes: { status?: AgentAvailabilityStatus; max_chats?: number },
  defaults: { max_chats: number },
  now: Date,
) {
  return db
    .insertInto('agent_availability')
    .values({ agent_id: agentId, status: 'offline', ...defaults, ...changes, updated_at: now })
    .onConflict((conflict) => conflict.column('agent_id').doUpdateSet({ ...changes, updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The agent's availability row, created if missing, locked: claims by one agent go one by one. */
export async function lockAvailability(db: Queryable, agentId: string, defaults: { max_chats: number }) {
  await db
    .insertInto('agent_availability')
    .values({ agent_id: agentId, ...defaults })
    .onConflict((conflict) => conflict.column('agent_id').doNothing())
    .execute();
  return db
    .selectFrom('agent_availability')
    .selectAll()
    .where('agent_id', '=', agentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function countActiveChatsOf(db: Queryable, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('conversations as c')
    .innerJoin('chats as ch', 'ch.conversation_id', 'c.id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('c.assignee_id', '=', agentId)
    .where('c.status', 'in', activeChatStatuses)
    .where('ch.ended_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Active agents who are online or away, with their limit and current chat load. */
export function listAgentLoads(db: Queryable) {
  return db
    .selectFrom('agent_availability as av')
    .innerJoin('agents as a', 'a.id', 'av.agent_id')
    .select([
      'av.agent_id',
      'av.status',
      'av.max_chats',
      'a.name',
      'a.languages',
      sql<number>`(select count(*)::int from conversations c join chats ch on ch.conversation_id = c.id
        where c.assignee_id = av.agent_id and ch.ended_at is null
          and c.status in ('new', 'open', 'pending', 'on_hold'))`.as('active_chats'),
    ])
    .where('a.is_active', '=', true)
    .where('av.status', 'in', ['online', 'away'])
    .orderBy('a.name')
    .execute();
}

/** Live chats nobody has claimed yet, first come first served. */
export function listWaitingChats(db: Queryable) {
  return db
    .selectFrom('chats as ch')
    .innerJoin('conversations as c', 'c.id', 'ch.conversation_id')
    .innerJoin('chat_visitors as v', 'v.id', 'ch.visitor_id')
    .select([
      'c.id as conversation_id',
      'c.reference',
      'c.language',
      'c.created_at',
      'c.waiting_since',
      'c.team_id',
      'v.id as visitor_id',
      'v.name as visitor_name',
      'v.page_url',
      sql<string>`coalesce((select left(m.body_text, 200) from messages m
        where m.conversation_id = c.id and m.visibility = 'public'
        order by m.created_at desc, m.id desc limit 1), '')`.as('preview'),
    ])
    .where('c.assignee_id', 'is', null)
    .where('c.status', 'in', ['new', 'open'])
    .where('ch.ended_at', 'is', null)
    .where('ch.is_offline_request', '=', false)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** Handling times (first response to solved, seconds) of up to `limit` recent live chats. */
export async function findRecentChatHandleSeconds(
  db: Queryable,
  since: Date,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('conversations as c')
    .innerJoin('chats as ch', 'ch.conversation_id', 'c.id')
    .select(sql<number>`extract(epoch from (c.solved_at - c.first_response_at))::float8`.as('seconds'))
    .where('c.solved_at', '>=', since)
    .where('c.first_response_at', 'is not', null)
    .where('ch.is_offline_request', '=', false)
    .orderBy('c.solved_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => Number(row.seconds)).filter((seconds) => seconds > 0);
}

/**
 * How long recent live-chat visitors waited for an agent and whether they gave up first (left
 * before anyone answered), newest first: the patience model's evidence.
 */
export async function listRecentChatWaits(db: Queryable, since: Date, limit: number) {
  const rows = await db
    .selectFrom('chats as ch')
    .innerJoin('conversations as c', 'c.id', 'ch.conversation_id')
    .select([
      sql<number>`extract(epoch from (coalesce(c.first_response_at, ch.ended_at) - c.created_at))::float8`.as(
        'waited_seconds',
      ),
      sql<boolean>`c.first_response_at is null`.as('abandoned'),
    ])
    .where('ch.is_offline_request', '=', false)
    .where('c.created_at', '>=', since)
    .where((eb) =>
      eb.or([
        eb('c.first_response_at', 'is not', null),
        eb.and([eb('ch.ended_at', 'is not', null), eb('ch.ended_by', '=', 'visitor')]),
      ]),
    )
    .orderBy('c.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    waitedSeconds: Math.max(0, Number(row.waited_seconds)),
    abandoned: row.abandoned,
  }));
}

/** When each chat an agent holds now started being handled (first response, else the claim's update). */
export function listActiveChatStarts(db: Queryable) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('chats as ch', 'ch.conversation_id', 'c.id')
    .select(['c.assignee_id', sql<Date>`coalesce(c.first_response_at, c.updated_at)`.as('since')])
    .where('c.assignee_id', 'is not', null)
    .where('ch.ended_at', 'is', null)
    .where('c.status', 'in', activeChatStatuses)
    .execute();
}

export async function readSettingValue(db: Queryable, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export function writeSettingValue(db: Queryable, key: string, value: unknown) {
  return db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }),
    )
    .execute();
}

/** Stores `value` under `key` unless a value is there; answers the stored one either way. */
export async function insertSettingOnce(db: Queryable, key: string, value: unknown): Promise<unknown> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  return readSettingValue(db, key);
}

/** P50 and P90 of the time to a first response (seconds) for requests on these channels since `since`. */
export async function findFirstResponsePercentiles(db: Queryable, channels: Channel[], since: Date) {
  const row = await db
    .selectFrom('conversations as c')
    .select([
      sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (c.first_response_at - c.created_at)))`.as(
        'p50',
      ),
      sql<
        number | null
      >`percentile_cont(0.9) within group (order by extract(epoch from (c.first_response_at - c.created_at)))`.as(
        'p90',
      ),
      sql<number>`count(*)::int`.as('samples'),
    ])
    .where('c.channel', 'in', channels)
    .where('c.created_at', '>=', since)
    .where('c.first_response_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return row;
}
