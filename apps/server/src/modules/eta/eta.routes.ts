import {
  conversationPromisesResponse,
  idParams,
  problemSchema,
  promiseReportQuery,
  promiseReportSchema,
  publicEtaQuery,
  publicEtaSchema,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { loadViewer } from '../conversations/index.ts';
import { listConversationPromises, reportPromises } from './promises.service.ts';
import { type ChannelEtaSources, createPublicEta, PUBLIC_ETA_MAX_AGE_SECONDS } from './public-eta.ts';

/**
 * `GET /api/v1/public/eta` (no sign-in: the contact page and anyone's site show it) and the
 * promises report for supervisors. The channels' live figures come from their own modules
 * through `sources`, so this module depends on none of them.
 */
export function registerEtaRoutes(
  app: FastifyInstance,
  deps: Pick<Deps, 'db' | 'clock'>,
  sources: ChannelEtaSources,
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const currentEta = createPublicEta(sources, () => deps.clock.now());

  routes.get(
    '/api/v1/public/eta',
    {
      schema: {
        tags: ['eta (public)'],
        summary: 'Expected first response for someone contacting us now on a channel',
        description:
          'P50 and P90 in seconds; `open` is false while the channel takes no live contacts (chat offline). ' +
          `No personal data; recomputed at most every ${PUBLIC_ETA_MAX_AGE_SECONDS} s and cacheable as long.`,
        security: [],
        querystring: publicEtaQuery,
        response: { 200: publicEtaSchema, 400: problemSchema, 429: problemSchema },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { eta, ageSeconds } = await currentEta(request.query.channel);
      reply.header(
        'cache-control',
        `public, max-age=${Math.max(0, PUBLIC_ETA_MAX_AGE_SECONDS - ageSeconds)}`,
      );
      return eta;
    },
  );

  routes.get(
    '/api/v1/conversations/:id/promises',
    {
      schema: {
        tags: ['eta'],
        summary:
          'Every expected response time the conversation’s customer was shown, and whether it was kept',
        params: idParams,
        response: { 200: conversationPromisesResponse, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const viewer = await loadViewer(deps, requireRole(request.principal, 'agent'));
      return listConversationPromises(deps, viewer, request.params.id);
    },
  );

  routes.get(
    '/api/v1/eta/promises/report',
    {
      schema: {
        tags: ['eta'],
        summary: 'Promises per queue and ISO week: how many, P90 kept rate, P50 absolute error',
        querystring: promiseReportQuery,
        response: { 200: promiseReportSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'supervisor');
      return reportPromises(deps, request.query);
    },
  );
}
