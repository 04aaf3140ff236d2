import { type Insertable, sql, type Updateable } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { AgentsTable } from '../../db/schema.ts';

const agentColumns = [
  'agents.id',
  'agents.email',
  'agents.name',
  'agents.role',
  'agents.languages',
  'agents.skills',
  'agents.ui_language',
  'agents.is_active',
  'agents.created_at',
] as const;

function selectAgentsWithTeams(db: Queryable) {
  return db
    .selectFrom('agents')
    .select(agentColumns)
    .select(
      sql<
        string[]
      >`coalesce((select array_agg(tm.team_id order by tm.team_id) from team_members tm where tm.agent_id = agents.id), '{}')`.as(
        'team_ids',
      ),
    )
    .select(
      sql<Date | null>`(select i.expires_at from agent_invitations i where i.agent_id = agents.id)`.as(
        'invitation_expires_at',
      ),
    );
}

export type AgentWithTeams = Awaited<ReturnType<typeof findAgentWithTeams>> & {};

export function findAgentWithTeams(db: Queryable, id: string) {
  return selectAgentsWithTeams(db).where('agents.id', '=', id).executeTakeFirst();
}

export function listAgentsWithTeams(db: Queryable, options: { includeInactive: boolean }) {
  let query = selectAgentsWithTeams(db).orderBy('agents.name').orderBy('agents.id');
  if (!options.includeInactive) query = query.where('agents.is_active', '=', true);
  return query.execute();
}

export function insertAgent(db: Queryable, agent: Insertable<AgentsTable>) {
  return db.insertInto('agents').values(agent).returning('id').executeTakeFirstOrThrow();
}

export function updateAgentRow(db: Queryable, id: string, changes: Updateable<AgentsTable>) {
  return db
    .updateTable('agents')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

export function findAgentRow(db: Queryable, id: string) {
  return db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The agent's row, locked until the transaction ends so concurrent changes queue behind it. */
export function findAgentRowForUpdate(db: Queryable, id: string) {
  return db.selectFrom('agents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Locks every active admin, always in id order so two transactions cannot deadlock on them.
 * Whoever changes an admin's role or activity takes these locks first; a concurrent change then
 * re-reads the set after the first commits and sees how many admins are really left.
 */
export async function lockActiveAdminIds(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectFrom('agents')
    .select('id')
    .where('role', '=', 'admin')
    .where('is_active', '=', true)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

export async function replaceTeamsOfAgent(db: Queryable, agentId: string, teamIds: string[]) {
  await db.deleteFrom('team_members').where('agent_id', '=', agentId).execute();
  if (teamIds.length > 0) {
    await db
      .insertInto('team_members')
      .values(teamIds.map((teamId) => ({ team_id: teamId, agent_id: agentId })))
      .execute();
  }
}

export function countAgents(db: Queryable) {
  return db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.count));
}

/** Which of the given ids are agents; the rest are unknown. */
export async function findExistingAgentIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('agents').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

export async function isActiveAgent(db: Queryable, agentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('agents')
    .select('id')
    .where('id', '=', agentId)
    .where('is_active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findTeamIdsOfAgent(db: Queryable, agentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .select('team_id')
    .where('agent_id', '=', agentId)
    .orderBy('team_id')
    .execute();
  return rows.map((row) => row.team_id);
}
