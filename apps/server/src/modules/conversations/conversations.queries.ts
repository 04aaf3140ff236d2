import type { Channel, ConversationStatus, Priority } from '@frontline/contracts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Viewer } from './conversation-access.ts';

/** Read queries: conversation summaries, the inbox list with its filters, and the view counts. */

type ConversationScope = ExpressionBuilder<Database & { c: Database['conversations'] }, 'c'>;

/**
 * The SQL twin of `canSeeConversation`: supervisors and admins see everything; an agent sees
 * conversations without a team, in one of their teams, or assigned to them.
 */
export function whereVisibleTo(viewer: Viewer) {
  return (eb: ConversationScope) => {
    if (viewer.role !== 'agent') return eb.lit(true);
    const reachable = [eb('c.team_id', 'is', null), eb('c.assignee_id', '=', viewer.agentId)];
    if (viewer.teamIds.length > 0) reachable.push(eb('c.team_id', 'in', [...viewer.teamIds]));
    return eb.or(reachable);
  };
}

/** Everything a summary (list row, stream event) shows, in one round trip. */
export function selectConversationSummaries(db: Queryable) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('teams as t', 't.id', 'c.team_id')
    .leftJoin('agents as a', 'a.id', 'c.assignee_id')
    .leftJoin('sla_policies as sp', 'sp.id', 'c.sla_policy_id')
    .leftJoin('topics as tp', 'tp.id', 'c.topic_id')
    .select([
      'c.id',
      'c.reference',
      'c.subject',
      'c.status',
      'c.priority',
      'c.channel',
      'c.language',
      'c.customer_id',
      'c.team_id',
      'c.assignee_id',
      'c.merged_into_id',
      'c.follow_up_of_id',
      'c.created_at',
      'c.updated_at',
      'c.last_message_at',
      'c.waiting_since',
      'c.first_response_at',
      'c.solved_at',
      'c.closed_at',
      'cu.name as customer_name',
      't.name as team_name',
      'a.name as assignee_name',
      'c.sla_policy_id',
      'sp.name as sla_policy_name',
      'sp.first_response_minutes as sla_first_response_minutes',
      'sp.next_response_minutes as sla_next_response_minutes',
      'sp.resolution_minutes as sla_resolution_minutes',
      'c.sla_clock_started_at',
      'c.sla_due_at',
      'c.sla_warning_at',
      'c.first_response_due_at',
      'c.next_response_due_at',
      'c.resolution_due_at',
      'c.first_response_breached_at',
      'c.next_response_breached_at',
      'c.resolution_breached_at',
      'c.topic_id',
      'c.topic_source',
      'c.topic_confidence',
      'tp.key as topic_key',
      'tp.names as topic_names',
    ])
    .select([
      sql<string | null>`(select ci.value from customer_identities ci
        where ci.customer_id = c.customer_id and ci.kind = 'email'
        order by ci.created_at, ci.id limit 1)`.as('customer_email'),
      sql<string[]>`coalesce((select array_agg(ct.tag order by ct.tag) from conversation_tags ct
        where ct.conversation_id = c.id), '{}')`.as('tags'),
      sql<string>`coalesce((select left(m.body_text, 200) from messages m
        where m.conversation_id = c.id order by m.created_at desc, m.id desc limit 1), '')`.as('preview'),
    ]);
}

export type ConversationSummaryRow = Awaited<ReturnType<typeof findConversationSummary>> & {};

export function findConversationSummary(db: Queryable, id: string) {
  return selectConversationSummaries(db).where('c.id', '=', id).executeTakeFirst();
}

export type ConversationSort =
  | 'updated_desc'
  | 'updated_asc'
  | 'created_desc'
  | 'created_asc'
  | 'sla_due_asc';

export type ConversationListFilter = {
  viewer: Viewer;
  statuses?: ConversationStatus[];
  priorities?: Priority[];
  channels?: Channel[];
  /** A team id, any of several (the viewer's teams), or null for conversations without a team. */
  teamId?: string | { anyOf: readonly string[] } | null;
  /** An agent id, or null for unassigned conversations. */
  assigneeId?: string | null;
  customerId?: string;
  tag?: string;
  /** A topic key. */
  topic?: string;
  language?: string;
  text?: string;
  /** `breached`: a due time has passed; `at_risk`: a warning has come, the due time not yet (at `now`). */
  sla?: { state: 'at_risk' | 'breached'; now: Date };
  sort: ConversationSort;
  limit: number;
  /** The sort position of the last row of the previous page. */
  after?: { at: string; id: string };
};

// Microsecond text in UTC: the cursor must carry the exact stored timestamp, and a JS Date keeps
// only milliseconds, which would skip or repeat rows created within the same millisecond.
const sortKeyFormat = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

// Matches `search_document()`: `simple` configuration over unaccented text, so no stemming and no
// diacritics ("siauliai" finds "Šiauliai"). websearch syntax never raises on user input.
const searchQuery = (text: string) => sql`websearch_to_tsquery('simple', immutable_unaccent(${text}))`;

