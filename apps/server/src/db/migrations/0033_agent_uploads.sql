-- Files agents attach to replies and internal notes. Bytes live content-addressed (sha256) in the
-- file store like every other attachment; a row is one upload of them. It belongs to the agent
-- who uploaded it until a message of theirs sends it; then `message_id` names that message, and
-- access follows the message (also after a merge moves it). Outbound email reads it from here.
-- Frozen once shipped: add a new file instead of editing this one.
create table agent_uploads (
  id uuid primary key default gen_random_uuid(),
  agent_id uuid references agents (id) on delete set null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  file_name text not null check (length(file_name) between 1 and 255),
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  message_id uuid references messages (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index agent_uploads_message_idx on agent_uploads (message_id) where message_id is not null;
create index agent_uploads_unsent_idx on agent_uploads (agent_id, created_at) where message_id is null;
