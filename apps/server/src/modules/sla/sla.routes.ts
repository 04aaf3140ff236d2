import {
  businessCalendarBody,
  businessCalendarListResponse,
  businessCalendarSchema,
  createSlaPolicyBody,
  idParams,
  problemSchema,
  slaPolicyListResponse,
  slaPolicySchema,
  updateSlaPolicyBody,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import {
  createBusinessCalendar,
  deleteBusinessCalendar,
  listCalendars,
  updateBusinessCalendar,
} from './calendars.service.ts';
import {
  createSlaPolicy,
  deleteSlaPolicy,
  listSlaPolicies,
  updateSlaPolicy,
} from './sla-policies.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Admin screens' API: business-hours calendars and SLA policies. Everyone signed in may read. */
export function registerSlaRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/business-calendars',
    {
      schema: {
        tags: ['sla'],
        summary: 'Business-hours calendars',
        response: { 200: businessCalendarListResponse, 401: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return listCalendars(deps);
    },
  );
  routes.post(
    '/api/v1/business-calendars',
    {
      schema: {
        tags: ['sla'],
        summary: 'Add a business-hours calendar (admin)',
        body: businessCalendarBody,
        response: { 201: businessCalendarSchema, ...errors, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      return reply.status(201).send(await createBusinessCalendar(deps, request.body));
    },
  );
  routes.put(
    '/api/v1/business-calendars/:id',
    {
      schema: {
        tags: ['sla'],
        summary: 'Replace a business-hours calendar (admin)',
        params: idParams,
        body: businessCalendarBody,
        response: { 200: businessCalendarSchema, ...errors, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return updateBusinessCalendar(deps, request.params.id, request.body);
    },
  );
  routes.delete(
    '/api/v1/business-calendars/:id',
    {
      schema: {
        tags: ['sla'],
        summary: 'Delete a business-hours calendar no policy uses (admin)',
        params: idParams,
        response: { 204: z.null(), ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      await deleteBusinessCalendar(deps, request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/v1/sla-policies',
    {
      schema: {
        tags: ['sla'],
        summary: 'SLA policies in the order they are tried',
        response: { 200: slaPolicyListResponse, 401: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return { items: await listSlaPolicies(deps.db) };
    },
  );
  routes.post(
    '/api/v1/sla-policies',
    {
      schema: {
        tags: ['sla'],
        summary: 'Add an SLA policy (admin)',
        body: createSlaPolicyBody,
        response: { 201: slaPolicySchema, ...errors, 422: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      return reply.status(201).send(await createSlaPolicy(deps, request.body));
    },
  );
  routes.patch(
    '/api/v1/sla-policies/:id',
    {
      schema: {
        tags: ['sla'],
        summary: 'Change an SLA policy or move it in the order (admin)',
        params: idParams,
        body: updateSlaPolicyBody,
        response: { 200: slaPolicySchema, ...errors, 422: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return updateSlaPolicy(deps, request.params.id, request.body);
    },
  );
  routes.delete(
    '/api/v1/sla-policies/:id',
    {
      schema: {
        tags: ['sla'],
        summary: 'Delete an SLA policy (admin)',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      await deleteSlaPolicy(deps, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
