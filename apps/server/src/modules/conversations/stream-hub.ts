import { type PresenceEvent, type StreamEvent, streamCloseCodes } from '@frontline/contracts';
import type { WebSocket } from 'ws';
import type { Deps } from '../../deps.ts';
import type { Change, ChannelListener } from '../../platform/realtime.ts';
import { findTeamIdsOfAgent } from '../agents/index.ts';
import { resolveToken } from '../auth/index.ts';
import { listenForNotificationSignals, type NotificationSignal } from '../notifications/index.ts';
import { canSeeConversation, type Placement, type Viewer } from './conversation-access.ts';
import { toConversationSummaryDto, toMessageDto } from './conversations.dto.ts';
import { findConversationSummary } from './conversations.queries.ts';
import {
  findConversationPlacement,
  findLatestPlacementChanges,
  findMessage,
} from './conversations.repository.ts';
import { listenForPresence, type PresenceListener, sweepStalePresence } from './presence.ts';
import type { StreamCredential } from './stream-auth.ts';

/** One agent's open stream on this instance. */
export type StreamConnection = {
  id: string;
  socket: Pick<WebSocket, 'readyState' | 'bufferedAmount' | 'send' | 'close' | 'terminate' | 'ping'>;
  viewer: Viewer;
  agentName: string;
  credential: StreamCredential;
  /** Cleared on each liveness round, set again by the client's pong. */
  isAlive: boolean;
};

// A client this far behind cannot catch up from live events anyway; it reconnects and refetches.
export const maxBufferedBytes = 1024 * 1024;
const livenessIntervalMs = 30_000;
const openState = 1;

/**
 * Sends unless the socket's outgoing buffer is already over the limit: then the slow consumer is
 * dropped (close 4008, killed if even the close frame cannot get through) so that one stalled
 * client cannot make the server hold an unbounded queue.
 */
export function sendBounded(
  connection: Pick<StreamConnection, 'socket'>,
  payload: string,
  limit = maxBufferedBytes,
) {
  const { socket } = connection;
  if (socket.readyState !== openState) return false;
  if (socket.bufferedAmount + payload.length > limit) {
    socket.close(streamCloseCodes.slowConsumer, 'Too slow: reconnect and refetch');
    setTimeout(() => socket.terminate(), 2_000).unref();
    return false;
  }
  socket.send(payload);
  return true;
}

type HubDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'changes' | 'pool'>;
type Log = { warn: (object: unknown, message: string) => void };

/**
 * This instance's fan-out. Every change from the database feed is loaded ONCE here and the same
 * serialised event goes to every connected agent allowed to see the conversation. Changes are
 * handled one after another, so agents get them in commit order.
 */
