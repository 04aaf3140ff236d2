import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';
import type {
  WalkInDeskSessionsTable,
  WalkInDesksTable,
  WalkInLocationsTable,
  WalkInNotificationsTable,
  WalkInPromisesTable,
  WalkInServiceAgentsTable,
  WalkInServicesTable,
  WalkInTicketCountersTable,
  WalkInVisitsTable,
} from './schema-walk-in.ts';

export * from './schema-walk-in.ts';

import type {
  BusinessCalendarsTable,
  SavedViewsTable,
  SlaPoliciesTable,
  TopicModelsTable,
  TopicSource,
  TopicsTable,
} from './schema-workflow.ts';

export * from './schema-workflow.ts';

import type {
  EmailAttachmentsTable,
  EmailFailingAddressesTable,
  EmailMessagesTable,
  MailboxAcknowledgementTemplatesTable,
  MailboxesTable,
} from './schema-email.ts';

export * from './schema-email.ts';

/** Row types for every table; the one place they are written down (see migrations/), with the walk-in tables in schema-walk-in.ts and the email channel's in schema-email.ts. */

export interface AgentsTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: 'admin' | 'supervisor' | 'agent';
  password_hash: string | null;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  ui_language: Generated<string>;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  team_id: string;
  agent_id: string;
  created_at: CreatedAt;
}

export interface AgentInvitationsTable {
  agent_id: string;
  token_hash: string;
  invited_by_id: string | null;
  created_at: Date;
  expires_at: Date;
}

export interface SessionsTable {
  token_hash: string;
  agent_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date | string;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  agent_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_by_id: string | null;
  created_at: CreatedAt;
  last_used_at: Date | null;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
}

