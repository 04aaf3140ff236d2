import { agentSchema, changePasswordBody, problemSchema, updateProfileBody } from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { getAgent } from './agents.service.ts';
import { changeOwnPassword, updateOwnProfile } from './profile.service.ts';

const tags = ['me'];

/** The signed-in agent's own profile; every role may use these. */
export function registerProfileRoutes(app: FastifyInstance, deps: Pick<Deps, 'db'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/me',
    { schema: { tags, summary: 'The signed-in agent', response: { 200: agentSchema, 401: problemSchema } } },
    async (request) => {
      const principal = requireRole(request.principal, 'agent');
      return getAgent(deps, principal.agentId);
    },
  );

  routes.patch(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'Change your name, UI language or spoken languages',
        body: updateProfileBody,
        response: { 200: agentSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const principal = requireRole(request.principal, 'agent');
      return updateOwnProfile(deps, principal, request.body);
    },
  );

  routes.post(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password; your other sessions end, this one stays',
        body: changePasswordBody,
        response: {
          204: z.null(),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          429: problemSchema,
        },
      },
      // A stolen session must not become a fast oracle for guessing the account's password.
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (request) => request.principal?.agentId ?? request.ip,
        },
      },
    },
    async (request, reply) => {
      const principal = requireRole(request.principal, 'agent');
      await changeOwnPassword(deps, principal, request.body);
      return reply.status(204).send(null);
    },
  );
}
