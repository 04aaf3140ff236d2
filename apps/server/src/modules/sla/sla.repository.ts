import { sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.ts';
import type { ConversationUpdate } from '../../db/schema.ts';

// ---- calendars -------------------------------------------------------------------------------

export function listCalendarRows(db: Queryable) {
  return db.selectFrom('business_calendars').selectAll().orderBy('name').execute();
}

export function findCalendarRow(db: Queryable, id: string) {
  return db.selectFrom('business_calendars').selectAll().where('id', '=', id).executeTakeFirst();
}

export type CalendarColumns = {
  name: string;
  time_zone: string;
  weekly_hours: string;
  holidays: string | null;
  closures: string;
};

export function insertCalendarRow(db: Queryable, values: CalendarColumns) {
  return db.insertInto('business_calendars').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateCalendarRow(db: Queryable, id: string, values: CalendarColumns, now: Date) {
  return db
    .updateTable('business_calendars')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteCalendarRow(db: Queryable, id: string): Promise<boolean> {
  const result = await db.deleteFrom('business_calendars').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// ---- policies --------------------------------------------------------------------------------

export function listPolicyRows(db: Queryable) {
  return db.selectFrom('sla_policies').selectAll().orderBy('position').orderBy('created_at').execute();
}

export function findPolicyRow(db: Queryable, id: string) {
  return db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

export type PolicyColumns = {
  name: string;
  is_enabled: boolean;
  conditions: string;
  first_response_minutes: number | null;
  next_response_minutes: number | null;
  resolution_minutes: number | null;
  calendar_id: string | null;
  warning_minutes: number;
  on_warning: string;
  on_breach: string;
};

export function insertPolicyRow(db: Queryable, values: PolicyColumns & { position: number }) {
  return db.insertInto('sla_policies').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updatePolicyRow(db: Queryable, id: string, values: Partial<PolicyColumns>, now: Date) {
  return db
    .updateTable('sla_policies')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Writes positions 0…n-1 in the given order. */
export async function writePolicyOrder(db: Queryable, idsInOrder: string[]) {
  for (const [position, id] of idsInOrder.entries()) {
    await db.updateTable('sla_policies').set({ position }).where('id', '=', id).execute();
  }
}

export async function deletePolicyRow(db: Queryable, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sla_policies').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function lockPolicies(tx: Tx) {
  return sql`lock table sla_policies in share row exclusive mode`.execute(tx);
}

// ---- conversations ---------------------------------------------------------------------------

/** The conversation as its SLA needs it: status, placement, tags, topic, organisation and the clock. */
export function findSlaSubject(db: Queryable, conversationId: string) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('topics as tp', 'tp.id', 'c.topic_id')
    .where('c.id', '=', conversationId)
    .select([
      'c.id',
      'c.reference',
      'c.subject',
      'c.status',
      'c.priority',
      'c.channel',
      'c.team_id',
      'c.assignee_id',
      'c.first_response_at',
      'c.waiting_since',
      'c.sla_policy_id',
      'c.sla_elapsed_seconds',
      'c.sla_clock_started_at',
      'c.sla_next_response_from_seconds',
      'c.first_response_due_at',
      'c.next_response_due_at',
      'c.resolution_due_at',
      'c.sla_due_at',
      'c.sla_warning_at',
      'c.first_response_warned_at',
      'c.next_response_warned_at',
      'c.resolution_warned_at',
      'c.first_response_breached_at',
      'c.next_response_breached_at',
      'c.resolution_breached_at',
      'cu.organisation',
      'tp.key as topic_key',
    ])
    .select(
      sql<string[]>`coalesce((select array_agg(ct.tag) from conversation_tags ct
        where ct.conversation_id = c.id), '{}')`.as('tags'),
    )
    .executeTakeFirst();
}
export type SlaSubjectRow = NonNullable<Awaited<ReturnType<typeof findSlaSubject>>>;

export function lockConversationForSla(tx: Tx, conversationId: string) {
  return tx
    .selectFrom('conversations')
    .select('id')
    .where('id', '=', conversationId)
    .forUpdate()
    .executeTakeFirst();
}

export function updateConversationSlaRow(db: Queryable, conversationId: string, set: ConversationUpdate) {
  return db.updateTable('conversations').set(set).where('id', '=', conversationId).execute();
}

export type SlaEventInsert = {
  conversation_id: string;
  type: string;
  data: Record<string, unknown>;
  created_at: Date;
};

/** Timeline events written by the SLA module, always by the system. */
export async function insertSlaEvents(db: Queryable, events: SlaEventInsert[]) {
  if (events.length === 0) return;
  await db
    .insertInto('conversation_events')
    .values(
      events.map((event) => ({
        conversation_id: event.conversation_id,
        type: event.type,
        actor_type: 'system' as const,
        actor_agent_id: null,
        data: JSON.stringify(event.data),
        created_at: event.created_at,
      })),
    )
    .execute();
}

/** The assignee and the active supervisors who are members of the team: who is told of an escalation. */
export async function findEscalationRecipients(
  db: Queryable,
  placement: { teamId: string | null; assigneeId: string | null },
): Promise<string[]> {
  const supervisors = placement.teamId
    ? await db
        .selectFrom('team_members as tm')
        .innerJoin('agents as a', 'a.id', 'tm.agent_id')
        .where('tm.team_id', '=', placement.teamId)
        .where('a.role', '=', 'supervisor')
        .where('a.is_active', '=', true)
        .select('a.id')
        .orderBy('a.name')
        .execute()
    : [];
  return [
    ...new Set([...(placement.assigneeId ? [placement.assigneeId] : []), ...supervisors.map((s) => s.id)]),
  ];
}

export async function findTeamName(db: Queryable, teamId: string): Promise<string | null> {
  const row = await db.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst();
  return row?.name ?? null;
}

/** Conversations still held to targets, for a recount after the policies change; `after` pages by id. */
/** Before a policy goes: its conversations show no due times until the recount matches them again. */
export function clearDueTimesOfPolicy(db: Queryable, policyId: string) {
  return db
    .updateTable('conversations')
    .set({
      first_response_due_at: null,
      next_response_due_at: null,
      resolution_due_at: null,
      sla_due_at: null,
      sla_warning_at: null,
    })
    .where('sla_policy_id', '=', policyId)
    .execute();
}

export function listCountingConversationIds(db: Queryable, after: string | null, limit: number) {
  let query = db
    .selectFrom('conversations')
    .select('id')
    .where('status', 'in', ['new', 'open', 'pending', 'on_hold'])
    .orderBy('id')
    .limit(limit);
  if (after) query = query.where('id', '>', after);
  return query.execute();
}

// ---- jobs ------------------------------------------------------------------------------------

/**
 * Matches every conversation still counting again, in the background (`sla_recount`); one
 * pending recount covers any number of edits made before it runs.
 */
export async function queueSlaRecount(db: Queryable) {
  await sql`select graphile_worker.add_job('sla_recount', '{}'::json, job_key := 'sla_recount')`.execute(db);
}

/**
 * Schedules (or replaces, through the job key) the job that runs at `moment`, or removes it when
 * there is no moment. The delay is taken from the application clock and added to the database's
 * `now()`, so the job runs at the exact moment while both clocks agree, and a test that moves
 * the application clock moves the job's schedule with it.
 */
export async function scheduleSlaJob(
  tx: Queryable,
  task: string,
  jobKey: string,
  payload: Record<string, unknown>,
  moment: Date | null,
  now: Date,
) {
  if (moment === null) {
    await sql`select graphile_worker.remove_job(${jobKey})`.execute(tx);
    return;
  }
  const delaySeconds = Math.max(0, (moment.getTime() - now.getTime()) / 1000);
  await sql`select graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json,
    run_at := now() + make_interval(secs => ${delaySeconds}), job_key := ${jobKey}, max_attempts := 5)`.execute(
    tx,
  );
}

/** The calendar of the SLA policy a conversation is held to; null without one or around the clock. */
export async function findPolicyCalendarIdOf(db: Queryable, conversationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('conversations as c')
    .innerJoin('sla_policies as p', 'p.id', 'c.sla_policy_id')
    .select('p.calendar_id')
    .where('c.id', '=', conversationId)
    .executeTakeFirst();
  return row?.calendar_id ?? null;
}
