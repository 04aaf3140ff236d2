import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const defaultPublicDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../public/dist',
);

/**
 * Serves the customer-facing pages' production build (apps/public): its files under
 * `/public-app/` (the build's base) and its page for the kiosk, display, tracking and remote-join URLs, so
 * those survive a reload. Nothing is registered when the build is missing (API-only tests).
 */
export function registerPublicPages(app: FastifyInstance, root = defaultPublicDist) {
  const indexFile = path.join(root, 'index.html');
  if (!existsSync(indexFile)) return;
  // Read once: the build does not change while the server runs.
  const indexHtml = readFileSync(indexFile, 'utf8');
  // The agent workspace's static plugin already decorates `reply.sendFile`.
  app.register(fastifyStatic, { root, prefix: '/public-app/', decorateReply: false, index: false });
  for (const page of ['/kiosk/:location', '/display/:location', '/visit/:token', '/join/:location']) {
    app.get(page, { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml),
    );
  }
}
