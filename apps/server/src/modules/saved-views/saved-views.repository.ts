import { type Insertable, sql, type Updateable } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { SavedViewsTable } from '../../db/schema.ts';

function selectSavedViews(db: Queryable) {
  return db
    .selectFrom('saved_views as v')
    .innerJoin('agents as owner', 'owner.id', 'v.owner_id')
    .select([
      'v.id',
      'v.name',
      'v.filters',
      'v.team_id',
      'v.owner_id',
      'owner.name as owner_name',
      'v.created_at',
      'v.updated_at',
    ]);
}

export type SavedViewRow = Awaited<ReturnType<typeof listSavedViewRows>>[number];

/** The agent's own views, then those shared with their teams, each group oldest first. */
export function listSavedViewRows(db: Queryable, agentId: string, teamIds: readonly string[]) {
  return selectSavedViews(db)
    .where((eb) =>
      eb.or([
        eb('v.owner_id', '=', agentId),
        ...(teamIds.length > 0 ? [eb('v.team_id', 'in', [...teamIds])] : []),
      ]),
    )
    .orderBy(sql`v.owner_id = ${agentId}`, 'desc')
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute();
}

export function findSavedViewRow(db: Queryable, id: string) {
  return selectSavedViews(db).where('v.id', '=', id).executeTakeFirst();
}

export function insertSavedView(db: Queryable, view: Insertable<SavedViewsTable>) {
  return db.insertInto('saved_views').values(view).returning('id').executeTakeFirstOrThrow();
}

export function updateSavedViewRow(db: Queryable, id: string, changes: Updateable<SavedViewsTable>) {
  return db
    .updateTable('saved_views')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export function deleteSavedViewRow(db: Queryable, id: string) {
  return db.deleteFrom('saved_views').where('id', '=', id).execute();
}
