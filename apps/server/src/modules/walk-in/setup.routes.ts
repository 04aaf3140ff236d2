import {
  createDeskBody,
  createLocationBody,
  createServiceBody,
  idParams,
  problemSchema,
  updateLocationBody,
  updateServiceBody,
  walkInDeskSchema,
  walkInLocationList,
  walkInLocationSchema,
  walkInReportQuery,
  walkInReportSchema,
  walkInServiceSchema,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { reportVisits } from './report.service.ts';
import {
  createDesk,
  createLocation,
  createService,
  getLocation,
  listLocations,
  removeDesk,
  renameDesk,
  updateLocation,
  updateService,
} from './setup.service.ts';

const tags = ['walk-in setup'];
const writeErrors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** Any agent reads the setup (the desk console needs it); admins change it. */
export function registerSetupRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/walk-in/locations',
    {
      schema: {
        tags,
        summary: 'Walk-in locations with their services and desks',
        response: { 200: walkInLocationList, 401: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return listLocations(deps);
    },
  );

  routes.get(
    '/api/v1/walk-in/locations/:id',
    {
      schema: {
        tags,
        summary: 'One walk-in location',
        params: idParams,
        response: { 200: walkInLocationSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return getLocation(deps.db, request.params.id);
    },
  );

  routes.post(
    '/api/v1/walk-in/locations',
    {
      schema: {
        tags,
        summary: 'Create a location (admin): address, time zone, opening hours, languages, line rules',
        body: createLocationBody,
        response: { 201: walkInLocationSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      return reply.status(201).send(await createLocation(deps, request.body));
    },
  );

  routes.patch(
    '/api/v1/walk-in/locations/:id',
    {
      schema: {
        tags,
        summary: 'Change a location (admin)',
        params: idParams,
        body: updateLocationBody,
        response: { 200: walkInLocationSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return updateLocation(deps, request.params.id, request.body);
    },
  );

  routes.post(
    '/api/v1/walk-in/locations/:id/services',
    {
      schema: {
        tags,
        summary: 'Add a service to a location (admin): names per language, ticket letter, limits, agents',
        params: idParams,
        body: createServiceBody,
        response: { 201: walkInServiceSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      return reply.status(201).send(await createService(deps, request.params.id, request.body));
    },
  );

  routes.patch(
    '/api/v1/walk-in/services/:id',
    {
      schema: {
        tags,
        summary: 'Change a service (admin); `agentIds` replaces who may serve it',
        params: idParams,
        body: updateServiceBody,
        response: { 200: walkInServiceSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return updateService(deps, request.params.id, request.body);
    },
  );

  routes.post(
    '/api/v1/walk-in/locations/:id/desks',
    {
      schema: {
        tags,
        summary: 'Add a desk or counter to a location (admin)',
        params: idParams,
        body: createDeskBody,
        response: { 201: walkInDeskSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      return reply.status(201).send(await createDesk(deps, request.params.id, request.body));
    },
  );

  routes.patch(
    '/api/v1/walk-in/desks/:id',
    {
      schema: {
        tags,
        summary: 'Rename a desk (admin)',
        params: idParams,
        body: createDeskBody,
        response: { 200: walkInDeskSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return renameDesk(deps, request.params.id, request.body);
    },
  );

  routes.delete(
    '/api/v1/walk-in/desks/:id',
    {
      schema: {
        tags,
        summary: 'Remove a desk nobody works at and nobody is called to (admin)',
        params: idParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      await removeDesk(deps, request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/v1/walk-in/locations/:id/report',
    {
      schema: {
        tags,
        summary:
          'Per local day and service, desk or hour: arrivals, waits (median, P90), service times, no-shows, ' +
          'transfers, abandonment and the promise-kept rate (supervisor)',
        params: idParams,
        querystring: walkInReportQuery,
        response: {
          200: walkInReportSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => {
      requireRole(request.principal, 'supervisor');
      return reportVisits(deps, request.params.id, request.query);
    },
  );
}
