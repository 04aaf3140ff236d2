import type { InvitationDetails, SupportedLanguage } from '@frontline/contracts';
import type { Queryable, Tx } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { generateToken, hashPassword, hashToken } from '../../platform/secrets.ts';
import { queueStaffEmail } from '../../platform/staff-mail.ts';
import {
  agentAlreadyHasPassword,
  agentNotFound,
  invitationExpired,
  invitationNotFound,
} from './agents.errors.ts';
import { findAgentRow, findAgentRowForUpdate, updateAgentRow } from './agents.repository.ts';
import { invitationTexts } from './invitation-texts.ts';
import {
  deleteInvitationOf,
  findInvitationByTokenHash,
  replaceInvitation,
} from './invitations.repository.ts';

/**
 * Invitations: an admin adds an agent without choosing a password for them; the agent gets a
 * link by email (and the admin sees it once, to pass on another way) and chooses their own
 * password. A link works once, for a week; a new invitation replaces the old one.
 */

const VALID_FOR_MS = 7 * 24 * 3600_000;

export type IssuedInvitation = { url: string; expiresAt: string };

/**
 * Issues the agent's invitation and queues its email, in the caller's transaction.
 * @example await inviteAgent(tx, deps, { agentId, invitedById: admin.agentId })
 */
export async function issueInvitation(
  tx: Tx,
  deps: Pick<Deps, 'clock' | 'config'>,
  input: { agentId: string; invitedById: string | null },
): Promise<IssuedInvitation> {
  const agent = await findAgentRowForUpdate(tx, input.agentId);
  if (!agent) throw agentNotFound();
  if (agent.password_hash) throw agentAlreadyHasPassword();
  const inviter = input.invitedById ? await findAgentRow(tx, input.invitedById) : undefined;
  const token = generateToken('fli');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + VALID_FOR_MS);
  await replaceInvitation(tx, {
    agentId: agent.id,
    tokenHash: hashToken(token),
    invitedById: input.invitedById,
    createdAt: now,
    expiresAt,
  });
  const url = new URL(`/invitation/${token}`, deps.config.publicUrl).toString();
  const language = agent.ui_language as SupportedLanguage;
  const texts = invitationTexts[language] ?? invitationTexts.en;
  await queueStaffEmail(
    tx,
    {
      to: agent.email,
      toName: agent.name,
      subject: texts.subject,
      text: texts.body({
        name: agent.name,
        inviter: inviter?.name ?? 'Frontline',
        url,
        until: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(expiresAt),
      }),
    },
    `agent-invitation:${agent.id}`,
  );
  return { url, expiresAt: expiresAt.toISOString() };
}

/** An admin sends an agent who has not joined yet a new invitation (the old link stops working). */
export function reinviteAgent(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: { agentId: string; invitedById: string },
): Promise<IssuedInvitation> {
  return deps.db.transaction().execute((tx) => issueInvitation(tx, deps, input));
}

async function findUsableInvitation(db: Queryable, token: string, now: Date, forUpdate = false) {
  const invitation = await findInvitationByTokenHash(db, hashToken(token), forUpdate);
  if (!invitation?.is_active || invitation.password_hash) throw invitationNotFound();
  if (new Date(invitation.expires_at).getTime() <= now.getTime()) throw invitationExpired();
  return invitation;
}

/** Whom the link invites, for the page where they choose a password; 404 or 410 otherwise. */
export async function readInvitation(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
): Promise<InvitationDetails> {
  const invitation = await findUsableInvitation(deps.db, token, deps.clock.now());
  return {
    name: invitation.name,
    email: invitation.email,
    uiLanguage: invitation.ui_language as SupportedLanguage,
    expiresAt: new Date(invitation.expires_at).toISOString(),
  };
}

/**
 * The invited agent chooses their password: stored (argon2id), the invitation used up. Answers
 * the agent's email, to sign them in.
 */
export async function acceptInvitation(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { token: string; password: string },
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    const invitation = await findUsableInvitation(tx, input.token, deps.clock.now(), true);
    await updateAgentRow(tx, invitation.agent_id, { password_hash: passwordHash });
    await deleteInvitationOf(tx, invitation.agent_id);
    return { email: invitation.email };
  });
}
