-- Notifications: what an agent is told personally (an @mention in a note, an SLA about to break or
-- broken, work assigned to them). Shown in the workspace's bell, newest first.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references agents (id) on delete cascade,
  kind text not null check (kind in ('mention', 'sla_warning', 'sla_breach', 'assigned')),
  conversation_id uuid references conversations (id) on delete cascade,
  actor_id uuid references agents (id) on delete set null,
  -- A short excerpt; the service cuts it to 280 characters.
  text text not null check (length(text) <= 1000),
  created_at timestamptz not null default now(),
  read_at timestamptz
);
-- "My notifications, newest first" (the list and its cursor) ...
create index notifications_recipient_idx on notifications (recipient_id, created_at desc, id desc);
-- ... and "my unread" (the bell's count, the unread filter), small because read ones drop out.
create index notifications_unread_idx on notifications (recipient_id, created_at desc, id desc)
  where read_at is null;
