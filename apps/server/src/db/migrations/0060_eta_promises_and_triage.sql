-- Promises (every ETA shown to a customer on email, web form and chat, resolved at the first
-- agent response) and triage on arrival (detected language per message, suggested priority).

create table eta_promises (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null references conversations (id) on delete cascade,
  channel text not null check (channel in ('email', 'web_form', 'chat')),
  -- the queue the ETA was computed for: 'chat', or the written backlog 'email' / 'web_form'
  queue text not null,
  p50_seconds integer not null check (p50_seconds >= 0),
  p90_seconds integer not null check (p90_seconds >= p50_seconds),
  promised_at timestamptz not null,
  resolved_at timestamptz,
  first_response_at timestamptz,
  -- first response within the P90, and |actual wait − P50| in seconds
  kept boolean,
  error_seconds integer
);
create index eta_promises_open_idx on eta_promises (conversation_id) where resolved_at is null;
create index eta_promises_promised_idx on eta_promises (promised_at);

alter table messages add column language text;

alter table conversations
  add column suggested_priority text check (suggested_priority in ('low', 'normal', 'high', 'urgent')),
  -- [{kind, points, reason, evidence}] from the urgency rules, shown to the agent beside the suggestion
  add column triage_signals jsonb not null default '[]';
