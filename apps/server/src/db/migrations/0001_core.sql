-- Core platform: agents, teams, auth, customers, conversations, messages, events.
-- Frozen: never edit a migration that has shipped; add a new file instead.

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (its dictionary can change); indexes need an IMMUTABLE wrapper
-- that names the dictionary explicitly.
create function immutable_unaccent(input text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, input) $$;

-- Polish, Slovak and Czech have no built-in text-search configuration, so every language is
-- searched with `simple` over unaccented, lower-cased text; names also get trigram indexes.
create function search_document(input text) returns tsvector
  language sql immutable parallel safe
  as $$ select to_tsvector('simple', immutable_unaccent(coalesce(input, ''))) $$;

create table agents (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(email)),
  name text not null check (length(name) between 1 and 200),
  role text not null check (role in ('admin', 'supervisor', 'agent')),
  password_hash text,
  languages text[] not null default '{}',
  skills text[] not null default '{}',
  ui_language text not null default 'en',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table teams (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index teams_name_key on teams (lower(name));

create table team_members (
  team_id uuid not null references teams (id) on delete cascade,
  agent_id uuid not null references agents (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (team_id, agent_id)
);
create index team_members_agent_idx on team_members (agent_id);

-- Login sessions. Only a sha256 of the token is stored, so a database leak yields no session.
create table sessions (
  token_hash text primary key,
  agent_id uuid not null references agents (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text
);
create index sessions_agent_idx on sessions (agent_id);
create index sessions_expires_idx on sessions (expires_at);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  agent_id uuid not null references agents (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  token_hash text not null unique,
  token_prefix text not null,
  created_by_id uuid references agents (id) on delete set null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_agent_idx on api_tokens (agent_id);

create table customers (
  id uuid primary key default gen_random_uuid(),
  name text not null default '',
  preferred_language text,
  organisation text,
  notes text not null default '',
  merged_into_id uuid references customers (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index customers_name_trgm_idx on customers using gin (immutable_unaccent(lower(name)) gin_trgm_ops);
create index customers_created_idx on customers (created_at desc, id desc);

-- One row per way to reach a customer; `value` is normalised (case-folded email, E.164 phone).
create table customer_identities (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id) on delete cascade,
  kind text not null check (kind in ('email', 'phone', 'chat_visitor', 'telegram', 'whatsapp', 'external')),
  value text not null check (length(value) between 1 and 320),
  created_at timestamptz not null default now(),
  unique (kind, value)
);
create index customer_identities_customer_idx on customer_identities (customer_id);
create index customer_identities_value_trgm_idx on customer_identities using gin (value gin_trgm_ops);

create sequence conversation_reference_seq start with 1001;

create table conversations (
  id uuid primary key default gen_random_uuid(),
  reference bigint not null unique default nextval('conversation_reference_seq'),
  customer_id uuid not null references customers (id),
  subject text not null default '',
  status text not null default 'new'
    check (status in ('new', 'open', 'pending', 'on_hold', 'solved', 'closed', 'merged')),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  channel text not null default 'api'
    check (channel in ('api', 'email', 'web_form', 'chat', 'phone', 'social', 'walk_in')),
  language text,
  team_id uuid references teams (id) on delete set null,
  assignee_id uuid references agents (id) on delete set null,
  merged_into_id uuid references conversations (id),
  follow_up_of_id uuid references conversations (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_message_at timestamptz not null default now(),
  -- when the customer started waiting for us; null while the ball is in the customer's court
  waiting_since timestamptz,
  first_response_at timestamptz,
  solved_at timestamptz,
  closed_at timestamptz,
  search_vector tsvector generated always as (search_document(subject)) stored
);
alter sequence conversation_reference_seq owned by conversations.reference;
create index conversations_updated_idx on conversations (updated_at desc, id desc);
create index conversations_status_updated_idx on conversations (status, updated_at desc, id desc);
create index conversations_assignee_idx on conversations (assignee_id, status, updated_at desc);
create index conversations_team_idx on conversations (team_id, status, updated_at desc);
create index conversations_customer_idx on conversations (customer_id, created_at desc);
create index conversations_solved_idx on conversations (solved_at) where status = 'solved';
create index conversations_search_idx on conversations using gin (search_vector);

create table conversation_tags (
  conversation_id uuid not null references conversations (id) on delete cascade,
  tag text not null check (tag = lower(tag) and length(tag) between 1 and 64),
  created_at timestamptz not null default now(),
  primary key (conversation_id, tag)
);
create index conversation_tags_tag_idx on conversation_tags (tag);

create table messages (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null references conversations (id) on delete cascade,
  channel text not null,
  direction text not null check (direction in ('inbound', 'outbound')),
  author_type text not null check (author_type in ('customer', 'agent', 'system')),
  author_agent_id uuid references agents (id) on delete set null,
  author_customer_id uuid references customers (id),
  visibility text not null default 'public' check (visibility in ('public', 'internal')),
  body_text text not null,
  body_html text,
  -- channel metadata: email Message-ID and headers, chat client ids, …
  metadata jsonb not null default '{}',
  -- a channel's own id for the message (email Message-ID, chat client message id); a duplicate
  -- delivery of the same id on the same channel is stored once
  external_id text,
  created_at timestamptz not null default now(),
  search_vector tsvector generated always as (search_document(body_text)) stored
);
create index messages_conversation_idx on messages (conversation_id, created_at, id);
create unique index messages_external_id_key on messages (channel, external_id) where external_id is not null;
create index messages_search_idx on messages using gin (search_vector);

-- The timeline: every change to a conversation.
create table conversation_events (
  id bigint generated always as identity primary key,
  conversation_id uuid not null references conversations (id) on delete cascade,
  type text not null,
  actor_type text not null check (actor_type in ('agent', 'customer', 'system')),
  actor_agent_id uuid references agents (id) on delete set null,
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index conversation_events_conversation_idx on conversation_events (conversation_id, id);

-- Responses to POSTs carrying an Idempotency-Key, replayed to a retry of the same request.
create table idempotency_keys (
  principal text not null,
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  status_code integer,
  response_body jsonb,
  created_at timestamptz not null default now(),
  primary key (principal, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);

create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
insert into settings (key, value) values ('auto_close_after_days', '4');
