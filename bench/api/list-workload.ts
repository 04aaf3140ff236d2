import type pg from 'pg';

/**
 * The inbox lists an agent really opens, each twice: through the API (HTTP, auth, validation,
 * Kysely, response schema) and as the same SELECT sent straight through `pg`. The SQL below is
 * what the conversations module issues for a summary page (`selectConversationSummaries` with
 * `whereVisibleTo` for an agent), so the ratio isolates the cost of the application around it.
 */
export type ListFilter = {
  name: string;
  /** Query string for `GET /api/v1/conversations`, without the cursor. */
  query: Record<string, string>;
  /** Extra WHERE conditions for the direct SELECT; `$3…` are `params`. */
  conditions: string[];
  params: unknown[];
  /** Measure the second page, reached through the first page's cursor. */
  isSecondPage?: boolean;
};

export type ListContext = { agentId: string; agentTeamIds: string[]; teamId: string; tag: string };

const pageSize = 25;
const searchQuery = (parameter: string) => `websearch_to_tsquery('simple', immutable_unaccent(${parameter}))`;

export function listFilters(context: ListContext): ListFilter[] {
  return [
    { name: 'inbox, first page', query: {}, conditions: [], params: [] },
    { name: 'status=open', query: { status: 'open' }, conditions: ["c.status in ('open')"], params: [] },
    { name: 'assignee=me', query: { assignee: 'me' }, conditions: ['c.assignee_id = $1'], params: [] },
    {
      name: 'status=new,open&assignee=none',
      query: { status: 'new,open', assignee: 'none' },
      conditions: ["c.status in ('new', 'open')", 'c.assignee_id is null'],
      params: [],
    },
    {
      name: 'team=<own team>',
      query: { team: context.teamId },
      conditions: ['c.team_id = $3'],
      params: [context.teamId],
    },
    {
      name: `tag=${context.tag}`,
      query: { tag: context.tag },
      conditions: [
        'exists (select ct.tag from conversation_tags ct where ct.conversation_id = c.id and ct.tag = $3)',
      ],
      params: [context.tag],
    },
    // A rare word (zásielka, in 1.3 % of the messages), a usual one (invoice, 2.5 %), a greeting
    // (dobrý, dzień dobry: 40 %) and a typo that matches nothing: the cost of a search depends on
    // how many messages match, and on how far back the newest match lies.
    ...['zasielka', 'invoice', 'dobry', 'refnud'].map((text) => ({
      name: `text=${text}`,
      query: { text },
      conditions: [
        // The statement the conversations module issues: one per-conversation document (0032).
        `c.search_document @@ ${searchQuery('$3')}`,
      ],
      params: [text],
    })),
    { name: 'inbox, second page (cursor)', query: {}, conditions: [], params: [], isSecondPage: true },
  ];
}

function summarySql(conditions: string[]) {
  return `select c.id, c.reference, c.subject, c.status, c.priority, c.channel, c.language, c.customer_id,
      c.team_id, c.assignee_id, c.merged_into_id, c.follow_up_of_id, c.created_at, c.updated_at,
      c.last_message_at, c.waiting_since, c.first_response_at, c.solved_at, c.closed_at,
      cu.name as customer_name, t.name as team_name, a.name as assignee_name,
      (select ci.value from customer_identities ci where ci.customer_id = c.customer_id and ci.kind = 'email'
        order by ci.created_at, ci.id limit 1) as customer_email,
      coalesce((select array_agg(ct.tag order by ct.tag) from conversation_tags ct
        where ct.conversation_id = c.id), '{}') as tags,
      coalesce((select left(m.body_text, 200) from messages m where m.conversation_id = c.id
        order by m.created_at desc, m.id desc limit 1), '') as preview,
      to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key
    from conversations c
    join customers cu on cu.id = c.customer_id
    left join teams t on t.id = c.team_id
    left join agents a on a.id = c.assignee_id
    where (c.team_id is null or c.assignee_id = $1 or c.team_id = any($2::uuid[]))
      ${conditions.map((condition) => `and ${condition}`).join('\n      ')}
    order by c.updated_at desc, c.id desc
    limit ${pageSize + 1}`;
}

/** The direct SELECT for a filter, ready to run repeatedly (second pages start after page one). */
export async function prepareDirectList(client: pg.Client, filter: ListFilter, context: ListContext) {
  const base = [context.agentId, context.agentTeamIds, ...filter.params];
  if (!filter.isSecondPage) {
    const text = summarySql(filter.conditions);
    return { text, values: base };
  }
  const firstPage = await client.query<{ sort_key: string; id: string }>(summarySql(filter.conditions), base);
  const last = firstPage.rows[pageSize - 1]!;
  const position = base.length + 1;
  return {
    text: summarySql([
      ...filter.conditions,
      `(c.updated_at, c.id) < ($${position}::timestamptz, $${position + 1}::uuid)`,
    ]),
    values: [...base, last.sort_key, last.id],
  };
}

/** The API request for a filter; second pages carry the cursor of page one. */
export async function prepareApiList(baseUrl: string, token: string, filter: ListFilter) {
  const headers = { authorization: `Bearer ${token}` };
  const firstUrl = `${baseUrl}/api/v1/conversations?${new URLSearchParams(filter.query)}`;
  if (!filter.isSecondPage) return { url: firstUrl, headers };
  const firstPage = (await (await fetch(firstUrl, { headers })).json()) as { nextCursor: string | null };
  if (!firstPage.nextCursor) throw new Error(`${filter.name}: the first page has no next page`);
  const query = new URLSearchParams({ ...filter.query, cursor: firstPage.nextCursor });
  return { url: `${baseUrl}/api/v1/conversations?${query}`, headers };
}
