import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.ts';
import { originNotAllowed } from './chat.errors.ts';
import { readChatSettings } from './chat-settings.service.ts';

/**
 * Which web sites may embed the widget and the web form. The public chat and form endpoints
 * carry no ambient credentials (the visitor token travels explicitly), so by default any site
 * may; an admin can restrict it to their own origins. Browsers always send `Origin` on
 * cross-site requests and WebSocket handshakes; non-browser clients may send none.
 */
export function isSiteOriginAllowed(
  allowedOrigins: readonly string[],
  origin: string | undefined,
  ownOrigin: string,
) {
  if (allowedOrigins.length === 0 || !origin || origin === ownOrigin) return true;
  return allowedOrigins.includes(origin);
}

export async function assertSiteOrigin(deps: Pick<Deps, 'db' | 'config'>, origin: string | undefined) {
  const settings = await readChatSettings(deps.db);
  if (!isSiteOriginAllowed(settings.allowedOrigins, origin, new URL(deps.config.publicUrl).origin)) {
    throw originNotAllowed();
  }
}

const publicPrefix = '/api/v1/public/';

/**
 * CORS for the public endpoints the widget calls from the customer's site (uploads, requests,
 * the web form): the allowed origin is echoed, and preflights are answered here.
 */
export function installSiteCors(app: FastifyInstance, deps: Pick<Deps, 'db' | 'config'>) {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !request.url.startsWith(publicPrefix)) return;
    await assertSiteOrigin(deps, origin);
    reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
  });
  app.options(`${publicPrefix}*`, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type, x-visitor-token, x-file-name, idempotency-key')
      .header('access-control-max-age', '600')
      .status(204)
      .send(),
  );
}
