import {
  createTeamBody,
  idParams,
  problemSchema,
  teamListResponse,
  teamSchema,
  updateTeamBody,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.service.ts';

const tags = ['teams'];

/** Any agent sees teams; supervisors and admins manage them. */
export function registerTeamRoutes(app: FastifyInstance, deps: Pick<Deps, 'db'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/teams',
    { schema: { tags, summary: 'List teams', response: { 200: teamListResponse, 401: problemSchema } } },
    async (request) => {
      requireRole(request.principal, 'agent');
      return { items: await listTeams(deps) };
    },
  );

  routes.get(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary: 'One team with its members',
        params: idParams,
        response: { 200: teamSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return getTeam(deps, request.params.id);
    },
  );

  routes.post(
    '/api/v1/teams',
    {
      schema: {
        tags,
        summary: 'Create a team (supervisor or admin)',
        body: createTeamBody,
        response: {
          201: teamSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'supervisor');
      return reply.status(201).send(await createTeam(deps, request.body));
    },
  );

  routes.patch(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary: 'Change a team (supervisor or admin); `memberIds` replaces the membership',
        params: idParams,
        body: updateTeamBody,
        response: {
          200: teamSchema,
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
      requireRole(request.principal, 'supervisor');
      return updateTeam(deps, request.params.id, request.body);
    },
  );

  routes.delete(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary: 'Delete a team (supervisor or admin); its conversations stay, without a team',
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
      requireRole(request.principal, 'supervisor');
      await deleteTeam(deps, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
