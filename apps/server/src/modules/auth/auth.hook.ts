import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { AppError, unauthenticated } from '../../platform/errors.ts';
import { safeEqual } from '../../platform/secrets.ts';
import { resolveToken } from './auth.service.ts';

export const sessionCookieName = 'frontline_session';
export const loginPath = '/api/v1/auth/login';
const isInvitationAcceptance = (url: string) =>
  /^\/api\/v1\/public\/invitations\/[^/?]+\/accept(\?|$)/.test(url);
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token)
    throw unauthenticated('Use "Authorization: Bearer <token>"');
  return token;
}

/**
 * Sets `request.principal` from a bearer token or the session cookie. A cookie is sent by the
 * browser on its own, so unsafe requests authenticated by it must also carry the session's CSRF
 * token in `X-CSRF-Token`; bearer tokens are never ambient and need no such check.
 */
export function installAuthentication(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const bearer = bearerToken(request);
    if (bearer) {
      const resolved = await resolveToken(deps, bearer, 'bearer');
      if (!resolved) throw unauthenticated('The token is invalid, expired or revoked');
      request.principal = resolved.principal;
      return;
    }
    const cookie = request.cookies[sessionCookieName];
    // Logging in (or joining by invitation) replaces whatever session the browser had, so a stale
    // cookie must not block it.
    if (!cookie || request.url === loginPath || isInvitationAcceptance(request.url)) return;
    const resolved = await resolveToken(deps, cookie, 'cookie');
    if (!resolved) return;
    if (unsafeMethods.has(request.method)) {
      const presented = request.headers['x-csrf-token'];
      if (typeof presented !== 'string' || !resolved.csrfToken || !safeEqual(presented, resolved.csrfToken)) {
        throw new AppError({
          code: 'auth.csrf_failed',
          status: 403,
          title: 'Missing or wrong X-CSRF-Token header for a cookie-authenticated request',
        });
      }
    }
    request.principal = resolved.principal;
  });
}
