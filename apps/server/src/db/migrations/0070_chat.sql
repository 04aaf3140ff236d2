-- Live chat and web form: agent availability, chat visitors, chats and uploaded files.
-- Frozen once shipped: add a new file instead of editing this one.

-- What an agent told us about themselves for live chat; the widget, the chat queue and its
-- expected wait follow it. No row means offline with the default limit.
create table agent_availability (
  agent_id uuid primary key references agents (id) on delete cascade,
  status text not null default 'offline' check (status in ('online', 'away', 'offline')),
  -- concurrent chats this agent may hold; claiming beyond it is refused
  max_chats integer not null default 3 check (max_chats between 0 and 50),
  updated_at timestamptz not null default now()
);

-- A browser holding a signed visitor token (the token carries only this id).
create table chat_visitors (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid references customers (id),
  -- the site's own user id, once the site vouched for it with an HMAC; follows the user across devices
  site_user_id text unique check (length(site_user_id) between 1 and 200),
  name text not null default '' check (length(name) <= 200),
  email text check (length(email) <= 320),
  language text not null default 'en',
  page_url text check (length(page_url) <= 2000),
  page_title text check (length(page_title) <= 500),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
create index chat_visitors_customer_idx on chat_visitors (customer_id);

-- Chat state of a conversation with channel `chat`: who the visitor is and who read what.
create table chats (
  conversation_id uuid primary key references conversations (id) on delete cascade,
  visitor_id uuid not null references chat_visitors (id) on delete cascade,
  -- left while nobody was available: answered by email, never queued for a live agent
  is_offline_request boolean not null default false,
  -- messages created at or before these instants have been read by that side
  visitor_read_at timestamptz,
  agent_read_at timestamptz,
  ended_at timestamptz,
  ended_by text check (ended_by in ('visitor', 'agent', 'system')),
  created_at timestamptz not null default now()
);
create index chats_visitor_idx on chats (visitor_id, created_at desc);

-- Files sent in chats and web forms. Bytes live content-addressed (sha256) in the file store;
-- a row is one upload of them, linked to a conversation once it is sent.
create table chat_uploads (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  file_name text not null check (length(file_name) between 1 and 255),
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  uploaded_by text not null check (uploaded_by in ('visitor', 'agent', 'web_form')),
  visitor_id uuid references chat_visitors (id) on delete set null,
  conversation_id uuid references conversations (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index chat_uploads_conversation_idx on chat_uploads (conversation_id);
