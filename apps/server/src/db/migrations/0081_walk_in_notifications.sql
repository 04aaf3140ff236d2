-- Walk-in notifications: "your turn is near" and "you are called to Desk 3", by email and SMS.
-- A visit keeps the contact its customer left at the kiosk or when joining remotely (normalised:
-- lower-case email, E.164 phone), so a customer found by another identity is told where they asked.
-- Frozen once shipped: add a new file instead of editing this one.

alter table walk_in_visits
  add column notify_email text check (length(notify_email) <= 320),
  add column notify_phone text check (notify_phone ~ '^\+[1-9][0-9]{6,14}$');

-- One row per message we owe a visitor. The unique key is what makes "never sent twice" hold:
-- a line check or a call that runs again finds the row and queues nothing. A recall is a new
-- call (`call_number`), so it is told again.
create table walk_in_notifications (
  id uuid primary key default gen_random_uuid(),
  visit_id uuid not null references walk_in_visits (id) on delete cascade,
  kind text not null check (kind in ('turn_near', 'called')),
  -- 0 for "turn near"; the visit's call_count for a call (1 the first call, 2 the first recall, …)
  call_number integer not null default 0,
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null,
  -- the desk named in a "called" message, fixed when it was queued
  desk_name text,
  -- 'skipped': the visit was called or finished before the message could matter
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  last_error text,
  -- Twilio's message SID, or the log provider's id
  provider_message_id text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (visit_id, kind, call_number, channel)
);
create index walk_in_notifications_visit_idx on walk_in_notifications (visit_id);
