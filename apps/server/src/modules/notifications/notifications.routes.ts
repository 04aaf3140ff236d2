import {
  idParams,
  listNotificationsQuery,
  listNotificationsResponse,
  markAllNotificationsReadQuery,
  markAllNotificationsReadResponse,
  notificationSchema,
  problemSchema,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { listNotifications, readAllNotifications, readNotification } from './notifications.service.ts';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;

/** Every signed-in agent reads and marks only their own notifications. */
export function registerNotificationRoutes(app: FastifyInstance, deps: Pick<Deps, 'db'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, with my unread count',
        querystring: listNotificationsQuery,
        response: { 200: listNotificationsResponse, ...problems },
      },
    },
    async (request) =>
      listNotifications(deps, requireRole(request.principal, 'agent').agentId, request.query),
  );

  routes.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        params: idParams,
        response: { 200: notificationSchema, ...problems },
      },
    },
    async (request) =>
      readNotification(deps, requireRole(request.principal, 'agent').agentId, request.params.id),
  );

  routes.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my unread notifications read (or only those about `conversationId`)',
        querystring: markAllNotificationsReadQuery,
        response: { 200: markAllNotificationsReadResponse, ...problems },
      },
    },
    async (request) =>
      readAllNotifications(
        deps,
        requireRole(request.principal, 'agent').agentId,
        request.query.conversationId,
      ),
  );
}
