-- Email channel: mailboxes, acknowledgement templates, email metadata, attachments, bounces.
-- Frozen once shipped; add a new file instead.

create table mailboxes (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  -- where customers write; mail to `local+anything@domain` lands here too (reply tokens)
  address text not null check (address = lower(address) and length(address) between 3 and 320 and position('+' in split_part(address, '@', 1)) = 0),
  inbound_type text not null check (inbound_type in ('smtp', 'imap')),
  imap_host text,
  imap_port integer check (imap_port between 1 and 65535),
  imap_secure boolean,
  imap_user text,
  -- AES-256-GCM sealed (see the email module's secret box); never returned by the API
  imap_password_sealed text,
  imap_folder text not null default 'INBOX',
  imap_processed_folder text not null default 'Frontline/Processed',
  acknowledge boolean not null default true,
  -- what the acknowledgement promises until the ETA capability computes it
  response_promise_amount integer not null default 4 check (response_promise_amount between 1 and 1000),
  response_promise_unit text not null default 'hours' check (response_promise_unit in ('minutes', 'hours', 'days')),
  response_promise_business_time boolean not null default true,
  signature text not null default '',
  -- an SMTP URL of its own (may hold credentials, so sealed); null means the instance's SMTP_URL
  outbound_smtp_url_sealed text,
  team_id uuid references teams (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (
    inbound_type = 'smtp'
    or (imap_host is not null and imap_port is not null and imap_user is not null and imap_password_sealed is not null)
  )
);
create unique index mailboxes_address_key on mailboxes (address);

-- An admin's own text for one language of one mailbox; languages without a row use the built-in text.
create table mailbox_acknowledgement_templates (
  mailbox_id uuid not null references mailboxes (id) on delete cascade,
  language text not null check (language in ('en', 'lt', 'sk', 'pl', 'hu')),
  subject text not null check (length(subject) between 1 and 500),
  body text not null check (length(body) between 1 and 20000),
  updated_at timestamptz not null default now(),
  primary key (mailbox_id, language)
);

-- Email details of a message (inbound or outbound). The inbound Message-ID is also the message's
-- `external_id` (channel 'email'), whose unique index stores a redelivered mail once.
create table email_messages (
  message_id uuid primary key references messages (id) on delete cascade,
  mailbox_id uuid references mailboxes (id) on delete set null,
  rfc_message_id text not null,
  in_reply_to text[] not null default '{}',
  reference_ids text[] not null default '{}',
  from_address text,
  from_name text not null default '',
  to_addresses jsonb not null default '[]',
  cc_addresses jsonb not null default '[]',
  reply_to_addresses jsonb not null default '[]',
  subject text not null default '',
  kind text not null default 'person' check (kind in ('person', 'auto_reply', 'bulk', 'bounce', 'acknowledgement', 'reply')),
  kind_reason text,
  -- the whole text part, quoted history included (the message body holds only the new text)
  full_text text,
  -- the original message as received, stored content-addressed under the data dir
  raw_sha256 text check (raw_sha256 ~ '^[0-9a-f]{64}$'),
  raw_size integer,
  authentication jsonb,
  is_suspicious boolean not null default false,
  threaded_by text check (threaded_by in ('reply_token', 'message_id', 'subject_reference')),
  -- outbound delivery: queued → sent, or failed for good after the retries
  delivery_status text check (delivery_status in ('queued', 'sent', 'failed')),
  delivery_attempts integer not null default 0,
  delivery_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
create index email_messages_rfc_message_id_idx on email_messages (rfc_message_id);

create table email_attachments (
  id uuid primary key default gen_random_uuid(),
  message_id uuid not null references messages (id) on delete cascade,
  filename text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content_id text,
  is_inline boolean not null default false,
  created_at timestamptz not null default now()
);
create index email_attachments_message_idx on email_attachments (message_id);

-- Addresses that bounced for good: no automatic mail goes there until they write to us again.
create table email_failing_addresses (
  address text primary key check (address = lower(address)),
  status text not null default '',
  diagnostic text,
  bounce_message_id uuid references messages (id) on delete set null,
  failure_count integer not null default 1,
  first_failed_at timestamptz not null default now(),
  last_failed_at timestamptz not null default now()
);

-- An agent's public reply in an email conversation is mailed by a job. Enqueued here, in the
-- reply's own transaction, so a committed reply is never left unsent whichever module wrote it;
-- the conversations module stays unaware of channels. (graphile_worker's schema exists before
-- any message is written: the runtime migrates it first.)
create function enqueue_email_reply() returns trigger
  language plpgsql as $$
begin
  if new.channel = 'email' and new.direction = 'outbound' and new.author_type = 'agent' and new.visibility = 'public' then
    perform graphile_worker.add_job(
      'email_send_reply',
      json_build_object('messageId', new.id),
      job_key => 'email-reply:' || new.id::text,
      max_attempts => 10
    );
  end if;
  return new;
end
$$;

create trigger messages_enqueue_email_reply
  after insert on messages
  for each row execute function enqueue_email_reply();
