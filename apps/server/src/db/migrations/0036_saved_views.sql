-- Saved inbox views: an agent's own filter sets (status, priority, team, assignee, channel,
-- language, tag, customer, text), kept on the server so they follow the agent to every browser.
-- A view may be shared with one team: its members see it, only its owner changes it.
create table saved_views (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references agents (id) on delete cascade,
  team_id uuid references teams (id) on delete set null,
  name text not null check (length(name) between 1 and 100),
  -- The inbox's query string as an object (`{"status":"new,open","tag":"refund"}`), validated
  -- against the list query on save.
  filters jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index saved_views_owner_idx on saved_views (owner_id, created_at);
create index saved_views_team_idx on saved_views (team_id, created_at) where team_id is not null;
