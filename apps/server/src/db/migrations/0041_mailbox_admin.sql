-- Mailbox administration: an on/off switch, the language automatic mail falls back to, and what
-- the IMAP poller last saw, so the admin screen can say whether a mailbox is healthy.
-- Frozen once shipped; add a new file instead.

-- Off: the SMTP listener answers 450 (the sender's server retries later) and the IMAP account is
-- not polled, so mail waits where it is instead of being lost. Replies still go out.
alter table mailboxes add column is_enabled boolean not null default true;
-- Acknowledgements use the customer's language when it is known; otherwise this one.
alter table mailboxes add column default_language text not null default 'en'
  check (default_language in ('en', 'lt', 'sk', 'pl', 'hu'));
-- Written by the IMAP poller only; never touches updated_at (which restarts the poller).
alter table mailboxes add column inbound_checked_at timestamptz;
alter table mailboxes add column inbound_error text;
alter table mailboxes add column inbound_error_at timestamptz;

-- "Last mail received" per mailbox on the admin list, without scanning every email.
create index email_messages_mailbox_created_idx on email_messages (mailbox_id, created_at desc)
  where mailbox_id is not null;
