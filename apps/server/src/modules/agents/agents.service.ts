import type { CreateAgentBody, UpdateAgentBody } from '@frontline/contracts';
import type { Updateable } from 'kysely';
import type { Queryable, Tx } from '../../db/database.ts';
import type { AgentsTable } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { isPgError, pgErrorCodes, validationFailed } from '../../platform/errors.ts';
import type { Principal } from '../../platform/http.ts';
import { generatePassword, hashPassword } from '../../platform/secrets.ts';
import { deleteSessionsOfAgent } from '../auth/index.ts';
import { wouldRemoveLastAdmin } from './admin-guard.ts';
import { toAgentDto } from './agents.dto.ts';
import { agentEmailTaken, agentNotFound, lastActiveAdmin, unknownTeamsOfAgent } from './agents.errors.ts';
import {
  findAgentRowForUpdate,
  findAgentWithTeams,
  insertAgent,
  listAgentsWithTeams,
  lockActiveAdminIds,
  replaceTeamsOfAgent,
  updateAgentRow,
} from './agents.repository.ts';
import { issueInvitation } from './invitations.service.ts';
import { findExistingTeamIds } from './teams.repository.ts';

async function assertTeamsExist(db: Queryable, teamIds: string[]) {
  const existing = await findExistingTeamIds(db, teamIds);
  const unknown = teamIds.filter((id) => !existing.has(id));
  if (unknown.length > 0) throw unknownTeamsOfAgent(unknown);
}

/** A team deleted between our check and the insert surfaces as a foreign-key violation. */
function translateWriteError(error: unknown): never {
  if (isPgError(error, pgErrorCodes.uniqueViolation) && error.constraint === 'agents_email_key')
    throw agentEmailTaken();
  if (isPgError(error, pgErrorCodes.foreignKeyViolation)) throw unknownTeamsOfAgent([]);
  throw error;
}

type NewAgent = Omit<CreateAgentBody, 'invite' | 'password'> & { password?: string };

async function insertAgentWithTeams(tx: Tx, input: NewAgent, passwordHash: string | null) {
  const teamIds = [...new Set(input.teamIds)];
  await assertTeamsExist(tx, teamIds);
  const { id } = await insertAgent(tx, {
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    password_hash: passwordHash,
    languages: [...new Set(input.languages)],
    skills: [...new Set(input.skills)],
    ui_language: input.uiLanguage,
  });
  await replaceTeamsOfAgent(tx, id, teamIds);
  return id;
}

/**
 * Creates an agent. Without a password one is generated and returned once, for the admin to
 * hand over. Emails are stored case-folded, so uniqueness ignores case.
 *
 * @example await createAgent(deps, { email: 'ona@example.com', name: 'Ona', role: 'agent', languages: ['lt'], skills: [], uiLanguage: 'lt', teamIds: [] })
 */
export async function createAgent(deps: Pick<Deps, 'db'>, input: NewAgent) {
  const initialPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? (initialPassword as string));
  const agentId = await deps.db
    .transaction()
    .execute((tx) => insertAgentWithTeams(tx, input, passwordHash))
    .catch(translateWriteError);
  return { ...(await getAgent(deps, agentId)), ...(initialPassword ? { initialPassword } : {}) };
}

/**
 * Creates an agent who chooses their own password: no password is set, and an invitation link
 * goes to them by email in the same transaction (and back to the admin, once).
 */
export async function createInvitedAgent(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: NewAgent,
  invitedById: string,
) {
  if (input.password) {
    throw validationFailed([{ path: 'body.password', message: 'leave it empty when inviting the agent' }]);
  }
  const { agentId, invitation } = await deps.db
    .transaction()
    .execute(async (tx) => {
      const id = await insertAgentWithTeams(tx, input, null);
      return { agentId: id, invitation: await issueInvitation(tx, deps, { agentId: id, invitedById }) };
    })
    .catch(translateWriteError);
  return { ...(await getAgent(deps, agentId)), invitation };
}

export async function getAgent(deps: Pick<Deps, 'db'>, agentId: string) {
  const agent = await findAgentWithTeams(deps.db, agentId);
  if (!agent) throw agentNotFound();
  return toAgentDto(agent);
}

/** Agents by name; deactivated ones only when asked for (admins decide that at the route). */
export async function listAgents(deps: Pick<Deps, 'db'>, options: { includeInactive: boolean }) {
  const agents = await listAgentsWithTeams(deps.db, options);
  return agents.map(toAgentDto);
}

/**
 * An admin changes an agent. Deactivating ends the agent's sessions (their API tokens stop
 * working because authentication checks `is_active`); a new password ends their sessions too,
 * except the caller's own when admins reset their own password. The instance never loses its
 * last active admin.
 */
export async function updateAgent(
  deps: Pick<Deps, 'db'>,
  actor: Principal,
  agentId: string,
  changes: UpdateAgentBody,
) {
  // Hashing is slow; do it before any row is locked.
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  const teamIds = changes.teamIds === undefined ? undefined : [...new Set(changes.teamIds)];
  const touchesAdminStanding = changes.role !== undefined || changes.isActive === false;

  await deps.db
    .transaction()
    .execute(async (tx) => {
      // Admins are locked before the agent's row: every transaction takes them in that order.
      const activeAdminIds = touchesAdminStanding ? await lockActiveAdminIds(tx) : [];
      const current = await findAgentRowForUpdate(tx, agentId);
      if (!current) throw agentNotFound();
      const otherActiveAdmins = activeAdminIds.filter((id) => id !== agentId).length;
      if (
        touchesAdminStanding &&
        wouldRemoveLastAdmin({ role: current.role, isActive: current.is_active }, changes, otherActiveAdmins)
      ) {
        throw lastActiveAdmin();
      }

      const row: Updateable<AgentsTable> = {};
      if (changes.name !== undefined) row.name = changes.name;
      if (changes.role !== undefined) row.role = changes.role;
      if (changes.languages !== undefined) row.languages = [...new Set(changes.languages)];
      if (changes.skills !== undefined) row.skills = [...new Set(changes.skills)];
      if (changes.uiLanguage !== undefined) row.ui_language = changes.uiLanguage;
      if (changes.isActive !== undefined) row.is_active = changes.isActive;
      if (passwordHash !== undefined) row.password_hash = passwordHash;
      await updateAgentRow(tx, agentId, row);

      if (teamIds !== undefined) {
        await assertTeamsExist(tx, teamIds);
        await replaceTeamsOfAgent(tx, agentId, teamIds);
      }
      if (changes.isActive === false) {
        await deleteSessionsOfAgent(tx, agentId);
      } else if (passwordHash !== undefined) {
        const keepOwnSession = actor.agentId === agentId ? (actor.sessionTokenHash ?? undefined) : undefined;
        await deleteSessionsOfAgent(tx, agentId, keepOwnSession);
      }
    })
    .catch(translateWriteError);
  return getAgent(deps, agentId);
}
