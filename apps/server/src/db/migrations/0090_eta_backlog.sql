-- The ETA engine for the written backlog (email, web form, chat requests left offline) and online
-- calibration of every promise. Frozen once shipped: add a new file instead of editing this one.

-- Who gave the first human response: the backlog's handling times are the gaps between one
-- agent's first responses (eta/backlog.repository.ts).
alter table conversations add column first_response_agent_id uuid references agents (id) on delete set null;
update conversations c
  set first_response_agent_id = (
    select m.author_agent_id from messages m
    where m.conversation_id = c.id and m.author_type = 'agent' and m.visibility = 'public'
    order by m.created_at, m.id limit 1)
  where c.first_response_at is not null;
-- The recent first responses (handling-time gaps) and each agent's latest and count.
create index conversations_first_responses_idx on conversations (first_response_at)
  where first_response_agent_id is not null;
create index conversations_first_responder_idx on conversations (first_response_agent_id, first_response_at)
  where first_response_agent_id is not null;
-- The backlog in routing order: awaiting a first response, soonest due first, then oldest.
create index conversations_awaiting_first_response_idx on conversations (first_response_due_at, created_at)
  where first_response_at is null and status in ('new', 'open') and merged_into_id is null;

-- A promise remembers the engine's own forecast behind it (P50, P90, mean and when someone who
-- could answer was on duty, before calibration): the calibration learns from exactly these. And
-- the team the conversation was in when it was promised, which the report groups by.
alter table eta_promises
  add column team_id uuid references teams (id) on delete set null,
  add column forecast jsonb;
update eta_promises p set team_id = c.team_id from conversations c where c.id = p.conversation_id;
-- Email, web form and offline chat requests are one queue now: the written backlog.
update eta_promises set queue = 'backlog' where queue in ('email', 'web_form', 'chat_offline');
create index eta_promises_calibration_idx on eta_promises (queue, promised_at desc) where forecast is not null;

alter table walk_in_promises add column forecast jsonb;
alter table walk_in_promises add column location_id uuid references walk_in_locations (id) on delete cascade;
update walk_in_promises p set location_id = v.location_id from walk_in_visits v where v.id = p.visit_id;
create index walk_in_promises_calibration_idx on walk_in_promises (location_id, promised_at desc)
  where forecast is not null;
