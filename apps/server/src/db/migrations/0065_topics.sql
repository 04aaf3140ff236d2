-- Topics (issue 5): admin-defined topics with keyword rules per language, the topic a
-- conversation has (and who set it), the classifier's suggestion and the trained model.

create table topics (
  id uuid primary key default gen_random_uuid(),
  -- stable key, used by SLA policy conditions ("topics": ["billing"])
  key text not null unique check (key ~ '^[a-z0-9][a-z0-9_-]{0,59}$'),
  -- {"en": "Billing", "lt": "Sąskaitos", ...}
  names jsonb not null default '{}',
  -- {"en": ["invoice", "refund"], "lt": ["sąskait"], ...}; a keyword matches a word prefix
  keywords jsonb not null default '{}',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table conversations
  add column topic_id uuid references topics (id) on delete set null,
  add column topic_source text check (topic_source in ('rule', 'classifier', 'agent')),
  -- the classifier's posterior probability when it set the topic
  add column topic_confidence real,
  -- a classifier prediction below the threshold: left for the agent to apply
  add column suggested_topic_id uuid references topics (id) on delete set null,
  add column suggested_topic_confidence real;
create index conversations_topic_idx on conversations (topic_id) where topic_id is not null;
-- the training set: solved conversations with a topic an agent set
create index conversations_agent_topic_idx on conversations (solved_at)
  where topic_source = 'agent' and topic_id is not null;

-- One row: the multinomial Naive Bayes model the arrival triage uses.
create table topic_models (
  id integer primary key default 1 check (id = 1),
  model jsonb not null,
  example_count integer not null,
  trained_at timestamptz not null
);
