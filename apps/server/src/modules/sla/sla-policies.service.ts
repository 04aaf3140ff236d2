import type {
  CreateSlaPolicyBody,
  SlaConditions,
  SlaEscalation,
  SlaPolicy,
  UpdateSlaPolicyBody,
} from '@frontline/contracts';
import type { Queryable } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { notFound, unprocessable } from '../../platform/errors.ts';
import { assertCalendarExists } from './calendars.service.ts';
import {
  clearDueTimesOfPolicy,
  deletePolicyRow,
  insertPolicyRow,
  listPolicyRows,
  lockPolicies,
  type PolicyColumns,
  queueSlaRecount,
  updatePolicyRow,
  writePolicyOrder,
} from './sla.repository.ts';

export type PolicyRow = Awaited<ReturnType<typeof listPolicyRows>>[number];

const policyNotFound = () => notFound('sla.policy_not_found', 'No such SLA policy');

const noEscalation: SlaEscalation = { notify: false, raisePriority: false, backupTeamId: null };

/** A stored policy in the API's shape (also what matching and escalation read). */
export function toPolicyDto(row: PolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    isEnabled: row.is_enabled,
    conditions: (row.conditions ?? {}) as SlaConditions,
    firstResponseMinutes: row.first_response_minutes,
    nextResponseMinutes: row.next_response_minutes,
    resolutionMinutes: row.resolution_minutes,
    calendarId: row.calendar_id,
    warningMinutes: row.warning_minutes,
    onWarning: { ...noEscalation, ...(row.on_warning as Partial<SlaEscalation>) },
    onBreach: { ...noEscalation, ...(row.on_breach as Partial<SlaEscalation>) },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function listSlaPolicies(db: Queryable): Promise<SlaPolicy[]> {
  return (await listPolicyRows(db)).map(toPolicyDto);
}

async function assertReferencesExist(db: Queryable, policy: Partial<CreateSlaPolicyBody>) {
  if (policy.calendarId) await assertCalendarExists(db, policy.calendarId);
  const teamIds = [
    ...(policy.conditions?.teamIds ?? []),
    ...[policy.onWarning?.backupTeamId, policy.onBreach?.backupTeamId].filter((id): id is string => !!id),
  ];
  if (teamIds.length === 0) return;
  const found = await db.selectFrom('teams').select('id').where('id', 'in', teamIds).execute();
  if (found.length < new Set(teamIds).size) {
    throw unprocessable('sla.unknown_team', 'A team named in the policy does not exist');
  }
}

function toColumns(body: Partial<CreateSlaPolicyBody>): Partial<PolicyColumns> {
  const columns: Partial<PolicyColumns> = {};
  if (body.name !== undefined) columns.name = body.name;
  if (body.isEnabled !== undefined) columns.is_enabled = body.isEnabled;
  if (body.conditions !== undefined) columns.conditions = JSON.stringify(body.conditions);
  if (body.firstResponseMinutes !== undefined) columns.first_response_minutes = body.firstResponseMinutes;
  if (body.nextResponseMinutes !== undefined) columns.next_response_minutes = body.nextResponseMinutes;
  if (body.resolutionMinutes !== undefined) columns.resolution_minutes = body.resolutionMinutes;
  if (body.calendarId !== undefined) columns.calendar_id = body.calendarId;
  if (body.warningMinutes !== undefined) columns.warning_minutes = body.warningMinutes;
  if (body.onWarning !== undefined) columns.on_warning = JSON.stringify(body.onWarning);
  if (body.onBreach !== undefined) columns.on_breach = JSON.stringify(body.onBreach);
  return columns;
}

/** Moves `id` to `position` (clamped) in the order and renumbers 0…n-1. */
async function placeAt(db: Queryable, id: string, position: number | undefined) {
  const ids = (await listPolicyRows(db)).map((row) => row.id).filter((other) => other !== id);
  ids.splice(Math.min(position ?? ids.length, ids.length), 0, id);
  await writePolicyOrder(db, ids);
}

// Every change queues a recount: a new or changed policy applies to the open backlog too.
export async function createSlaPolicy(deps: Pick<Deps, 'db'>, body: CreateSlaPolicyBody): Promise<SlaPolicy> {
  return deps.db.transaction().execute(async (tx) => {
    await lockPolicies(tx);
    await assertReferencesExist(tx, body);
    // Inserted anywhere, then put in its place: `placeAt` renumbers the whole order.
    const row = await insertPolicyRow(tx, { ...(toColumns(body) as PolicyColumns), position: 0 });
    await placeAt(tx, row.id, body.position);
    await queueSlaRecount(tx);
    return toPolicyDto((await listPolicyRows(tx)).find((policy) => policy.id === row.id)!);
  });
}

export async function updateSlaPolicy(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
  body: UpdateSlaPolicyBody,
): Promise<SlaPolicy> {
  return deps.db.transaction().execute(async (tx) => {
    await lockPolicies(tx);
    await assertReferencesExist(tx, body);
    const row = await updatePolicyRow(tx, id, toColumns(body), deps.clock.now());
    if (!row) throw policyNotFound();
    if (body.position !== undefined) await placeAt(tx, id, body.position);
    await queueSlaRecount(tx);
    return toPolicyDto((await listPolicyRows(tx)).find((policy) => policy.id === id)!);
  });
}

export async function deleteSlaPolicy(deps: Pick<Deps, 'db'>, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await lockPolicies(tx);
    await clearDueTimesOfPolicy(tx, id);
    if (!(await deletePolicyRow(tx, id))) throw policyNotFound();
    await writePolicyOrder(
      tx,
      (await listPolicyRows(tx)).map((row) => row.id),
    );
    await queueSlaRecount(tx);
  });
}