export function createStreamHub(deps: HubDeps, log: Log) {
  const connections = new Set<StreamConnection>();
  let queue = Promise.resolve();
  let presence: PresenceListener | undefined;
  let notifications: ChannelListener | undefined;

  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error) => log.warn({ err: error }, 'realtime delivery failed'));
  };

  const unsubscribe = deps.changes.subscribe((change) => {
    if (connections.size > 0) enqueue(() => deliverChange(change));
  });

  async function eventFor(change: Change): Promise<{ event: StreamEvent; placement: Placement } | undefined> {
    const row = await findConversationSummary(deps.db, change.conversationId);
    if (!row) return undefined;
    const conversation = toConversationSummaryDto(row, deps.clock.now());
    const placement = { teamId: row.team_id, assigneeId: row.assignee_id };
    if (change.type === 'message.created') {
      const message = change.messageId ? await findMessage(deps.db, change.messageId) : undefined;
      if (!message) return undefined;
      return { event: { type: change.type, conversation, message: toMessageDto(message) }, placement };
    }
    if (change.type === 'conversation.updated') {
      return { event: { type: change.type, conversation, changes: change.changes ?? [] }, placement };
    }
    return { event: { type: change.type, conversation }, placement };
  }

  /** Where a reassigned conversation was before, so the agents who lost it hear it went. */
  async function previousPlacementOf(change: Change, current: Placement): Promise<Placement | undefined> {
    const fields = change.changes ?? [];
    if (!fields.includes('teamId') && !fields.includes('assigneeId')) return undefined;
    const latest = await findLatestPlacementChanges(deps.db, change.conversationId);
    return {
      teamId: fields.includes('teamId') && latest.teamFrom !== undefined ? latest.teamFrom : current.teamId,
      assigneeId:
        fields.includes('assigneeId') && latest.assigneeFrom !== undefined
          ? latest.assigneeFrom
          : current.assigneeId,
    };
  }

  async function deliverChange(change: Change) {
    const loaded = await eventFor(change);
    if (!loaded) return;
    const previous = await previousPlacementOf(change, loaded.placement);
    const payload = JSON.stringify(loaded.event);
    for (const connection of connections) {
      const isAudience =
        canSeeConversation(connection.viewer, loaded.placement) ||
        (previous !== undefined && canSeeConversation(connection.viewer, previous));
      if (isAudience) sendBounded(connection, payload);
    }
  }

  async function deliverPresence(event: PresenceEvent) {
    const audience = [...connections].filter((connection) => connection.viewer.agentId !== event.agentId);
    if (audience.length === 0) return;
    const row = await findConversationPlacement(deps.db, event.conversationId);
    if (!row) return;
    const placement = { teamId: row.team_id, assigneeId: row.assignee_id };
    const payload = JSON.stringify(event);
    for (const connection of audience) {
      if (canSeeConversation(connection.viewer, placement)) sendBounded(connection, payload);
    }
  }

  /** A notification signal goes only to the sockets of the agents it names. */
  function deliverNotificationSignal(signal: NotificationSignal) {
    const recipients = new Set(signal.agentIds);
    const event: StreamEvent =
      signal.type === 'notification.created'
        ? { type: signal.type, kind: signal.kind, conversationId: signal.conversationId }
        : { type: signal.type };
    const payload = JSON.stringify(event);
    for (const connection of connections) {
      if (recipients.has(connection.viewer.agentId)) sendBounded(connection, payload);
    }
  }

  /**
   * Every 30 s: drops sockets that did not answer the last ping, re-checks each credential (a
   * logout, revocation or deactivation ends the stream with 4401), refreshes roles and team
   * memberships, and sweeps presence nobody renewed.
   */
  async function checkConnections() {
    for (const connection of connections) {
      if (!connection.isAlive) {
        connection.socket.terminate();
        continue;
      }
      connection.isAlive = false;
      connection.socket.ping();
      const resolved = await resolveToken(deps, connection.credential.token, connection.credential.via);
      if (!resolved) {
        connection.socket.close(streamCloseCodes.unauthenticated, 'Signed out');
        continue;
      }
      const teamIds = await findTeamIdsOfAgent(deps.db, connection.viewer.agentId);
      connection.viewer = { ...connection.viewer, role: resolved.principal.role, teamIds };
    }
    await sweepStalePresence(deps);
  }

  const livenessTimer = setInterval(() => {
    if (connections.size > 0) enqueue(checkConnections);
  }, livenessIntervalMs);
  livenessTimer.unref();

  return {
    /** Registers a socket; resolves once presence from other instances can reach it. */
    async add(connection: StreamConnection) {
      connections.add(connection);
      // Presence needs its own LISTEN connection; opened with the first stream, not at boot.
      presence ??= listenForPresence(deps.pool, log, (event) => enqueue(() => deliverPresence(event)));
      notifications ??= listenForNotificationSignals(deps.pool, log, (signal) =>
        enqueue(async () => deliverNotificationSignal(signal)),
      );
      await Promise.all([presence.ready, notifications.ready]);
    },
    remove(connection: StreamConnection) {
      connections.delete(connection);
    },
    send(connection: StreamConnection, event: StreamEvent) {
      sendBounded(connection, JSON.stringify(event));
    },
    /** One liveness round now, in turn with deliveries (the timer runs it every 30 s). */
    checkConnections(): Promise<void> {
      enqueue(checkConnections);
      return queue;
    },
    async close() {
      clearInterval(livenessTimer);
      unsubscribe();
      for (const connection of connections) connection.socket.close(1001, 'Server shutting down');
      await queue;
      await presence?.close();
      await notifications?.close();
    },
  };
}

export type StreamHub = ReturnType<typeof createStreamHub>;
