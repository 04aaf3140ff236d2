import type { AgentRole } from '@frontline/contracts';

type AdminStanding = { role: AgentRole; isActive: boolean };

/** Whether an agent counts towards "someone can still manage this instance". */
export function isActiveAdmin(agent: AdminStanding): boolean {
  return agent.role === 'admin' && agent.isActive;
}

/**
 * True when applying `changes` to `agent` would leave the instance with no active admin:
 * the agent is an active admin now, would not be afterwards, and no other active admin exists.
 */
export function wouldRemoveLastAdmin(
  agent: AdminStanding,
  changes: Partial<AdminStanding>,
  otherActiveAdminCount: number,
): boolean {
  const after = { role: changes.role ?? agent.role, isActive: changes.isActive ?? agent.isActive };
  return isActiveAdmin(agent) && !isActiveAdmin(after) && otherActiveAdminCount === 0;
}
