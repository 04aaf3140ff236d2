import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../platform/errors.ts';

/** The widget's build (`npm run build -w @frontline/widget`, also run by `npm install`). */
export const defaultWidgetFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../widget/dist/widget.js',
);

/**
 * `GET /widget.js`: the one script a site embeds. Read once and kept in memory (reloaded when the
 * file changes); cached by browsers for five minutes so a new version reaches sites quickly.
 */
export function registerWidgetAsset(app: FastifyInstance, file = defaultWidgetFile) {
  let cached: { mtimeMs: number; content: Buffer } | undefined;
  app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) => {
    const info = await stat(file).catch(() => null);
    if (!info) {
      throw new AppError({
        code: 'widget.not_built',
        status: 404,
        title: 'The chat widget is not built; run `npm run build -w @frontline/widget`',
      });
    }
    if (cached?.mtimeMs !== info.mtimeMs) cached = { mtimeMs: info.mtimeMs, content: await readFile(file) };
    return reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('access-control-allow-origin', '*')
      .send(cached.content);
  });
}
