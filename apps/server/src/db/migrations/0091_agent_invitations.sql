-- Invitations: an admin adds an agent without choosing their password; the agent gets a link and
-- chooses it. Frozen once shipped: add a new file instead of editing this one.

-- One open invitation per agent (a new one replaces it). Only the token's sha256 is stored.
create table agent_invitations (
  agent_id uuid primary key references agents (id) on delete cascade,
  token_hash text not null unique,
  invited_by_id uuid references agents (id) on delete set null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
