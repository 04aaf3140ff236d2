import type { AgentChatEvent, VisitorServerMessage } from '@frontline/contracts';
import type { WebSocket } from 'ws';
import type { Deps } from '../../../deps.ts';
import type { Change } from '../../../platform/realtime.ts';
import { canSeeConversation, type Viewer } from '../../conversations/index.ts';
import { isChatOngoing, toChatAgent, toChatMessage, toVisitorProfile } from './chat.dto.ts';
import { findChatPlacement, findChatView, findVisibleMessage, touchVisitors } from './chat.repository.ts';
import { type ChatQueueSnapshot, loadChatQueue } from './chat-queue.service.ts';
import { loadChatKeys } from './chat-settings.service.ts';
import { type ChatSignal, type ChatSignalListener, listenForChatSignals } from './chat-signals.ts';
import { loadVisitorState } from './visitor.service.ts';

/** One widget's socket. A visitor may have several (tabs), on several instances. */
export type VisitorConnection = {
  socket: WebSocket;
  visitorId: string;
  token: string;
  /** The visitor's latest chat, where message events for this socket come from. */
  conversationId: string | null;
  lastQueue: string;
  lastMode: string;
  isAlive: boolean;
};

/** An agent's chat socket (`/api/v1/chats/stream`). */
export type AgentConnection = { socket: WebSocket; viewer: Viewer; isAlive: boolean };

type HubDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'changes' | 'pool'>;
type Log = { warn: (object: unknown, message: string) => void };

// A socket whose unsent data exceeds this reads too slowly; it is closed and reconnects fresh.
const maxBufferedBytes = 1_048_576;
const heartbeatMs = 25_000;
const queueDebounceMs = 150;
const queueCacheMs = 1000;

const indexAdd = <T>(index: Map<string, Set<T>>, key: string, value: T) => {
  const set = index.get(key) ?? new Set<T>();
  index.set(key, set);
  set.add(value);
};
const indexRemove = <T>(index: Map<string, Set<T>>, key: string, value: T) => {
  const set = index.get(key);
  set?.delete(value);
  if (set?.size === 0) index.delete(key);
};

/**
 * This instance's chat sockets and what reaches them: committed messages and conversation
 * changes (platform change feed) and chat signals (typing, reading, pages, the queue), both
 * over LISTEN/NOTIFY so every instance hears every change. Waiting visitors get their position
 * and expected wait again whenever the line or the agents change.
 */
