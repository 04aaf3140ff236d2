import { forbidden } from '../../platform/errors.ts';
import type { Role } from '../../platform/http.ts';

/** The signed-in agent as far as conversation access is concerned. */
export type Viewer = { agentId: string; role: Role; teamIds: readonly string[] };

/** Where a conversation sits: which team's queue and whose desk. */
export type Placement = { teamId: string | null; assigneeId: string | null };

const isSupervising = (viewer: Viewer) => viewer.role === 'supervisor' || viewer.role === 'admin';

/**
 * Supervisors and admins see every conversation. An agent sees the shared queue (no team), their
 * teams' queues, and whatever is assigned to them. The SQL twin of this rule is
 * `whereVisibleTo` in conversations.queries.ts; both are tested against the same cases.
 */
export function canSeeConversation(viewer: Viewer, placement: Placement): boolean {
  if (isSupervising(viewer)) return true;
  if (placement.assigneeId === viewer.agentId) return true;
  return placement.teamId === null || viewer.teamIds.includes(placement.teamId);
}

/**
 * Why an agent may not move a conversation from `from` to `to`, or null when they may.
 * Agents take work and give back their own: they may assign an unassigned conversation (or one
 * already theirs) to themselves and unassign themselves. Taking a colleague's conversation,
 * assigning to anyone else and changing the team are reassignments, which are for supervisors.
 * When an agent creates a conversation they may file it under one of their own teams.
 */
export function reassignmentDenial(
  viewer: Viewer,
  from: Placement,
  to: Placement,
  options: { isCreation: boolean } = { isCreation: false },
): string | null {
  if (isSupervising(viewer)) return null;
  if (to.assigneeId !== from.assigneeId) {
    const isTakingFreeWork = to.assigneeId === viewer.agentId && from.assigneeId === null;
    const isGivingBackOwnWork = to.assigneeId === null && from.assigneeId === viewer.agentId;
    if (!isTakingFreeWork && !isGivingBackOwnWork) {
      return from.assigneeId !== null && to.assigneeId === viewer.agentId
        ? 'Only a supervisor can take over a conversation assigned to someone else'
        : 'Agents can assign conversations only to themselves';
    }
  }
  if (to.teamId !== from.teamId) {
    const isFilingUnderOwnTeam =
      options.isCreation && to.teamId !== null && viewer.teamIds.includes(to.teamId);
    if (!isFilingUnderOwnTeam) return 'Only a supervisor can move a conversation to another team';
  }
  return null;
}

/** Throws 403 `conversations.reassign_forbidden` when `reassignmentDenial` says no. */
export function assertMayReassign(
  viewer: Viewer,
  from: Placement,
  to: Placement,
  options?: { isCreation: boolean },
) {
  const denial = reassignmentDenial(viewer, from, to, options);
  if (denial) throw forbidden('conversations.reassign_forbidden', denial);
}
