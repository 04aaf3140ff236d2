import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Deps } from './deps.ts';
import { registerAgentRoutes } from './modules/agents/index.ts';
import { registerAttachmentRoutes } from './modules/attachments/index.ts';
import { installAuthentication, registerAuthRoutes } from './modules/auth/index.ts';
import { currentChatEta, currentWrittenEta, registerChatChannel } from './modules/channels/chat/index.ts';
import { registerEmailRoutes } from './modules/channels/email/index.ts';
import { registerWebFormRoutes } from './modules/channels/web-form/index.ts';
import { registerConversationRoutes, registerStream } from './modules/conversations/index.ts';
import { registerCustomerRoutes } from './modules/customers/index.ts';
import { registerEtaRoutes } from './modules/eta/index.ts';
import { registerNotificationRoutes } from './modules/notifications/index.ts';
import { registerSavedViewRoutes } from './modules/saved-views/index.ts';
import { registerSettingsRoutes } from './modules/settings/index.ts';
import { registerSlaRoutes } from './modules/sla/index.ts';
import { registerTopicRoutes } from './modules/triage/index.ts';
import { registerWalkIn } from './modules/walk-in/index.ts';
import { AppError } from './platform/errors.ts';
import { registerHealthRoutes } from './platform/health.ts';
import { installErrorHandling, sendProblem } from './platform/http.ts';
import { installIdempotency } from './platform/idempotency.ts';
import { registerWebApp } from './platform/web-app.ts';

export type AppOptions = {
  /** A pino logger for request logs; none in tests. */
  logger?: FastifyBaseLogger;
  /** Reports whether the database is reachable and migrated, for `/healthz`. */
  isReady?: () => boolean;
};

/** Builds the HTTP app from its dependencies. Never listens; `main.ts` and tests decide that. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: deps.config.bodyLimit,
    trustProxy: true,
    // Clients' ids never reach logs through URLs alone; request ids are ours.
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  const isReady = options.isReady ?? (() => true);
  // Until the database is migrated only /healthz answers; everything else is a clear 503.
  app.addHook('onRequest', async (request, reply) => {
    if (isReady() || request.url === '/healthz') return;
    return sendProblem(
      reply.header('retry-after', '2'),
      new AppError({
        code: 'server.starting',
        status: 503,
        title: 'Frontline is starting; try again shortly',
      }),
    );
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Frontline API',
        version: '1',
        description:
          'REST API of Frontline. Authenticate with `POST /api/v1/auth/login` (session cookie + `X-CSRF-Token`) or ' +
          '`Authorization: Bearer <token>` with a session or API token. Errors are `application/problem+json`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'frontline_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installAuthentication(app, deps);
  installIdempotency(app, deps.db);

  registerHealthRoutes(app, { isReady, db: deps.db });
  registerAuthRoutes(app, deps);
  registerAgentRoutes(app, deps);
  registerCustomerRoutes(app, deps);
  registerConversationRoutes(app, deps);
  registerAttachmentRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerSlaRoutes(app, deps);
  registerTopicRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerSavedViewRoutes(app, deps);
  registerEmailRoutes(app, deps);
  registerStream(app, deps);
  registerChatChannel(app, deps);
  registerWebFormRoutes(app, deps);
  registerWalkIn(app, deps);
  registerEtaRoutes(app, deps, {
    chat: () => currentChatEta(deps),
    email: () => currentWrittenEta(deps, 'email'),
    web_form: () => currentWrittenEta(deps, 'web_form'),
  });
  await registerWebApp(app, deps.config);

  return app;
}
