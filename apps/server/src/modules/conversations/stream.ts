import { randomUUID } from 'node:crypto';
import { type ClientStreamMessage, clientStreamMessageSchema } from '@frontline/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { Deps } from '../../deps.ts';
import { getAgent } from '../agents/index.ts';
import { canSeeConversation } from './conversation-access.ts';
import { findConversationPlacement } from './conversations.repository.ts';
import { loadViewer } from './conversations.service.ts';
import { announcePresence, leavePresence } from './presence.ts';
import { authenticateStream } from './stream-auth.ts';
import { createStreamHub, type StreamConnection, type StreamHub } from './stream-hub.ts';

// `typing` pulses closer together than this add nothing for the others and are not stored.
const typingPulseMs = 2_000;

type StreamDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'changes' | 'pool'>;

function parseClientMessage(data: RawData, isBinary: boolean): ClientStreamMessage | undefined {
  if (isBinary) return undefined;
  try {
    const parsed = clientStreamMessageSchema.safeParse(JSON.parse(data.toString()));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves one agent's socket: `ping` → `pong`, and presence (`viewing`, `typing`, `left`) for
 * conversations the agent may see. Presence in a conversation they may not see is refused with
 * an `error` event, as a 404 would be.
 */
function serveConnection(deps: StreamDeps, hub: StreamHub, connection: StreamConnection, socket: WebSocket) {
  const lastTypingAt = new Map<string, number>();
  const participant = {
    agentId: connection.viewer.agentId,
    agentName: connection.agentName,
    connectionId: connection.id,
  };

  async function handle(message: ClientStreamMessage) {
    if (message.type === 'ping') return hub.send(connection, { type: 'pong' });
    if (message.type === 'left') return leavePresence(deps, connection.id, message.conversationId);
    if (message.type === 'typing') {
      const now = deps.clock.now().getTime();
      if (now - (lastTypingAt.get(message.conversationId) ?? 0) < typingPulseMs) return;
      lastTypingAt.set(message.conversationId, now);
    }
    const placement = await findConversationPlacement(deps.db, message.conversationId);
    if (
      !placement ||
      !canSeeConversation(connection.viewer, { teamId: placement.team_id, assigneeId: placement.assignee_id })
    ) {
      return hub.send(connection, {
        type: 'error',
        code: 'conversations.not_found',
        message: 'No such conversation',
      });
    }
    const present = await announcePresence(deps, participant, message.conversationId, message.type);
    for (const event of present) hub.send(connection, event);
  }

  socket.on('pong', () => {
    connection.isAlive = true;
  });
  socket.on('message', (data, isBinary) => {
    connection.isAlive = true;
    const message = parseClientMessage(data, isBinary);
    if (!message) {
      hub.send(connection, {
        type: 'error',
        code: 'stream.invalid_message',
        message: 'Send JSON: {"type":"ping"} or {"type":"viewing"|"typing"|"left","conversationId":"<uuid>"}',
      });
      return;
    }
    handle(message).catch(() =>
      hub.send(connection, {
        type: 'error',
        code: 'stream.unavailable',
        message: 'Could not handle that; try again',
      }),
    );
  });
  socket.on('close', () => {
    hub.remove(connection);
    leavePresence(deps, connection.id).catch(() => {});
  });
}

/**
 * `GET /api/v1/stream` (WebSocket): live conversation and message events for the agents allowed
 * to see them, and presence. Authenticated by the session cookie (same-origin pages only), a
 * bearer token, or `?token=`; without one the handshake is answered 401 and never upgraded.
 */
export function registerStream(app: FastifyInstance, deps: StreamDeps) {
  const hub = createStreamHub(deps, app.log);
  // What the pre-upgrade hook established, handed to the socket handler.
  const handshakes = new WeakMap<FastifyRequest, Awaited<ReturnType<typeof authenticateStream>>>();
  app.addHook('onClose', async () => hub.close());

  app.get(
    '/api/v1/stream',
    {
      websocket: true,
      preHandler: async (request) => {
        handshakes.set(request, await authenticateStream(deps, request));
      },
    },
    async (socket, request) => {
      const authenticated = handshakes.get(request)!;
      const connection: StreamConnection = {
        id: randomUUID(),
        socket,
        viewer: { agentId: authenticated.principal.agentId, role: 'agent', teamIds: [] },
        agentName: '',
        credential: authenticated.credential,
        isAlive: true,
      };
      // Listen before the first await, so no client message is lost while we load the agent.
      const pending: [RawData, boolean][] = [];
      const buffer = (data: RawData, isBinary: boolean) => pending.push([data, isBinary]);
      socket.on('message', buffer);
      try {
        connection.viewer = await loadViewer(deps, authenticated.principal);
        connection.agentName = (await getAgent(deps, authenticated.principal.agentId)).name;
      } catch {
        socket.close(1011, 'Could not load the agent');
        return;
      }
      socket.off('message', buffer);
      if (socket.readyState !== socket.OPEN) return;
      await hub.add(connection);
      serveConnection(deps, hub, connection, socket);
      hub.send(connection, { type: 'hello', agentId: connection.viewer.agentId });
      for (const [data, isBinary] of pending) socket.emit('message', data, isBinary);
    },
  );
}
