-- Conversations: who is viewing or typing in a conversation right now (the collision warning),
-- and the index behind the inbox's "oldest/newest created" sorts.

-- Unlogged: presence is ephemeral, needs no WAL or crash safety, and is rebuilt by clients
-- announcing themselves again. One row per socket, so two tabs of one agent are two rows.
create unlogged table conversation_presence (
  conversation_id uuid not null references conversations (id) on delete cascade,
  agent_id uuid not null references agents (id) on delete cascade,
  connection_id uuid not null,
  state text not null check (state in ('viewing', 'typing')),
  updated_at timestamptz not null default now(),
  primary key (conversation_id, connection_id)
);
create index conversation_presence_connection_idx on conversation_presence (connection_id);
create index conversation_presence_updated_idx on conversation_presence (updated_at);

create index conversations_created_idx on conversations (created_at desc, id desc);
