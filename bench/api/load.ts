import pg from 'pg';
import { demoConversations, demoCustomers } from '../../apps/server/src/seed/index.ts';

export type LoadedData = {
  teamIds: string[];
  /** Assignees in team order: agents 4k…4k+3 belong to team k; the bench agent is the first. */
  agentIds: string[];
  conversations: number;
  customers: number;
  tags: string[];
};

/**
 * Bulk-loads `count` conversations with one customer message each, in a handful of
 * `generate_series` statements: this is setup, not measurement. Subjects and bodies cycle
 * through the demo conversations (five languages), so text search meets real words. Recent
 * conversations are mostly open, older ones mostly closed, as in a real inbox after a year.
 */
export async function loadConversations(
  url: string,
  options: { count: number; benchAgentId: string; teamIds: string[] },
): Promise<LoadedData> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { count, benchAgentId, teamIds } = options;
    const customers = Math.ceil(count * 0.4);
    const subjects = demoConversations.map((conversation) => conversation.subject);
    const bodies = demoConversations.map((conversation) => conversation.messages[0]!.body);
    const languageOf = new Map(demoCustomers.map((customer) => [customer.key, customer.language]));
    const languages = demoConversations.map((conversation) => languageOf.get(conversation.customer)!);
    const tags = [...new Set(demoConversations.flatMap((conversation) => conversation.tags))].sort();

    // Deterministic ids with the version and variant bits of a v4 UUID, so the API's strict
    // UUID checks accept them and related rows can be joined without lookups.
    await client.query(`create function pg_temp.bench_uuid(seed text) returns uuid language sql immutable
      as $$ select overlay(overlay(md5(seed) placing '4' from 13) placing '8' from 17)::uuid $$`);

    await client.query(
      `insert into agents (id, email, name, role, languages)
       select pg_temp.bench_uuid('agent' || g), 'agent' || g || '@bench.example', 'Bench Agent ' || g, 'agent', '{en}'
       from generate_series(1, 19) g`,
    );
    const { rows: agentRows } = await client.query<{ id: string }>(
      `select pg_temp.bench_uuid('agent' || g) as id from generate_series(1, 19) g order by g`,
    );
    const agentIds = [benchAgentId, ...agentRows.map((row) => row.id)];
    await client.query(
      `insert into team_members (team_id, agent_id)
       select ($1::uuid[])[1 + (i - 1) / 4], ($2::uuid[])[i] from generate_series(2, 20) i`,
      [teamIds, agentIds],
    );

    await client.query(
      `insert into customers (id, name, preferred_language, created_at, updated_at)
       select pg_temp.bench_uuid('customer' || g), ($2::text[])[1 + g % 40], ($3::text[])[1 + g % 40],
              now() - interval '400 days', now() - interval '400 days'
       from generate_series(1, $1) g`,
      [
        customers,
        demoCustomers.map((customer) => customer.name),
        demoCustomers.map((customer) => customer.language),
      ],
    );
    await client.query(
      `insert into customer_identities (customer_id, kind, value)
       select pg_temp.bench_uuid('customer' || g), 'email', 'customer' || g || '@bench.example'
       from generate_series(1, $1) g`,
      [customers],
    );

    await client.query(
      `insert into conversations (id, customer_id, subject, status, priority, channel, language, team_id,
         assignee_id, created_at, updated_at, last_message_at, waiting_since, first_response_at, solved_at, closed_at)
       select id, customer_id, subject, status, priority, channel, language, team_id,
         case when status = 'new' then null
              when team_index is null then ($7::uuid[])[1 + pick % 20]
              else ($7::uuid[])[1 + team_index * 4 + pick % 4] end,
         created, updated, updated,
         case when status in ('new', 'open') then created end,
         case when status <> 'new' then created + interval '1 hour' end,
         case when status in ('solved', 'closed') then updated end,
         case when status = 'closed' then updated end
       from (
         select *,
           ($3::text[])[1 + demo] as subject, ($4::text[])[1 + demo] as language,
           case when team_roll = 9 then null else team_roll % 5 end as team_index,
           case when team_roll = 9 then null else ($6::uuid[])[1 + team_roll % 5] end as team_id,
           least(now(), created + make_interval(hours => pick % 72)) as updated,
           case
             when age_days < 10 then case when roll < 15 then 'new' when roll < 45 then 'open'
               when roll < 60 then 'pending' when roll < 70 then 'on_hold' when roll < 90 then 'solved' else 'closed' end
             when age_days < 30 then case when roll < 5 then 'open' when roll < 10 then 'pending'
               when roll < 15 then 'on_hold' else 'closed' end
             else case when roll < 1 then 'open' when roll < 2 then 'pending' when roll < 3 then 'on_hold' else 'closed' end
           end as status,
           case when prio < 20 then 'low' when prio < 80 then 'normal' when prio < 95 then 'high' else 'urgent' end
             as priority,
           (array['email', 'web_form', 'chat', 'phone', 'api'])[1 + pick % 5] as channel
         from (
           select g,
             pg_temp.bench_uuid('conversation' || g) as id,
             pg_temp.bench_uuid('customer' || (1 + (g - 1) % $2)) as customer_id,
             (g - 1) % $5 as demo,
             (g - 1) * 365.0 / $1 as age_days,
             now() - make_interval(secs => (g - 1) * 365.0 * 86400 / $1) as created,
             abs(hashtext('roll' || g)) % 100 as roll,
             abs(hashtext('prio' || g)) % 100 as prio,
             abs(hashtext('team' || g)) % 10 as team_roll,
             abs(hashtext('pick' || g)) as pick
           from generate_series(1, $1) g
         ) base
       ) shaped`,
      [count, customers, subjects, languages, subjects.length, teamIds, agentIds],
    );

    await client.query(
      `insert into conversation_tags (conversation_id, tag)
       select id, ($1::text[])[1 + abs(hashtext(id::text)) % $2] from conversations
       union
       select id, ($1::text[])[1 + (abs(hashtext(id::text)) + 7) % $2] from conversations
       where abs(hashtext('second' || id::text)) % 10 < 3`,
      [tags, tags.length],
    );
    await client.query(
      `insert into messages (conversation_id, channel, direction, author_type, author_customer_id, visibility,
         body_text, created_at)
       select id, channel, 'inbound', 'customer', customer_id, 'public',
         ($2::text[])[array_position($1::text[], subject)], created_at
       from conversations`,
      [subjects, bodies],
    );
    await client.query(
      `insert into conversation_events (conversation_id, type, actor_type, data, created_at)
       select id, 'created', 'system', jsonb_build_object('channel', channel), created_at from conversations`,
    );
    await client.query('vacuum analyze');
    return { teamIds, agentIds, conversations: count, customers, tags };
  } finally {
    await client.end();
  }
}
