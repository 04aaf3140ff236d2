import {
  createCustomerBody,
  customerSchema,
  idParams,
  listCustomersQuery,
  mergeCustomersBody,
  pageOf,
  problemSchema,
  updateCustomerBody,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import {
  createCustomer,
  getCustomer,
  listCustomers,
  mergeCustomers,
  updateCustomer,
} from './customers.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export function registerCustomerRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'config'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Find customers by email, phone or name (newest first)',
        querystring: listCustomersQuery,
        response: { 200: pageOf(customerSchema), ...errors, 422: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return listCustomers(deps, request.query);
    },
  );

  routes.post(
    '/api/v1/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Create a customer',
        body: createCustomerBody,
        response: { 201: customerSchema, ...errors, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'agent');
      return reply.status(201).send(await createCustomer(deps, request.body));
    },
  );

  routes.get(
    '/api/v1/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'A customer with identities',
        params: idParams,
        response: { 200: customerSchema, ...errors },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return getCustomer(deps, request.params.id);
    },
  );

  routes.patch(
    '/api/v1/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'Edit a customer, add or remove identities',
        params: idParams,
        body: updateCustomerBody,
        response: { 200: customerSchema, ...errors, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return updateCustomer(deps, request.params.id, request.body);
    },
  );

  routes.post(
    '/api/v1/customers/:id/merge',
    {
      schema: {
        tags: ['customers'],
        summary: 'Merge another customer into this one (supervisor)',
        description:
          'Identities, conversations and notes of `sourceCustomerId` move to this customer; nothing is lost.',
        params: idParams,
        body: mergeCustomersBody,
        response: { 200: customerSchema, ...errors, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const principal = requireRole(request.principal, 'supervisor');
      return mergeCustomers(deps, {
        targetId: request.params.id,
        sourceId: request.body.sourceCustomerId,
        actorAgentId: principal.agentId,
      });
    },
  );
}
