import type { Queryable } from '../../db/database.ts';

export function findAgentByEmail(db: Queryable, email: string) {
  return db.selectFrom('agents').selectAll().where('email', '=', email).executeTakeFirst();
}

export function insertSession(
  db: Queryable,
  session: {
    tokenHash: string;
    agentId: string;
    csrfToken: string;
    createdAt: Date;
    expiresAt: Date;
    userAgent: string | null;
  },
) {
  return db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      agent_id: session.agentId,
      csrf_token: session.csrfToken,
      // The application's clock, like every later refresh of last_seen_at.
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
    })
    .execute();
}

/** The live session for a token hash, with its agent, if both are still valid. */
export function findLiveSession(db: Queryable, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('agents', 'agents.id', 'sessions.agent_id')
    .select([
      'sessions.token_hash',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'agents.id as agent_id',
      'agents.role',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('agents.is_active', '=', true)
    .executeTakeFirst();
}

export function extendSession(db: Queryable, tokenHash: string, now: Date, expiresAt: Date) {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export function deleteSession(db: Queryable, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export function deleteSessionsOfAgent(db: Queryable, agentId: string, exceptTokenHash?: string) {
  let query = db.deleteFrom('sessions').where('agent_id', '=', agentId);
  if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash);
  return query.execute();
}

export function findLiveApiToken(db: Queryable, tokenHash: string, now: Date) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('agents', 'agents.id', 'api_tokens.agent_id')
    .select(['api_tokens.id', 'api_tokens.last_used_at', 'agents.id as agent_id', 'agents.role'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
    .where('agents.is_active', '=', true)
    .executeTakeFirst();
}

export function touchApiToken(db: Queryable, id: string, now: Date) {
  return db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