/** One page of summaries in the requested order, one row more than `limit` to tell if more exist. */
export function listConversationSummaries(db: Queryable, filter: ConversationListFilter) {
  // Without an SLA due time a conversation sorts after every one with it: a far-future stand-in
  // keeps the (time, id) cursor working.
  const column = filter.sort.startsWith('created')
    ? sql.ref('c.created_at')
    : filter.sort === 'sla_due_asc'
      ? sql`coalesce(c.sla_due_at, '9999-12-31T00:00:00Z'::timestamptz)`
      : sql.ref('c.updated_at');
  const isDescending = filter.sort.endsWith('desc');
  let query = selectConversationSummaries(db)
    .select(sql<string>`to_char(${column} at time zone 'UTC', ${sortKeyFormat})`.as('sort_key'))
    .where(whereVisibleTo(filter.viewer));

  if (filter.statuses) query = query.where('c.status', 'in', filter.statuses);
  if (filter.priorities) query = query.where('c.priority', 'in', filter.priorities);
  if (filter.channels) query = query.where('c.channel', 'in', filter.channels);
  if (filter.teamId !== undefined) {
    const team = filter.teamId;
    query =
      team === null
        ? query.where('c.team_id', 'is', null)
        : typeof team === 'string'
          ? query.where('c.team_id', '=', team)
          : team.anyOf.length > 0
            ? query.where('c.team_id', 'in', [...team.anyOf])
            : query.where(sql<boolean>`false`);
  }
  if (filter.assigneeId !== undefined) {
    query =
      filter.assigneeId === null
        ? query.where('c.assignee_id', 'is', null)
        : query.where('c.assignee_id', '=', filter.assigneeId);
  }
  if (filter.customerId) query = query.where('c.customer_id', '=', filter.customerId);
  if (filter.sla) {
    const { state, now } = filter.sla;
    query =
      state === 'breached'
        ? query.where('c.sla_due_at', '<=', now)
        : query.where('c.sla_warning_at', '<=', now).where('c.sla_due_at', '>', now);
  }
  if (filter.language) query = query.where('c.language', '=', filter.language);
  if (filter.topic) query = query.where('tp.key', '=', filter.topic);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('conversation_tags as ct')
          .select('ct.tag')
          .whereRef('ct.conversation_id', '=', 'c.id')
          .where('ct.tag', '=', tag),
      ),
    );
  }
  if (filter.text) {
    const text = filter.text;
    const reference = /^#?(\d{1,15})$/.exec(text)?.[1];
    query = query.where((eb) =>
      eb.or([
        // Subject and every message in one document (migration 0032): a single GIN-indexed predicate.
        sql<boolean>`c.search_document @@ ${searchQuery(text)}`,
        ...(reference ? [eb('c.reference', '=', Number(reference))] : []),
      ]),
    );
  }
  if (filter.after) {
    const position = sql`(${sql.val(filter.after.at)}::timestamptz, ${sql.val(filter.after.id)}::uuid)`;
    query = query.where(sql<boolean>`(${column}, c.id) ${sql.raw(isDescending ? '<' : '>')} ${position}`);
  }
  const direction = isDescending ? 'desc' : 'asc';
  return query
    .orderBy(column, direction)
    .orderBy('c.id', direction)
    .limit(filter.limit + 1)
    .execute();
}

const openStatuses = ['new', 'open'] as const;

/** The inbox view sizes over what the viewer may see, in one scan. */
export async function countConversationViews(db: Queryable, viewer: Viewer, now: Date) {
  const row = await db
    .selectFrom('conversations as c')
    .where('c.status', 'in', [...openStatuses, 'pending', 'on_hold', 'solved'])
    .where(whereVisibleTo(viewer))
    .select((eb) => {
      const isOpen = eb('c.status', 'in', [...openStatuses]);
      const countWhere = (condition: Expression<SqlBool>) =>
        sql<number>`count(*) filter (where ${condition})::int`;
      const isInMyTeams =
        viewer.teamIds.length > 0 ? eb('c.team_id', 'in', [...viewer.teamIds]) : eb.lit(false);
      return [
        countWhere(eb.and([isOpen, eb('c.assignee_id', '=', viewer.agentId)])).as('mine'),
        countWhere(eb.and([isOpen, eb('c.assignee_id', 'is', null)])).as('unassigned'),
        countWhere(eb.and([isOpen, isInMyTeams])).as('my_teams'),
        countWhere(isOpen).as('all_open'),
        countWhere(eb('c.status', '=', 'pending')).as('pending'),
        countWhere(eb('c.status', '=', 'on_hold')).as('on_hold'),
        countWhere(eb('c.status', '=', 'solved')).as('solved'),
        countWhere(eb.and([eb('c.sla_warning_at', '<=', now), eb('c.sla_due_at', '>', now)])).as('at_risk'),
        countWhere(eb('c.sla_due_at', '<=', now)).as('breached'),
      ];
    })
    .executeTakeFirstOrThrow();
  return row;
}