export interface CustomersTable {
  id: Generated<string>;
  name: Generated<string>;
  preferred_language: string | null;
  organisation: string | null;
  notes: Generated<string>;
  merged_into_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type IdentityKind = 'email' | 'phone' | 'chat_visitor' | 'telegram' | 'whatsapp' | 'external';

export interface CustomerIdentitiesTable {
  id: Generated<string>;
  customer_id: string;
  kind: IdentityKind;
  value: string;
  created_at: CreatedAt;
}

export type ConversationStatus = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed' | 'merged';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Channel = 'api' | 'email' | 'web_form' | 'chat' | 'phone' | 'social' | 'walk_in';

export interface ConversationsTable {
  id: Generated<string>;
  reference: Generated<number>;
  customer_id: string;
  subject: Generated<string>;
  status: Generated<ConversationStatus>;
  priority: Generated<Priority>;
  channel: Generated<Channel>;
  language: string | null;
  team_id: string | null;
  assignee_id: string | null;
  merged_into_id: string | null;
  follow_up_of_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  last_message_at: Timestamp;
  waiting_since: Date | string | null;
  first_response_at: Date | string | null;
  /** The agent who gave the first human response (migration 0090). */
  first_response_agent_id: string | null;
  solved_at: Date | string | null;
  closed_at: Date | string | null;
  search_vector: ColumnType<string, never, never>;
  /** Subject and message texts, kept by triggers (migration 0032). */
  search_document: ColumnType<string, never, never>;
  /** Triage on arrival (migration 0060): the priority the urgency rules suggest, and why. */
  suggested_priority: Priority | null;
  triage_signals: Json;
  /** Topic (migration 0065): who set it, the classifier's confidence, a suggestion below the threshold. */
  topic_id: string | null;
  topic_source: TopicSource | null;
  topic_confidence: number | null;
  suggested_topic_id: string | null;
  suggested_topic_confidence: number | null;
  /** SLA (migration 0050): the applied policy, its clock and the due times it sets. */
  sla_policy_id: string | null;
  sla_elapsed_seconds: Generated<number>;
  sla_clock_started_at: Date | string | null;
  sla_next_response_from_seconds: number | null;
  first_response_due_at: Date | string | null;
  next_response_due_at: Date | string | null;
  resolution_due_at: Date | string | null;
  sla_due_at: Date | string | null;
  sla_warning_at: Date | string | null;
  first_response_warned_at: Date | string | null;
  next_response_warned_at: Date | string | null;
  resolution_warned_at: Date | string | null;
  first_response_breached_at: Date | string | null;
  next_response_breached_at: Date | string | null;
  resolution_breached_at: Date | string | null;
}

export interface ConversationTagsTable {
  conversation_id: string;
  tag: string;
  created_at: CreatedAt;
}

export interface MessagesTable {
  id: Generated<string>;
  conversation_id: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  author_type: 'customer' | 'agent' | 'system';
  author_agent_id: string | null;
  author_customer_id: string | null;
  visibility: 'public' | 'internal';
  body_text: string;
  body_html: string | null;
  metadata: Json;
  external_id: string | null;
  created_at: CreatedAt;
  search_vector: ColumnType<string, never, never>;
  /** Detected language of a customer's message (migration 0060); null when unsure. */
  language: string | null;
}

export interface ConversationEventsTable {
  id: Generated<number>;
  conversation_id: string;
  type: string;
  actor_type: 'agent' | 'customer' | 'system';
  actor_agent_id: string | null;
  data: Json;
  created_at: CreatedAt;
}

export interface IdempotencyKeysTable {
  principal: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response_body: Json | null;
  created_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface ConversationPresenceTable {
  conversation_id: string;
  agent_id: string;
  connection_id: string;
  state: 'viewing' | 'typing';
  updated_at: Timestamp;
}

export type AgentAvailabilityStatus = 'online' | 'away' | 'offline';

export interface AgentAvailabilityTable {
  agent_id: string;
  status: Generated<AgentAvailabilityStatus>;
  max_chats: Generated<number>;
  updated_at: Timestamp;
}

export interface ChatVisitorsTable {
  id: Generated<string>;
  customer_id: string | null;
  site_user_id: string | null;
  name: Generated<string>;
  email: string | null;
  language: Generated<string>;
  page_url: string | null;
  page_title: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
}

export interface ChatsTable {
  conversation_id: string;
  visitor_id: string;
  is_offline_request: Generated<boolean>;
  visitor_read_at: Date | string | null;
  agent_read_at: Date | string | null;
  ended_at: Date | string | null;
  ended_by: 'visitor' | 'agent' | 'system' | null;
  created_at: CreatedAt;
}

export interface ChatUploadsTable {
  id: Generated<string>;
  sha256: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  uploaded_by: 'visitor' | 'agent' | 'web_form';
  visitor_id: string | null;
  conversation_id: string | null;
  created_at: CreatedAt;
}

/** An agent's file for a reply or note (migration 0033): theirs until `message_id` sends it. */
export interface AgentUploadsTable {
  id: Generated<string>;
  agent_id: string | null;
  sha256: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  message_id: Generated<string | null>;
  created_at: CreatedAt;
}

export interface EtaPromisesTable {
  id: Generated<string>;
  conversation_id: string;
  channel: 'email' | 'web_form' | 'chat';
  queue: string;
  p50_seconds: number;
  p90_seconds: number;
  promised_at: Date | string;
  resolved_at: Date | string | null;
  first_response_at: Date | string | null;
  kept: boolean | null;
  error_seconds: number | null;
  /** The conversation's team when the promise was made (migration 0090). */
  team_id: string | null;
  /** The engine's raw forecast behind the promise, which calibration learns from (migration 0090). */
  forecast: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface NotificationsTable {
  id: Generated<string>;
  recipient_id: string;
  kind: 'mention' | 'sla_warning' | 'sla_breach' | 'assigned';
  conversation_id: string | null;
  actor_id: string | null;
  text: string;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface Database {
  agent_invitations: AgentInvitationsTable;
  agents: AgentsTable;
  mailboxes: MailboxesTable;
  mailbox_acknowledgement_templates: MailboxAcknowledgementTemplatesTable;
  email_messages: EmailMessagesTable;
  email_attachments: EmailAttachmentsTable;
  email_failing_addresses: EmailFailingAddressesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  conversations: ConversationsTable;
  conversation_tags: ConversationTagsTable;
  messages: MessagesTable;
  conversation_events: ConversationEventsTable;
  conversation_presence: ConversationPresenceTable;
  idempotency_keys: IdempotencyKeysTable;
  settings: SettingsTable;
  agent_availability: AgentAvailabilityTable;
  chat_visitors: ChatVisitorsTable;
  chats: ChatsTable;
  chat_uploads: ChatUploadsTable;
  agent_uploads: AgentUploadsTable;
  walk_in_locations: WalkInLocationsTable;
  walk_in_services: WalkInServicesTable;
  walk_in_service_agents: WalkInServiceAgentsTable;
  walk_in_desks: WalkInDesksTable;
  walk_in_desk_sessions: WalkInDeskSessionsTable;
  walk_in_ticket_counters: WalkInTicketCountersTable;
  walk_in_visits: WalkInVisitsTable;
  walk_in_promises: WalkInPromisesTable;
  walk_in_notifications: WalkInNotificationsTable;
  eta_promises: EtaPromisesTable;
  business_calendars: BusinessCalendarsTable;
  sla_policies: SlaPoliciesTable;
  notifications: NotificationsTable;
  saved_views: SavedViewsTable;
  topics: TopicsTable;
  topic_models: TopicModelsTable;
}

export type AgentRow = Selectable<AgentsTable>;
export type TeamRow = Selectable<TeamsTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type CustomerIdentityRow = Selectable<CustomerIdentitiesTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type NewConversation = Insertable<ConversationsTable>;
export type ConversationUpdate = Updateable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type MailboxRow = Selectable<MailboxesTable>;
export type EmailMessageRow = Selectable<EmailMessagesTable>;
export type ConversationEventRow = Selectable<ConversationEventsTable>;
export type ChatVisitorRow = Selectable<ChatVisitorsTable>;
export type ChatRow = Selectable<ChatsTable>;
export type ChatUploadRow = Selectable<ChatUploadsTable>;
export type WalkInVisitRow = Selectable<WalkInVisitsTable>;
export type WalkInNotificationRow = Selectable<WalkInNotificationsTable>;
