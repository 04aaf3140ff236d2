import {
  languageCode,
  type VisitorClientMessage,
  visitorClientMessageSchema,
  visitorStreamCloseCodes,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ChatHub, VisitorConnection } from './chat-hub.ts';
import { sendChatSignal } from './chat-signals.ts';
import { assertSiteOrigin } from './site-origin.ts';
import { connectVisitor, identifyVisitor, updateVisitorProfile } from './visitor.service.ts';
import {
  endChatByVisitor,
  markReadByVisitor,
  requestTranscript,
  setVisitorPage,
  setVisitorTyping,
} from './visitor-actions.service.ts';
import { sendVisitorMessage } from './visitor-messages.service.ts';

const streamQuery = z.object({
  token: z.string().max(200).optional(),
  lang: languageCode.optional().catch(undefined),
});

/**
 * A token bucket per socket: a burst of 30 frames, then 3 per second. Typing pulses and reads
 * fit easily; a script flooding messages is told to slow down, and closed when it does not.
 */
function createFrameBudget(now: () => number) {
  const capacity = 30;
  const refillPerSecond = 3;
  let tokens = capacity;
  let updatedAt = now();
  let overdraft = 0;
  return {
    take(): 'ok' | 'slow_down' | 'close' {
      const current = now();
      tokens = Math.min(capacity, tokens + ((current - updatedAt) / 1000) * refillPerSecond);
      updatedAt = current;
      if (tokens >= 1) {
        tokens -= 1;
        overdraft = 0;
        return 'ok';
      }
      overdraft += 1;
      return overdraft > capacity ? 'close' : 'slow_down';
    },
  };
}

function parseFrame(data: RawData, isBinary: boolean): VisitorClientMessage | string {
  if (isBinary) return 'Send JSON text frames';
  try {
    const parsed = visitorClientMessageSchema.safeParse(JSON.parse(data.toString()));
    if (parsed.success) return parsed.data;
    return parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
      .join('; ');
  } catch {
    return 'Send JSON text frames';
  }
}

type StreamDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'pool'>;

/** Acts on one widget frame. Everything the visitor sends goes through here. */
async function handleFrame(
  deps: StreamDeps,
  hub: ChatHub,
  connection: VisitorConnection,
  frame: VisitorClientMessage,
) {
  const visitorId = connection.visitorId;
  switch (frame.type) {
    case 'ping':
      return hub.send(connection, { type: 'pong' });
    case 'profile': {
      const visitor = await updateVisitorProfile(deps, visitorId, frame);
      return hub.send(connection, { type: 'profile', visitor });
    }
    case 'message': {
      const sent = await sendVisitorMessage(deps, visitorId, frame);
      if (sent.conversationId !== connection.conversationId)
        hub.setConversation(connection, sent.conversationId);
      return hub.send(connection, { type: 'ack', clientId: frame.clientId, message: sent.message });
    }
    case 'typing':
      return setVisitorTyping(deps, visitorId, frame.isTyping);
    case 'read':
      return markReadByVisitor(deps, visitorId, frame.messageId);
    case 'page':
      return setVisitorPage(deps, visitorId, frame);
    case 'identify': {
      const identified = await identifyVisitor(deps, visitorId, frame);
      if (identified.visitorId !== visitorId)
        hub.moveVisitor(connection, identified.visitorId, identified.token);
      return hub.sendWelcome(connection);
    }
    case 'end':
      await endChatByVisitor(deps, visitorId);
      return;
    case 'transcript': {
      const queued = await requestTranscript(deps, visitorId, frame.email);
      return hub.send(connection, { type: 'transcript_queued', email: queued.email });
    }
  }
}

function serveConnection(
  deps: StreamDeps,
  hub: ChatHub,
  connection: VisitorConnection,
  socket: WebSocket,
  log: FastifyInstance['log'],
) {
  const budget = createFrameBudget(() => deps.clock.now().getTime());
  // One frame at a time: a visitor's messages are stored in the order they were sent.
  let queue = Promise.resolve();
  socket.on('pong', () => {
    connection.isAlive = true;
  });
  socket.on('message', (data, isBinary) => {
    connection.isAlive = true;
    const verdict = budget.take();
    if (verdict === 'close') return socket.close(visitorStreamCloseCodes.tooFast, 'Too many frames');
    const frame = parseFrame(data, isBinary);
    const clientId = typeof frame === 'object' && frame.type === 'message' ? frame.clientId : undefined;
    if (verdict === 'slow_down') {
      return hub.send(connection, {
        type: 'error',
        code: 'chat.too_fast',
        message: 'Slow down and send again',
        clientId,
      });
    }
    if (typeof frame === 'string')
      return hub.send(connection, { type: 'error', code: 'chat.invalid_frame', message: frame });
    queue = queue.then(() =>
      handleFrame(deps, hub, connection, frame).catch((error: unknown) => {
        if (error instanceof AppError) {
          return hub.send(connection, { type: 'error', code: error.code, message: error.message, clientId });
        }
        log.error({ err: error }, 'chat frame failed');
        // Not stored: the widget keeps the message and sends it again.
        hub.send(connection, {
          type: 'error',
          code: 'chat.unavailable',
          message: 'Could not do that now; trying again',
          clientId,
        });
      }),
    );
  });
}

/**
 * `GET /api/v1/public/chat/stream` (WebSocket): the widget's connection. `?token=` is the visitor
 * token from the last `welcome` (none on a first visit); `?lang=` the browser's language for a
 * new visitor. Connections are rate-limited per IP; frames per socket.
 */
export function registerVisitorStream(app: FastifyInstance, deps: StreamDeps, hub: ChatHub) {
  app.get(
    '/api/v1/public/chat/stream',
    {
      websocket: true,
      schema: { hide: true },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      preHandler: async (request) => assertSiteOrigin(deps, request.headers.origin),
    },
    async (socket, request) => {
      const query = streamQuery.safeParse(request.query);
      const pending: [RawData, boolean][] = [];
      const buffer = (data: RawData, isBinary: boolean) => pending.push([data, isBinary]);
      socket.on('message', buffer);
      let connection: VisitorConnection;
      try {
        const { visitor, token } = await connectVisitor(deps, {
          token: query.success ? query.data.token : undefined,
          language: query.success ? query.data.lang : undefined,
        });
        connection = {
          socket,
          visitorId: visitor.id,
          token,
          conversationId: null,
          lastQueue: '',
          lastMode: '',
          isAlive: true,
        };
        const isFirstSocket = hub.addVisitor(connection);
        socket.on('close', () => {
          const conversationId = connection.conversationId;
          if (hub.removeVisitor(connection) && conversationId) {
            sendChatSignal(deps.db, { kind: 'presence', conversationId, isOnline: false }).catch(() => {});
          }
        });
        await hub.sendWelcome(connection);
        if (isFirstSocket && connection.conversationId) {
          await sendChatSignal(deps.db, {
            kind: 'presence',
            conversationId: connection.conversationId,
            isOnline: true,
          });
        }
      } catch (error) {
        request.log.error({ err: error }, 'chat connection failed');
        socket.close(1011, 'Could not open the chat');
        return;
      }
      socket.off('message', buffer);
      serveConnection(deps, hub, connection, socket, request.log);
      for (const [data, isBinary] of pending) socket.emit('message', data, isBinary);
    },
  );
}
