import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.ts';
import { authenticateStream, loadViewer } from '../../conversations/index.ts';
import type { AgentConnection, ChatHub } from './chat-hub.ts';

/**
 * `GET /api/v1/chats/stream` (WebSocket): what only live chat has, for agents — the visitor
 * typing, reading, changing pages, coming and going, ending the chat, and the waiting line
 * moving. Authenticated like `/api/v1/stream` (session cookie from our own pages, bearer, or
 * `?token=`). Agents send `{"type":"ping"}`; everything they do goes through the REST routes.
 */
export function registerAgentChatStream(
  app: FastifyInstance,
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  hub: ChatHub,
) {
  const handshakes = new WeakMap<FastifyRequest, Awaited<ReturnType<typeof authenticateStream>>>();
  app.get(
    '/api/v1/chats/stream',
    {
      websocket: true,
      schema: { hide: true },
      preHandler: async (request) => {
        handshakes.set(request, await authenticateStream(deps, request));
      },
    },
    async (socket, request) => {
      const { principal } = handshakes.get(request)!;
      const connection: AgentConnection = {
        socket,
        viewer: { agentId: principal.agentId, role: principal.role, teamIds: [] },
        isAlive: true,
      };
      socket.on('pong', () => {
        connection.isAlive = true;
      });
      socket.on('message', () => {
        connection.isAlive = true;
        hub.sendToAgent(connection, { type: 'pong' });
      });
      socket.on('close', () => hub.removeAgent(connection));
      try {
        connection.viewer = await loadViewer(deps, principal);
      } catch {
        socket.close(1011, 'Could not load the agent');
        return;
      }
      if (socket.readyState !== socket.OPEN) return;
      hub.addAgent(connection);
      hub.sendToAgent(connection, { type: 'hello', agentId: principal.agentId });
    },
  );
}
