import {
  createSavedViewBody,
  idParams,
  problemSchema,
  savedViewCountsResponse,
  savedViewListResponse,
  savedViewSchema,
  updateSavedViewBody,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { loadViewer } from '../conversations/index.ts';
import {
  countSavedViews,
  createSavedView,
  deleteSavedView,
  listSavedViews,
  updateSavedView,
} from './saved-views.service.ts';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;
const tags = ['saved views'];

/** Every agent keeps their own views; the owner alone changes a view, even one shared with a team. */
export function registerSavedViewRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const viewerOf = (principal: Parameters<typeof requireRole>[0]) =>
    loadViewer(deps, requireRole(principal, 'agent'));

  routes.get(
    '/api/v1/saved-views',
    {
      schema: {
        tags,
        summary: 'My saved inbox views, then those shared with my teams',
        response: { 200: savedViewListResponse, ...problems },
      },
    },
    async (request) => listSavedViews(deps, await viewerOf(request.principal)),
  );

  routes.get(
    '/api/v1/saved-views/counts',
    {
      schema: {
        tags,
        summary: 'How many conversations each of my views holds (up to `countLimit`)',
        response: { 200: savedViewCountsResponse, ...problems },
      },
    },
    async (request) => countSavedViews(deps, await viewerOf(request.principal)),
  );

  routes.post(
    '/api/v1/saved-views',
    {
      schema: {
        tags,
        summary: 'Save a view; `teamId` shares it with a team of mine',
        body: createSavedViewBody,
        response: { 201: savedViewSchema, ...problems, 422: problemSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSavedView(deps, await viewerOf(request.principal), request.body)),
  );

  routes.patch(
    '/api/v1/saved-views/:id',
    {
      schema: {
        tags,
        summary: 'Rename, refilter or (un)share one of my views',
        params: idParams,
        body: updateSavedViewBody,
        response: { 200: savedViewSchema, ...problems, 422: problemSchema },
      },
    },
    async (request) =>
      updateSavedView(deps, await viewerOf(request.principal), request.params.id, request.body),
  );

  routes.delete(
    '/api/v1/saved-views/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of my views',
        params: idParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await deleteSavedView(deps, await viewerOf(request.principal), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
