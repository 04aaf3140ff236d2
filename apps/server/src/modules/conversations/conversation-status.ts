import type { ConversationStatus } from '@frontline/contracts';
import { AppError } from '../../platform/errors.ts';

/**
 * The conversation status machine:
 *
 *   new → open → pending | on_hold → solved → closed
 *
 * Work may skip steps forward (a `new` conversation can be solved at once) and move between
 * open, pending and on_hold freely; a solved conversation can be reopened or closed. `closed`
 * and `merged` are terminal: a customer writing again about a closed conversation gets a
 * follow-up conversation instead. Nobody sets `new`, and `merged` is set only by merging.
 */
const transitions: Record<ConversationStatus, readonly ConversationStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved', 'merged'],
  open: ['pending', 'on_hold', 'solved', 'merged'],
  pending: ['open', 'on_hold', 'solved', 'merged'],
  on_hold: ['open', 'pending', 'solved', 'merged'],
  solved: ['open', 'closed', 'merged'],
  closed: [],
  merged: [],
};

/** Who asks for the change: `merge` is the only way into `merged`. */
export type TransitionCause = 'agent' | 'merge' | 'system';

export function isTerminal(status: ConversationStatus): boolean {
  return transitions[status].length === 0;
}

export function canTransition(
  from: ConversationStatus,
  to: ConversationStatus,
  cause: TransitionCause,
): boolean {
  if (to === 'merged' && cause !== 'merge') return false;
  return transitions[from].includes(to);
}

export const illegalTransition = (from: ConversationStatus, to: ConversationStatus) =>
  new AppError({
    code: 'conversations.illegal_transition',
    status: 409,
    title: `A conversation cannot go from ${from} to ${to}`,
    detail:
      to === 'merged'
        ? 'Use POST /api/v1/conversations/{id}/merge to merge conversations'
        : `Allowed from ${from}: ${transitions[from].filter((status) => status !== 'merged').join(', ') || 'nothing (final)'}`,
  });

/** Throws 409 `conversations.illegal_transition` unless `from → to` is allowed. Same status is no change. */
export function assertTransition(
  from: ConversationStatus,
  to: ConversationStatus,
  cause: TransitionCause = 'agent',
) {
  if (from === to) return;
  if (!canTransition(from, to, cause)) throw illegalTransition(from, to);
}

/** An agent's public reply starts the work: a `new` conversation becomes `open`. */
export function statusAfterAgentReply(status: ConversationStatus): ConversationStatus {
  return status === 'new' ? 'open' : status;
}

/**
 * A customer writing again puts the ball back in our court: a conversation we were waiting on
 * them for (`pending`) or had solved is `open` again. `on_hold` (waiting on a third party) and
 * `new` stay as they are.
 */
export function statusAfterCustomerMessage(status: ConversationStatus): ConversationStatus {
  return status === 'pending' || status === 'solved' ? 'open' : status;
}
