import type { ConversationStatus, Priority, UpdateConversationBody } from '@frontline/contracts';
import type { ConversationUpdate } from '../../db/schema.ts';
import { assertTransition, type TransitionCause } from './conversation-status.ts';
import { conversationClosed, conversationMerged } from './conversations.errors.ts';

/** The parts of a conversation a PATCH can change, as they are now. */
export type ChangeableConversation = {
  status: ConversationStatus;
  priority: Priority;
  teamId: string | null;
  assigneeId: string | null;
  language: string | null;
  subject: string;
  tags: string[];
  mergedIntoId: string | null;
};

export type TimelineEntry = { type: string; data: Record<string, unknown> };

export type ConversationUpdatePlan = {
  /** Column changes, without `updated_at` (the caller stamps it). */
  set: ConversationUpdate;
  addedTags: string[];
  removedTags: string[];
  events: TimelineEntry[];
  /** Changed fields in the API's names, for the realtime `conversation.updated`. */
  changedFields: string[];
};

/**
 * Timestamps that follow a status: solving stamps `solved_at` and stops the customer's wait,
 * closing stamps `closed_at`, reopening forgets the solve.
 */
export function statusTimestamps(
  from: ConversationStatus,
  to: ConversationStatus,
  now: Date,
): ConversationUpdate {
  if (from === to) return {};
  const set: ConversationUpdate = {};
  if (to === 'solved') set.solved_at = now;
  if (to === 'closed') set.closed_at = now;
  if (to === 'solved' || to === 'closed' || to === 'merged') set.waiting_since = null;
  if (from === 'solved' && to !== 'closed' && to !== 'merged') set.solved_at = null;
  return set;
}

/** A status change as column changes plus its timeline entry; checks the status machine. */
export function planStatusChange(
  from: ConversationStatus,
  to: ConversationStatus,
  now: Date,
  cause: TransitionCause = 'agent',
): { set: ConversationUpdate; events: TimelineEntry[] } {
  if (from === to) return { set: {}, events: [] };
  assertTransition(from, to, cause);
  return {
    set: { status: to, ...statusTimestamps(from, to, now) },
    events: [{ type: 'status_changed', data: { from, to } }],
  };
}

/**
 * Works out what a PATCH changes. Fields equal to their current value are no change and write no
 * event. A closed conversation accepts only tags, so reports can still be corrected after the
 * fact; a merged one accepts nothing, its life continues in the target.
 */
export function planConversationUpdate(
  current: ChangeableConversation,
  input: UpdateConversationBody,
  now: Date,
): ConversationUpdatePlan {
  const plan: ConversationUpdatePlan = {
    set: {},
    addedTags: [],
    removedTags: [],
    events: [],
    changedFields: [],
  };
  const change = <T>(
    field: string,
    from: T,
    to: T | undefined,
    column: keyof ConversationUpdate,
    eventType: string,
  ) => {
    if (to === undefined || to === from) return;
    Object.assign(plan.set, { [column]: to });
    plan.events.push({ type: eventType, data: { from, to } });
    plan.changedFields.push(field);
  };

  if (current.status === 'merged') throw conversationMerged(current.mergedIntoId);
  if (input.status !== undefined && input.status !== current.status) {
    const statusChange = planStatusChange(current.status, input.status, now);
    Object.assign(plan.set, statusChange.set);
    plan.events.push(...statusChange.events);
    plan.changedFields.push('status');
  }
  change('priority', current.priority, input.priority, 'priority', 'priority_changed');
  change('teamId', current.teamId, input.teamId, 'team_id', 'team_changed');
  change('assigneeId', current.assigneeId, input.assigneeId, 'assignee_id', 'assigned');
  change('language', current.language, input.language, 'language', 'language_changed');
  change('subject', current.subject, input.subject, 'subject', 'subject_changed');
  if (current.status === 'closed' && plan.changedFields.length > 0) throw conversationClosed();

  if (input.tags !== undefined) {
    const wanted = [...new Set(input.tags)];
    plan.addedTags = wanted.filter((tag) => !current.tags.includes(tag)).sort();
    plan.removedTags = current.tags.filter((tag) => !wanted.includes(tag)).sort();
    if (plan.addedTags.length > 0 || plan.removedTags.length > 0) {
      plan.events.push({ type: 'tags_changed', data: { added: plan.addedTags, removed: plan.removedTags } });
      plan.changedFields.push('tags');
    }
  }
  return plan;
}
