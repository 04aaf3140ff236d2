import {
  type createSavedViewBody,
  listConversationsQuery,
  type SavedView,
  type SavedViewCounts,
  type UpdateSavedViewBody,
} from '@frontline/contracts';
import type { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { teamExists } from '../agents/index.ts';
import { listConversations, type Viewer } from '../conversations/index.ts';
import { notViewOwner, savedViewNotFound, teamNotYours } from './saved-views.errors.ts';
import {
  deleteSavedViewRow,
  findSavedViewRow,
  insertSavedView,
  listSavedViewRows,
  type SavedViewRow,
  updateSavedViewRow,
} from './saved-views.repository.ts';

/** Views are counted up to this many conversations (one list page); the inbox shows "100+" beyond. */
export const savedViewCountLimit = 100;

const toIso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

function toSavedViewDto(row: SavedViewRow, viewer: Viewer): SavedView {
  return {
    id: row.id,
    name: row.name,
    filters: row.filters,
    teamId: row.team_id,
    owner: { id: row.owner_id, name: row.owner_name },
    isOwn: row.owner_id === viewer.agentId,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

const isSupervising = (viewer: Viewer) => viewer.role === 'supervisor' || viewer.role === 'admin';
const canSee = (viewer: Viewer, row: SavedViewRow) =>
  row.owner_id === viewer.agentId || (row.team_id !== null && viewer.teamIds.includes(row.team_id));

async function assertMayShareWith(deps: Pick<Deps, 'db'>, viewer: Viewer, teamId: string | null) {
  if (teamId === null) return;
  const mayShare = isSupervising(viewer)
    ? await teamExists(deps.db, teamId)
    : viewer.teamIds.includes(teamId);
  if (!mayShare) throw teamNotYours();
}

/** A view the viewer owns; 403 for a view shared with them, 404 for one they cannot see. */
async function loadOwnView(deps: Pick<Deps, 'db'>, viewer: Viewer, id: string) {
  const row = await findSavedViewRow(deps.db, id);
  if (!row || !canSee(viewer, row)) throw savedViewNotFound();
  if (row.owner_id !== viewer.agentId) throw notViewOwner();
  return row;
}

export async function listSavedViews(deps: Pick<Deps, 'db'>, viewer: Viewer) {
  const rows = await listSavedViewRows(deps.db, viewer.agentId, viewer.teamIds);
  return { items: rows.map((row) => toSavedViewDto(row, viewer)) };
}

export async function createSavedView(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  input: z.infer<typeof createSavedViewBody>,
): Promise<SavedView> {
  await assertMayShareWith(deps, viewer, input.teamId);
  const { id } = await insertSavedView(deps.db, {
    owner_id: viewer.agentId,
    team_id: input.teamId,
    name: input.name,
    filters: JSON.stringify(input.filters),
  });
  return toSavedViewDto((await findSavedViewRow(deps.db, id))!, viewer);
}

export async function updateSavedView(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  id: string,
  input: UpdateSavedViewBody,
): Promise<SavedView> {
  await loadOwnView(deps, viewer, id);
  if (input.teamId !== undefined) await assertMayShareWith(deps, viewer, input.teamId);
  await updateSavedViewRow(deps.db, id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.filters !== undefined ? { filters: JSON.stringify(input.filters) } : {}),
    ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
  });
  return toSavedViewDto((await findSavedViewRow(deps.db, id))!, viewer);
}

export async function deleteSavedView(deps: Pick<Deps, 'db'>, viewer: Viewer, id: string) {
  await loadOwnView(deps, viewer, id);
  await deleteSavedViewRow(deps.db, id);
}

/**
 * How many conversations the viewer would see in each of their views. Each view is one page of
 * the ordinary list (the same visibility and filters as opening it), so a count never disagrees
 * with the list; a view with more than `savedViewCountLimit` says so instead of counting on.
 */
export async function countSavedViews(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer,
): Promise<SavedViewCounts> {
  const rows = await listSavedViewRows(deps.db, viewer.agentId, viewer.teamIds);
  const items: SavedViewCounts['items'] = [];
  for (const row of rows) {
    const query = listConversationsQuery.safeParse({ ...row.filters, limit: savedViewCountLimit });
    // Filters stored before a contract change may no longer parse; such a view shows no count.
    if (!query.success) continue;
    const page = await listConversations(deps, viewer, query.data);
    items.push({ id: row.id, count: page.items.length, isCapped: page.nextCursor !== null });
  }
  return { countLimit: savedViewCountLimit, items };
}
