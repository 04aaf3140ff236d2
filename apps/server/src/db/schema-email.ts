import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

/** The email channel's tables (migrations 0040, 0041): mailboxes, their acknowledgement texts, each mail's envelope and delivery, attachments, failing addresses. */

export type MailboxInboundType = 'smtp' | 'imap';
export type EmailKind = 'person' | 'auto_reply' | 'bulk' | 'bounce' | 'acknowledgement' | 'reply';

export interface MailboxesTable {
  id: Generated<string>;
  name: string;
  address: string;
  inbound_type: MailboxInboundType;
  imap_host: string | null;
  imap_port: number | null;
  imap_secure: boolean | null;
  imap_user: string | null;
  imap_password_sealed: string | null;
  imap_folder: Generated<string>;
  imap_processed_folder: Generated<string>;
  acknowledge: Generated<boolean>;
  response_promise_amount: Generated<number>;
  response_promise_unit: Generated<'minutes' | 'hours' | 'days'>;
  response_promise_business_time: Generated<boolean>;
  signature: Generated<string>;
  outbound_smtp_url_sealed: string | null;
  team_id: string | null;
  is_enabled: Generated<boolean>;
  default_language: Generated<string>;
  inbound_checked_at: Date | null;
  inbound_error: string | null;
  inbound_error_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MailboxAcknowledgementTemplatesTable {
  mailbox_id: string;
  language: string;
  subject: string;
  body: string;
  updated_at: Timestamp;
}

export interface EmailMessagesTable {
  message_id: string;
  mailbox_id: string | null;
  rfc_message_id: string;
  in_reply_to: ColumnType<string[], string[] | undefined, string[]>;
  reference_ids: ColumnType<string[], string[] | undefined, string[]>;
  from_address: string | null;
  from_name: Generated<string>;
  to_addresses: Json;
  cc_addresses: Json;
  reply_to_addresses: Json;
  subject: Generated<string>;
  kind: Generated<EmailKind>;
  kind_reason: string | null;
  full_text: string | null;
  raw_sha256: string | null;
  raw_size: number | null;
  authentication: Json | null;
  is_suspicious: Generated<boolean>;
  threaded_by: 'reply_token' | 'message_id' | 'subject_reference' | null;
  delivery_status: 'queued' | 'sent' | 'failed' | null;
  delivery_attempts: Generated<number>;
  delivery_error: string | null;
  sent_at: Date | string | null;
  created_at: CreatedAt;
}

export interface EmailAttachmentsTable {
  id: Generated<string>;
  message_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content_id: string | null;
  is_inline: Generated<boolean>;
  created_at: CreatedAt;
}

export interface EmailFailingAddressesTable {
  address: string;
  status: Generated<string>;
  diagnostic: string | null;
  bounce_message_id: string | null;
  failure_count: Generated<number>;
  first_failed_at: Timestamp;
  last_failed_at: Timestamp;
}

/** An ETA shown to a customer, resolved at the first agent response (migration 0060). */
