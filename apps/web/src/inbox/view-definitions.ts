/** The built-in inbox views; no React here, the start-up prefetch reads them too. */
import type { ConversationCounts, ConversationFilters } from '../api/conversations.ts';

export type BuiltInViewId =
  | 'mine'
  | 'unassigned'
  | 'my-teams'
  | 'all-open'
  | 'at-risk'
  | 'breached'
  | 'pending'
  | 'on-hold'
  | 'solved';

export type BuiltInView = {
  id: BuiltInViewId;
  /** Where the live count comes from in `GET /conversations/counts`. */
  countKey: keyof ConversationCounts;
  filters: ConversationFilters;
};

// "Open" work is what still needs an agent: new and open. Pending waits on the customer and on
// hold on a third party, so each has its own view.
const openStatuses = 'new,open';

export const builtInViews: BuiltInView[] = [
  { id: 'mine', countKey: 'mine', filters: { assignee: 'me', status: openStatuses } },
  { id: 'unassigned', countKey: 'unassigned', filters: { assignee: 'none', status: openStatuses } },
  { id: 'my-teams', countKey: 'myTeams', filters: { status: openStatuses } },
  { id: 'all-open', countKey: 'allOpen', filters: { status: openStatuses } },
  // SLA: a warning has come, or a target's due time has passed (sla module, migration 0050).
  { id: 'at-risk', countKey: 'atRisk', filters: { sla: 'at_risk', sort: 'sla_due_asc' } },
  { id: 'breached', countKey: 'breached', filters: { sla: 'breached', sort: 'sla_due_asc' } },
  { id: 'pending', countKey: 'pending', filters: { status: 'pending' } },
  { id: 'on-hold', countKey: 'onHold', filters: { status: 'on_hold' } },
  { id: 'solved', countKey: 'solved', filters: { status: 'solved' } },
];

export function findBuiltInView(id: string | undefined): BuiltInView | undefined {
  return builtInViews.find((view) => view.id === id);
}

/** Conversations per page in the inbox (and in its prefetch at start-up). */
export const inboxPageSize = 25;
