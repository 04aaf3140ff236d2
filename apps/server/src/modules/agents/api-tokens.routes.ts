import {
  apiTokenListResponse,
  createApiTokenBody,
  createApiTokenResponse,
  idParams,
  listApiTokensQuery,
  problemSchema,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';

const tags = ['api-tokens'];

/** API tokens for integrations; only admins create, list and revoke them. */
export function registerApiTokenRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/api-tokens',
    {
      schema: {
        tags,
        summary: 'List API tokens (admin), optionally of one agent; secrets are never listed',
        querystring: listApiTokensQuery,
        response: { 200: apiTokenListResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return { items: await listApiTokens(deps, request.query) };
    },
  );

  routes.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags,
        summary:
          'Create an API token (admin) acting as `agentId` or yourself; the secret `token` is shown once',
        body: createApiTokenBody,
        response: {
          201: createApiTokenResponse,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          422: problemSchema,
        },
      },
      // The secret must not sit in clear in the idempotency table; a replay answers without it.
      config: { idempotencyOmitFields: ['token'] },
    },
    async (request, reply) => {
      const principal = requireRole(request.principal, 'admin');
      return reply.status(201).send(await createApiToken(deps, principal, request.body));
    },
  );

  routes.delete(
    '/api/v1/api-tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token (admin); it stops working at once',
        params: idParams,
        response: {
          204: z.null(),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      await revokeApiToken(deps, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
