import {
  createMailboxBody,
  idParams,
  mailboxConnectionTestBody,
  mailboxConnectionTestResponse,
  mailboxListResponse,
  mailboxSchema,
  problemSchema,
  updateMailboxBody,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { requireRole } from '../../auth/index.ts';
import {
  createMailbox,
  deleteMailbox,
  getMailbox,
  listMailboxes,
  testMailboxConnection,
  testMailboxSettings,
  updateMailbox,
} from './mailboxes.service.ts';

const tags = ['mailboxes'];
const denied = { 401: problemSchema, 403: problemSchema };

/** Mailboxes are instance configuration with secrets in them: admins only. */
export function registerMailboxRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'config'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/mailboxes',
    {
      schema: { tags, summary: 'List mailboxes (admin)', response: { 200: mailboxListResponse, ...denied } },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return { items: await listMailboxes(deps) };
    },
  );

  routes.get(
    '/api/v1/mailboxes/:id',
    {
      schema: {
        tags,
        summary: 'One mailbox (admin); secrets are never returned',
        params: idParams,
        response: { 200: mailboxSchema, 400: problemSchema, ...denied, 404: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return getMailbox(deps, request.params.id);
    },
  );

  routes.post(
    '/api/v1/mailboxes',
    {
      schema: {
        tags,
        summary: 'Add a mailbox (admin): SMTP route or IMAP account, acknowledgement, templates',
        body: createMailboxBody,
        response: {
          201: mailboxSchema,
          400: problemSchema,
          ...denied,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      return reply.status(201).send(await createMailbox(deps, request.body));
    },
  );

  routes.patch(
    '/api/v1/mailboxes/:id',
    {
      schema: {
        tags,
        summary:
          'Change a mailbox (admin); an IMAP password left out is kept, a template set to null is reset',
        params: idParams,
        body: updateMailboxBody,
        response: {
          200: mailboxSchema,
          400: problemSchema,
          ...denied,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return updateMailbox(deps, request.params.id, request.body);
    },
  );

  routes.delete(
    '/api/v1/mailboxes/:id',
    {
      schema: {
        tags,
        summary: 'Remove a mailbox (admin); its conversations stay',
        params: idParams,
        response: { 204: z.null(), 400: problemSchema, ...denied, 404: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      await deleteMailbox(deps, request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/v1/mailboxes/:id/connection-test',
    {
      schema: {
        tags,
        summary: 'Test a saved mailbox’s inbound and outbound servers (admin); reports the step that failed',
        params: idParams,
        response: { 200: mailboxConnectionTestResponse, 400: problemSchema, ...denied, 404: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return testMailboxConnection(deps, request.params.id);
    },
  );

  routes.post(
    '/api/v1/mailboxes/connection-test',
    {
      schema: {
        tags,
        summary: 'Test mailbox settings before saving them (admin); nothing is stored',
        body: mailboxConnectionTestBody,
        response: { 200: mailboxConnectionTestResponse, 400: problemSchema, ...denied },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return testMailboxSettings(deps, request.body);
    },
  );
}
