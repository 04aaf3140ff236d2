import {
  agentListResponse,
  agentSchema,
  createAgentBody,
  createAgentResponse,
  idParams,
  issuedInvitationSchema,
  listAgentsQuery,
  problemSchema,
  updateAgentBody,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { hasRole, requireRole } from '../auth/index.ts';
import { includeInactiveNeedsAdmin } from './agents.errors.ts';
import { createAgent, createInvitedAgent, getAgent, listAgents, updateAgent } from './agents.service.ts';
import { registerApiTokenRoutes } from './api-tokens.routes.ts';
import { reinviteAgent } from './invitations.service.ts';
import { registerProfileRoutes } from './profile.routes.ts';
import { registerTeamRoutes } from './teams.routes.ts';

const tags = ['agents'];

/** Agents, the caller's own profile, teams and API tokens. */
export function registerAgentRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/agents',
    {
      schema: {
        tags,
        summary:
          'List agents (any agent: active ones, e.g. for assignment; admins: `includeInactive=true` too)',
        querystring: listAgentsQuery,
        response: { 200: agentListResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const principal = requireRole(request.principal, 'agent');
      const includeInactive = request.query.includeInactive === 'true';
      if (includeInactive && !hasRole(principal, 'admin')) throw includeInactiveNeedsAdmin();
      return { items: await listAgents(deps, { includeInactive }) };
    },
  );

  routes.get(
    '/api/v1/agents/:id',
    {
      schema: {
        tags,
        summary: 'One agent',
        params: idParams,
        response: { 200: agentSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return getAgent(deps, request.params.id);
    },
  );

  routes.post(
    '/api/v1/agents',
    {
      schema: {
        tags,
        summary:
          'Create an agent (admin): with `invite` they get a link to choose their password; otherwise without `password` one is generated and returned once',
        body: createAgentBody,
        response: {
          201: createAgentResponse,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
      config: { idempotencyOmitFields: ['initialPassword', 'invitation'] },
    },
    async (request, reply) => {
      const admin = requireRole(request.principal, 'admin');
      const { invite, ...agent } = request.body;
      const created = invite
        ? await createInvitedAgent(deps, agent, admin.agentId)
        : await createAgent(deps, agent);
      return reply.status(201).send(created);
    },
  );

  routes.post(
    '/api/v1/agents/:id/invitation',
    {
      schema: {
        tags,
        summary: 'Invite an agent who has not joined yet again (admin); the previous link stops working',
        description:
          'The invitation goes to the agent by email; the link is answered once, here, for the admin to pass on. ' +
          '409 `invitations.already_joined` when the agent has chosen a password already.',
        params: idParams,
        response: {
          201: issuedInvitationSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const admin = requireRole(request.principal, 'admin');
      const invitation = await reinviteAgent(deps, {
        agentId: request.params.id,
        invitedById: admin.agentId,
      });
      return reply.status(201).send(invitation);
    },
  );

  routes.patch(
    '/api/v1/agents/:id',
    {
      schema: {
        tags,
        summary: 'Change an agent (admin); deactivating ends their sessions and stops their API tokens',
        params: idParams,
        body: updateAgentBody,
        response: {
          200: agentSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => {
      const principal = requireRole(request.principal, 'admin');
      return updateAgent(deps, principal, request.params.id, request.body);
    },
  );

  registerProfileRoutes(app, deps);
  registerTeamRoutes(app, deps);
  registerApiTokenRoutes(app, deps);
}
