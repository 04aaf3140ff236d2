import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

/** SLA, saved-view and topic tables (migrations 0036, 0050, 0065); part of `Database` in schema.ts. */
/** A business-hours calendar (migration 0050), as `createCalendar` reads it. */
export interface BusinessCalendarsTable {
  id: Generated<string>;
  name: string;
  time_zone: string;
  weekly_hours: Json;
  holidays: ColumnType<unknown, string | null | undefined, string | null>;
  closures: Json;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SlaPoliciesTable {
  id: Generated<string>;
  name: string;
  position: number;
  is_enabled: Generated<boolean>;
  conditions: Json;
  first_response_minutes: number | null;
  next_response_minutes: number | null;
  resolution_minutes: number | null;
  calendar_id: string | null;
  warning_minutes: Generated<number>;
  on_warning: Json;
  on_breach: Json;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SavedViewsTable {
  id: Generated<string>;
  owner_id: string;
  team_id: string | null;
  name: string;
  filters: ColumnType<Record<string, string>, string, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type TopicSource = 'rule' | 'classifier' | 'agent';

/** Admin-defined topics with keyword rules per language (migration 0065). */
export interface TopicsTable {
  id: Generated<string>;
  key: string;
  names: ColumnType<Record<string, string>, string | undefined, string>;
  keywords: ColumnType<Record<string, string[]>, string | undefined, string>;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The one trained topic classifier (migration 0065). */
export interface TopicModelsTable {
  id: Generated<number>;
  model: ColumnType<unknown, string, string>;
  example_count: number;
  trained_at: Timestamp;
}
