import type { PresenceEvent } from '@frontline/contracts';
import type pg from 'pg';
import type { Deps } from '../../deps.ts';
import { type ChannelListener, listenToChannel } from '../../platform/realtime.ts';
import {
  deletePresence,
  deleteStalePresence,
  findAgentNames,
  listPresence,
  notifyPresence,
  upsertPresence,
} from './presence.repository.ts';

/**
 * Presence for the collision warning: who is viewing or typing in a conversation. Rows live in
 * an unlogged table (so a newcomer can be told who is already there, whichever instance they
 * are on); changes travel to every instance over their own NOTIFY channel, apart from the
 * domain change feed, because they are not domain events and are far more frequent.
 */
export const presenceChannel = 'frontline_presence';

/** Clients renew `viewing` every 25 s; a row not renewed for this long is a ghost. */
export const presenceTtlMs = 60_000;
/** `typing` is a pulse; after this long without one the agent is only viewing. */
export const typingTtlMs = 10_000;

export type PresenceParticipant = { agentId: string; agentName: string; connectionId: string };

type PresenceDeps = Pick<Deps, 'db' | 'clock'>;

async function broadcast(deps: PresenceDeps, event: PresenceEvent) {
  await notifyPresence(deps.db, presenceChannel, JSON.stringify(event));
}

const eventOf = (
  conversationId: string,
  agentId: string,
  agentName: string,
  state: PresenceEvent['state'],
  at: Date,
): PresenceEvent => ({ type: 'presence', conversationId, agentId, agentName, state, at: at.toISOString() });

/**
 * Records and announces that a participant views or types in a conversation. For `viewing`,
 * answers everyone else already present, so the newcomer sees them at once.
 */
export async function announcePresence(
  deps: PresenceDeps,
  participant: PresenceParticipant,
  conversationId: string,
  state: 'viewing' | 'typing',
): Promise<PresenceEvent[]> {
  const now = deps.clock.now();
  await upsertPresence(deps.db, { ...participant, conversationId, state, now });
  await broadcast(deps, eventOf(conversationId, participant.agentId, participant.agentName, state, now));
  if (state !== 'viewing') return [];
  const present = await listPresence(
    deps.db,
    conversationId,
    new Date(now.getTime() - presenceTtlMs),
    new Date(now.getTime() - typingTtlMs),
  );
  return present
    .filter((row) => row.agent_id !== participant.agentId)
    .map((row) => eventOf(conversationId, row.agent_id, row.agent_name, row.state, new Date(row.updated_at)));
}

/**
 * After rows went away, tells everyone what remains of each agent in each conversation: still
 * `viewing`/`typing` from another tab, or `left`.
 */
async function announceRemaining(
  deps: PresenceDeps,
  removed: { conversation_id: string; agent_id: string }[],
) {
  const now = deps.clock.now();
  const pairs = new Map(removed.map((row) => [`${row.conversation_id}/${row.agent_id}`, row]));
  const names = await findAgentNames(deps.db, [...new Set(removed.map((row) => row.agent_id))]);
  for (const { conversation_id: conversationId, agent_id: agentId } of pairs.values()) {
    const present = await listPresence(
      deps.db,
      conversationId,
      new Date(now.getTime() - presenceTtlMs),
      new Date(now.getTime() - typingTtlMs),
    );
    const remaining = present.find((row) => row.agent_id === agentId);
    await broadcast(
      deps,
      eventOf(conversationId, agentId, names.get(agentId) ?? '', remaining?.state ?? 'left', now),
    );
  }
}

/** A socket leaves one conversation, or (closing) all of them. */
export async function leavePresence(deps: PresenceDeps, connectionId: string, conversationId?: string) {
  await announceRemaining(deps, await deletePresence(deps.db, connectionId, conversationId));
}

/** Removes presence nobody renewed (a closed laptop, a crashed instance) and announces it. */
export async function sweepStalePresence(deps: PresenceDeps) {
  const removed = await deleteStalePresence(deps.db, new Date(deps.clock.now().getTime() - presenceTtlMs));
  if (removed.length > 0) await announceRemaining(deps, removed);
}

export type PresenceListener = ChannelListener;

/** One dedicated connection LISTENing for presence, from every instance. */
export function listenForPresence(
  pool: pg.Pool,
  log: { warn: (object: unknown, message: string) => void },
  handler: (event: PresenceEvent) => void,
): PresenceListener {
  return listenToChannel(
    pool,
    presenceChannel,
    (payload) => handler(JSON.parse(payload) as PresenceEvent),
    log,
  );
}
