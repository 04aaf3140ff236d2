import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string } | null;
  }
  interface FastifyContextConfig {
    /**
     * Top-level response fields holding a secret shown once (a new API token, a generated
     * password). They are not stored for replay, so a retry gets the first response without them.
     */
    idempotencyOmitFields?: readonly string[];
  }
}

function omitFields(body: string, fields: readonly string[] | undefined): string {
  if (!fields || fields.length === 0) return body;
  const parsed: unknown = JSON.parse(body);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return body;
  return JSON.stringify(
    Object.fromEntries(Object.entries(parsed).filter(([field]) => !fields.includes(field))),
  );
}

// A claim older than this whose request never finished (the process died) may be taken over.
const abandonedClaimSeconds = 60;

function principalOf(request: FastifyRequest): string {
  return request.principal ? `agent:${request.principal.agentId}` : `ip:${request.ip}`;
}

function hashRequest(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on POST: the first request claims the key; a retry with the same key and
 * body gets the first response replayed (`Idempotent-Replayed: true`) instead of a second
 * effect. The same key with a different body is refused; a retry while the first is still
 * running gets 409. Server errors release the claim so the client can try again.
 */
export function installIdempotency(app: FastifyInstance, db: Db) {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw new AppError({
        code: 'idempotency.invalid_key',
        status: 400,
        title: 'Idempotency-Key must be 1 to 200 characters',
      });
    }
    const principal = principalOf(request);
    const requestHash = hashRequest(request);
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({ principal, key, method: request.method, path: request.url, request_hash: requestHash })
      .onConflict((conflict) =>
        conflict
          .columns(['principal', 'key'])
          .doUpdateSet({ created_at: sql`now()`, request_hash: requestHash })
          .where((eb) =>
            eb.and([
              eb('idempotency_keys.status_code', 'is', null),
              eb(
                'idempotency_keys.created_at',
                '<',
                sql<Date>`now() - make_interval(secs => ${abandonedClaimSeconds})`,
              ),
            ]),
          ),
      )
      .returning('key')
      .executeTakeFirst();
    if (claimed) {
      request.idempotency = { principal, key };
      return;
    }
    const existing = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('principal', '=', principal)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (existing.request_hash !== requestHash || existing.path !== request.url) {
      throw new AppError({
        code: 'idempotency.key_reused',
        status: 422,
        title: 'This Idempotency-Key was already used for a different request',
      });
    }
    if (existing.status_code === null) {
      throw new AppError({
        code: 'idempotency.in_progress',
        status: 409,
        title: 'A request with this Idempotency-Key is still being processed; retry shortly',
      });
    }
    return reply
      .status(existing.status_code)
      .header('idempotent-replayed', 'true')
      .type(
        existing.status_code >= 400
          ? 'application/problem+json; charset=utf-8'
          : 'application/json; charset=utf-8',
      )
      .send(JSON.stringify(existing.response_body));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    if (reply.statusCode >= 500) {
      await db
        .deleteFrom('idempotency_keys')
        .where('principal', '=', claim.principal)
        .where('key', '=', claim.key)
        .execute();
      return payload;
    }
    const body = omitFields(
      typeof payload === 'string' && payload.length > 0 ? payload : 'null',
      request.routeOptions.config.idempotencyOmitFields,
    );
    await db
      .updateTable('idempotency_keys')
      .set({ status_code: reply.statusCode, response_body: body })
      .where('principal', '=', claim.principal)
      .where('key', '=', claim.key)
      .execute();
    return payload;
  });
}

/** Forgets keys older than a day; run by the worker. */
export async function pruneIdempotencyKeys(db: Db) {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - interval '24 hours'`)
    .execute();
}
