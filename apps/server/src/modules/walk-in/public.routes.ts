import {
  boardSchema,
  idParams,
  problemSchema,
  publicTicketBody,
  publicVisitSchema,
  remoteJoinBody,
  ticketSchema,
  visitContactBody,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { BoardHub } from './board-hub.ts';
import { getVisitByToken, setVisitContact, takeTicket } from './visits.service.ts';

const tags = ['walk-in (public)'];
const trackingTokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not a tracking token'),
});
/** Comment lines keep idle connections open through proxies that cut silent streams. */
const HEARTBEAT_MS = 15_000;

/**
 * What the kiosk, the display board and the customer's tracking page use, without sign-in: the
 * board (tickets and desks only, no personal data), its live stream, taking a ticket, and one
 * visit by its unguessable tracking token.
 */
export function registerPublicWalkInRoutes(
  app: FastifyInstance,
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  hub: BoardHub,
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const openStreams = new Set<() => void>();
  // Open streams would keep `app.close()` waiting forever; end them before the server closes.
  app.addHook('preClose', async () => {
    for (const end of openStreams) end();
  });

  routes.get(
    '/api/v1/public/walk-in/locations/:id/board',
    {
      schema: {
        tags,
        summary: 'The waiting-room board: recent calls, next per service, expected waits',
        security: [],
        params: idParams,
        response: { 200: boardSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => hub.currentBoard(request.params.id),
  );

  routes.get(
    '/api/v1/public/walk-in/locations/:id/events',
    {
      schema: {
        tags,
        summary: 'Server-sent events: a `board` event with the whole board on every change of the line',
        description:
          'The first event is the current board. `retry: 1000` makes browsers reconnect within a second.',
        security: [],
        params: idParams,
        response: { 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const first = await hub.currentBoard(request.params.id);
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (board: unknown) => stream.write(`event: board\ndata: ${JSON.stringify(board)}\n\n`);
      stream.write('retry: 1000\n\n');
      send(first);
      const unsubscribe = hub.subscribe(request.params.id, send);
      const heartbeat = setInterval(() => stream.write(': still here\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        openStreams.delete(end);
        stream.end();
      };
      openStreams.add(end);
      request.raw.on('close', end);
    },
  );

  routes.post(
    '/api/v1/public/walk-in/locations/:id/tickets',
    {
      // A kiosk serves a whole waiting room from one address: generous, but a script cannot drain a day.
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Take a ticket at the kiosk, or join the line remotely where the location allows it',
        security: [],
        params: idParams,
        body: publicTicketBody,
        response: {
          201: ticketSchema,
          400: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { source, ...ticket } = request.body;
      const taken = await takeTicket(deps, request.params.id, { ...ticket, isPriority: false }, source);
      return reply.status(201).send(taken);
    },
  );

  routes.post(
    '/api/v1/public/walk-in/locations/:id/join',
    {
      // One person joins once; a few tries for typos, not a script filling the line from one address.
      config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Join the line remotely from the public site (virtual queue), where the location allows it',
        description:
          'Needs a phone or an email: the visitor is told by SMS or email when their turn is near and when they are called.',
        security: [],
        params: idParams,
        body: remoteJoinBody,
        response: {
          201: ticketSchema,
          400: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const taken = await takeTicket(
        deps,
        request.params.id,
        { ...request.body, isPriority: false },
        'remote',
      );
      return reply.status(201).send(taken);
    },
  );

  routes.get(
    '/api/v1/public/walk-in/visits/:token',
    {
      schema: {
        tags,
        summary: 'A visit as its customer sees it (tracking page), by the token printed on the ticket',
        security: [],
        params: trackingTokenParams,
        response: { 200: publicVisitSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => getVisitByToken(deps, request.params.token),
  );

  routes.put(
    '/api/v1/public/walk-in/visits/:token/contact',
    {
      config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary:
          'Leave a phone or email on the tracking page to be told when the turn is near and when called',
        security: [],
        params: trackingTokenParams,
        body: visitContactBody,
        response: {
          200: publicVisitSchema,
          400: problemSchema,
          404: problemSchema,
          409: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request) => setVisitContact(deps, request.params.token, request.body),
  );
}
