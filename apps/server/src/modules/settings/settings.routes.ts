import { problemSchema, settingsSchema, updateSettingsBody } from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { getSettings, updateSettings } from './settings.service.ts';

export function registerSettingsRoutes(app: FastifyInstance, deps: Pick<Deps, 'db'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/api/v1/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Instance settings',
        response: { 200: settingsSchema, 401: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return getSettings(deps);
    },
  );
  routes.patch(
    '/api/v1/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change instance settings (admin)',
        body: updateSettingsBody,
        response: { 200: settingsSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return updateSettings(deps, request.body);
    },
  );
}
