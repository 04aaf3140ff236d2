-- SLA: business-hours calendars, ordered SLA policies, and the due times each conversation is held to.

-- A calendar as `createCalendar` (modules/sla/business-hours.ts) reads it.
create table business_calendars (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  time_zone text not null,
  -- {mon: [{from: 'HH:MM', to: 'HH:MM'}], …}; several intervals make a split day
  weekly_hours jsonb not null,
  -- {country, region?} for public holidays from date-holidays, or null for none
  holidays jsonb,
  -- [{start, end?, reason?}] in local time: whole days or 'YYYY-MM-DDTHH:MM'
  closures jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index business_calendars_name_key on business_calendars (lower(name));

create table sla_policies (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  -- the first enabled policy (lowest position) whose conditions all hold applies
  position integer not null,
  is_enabled boolean not null default true,
  -- {channels?, priorities?, teamIds?, topics?, organisations?, tags?}: every list given must
  -- contain the conversation's value (tags: share one); an empty object matches everything
  conditions jsonb not null default '{}',
  first_response_minutes integer check (first_response_minutes > 0),
  next_response_minutes integer check (next_response_minutes > 0),
  resolution_minutes integer check (resolution_minutes > 0),
  -- null: the targets count around the clock
  calendar_id uuid references business_calendars (id) on delete restrict,
  -- the warning comes when this much business time is left before a target
  warning_minutes integer not null default 30 check (warning_minutes >= 0),
  -- {notify: bool, raisePriority: bool, backupTeamId: uuid|null}
  on_warning jsonb not null default '{"notify": true, "raisePriority": false, "backupTeamId": null}',
  on_breach jsonb not null default '{"notify": true, "raisePriority": false, "backupTeamId": null}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sla_policies_position_idx on sla_policies (position, created_at);

-- The clock: `sla_elapsed_seconds` of business time had passed at `sla_clock_started_at`; while
-- the clock runs (new, open) it keeps counting from there, while it is paused (pending, on hold,
-- solved) `sla_clock_started_at` is null. Every target is a point on this one clock, so pausing
-- and resuming need no per-target bookkeeping.
alter table conversations
  add column sla_policy_id uuid references sla_policies (id) on delete set null,
  add column sla_elapsed_seconds double precision not null default 0,
  add column sla_clock_started_at timestamptz,
  -- the clock's reading when the customer last started waiting after our first response
  add column sla_next_response_from_seconds double precision,
  add column first_response_due_at timestamptz,
  add column next_response_due_at timestamptz,
  add column resolution_due_at timestamptz,
  -- the earliest running target, and when its warning comes: the inbox views and the jobs use these
  add column sla_due_at timestamptz,
  add column sla_warning_at timestamptz,
  add column first_response_warned_at timestamptz,
  add column next_response_warned_at timestamptz,
  add column resolution_warned_at timestamptz,
  add column first_response_breached_at timestamptz,
  add column next_response_breached_at timestamptz,
  add column resolution_breached_at timestamptz;

create index conversations_sla_due_idx on conversations (sla_due_at) where sla_due_at is not null;
create index conversations_sla_warning_idx on conversations (sla_warning_at) where sla_warning_at is not null;
