import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** `/healthz`: 200 once the database is reachable and migrated, 503 otherwise. */
export function registerHealthRoutes(app: FastifyInstance, deps: { isReady: () => boolean; db: Db }) {
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    if (!deps.isReady()) return reply.status(503).send({ status: 'starting' });
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'database_unreachable' });
    }
  });
}
