import type { ChangePasswordBody, UpdateProfileBody } from '@frontline/contracts';
import type { Updateable } from 'kysely';
import type { AgentsTable } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Principal } from '../../platform/http.ts';
import { hashPassword, verifyPassword } from '../../platform/secrets.ts';
import { deleteSessionsOfAgent } from '../auth/index.ts';
import { agentNotFound, wrongCurrentPassword } from './agents.errors.ts';
import { findAgentRow, updateAgentRow } from './agents.repository.ts';
import { getAgent } from './agents.service.ts';

/** The signed-in agent changes what is theirs to change: name, UI language, spoken languages. */
export async function updateOwnProfile(
  deps: Pick<Deps, 'db'>,
  principal: Principal,
  changes: UpdateProfileBody,
) {
  const row: Updateable<AgentsTable> = {};
  if (changes.name !== undefined) row.name = changes.name;
  if (changes.uiLanguage !== undefined) row.ui_language = changes.uiLanguage;
  if (changes.languages !== undefined) row.languages = [...new Set(changes.languages)];
  if (Object.keys(row).length > 0) {
    const updated = await updateAgentRow(deps.db, principal.agentId, row);
    if (!updated) throw agentNotFound();
  }
  return getAgent(deps, principal.agentId);
}

/**
 * Changes the caller's password after checking the current one. Every other session of the
 * agent ends, so a device someone else holds is signed out; the session making the change stays.
 */
export async function changeOwnPassword(
  deps: Pick<Deps, 'db'>,
  principal: Principal,
  input: ChangePasswordBody,
) {
  const agent = await findAgentRow(deps.db, principal.agentId);
  if (!agent) throw agentNotFound();
  const isCurrentValid =
    agent.password_hash !== null && (await verifyPassword(agent.password_hash, input.currentPassword));
  if (!isCurrentValid) throw wrongCurrentPassword();
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (tx) => {
    await updateAgentRow(tx, principal.agentId, { password_hash: passwordHash });
    await deleteSessionsOfAgent(tx, principal.agentId, principal.sessionTokenHash ?? undefined);
  });
}
