import type { CreateTeamBody, UpdateTeamBody } from '@frontline/contracts';
import type { Updateable } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { TeamsTable } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { isPgError, pgErrorCodes } from '../../platform/errors.ts';
import { toTeamDto } from './agents.dto.ts';
import { teamNameTaken, teamNotFound, unknownTeamMembers } from './agents.errors.ts';
import { findExistingAgentIds } from './agents.repository.ts';
import {
  deleteTeamRow,
  findTeamWithMembers,
  insertTeam,
  listTeamsWithMembers,
  replaceMembersOfTeam,
  updateTeamRow,
} from './teams.repository.ts';

async function assertAgentsExist(db: Queryable, agentIds: string[]) {
  const existing = await findExistingAgentIds(db, agentIds);
  const unknown = agentIds.filter((id) => !existing.has(id));
  if (unknown.length > 0) throw unknownTeamMembers(unknown);
}

/** Names are unique ignoring case (index `teams_name_key` on `lower(name)`). */
function translateWriteError(error: unknown): never {
  if (isPgError(error, pgErrorCodes.uniqueViolation) && error.constraint === 'teams_name_key')
    throw teamNameTaken();
  // An agent deleted between our check and the insert.
  if (isPgError(error, pgErrorCodes.foreignKeyViolation)) throw unknownTeamMembers([]);
  throw error;
}

export async function getTeam(deps: Pick<Deps, 'db'>, teamId: string) {
  const team = await findTeamWithMembers(deps.db, teamId);
  if (!team) throw teamNotFound();
  return toTeamDto(team);
}

export async function listTeams(deps: Pick<Deps, 'db'>) {
  const teams = await listTeamsWithMembers(deps.db);
  return teams.map(toTeamDto);
}

export async function createTeam(deps: Pick<Deps, 'db'>, input: CreateTeamBody) {
  const memberIds = [...new Set(input.memberIds)];
  const teamId = await deps.db
    .transaction()
    .execute(async (tx) => {
      await assertAgentsExist(tx, memberIds);
      const { id } = await insertTeam(tx, { name: input.name, description: input.description });
      await replaceMembersOfTeam(tx, id, memberIds);
      return id;
    })
    .catch(translateWriteError);
  return getTeam(deps, teamId);
}

/** Renames or re-describes a team; `memberIds`, when given, becomes the whole membership. */
export async function updateTeam(deps: Pick<Deps, 'db'>, teamId: string, changes: UpdateTeamBody) {
  const memberIds = changes.memberIds === undefined ? undefined : [...new Set(changes.memberIds)];
  await deps.db
    .transaction()
    .execute(async (tx) => {
      const row: Updateable<TeamsTable> = {};
      if (changes.name !== undefined) row.name = changes.name;
      if (changes.description !== undefined) row.description = changes.description;
      // Always touched: it proves the team exists and locks it while members are replaced.
      const updated = await updateTeamRow(tx, teamId, row);
      if (!updated) throw teamNotFound();
      if (memberIds !== undefined) {
        await assertAgentsExist(tx, memberIds);
        await replaceMembersOfTeam(tx, teamId, memberIds);
      }
    })
    .catch(translateWriteError);
  return getTeam(deps, teamId);
}

/** Deletes a team; its conversations stay, unassigned from any team (`on delete set null`). */
export async function deleteTeam(deps: Pick<Deps, 'db'>, teamId: string) {
  const deleted = await deleteTeamRow(deps.db, teamId);
  if (!deleted) throw teamNotFound();
}
