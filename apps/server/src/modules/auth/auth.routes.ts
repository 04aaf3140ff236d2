import {
  acceptInvitationBody,
  invitationDetailsSchema,
  invitationTokenParams,
  loginBody,
  loginResponse,
  problemSchema,
  sessionResponse,
} from '@frontline/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { getAgent, readInvitation } from '../agents/index.ts';
import { loginPath, sessionCookieName } from './auth.hook.ts';
import { findLiveSession } from './auth.repository.ts';
import { joinByInvitation, logIn, logOut, requireRole } from './auth.service.ts';

export function registerAuthRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const setSessionCookie = <Session extends { token: string; expiresAt: string }>(
    reply: FastifyReply,
    session: Session,
  ): Session => {
    reply.setCookie(sessionCookieName, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      expires: new Date(session.expiresAt),
    });
    return session;
  };

  routes.post(
    loginPath,
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with email and password',
        body: loginBody,
        response: { 200: loginResponse, 401: problemSchema, 403: problemSchema, 429: problemSchema },
      },
      // Password guessing is slowed per client address; argon2 makes each guess costly too.
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request) => request.ip } },
    },
    async (request, reply) => {
      const session = await logIn(deps, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return setSessionCookie(reply, session);
    },
  );

  routes.get(
    '/api/v1/public/invitations/:token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whom an invitation link is for (no sign-in): name, email, UI language, until when it works',
        description:
          '404 `invitations.not_found` for a used, replaced or unknown link; 410 `invitations.expired`.',
        security: [],
        params: invitationTokenParams,
        response: {
          200: invitationDetailsSchema,
          404: problemSchema,
          410: problemSchema,
          429: problemSchema,
        },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: (request) => request.ip } },
    },
    async (request) => readInvitation(deps, request.params.token),
  );

  routes.post(
    '/api/v1/public/invitations/:token/accept',
    {
      schema: {
        tags: ['auth'],
        summary: 'An invited agent chooses their password and is signed in (as by logging in)',
        security: [],
        params: invitationTokenParams,
        body: acceptInvitationBody,
        response: {
          200: loginResponse,
          400: problemSchema,
          404: problemSchema,
          410: problemSchema,
          429: problemSchema,
        },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request) => request.ip } },
    },
    async (request, reply) => {
      const session = await joinByInvitation(deps, {
        token: request.params.token,
        password: request.body.password,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return setSessionCookie(reply, session);
    },
  );

  routes.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 204: z.null(), 401: problemSchema },
      },
    },
    async (request, reply) => {
      const principal = requireRole(request.principal, 'agent');
      await logOut(deps, principal);
      reply.clearCookie(sessionCookieName, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in agent and the CSRF token for cookie-authenticated requests',
        response: { 200: sessionResponse, 401: problemSchema },
      },
    },
    async (request) => {
      const principal = requireRole(request.principal, 'agent');
      const session = principal.sessionTokenHash
        ? await findLiveSession(deps.db, principal.sessionTokenHash, deps.clock.now())
        : undefined;
      return { agent: await getAgent(deps, principal.agentId), csrfToken: session?.csrf_token ?? null };
    },
  );
}
