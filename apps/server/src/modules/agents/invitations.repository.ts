import type { Queryable } from '../../db/database.ts';

/** Agent invitations: SQL only. One open invitation per agent; only the token's hash is kept. */

export function replaceInvitation(
  db: Queryable,
  invitation: {
    agentId: string;
    tokenHash: string;
    invitedById: string | null;
    createdAt: Date;
    expiresAt: Date;
  },
) {
  const values = {
    agent_id: invitation.agentId,
    token_hash: invitation.tokenHash,
    invited_by_id: invitation.invitedById,
    created_at: invitation.createdAt,
    expires_at: invitation.expiresAt,
  };
  return db
    .insertInto('agent_invitations')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('agent_id').doUpdateSet({
        token_hash: values.token_hash,
        invited_by_id: values.invited_by_id,
        created_at: values.created_at,
        expires_at: values.expires_at,
      }),
    )
    .execute();
}

/** The invitation with the agent it is for, locked when `forUpdate` (accepting it). */
export function findInvitationByTokenHash(db: Queryable, tokenHash: string, forUpdate = false) {
  const query = db
    .selectFrom('agent_invitations as i')
    .innerJoin('agents as a', 'a.id', 'i.agent_id')
    .select([
      'i.agent_id',
      'i.expires_at',
      'a.email',
      'a.name',
      'a.ui_language',
      'a.is_active',
      'a.password_hash',
    ])
    .where('i.token_hash', '=', tokenHash);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export function deleteInvitationOf(db: Queryable, agentId: string) {
  return db.deleteFrom('agent_invitations').where('agent_id', '=', agentId).execute();
}
