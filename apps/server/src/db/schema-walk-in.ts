import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

/** The walk-in service's tables (migrations 0080–0084); part of `Database` in schema.ts. */
export interface WalkInLocationsTable {
  id: Generated<string>;
  name: string;
  address: Generated<string>;
  time_zone: string;
  opening_hours: Json;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  allows_remote_join: Generated<boolean>;
  rules: Json;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface WalkInServicesTable {
  id: Generated<string>;
  location_id: string;
  names: Json;
  prefix: string;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  daily_capacity: number | null;
  last_ticket_time: string | null;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface WalkInServiceAgentsTable {
  service_id: string;
  agent_id: string;
}

export interface WalkInDesksTable {
  id: Generated<string>;
  location_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface WalkInDeskSessionsTable {
  desk_id: string;
  agent_id: string;
  service_ids: ColumnType<string[], string[], string[]>;
  signed_in_at: Timestamp;
}

export interface WalkInTicketCountersTable {
  location_id: string;
  prefix: string;
  local_day: string;
  last_number: number;
}

export type WalkInVisitStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';

export interface WalkInVisitsTable {
  id: Generated<string>;
  location_id: string;
  service_id: string;
  conversation_id: string;
  customer_id: string;
  ticket: string;
  /** 'YYYY-MM-DD' in the location's time zone. */
  local_day: string;
  language: Generated<string>;
  status: Generated<WalkInVisitStatus>;
  is_priority: Generated<boolean>;
  appointment_at: Date | null;
  queued_at: Timestamp;
  target_desk_id: string | null;
  desk_id: string | null;
  agent_id: string | null;
  call_count: Generated<number>;
  called_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  no_show_at: Date | null;
  transfer_count: Generated<number>;
  outcome: string | null;
  note: Generated<string>;
  tracking_token: string;
  /** Where the customer asked to be told their turn is near (0081): lower-case email, E.164 phone. */
  notify_email: Generated<string | null>;
  notify_phone: Generated<string | null>;
  created_at: CreatedAt;
}

export interface WalkInNotificationsTable {
  id: Generated<string>;
  visit_id: string;
  kind: 'turn_near' | 'called';
  call_number: Generated<number>;
  channel: 'email' | 'sms';
  recipient: string;
  desk_name: string | null;
  status: Generated<'queued' | 'sent' | 'failed' | 'skipped'>;
  attempts: Generated<number>;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
}

export interface WalkInPromisesTable {
  id: Generated<string>;
  visit_id: string;
  source: 'kiosk' | 'tracking' | 'desk';
  p50_seconds: number;
  p90_seconds: number;
  promised_at: Date;
  resolved_at: Date | null;
  actual_seconds: number | null;
  is_kept: boolean | null;
  /** The engine's raw forecast behind the promise, which calibration learns from (migration 0090). */
  forecast: ColumnType<unknown, string | null | undefined, string | null>;
  location_id: string | null;
}
