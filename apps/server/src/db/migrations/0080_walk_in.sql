-- Walk-in service: locations, services and desks; visits (a numbered ticket that is also a
-- conversation with channel `walk_in`), desk sign-ins and the waits promised to customers.
-- Frozen once shipped: add a new file instead of editing this one.

create table walk_in_locations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  address text not null default '' check (length(address) <= 500),
  time_zone text not null check (length(time_zone) between 1 and 64),
  -- {weeklyHours: {mon: [{from, to}], …}, holidayCountry}: the location's business-hours calendar
  opening_hours jsonb not null,
  languages text[] not null default '{en}',
  allows_remote_join boolean not null default false,
  -- {priorityBoostMinutes, appointmentLeadMinutes, noShowGraceSeconds, readmitWindowMinutes}
  rules jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table walk_in_services (
  id uuid primary key default gen_random_uuid(),
  location_id uuid not null references walk_in_locations (id) on delete cascade,
  -- {en, lt?, sk?, pl?, hu?}
  names jsonb not null,
  prefix text not null check (prefix ~ '^[A-Z]$'),
  skills text[] not null default '{}',
  daily_capacity integer check (daily_capacity > 0),
  last_ticket_time text check (last_ticket_time ~ '^\d{2}:\d{2}$'),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);
-- One letter per location, so a ticket number names one line.
create unique index walk_in_services_prefix_key on walk_in_services (location_id, prefix);

create table walk_in_service_agents (
  service_id uuid not null references walk_in_services (id) on delete cascade,
  agent_id uuid not null references agents (id) on delete cascade,
  primary key (service_id, agent_id)
);

create table walk_in_desks (
  id uuid primary key default gen_random_uuid(),
  location_id uuid not null references walk_in_locations (id) on delete cascade,
  name text not null check (length(name) between 1 and 60),
  created_at timestamptz not null default now(),
  unique (location_id, name)
);

-- Who works a desk now and for which services; no row means the desk is closed.
create table walk_in_desk_sessions (
  desk_id uuid primary key references walk_in_desks (id) on delete cascade,
  agent_id uuid not null unique references agents (id) on delete cascade,
  service_ids uuid[] not null,
  signed_in_at timestamptz not null default now()
);

-- The last ticket number per letter and local day; the row lock serialises numbering.
create table walk_in_ticket_counters (
  location_id uuid not null references walk_in_locations (id) on delete cascade,
  prefix text not null,
  local_day text not null check (local_day ~ '^\d{4}-\d{2}-\d{2}$'),
  last_number integer not null,
  primary key (location_id, prefix, local_day)
);

create table walk_in_visits (
  id uuid primary key default gen_random_uuid(),
  location_id uuid not null references walk_in_locations (id) on delete cascade,
  service_id uuid not null references walk_in_services (id),
  conversation_id uuid not null references conversations (id),
  customer_id uuid not null references customers (id),
  ticket text not null,
  local_day text not null check (local_day ~ '^\d{4}-\d{2}-\d{2}$'),
  language text not null default 'en',
  status text not null default 'waiting'
    check (status in ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  is_priority boolean not null default false,
  appointment_at timestamptz,
  -- the visit's place in line: arrival, kept across a transfer, moved on re-admission
  queued_at timestamptz not null,
  target_desk_id uuid references walk_in_desks (id) on delete set null,
  desk_id uuid references walk_in_desks (id) on delete set null,
  agent_id uuid references agents (id) on delete set null,
  call_count integer not null default 0,
  called_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  no_show_at timestamptz,
  transfer_count integer not null default 0,
  outcome text check (outcome in ('resolved', 'follow_up', 'referred', 'not_resolved')),
  note text not null default '',
  tracking_token text not null unique,
  created_at timestamptz not null default now(),
  unique (location_id, local_day, ticket)
);
create index walk_in_visits_line_idx on walk_in_visits (location_id, status, queued_at);
create index walk_in_visits_conversation_idx on walk_in_visits (conversation_id);

-- Every wait shown to a customer (kiosk, tracking page), resolved when the visit is called.
create table walk_in_promises (
  id uuid primary key default gen_random_uuid(),
  visit_id uuid not null references walk_in_visits (id) on delete cascade,
  source text not null check (source in ('kiosk', 'tracking', 'desk')),
  p50_seconds integer not null,
  p90_seconds integer not null,
  promised_at timestamptz not null,
  resolved_at timestamptz,
  -- seconds from the promise to the call; kept when within the P90
  actual_seconds integer,
  is_kept boolean
);
create index walk_in_promises_open_idx on walk_in_promises (visit_id) where resolved_at is null;
