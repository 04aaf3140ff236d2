import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves the agent workspace's production build on the same origin as the API. Any non-API GET
 * that is not a file gets `index.html`, so client-side routes survive a reload.
 */
export async function registerWebApp(app: FastifyInstance, config: Pick<Config, 'webDist'>) {
  const root = config.webDist ? path.resolve(config.webDist) : defaultWebDist;
  if (!existsSync(path.join(root, 'index.html'))) return;
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
