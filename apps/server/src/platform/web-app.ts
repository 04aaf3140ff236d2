import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

// Vite names every file under assets/ after its content, so a name never changes its bytes: the
// browser keeps them for a year without asking again. index.html names the current ones, so it is
// checked on every visit.
const foreverCached = 'public, max-age=31536000, immutable';
const alwaysChecked = 'no-cache';

/**
 * Serves the agent workspace's production build on the same origin as the API. Any non-API GET
 * that is not a file gets `index.html`, so client-side routes survive a reload. The build's
 * brotli and gzip copies (`*.br`, `*.gz`) go to browsers that accept them.
 */
export async function registerWebApp(app: FastifyInstance, config: Pick<Config, 'webDist'>) {
  const root = config.webDist ? path.resolve(config.webDist) : defaultWebDist;
  if (!existsSync(path.join(root, 'index.html'))) return;
  const assets = path.join(root, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', filePath.startsWith(assets) ? foreverCached : alwaysChecked);
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
