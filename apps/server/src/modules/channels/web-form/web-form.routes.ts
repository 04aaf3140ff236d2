import { problemSchema, requestConfirmationSchema, webFormBody } from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { chooseLanguage, renderHostedFormPage } from './hosted-page.ts';
import { submitWebForm } from './web-form.service.ts';

/** The web form: its public submission endpoint and the hosted page at `/contact/form`. */
export function registerWebFormRoutes(
  app: FastifyInstance,
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'pool'>,
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(
    '/api/v1/public/web-form',
    {
      // Instead of a captcha: a honeypot field and a per-address limit.
      config: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
      schema: {
        tags: ['web form (public)'],
        summary: 'Send the contact form',
        description:
          'Creates a conversation (channel `web_form`) and emails a confirmation. Validation errors come back in ' +
          '`language` (or `Accept-Language`), one per field. Sending the same `clientId` again returns the first ' +
          'reference. `website` must stay empty (a honeypot).',
        security: [],
        body: webFormBody,
        response: {
          201: requestConfirmationSchema,
          400: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await submitWebForm(
            deps,
            request.body,
            chooseLanguage(request.body.language, request.headers['accept-language']),
          ),
        ),
  );

  routes.get(
    '/contact/form',
    { schema: { hide: true, querystring: z.object({ lang: z.string().max(10).optional() }) } },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(renderHostedFormPage(chooseLanguage(request.query.lang, request.headers['accept-language']))),
  );
}
