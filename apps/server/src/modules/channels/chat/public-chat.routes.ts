import { offlineRequestBody, problemSchema, requestConfirmationSchema } from '@frontline/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { badVisitorToken } from './chat.errors.ts';
import { findVisitor } from './chat.repository.ts';
import { loadChatKeys } from './chat-settings.service.ts';
import { readVisitorToken } from './signatures.ts';
import { createOfflineRequest } from './visitor-messages.service.ts';

type PublicDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'pool'>;

/** The visitor whose token is in `X-Visitor-Token` (from the stream's `welcome`), else 401. */
export async function requireVisitor(deps: PublicDeps, request: FastifyRequest): Promise<string> {
  const token = request.headers['x-visitor-token'];
  if (typeof token !== 'string') throw badVisitorToken();
  const visitorId = readVisitorToken((await loadChatKeys(deps)).visitorToken, token);
  if (!visitorId || !(await findVisitor(deps.db, visitorId))) throw badVisitorToken();
  return visitorId;
}

/** The widget's HTTP calls, beside its WebSocket: a request when nobody can chat. */
export function registerPublicChatRoutes(app: FastifyInstance, deps: PublicDeps) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(
    '/api/v1/public/chat/requests',
    {
      config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags: ['chat (public)'],
        summary: 'Leave a request while nobody can chat; the answer comes by email',
        description:
          'Authenticated by the widget’s `X-Visitor-Token`. Sending the same `clientId` again returns the first ' +
          'request’s reference. A confirmation with the reference and the expected response time is emailed.',
        security: [],
        body: offlineRequestBody,
        response: {
          201: requestConfirmationSchema,
          400: problemSchema,
          401: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const visitorId = await requireVisitor(deps, request);
      return reply.status(201).send(await createOfflineRequest(deps, visitorId, request.body));
    },
  );
}
