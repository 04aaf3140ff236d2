import { type Insertable, sql, type Updateable } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { TeamsTable } from '../../db/schema.ts';

function selectTeamsWithMembers(db: Queryable) {
  return db
    .selectFrom('teams')
    .select(['teams.id', 'teams.name', 'teams.description', 'teams.created_at'])
    .select(
      sql<
        string[]
      >`coalesce((select array_agg(tm.agent_id order by tm.agent_id) from team_members tm where tm.team_id = teams.id), '{}')`.as(
        'member_ids',
      ),
    );
}

export type TeamWithMembers = Awaited<ReturnType<typeof findTeamWithMembers>> & {};

export function findTeamWithMembers(db: Queryable, id: string) {
  return selectTeamsWithMembers(db).where('teams.id', '=', id).executeTakeFirst();
}

export function listTeamsWithMembers(db: Queryable) {
  return selectTeamsWithMembers(db).orderBy('teams.name').orderBy('teams.id').execute();
}

export function insertTeam(db: Queryable, team: Insertable<TeamsTable>) {
  return db.insertInto('teams').values(team).returning('id').executeTakeFirstOrThrow();
}

export function updateTeamRow(db: Queryable, id: string, changes: Updateable<TeamsTable>) {
  return db
    .updateTable('teams')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

export function deleteTeamRow(db: Queryable, id: string) {
  return db.deleteFrom('teams').where('id', '=', id).returning('id').executeTakeFirst();
}

export async function replaceMembersOfTeam(db: Queryable, teamId: string, agentIds: string[]) {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (agentIds.length > 0) {
    await db
      .insertInto('team_members')
      .values(agentIds.map((agentId) => ({ team_id: teamId, agent_id: agentId })))
      .execute();
  }
}

/** Which of the given ids are teams; the rest are unknown. */
export async function findExistingTeamIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('teams').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

export async function teamExists(db: Queryable, teamId: string): Promise<boolean> {
  const row = await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  return row !== undefined;
}

export async function isTeamMember(db: Queryable, teamId: string, agentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('team_members')
    .select('agent_id')
    .where('team_id', '=', teamId)
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Active members of a team, the candidates routing may assign the team's work to. */
export async function listActiveAgentIdsOfTeam(db: Queryable, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('agents', 'agents.id', 'team_members.agent_id')
    .select('agents.id')
    .where('team_members.team_id', '=', teamId)
    .where('agents.is_active', '=', true)
    .orderBy('agents.id')
    .execute();
  return rows.map((row) => row.id);
}
