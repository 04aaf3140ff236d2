import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError, unauthenticated } from '../../platform/errors.ts';
import type { Principal } from '../../platform/http.ts';
import { resolveToken, sessionCookieName } from '../auth/index.ts';

/** The token a stream was opened with, kept to re-check it while the socket lives. */
export type StreamCredential = { token: string; via: 'cookie' | 'bearer' };

const streamQuery = z.object({ token: z.string().min(1).max(500).optional() }).loose();

function presentedCredential(request: FastifyRequest): StreamCredential | undefined {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies[sessionCookieName];
  // Only a cookie the authentication hook accepted; a stale one must not shadow `?token=`.
  if (cookie && request.principal?.via === 'cookie') return { token: cookie, via: 'cookie' };
  const query = streamQuery.safeParse(request.query);
  if (query.success && query.data.token) return { token: query.data.token, via: 'bearer' };
  return undefined;
}

/**
 * Whether a browser page at `origin` may use the session cookie on the stream. Browsers attach
 * cookies to cross-site WebSocket handshakes and WebSockets have no CORS, so without this check
 * any site an agent visits could read their stream (cross-site WebSocket hijacking). The page
 * must come from the host it connects to, or from the configured public URL (behind a proxy).
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  publicUrl: string,
): boolean {
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return (host !== undefined && url.host === host.toLowerCase()) || url.origin === new URL(publicUrl).origin;
}

/**
 * Who opens the stream: the principal the authentication hook found (bearer header or session
 * cookie), else `?token=` for clients that cannot set headers on a WebSocket. Tokens in URLs can
 * end up in proxy logs, so browsers use the cookie and other clients should prefer the header.
 * Throws 401 before the upgrade when nobody is signed in, 403 for a cookie from a foreign origin.
 */
export async function authenticateStream(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  request: FastifyRequest,
): Promise<{ principal: Principal; credential: StreamCredential }> {
  const credential = presentedCredential(request);
  let principal = request.principal;
  if (!principal && credential?.via === 'bearer') {
    principal = (await resolveToken(deps, credential.token, 'bearer'))?.principal ?? null;
  }
  if (!principal || !credential) throw unauthenticated('Sign in, or pass a token, to open the stream');
  if (
    principal.via === 'cookie' &&
    !isAllowedOrigin(request.headers.origin, request.headers.host, deps.config.publicUrl)
  ) {
    throw new AppError({
      code: 'stream.forbidden_origin',
      status: 403,
      title: 'The stream accepts the session cookie only from pages of this site',
    });
  }
  return { principal, credential };
}