export function createChatHub(deps: HubDeps, log: Log) {
  const visitors = new Set<VisitorConnection>();
  const byConversation = new Map<string, Set<VisitorConnection>>();
  const byVisitor = new Map<string, Set<VisitorConnection>>();
  const agents = new Set<AgentConnection>();
  let queueTimer: NodeJS.Timeout | undefined;
  let lastWaiting = -1;
  // The queue as last loaded, shared by the welcomes of a reconnect storm (a restart brings every
  // widget back at once); dropped whenever the line, the agents or the settings change.
  let cachedQueue: { at: number; snapshot: Promise<ChatQueueSnapshot> } | undefined;
  const currentQueue = () => {
    if (!cachedQueue || Date.now() - cachedQueue.at > queueCacheMs) {
      const snapshot = loadChatQueue(deps, deps.db);
      const entry = { at: Date.now(), snapshot };
      cachedQueue = entry;
      snapshot.catch(() => {
        if (cachedQueue === entry) cachedQueue = undefined;
      });
    }
    return cachedQueue.snapshot;
  };

  const sendRaw = (socket: WebSocket, payload: string) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > maxBufferedBytes) {
      socket.close(4008, 'Reading too slowly; reconnect');
      return;
    }
    socket.send(payload);
  };
  const send = (connection: VisitorConnection, message: VisitorServerMessage) =>
    sendRaw(connection.socket, JSON.stringify(message));
  const toConversation = (conversationId: string, message: VisitorServerMessage) => {
    const payload = JSON.stringify(message);
    for (const connection of byConversation.get(conversationId) ?? []) sendRaw(connection.socket, payload);
  };

  async function toAgents(conversationId: string, event: AgentChatEvent) {
    if (agents.size === 0) return;
    const placement = await findChatPlacement(deps.db, conversationId);
    if (!placement) return;
    const payload = JSON.stringify(event);
    for (const agent of agents) {
      if (
        canSeeConversation(agent.viewer, { teamId: placement.team_id, assigneeId: placement.assignee_id })
      ) {
        sendRaw(agent.socket, payload);
      }
    }
  }

  function setConversation(connection: VisitorConnection, conversationId: string | null) {
    if (connection.conversationId === conversationId) return;
    if (connection.conversationId) indexRemove(byConversation, connection.conversationId, connection);
    connection.conversationId = conversationId;
    if (conversationId) indexAdd(byConversation, conversationId, connection);
  }

  /** Sends the visitor's whole state; the widget merges it (messages by id), so repeats are harmless. */
  async function sendWelcome(connection: VisitorConnection) {
    const { visitorId, token } = connection;
    const state = await loadVisitorState(deps, visitorId, currentQueue);
    // The socket moved to another visitor while this loaded (a new user identified on a shared
    // browser): the old visitor's state must not reach them under the new token.
    if (!state || connection.visitorId !== visitorId) return;
    setConversation(connection, state.chat?.conversationId ?? null);
    connection.lastMode = JSON.stringify(state.mode);
    connection.lastQueue = JSON.stringify(state.queue);
    send(connection, {
      type: 'welcome',
      visitorToken: token,
      visitor: toVisitorProfile(state.visitor),
      chat: state.chat,
      mode: state.mode,
      queue: state.queue,
    });
  }

  async function refreshQueue() {
    queueTimer = undefined;
    if (visitors.size === 0 && agents.size === 0) return;
    const queue = await loadChatQueue(deps, deps.db);
    cachedQueue = { at: Date.now(), snapshot: Promise.resolve(queue) };
    const mode = JSON.stringify(queue.mode);
    for (const connection of visitors) {
      if (mode !== connection.lastMode) {
        connection.lastMode = mode;
        send(connection, { type: 'mode', mode: queue.mode });
      }
      const state = connection.conversationId ? queue.queueStateOf(connection.conversationId) : null;
      const serialised = JSON.stringify(state);
      if (serialised !== connection.lastQueue) {
        connection.lastQueue = serialised;
        send(connection, { type: 'queue', queue: state });
      }
    }
    if (queue.waiting.length !== lastWaiting) {
      lastWaiting = queue.waiting.length;
      const payload = JSON.stringify({
        type: 'queue.changed',
        waiting: lastWaiting,
      } satisfies AgentChatEvent);
      for (const agent of agents) sendRaw(agent.socket, payload);
    }
  }
  const scheduleQueueRefresh = () => {
    cachedQueue = undefined;
    queueTimer ??= setTimeout(
      () => refreshQueue().catch((error) => log.warn({ err: error }, 'chat queue refresh failed')),
      queueDebounceMs,
    );
  };

  async function handleChange(change: Change) {
    if (change.type !== 'message.created') scheduleQueueRefresh();
    if (!byConversation.has(change.conversationId)) return;
    if (change.type === 'message.created' && change.messageId) {
      const row = await findVisibleMessage(deps.db, change.messageId);
      if (!row) return; // an internal note
      const keys = await loadChatKeys(deps);
      toConversation(change.conversationId, { type: 'message', message: toChatMessage(row, keys.uploadUrl) });
      return;
    }
    if (change.type === 'conversation.updated') {
      const changes = change.changes ?? [];
      const chat = await findChatView(deps.db, change.conversationId);
      if (!chat) return;
      if (changes.includes('assigneeId')) {
        const agent = chat.agent_id ? toChatAgent({ id: chat.agent_id, name: chat.agent_name ?? '' }) : null;
        toConversation(change.conversationId, { type: 'agent', agent });
      }
      if (changes.includes('status') && !isChatOngoing(chat) && chat.ended_at === null) {
        toConversation(change.conversationId, {
          type: 'ended',
          endedAt: deps.clock.now().toISOString(),
          by: 'agent',
        });
      }
    }
  }

  async function handleSignal(signal: ChatSignal) {
    switch (signal.kind) {
      case 'queue':
        return scheduleQueueRefresh();
      case 'visitor':
        for (const connection of byVisitor.get(signal.visitorId) ?? []) await sendWelcome(connection);
        return;
      case 'typing':
        if (signal.side === 'agent') {
          const agent = signal.agent ? toChatAgent(signal.agent) : null;
          return toConversation(signal.conversationId, { type: 'typing', isTyping: signal.isTyping, agent });
        }
        return toAgents(signal.conversationId, {
          type: 'visitor.typing',
          conversationId: signal.conversationId,
          isTyping: signal.isTyping,
        });
      case 'read':
        if (signal.side === 'agent')
          return toConversation(signal.conversationId, { type: 'read', agentReadAt: signal.at });
        return toAgents(signal.conversationId, {
          type: 'visitor.read',
          conversationId: signal.conversationId,
          visitorReadAt: signal.at,
        });
      case 'page':
        return toAgents(signal.conversationId, {
          type: 'visitor.page',
          conversationId: signal.conversationId,
          pageUrl: signal.url,
          pageTitle: signal.title,
        });
      case 'presence':
        return toAgents(signal.conversationId, {
          type: 'visitor.presence',
          conversationId: signal.conversationId,
          isOnline: signal.isOnline,
        });
      case 'ended': {
        scheduleQueueRefresh();
        const endedAt = deps.clock.now().toISOString();
        toConversation(signal.conversationId, { type: 'ended', endedAt, by: signal.by });
        return toAgents(signal.conversationId, {
          type: 'chat.ended',
          conversationId: signal.conversationId,
          by: signal.by,
        });
      }
    }
  }

  const report = (what: string) => (error: unknown) => log.warn({ err: error }, what);
  const unsubscribe = deps.changes.subscribe(
    (change) => void handleChange(change).catch(report('chat change failed')),
  );
  // Started with the first socket: an instance nobody chats on holds no extra connection.
  let signals: ChatSignalListener | undefined;
  const listen = () => {
    signals ??= listenForChatSignals(
      deps.pool,
      (signal) => void handleSignal(signal).catch(report('chat signal failed')),
      log,
    );
  };

  // Dead sockets (a laptop lid closed, a network gone) never say goodbye: ping, and drop the silent.
  const heartbeat = setInterval(() => {
    for (const connection of [...visitors, ...agents]) {
      if (!connection.isAlive) {
        connection.socket.terminate();
        continue;
      }
      connection.isAlive = false;
      connection.socket.ping();
    }
    if (byVisitor.size > 0)
      touchVisitors(deps.db, [...byVisitor.keys()], deps.clock.now()).catch(report('touch failed'));
    scheduleQueueRefresh();
  }, heartbeatMs);
  heartbeat.unref();

  return {
    send,
    sendWelcome,
    setConversation,
    /** Registers a widget socket; answers whether it is the visitor's first socket on this instance. */
    addVisitor(connection: VisitorConnection) {
      listen();
      visitors.add(connection);
      const isFirst = !byVisitor.has(connection.visitorId);
      indexAdd(byVisitor, connection.visitorId, connection);
      if (connection.conversationId) indexAdd(byConversation, connection.conversationId, connection);
      return isFirst;
    },
    /** Answers whether it was the visitor's last socket on this instance. */
    removeVisitor(connection: VisitorConnection) {
      visitors.delete(connection);
      indexRemove(byVisitor, connection.visitorId, connection);
      if (connection.conversationId) indexRemove(byConversation, connection.conversationId, connection);
      return !byVisitor.has(connection.visitorId);
    },
    /** The socket now speaks for another visitor (a verified user got a visitor of their own). */
    moveVisitor(connection: VisitorConnection, visitorId: string, token: string) {
      indexRemove(byVisitor, connection.visitorId, connection);
      connection.visitorId = visitorId;
      connection.token = token;
      indexAdd(byVisitor, visitorId, connection);
    },
    addAgent(connection: AgentConnection) {
      listen();
      agents.add(connection);
      lastWaiting = -1;
      scheduleQueueRefresh();
    },
    removeAgent(connection: AgentConnection) {
      agents.delete(connection);
    },
    sendToAgent(connection: AgentConnection, event: AgentChatEvent) {
      sendRaw(connection.socket, JSON.stringify(event));
    },
    async close() {
      clearInterval(heartbeat);
      clearTimeout(queueTimer);
      unsubscribe();
      await signals?.close();
      for (const connection of [...visitors, ...agents])
        connection.socket.close(1001, 'Server shutting down');
    },
  };
}
export type ChatHub = ReturnType<typeof createChatHub>;
