import type { DeskState, FinishVisitBody, TransferVisitBody, WalkInVisit } from '@frontline/contracts';
import type { Queryable } from '../../db/database.ts';
import type { WalkInVisitRow } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/http.ts';
import { hasRole } from '../auth/index.ts';
import { loadViewer, postAgentMessage, updateConversation } from '../conversations/index.ts';
import { loadOrderedLine } from './line.service.ts';
import { announceLineChange } from './line-change.ts';
import { canMarkNoShow, pickNextVisit, readmittedQueuedAt, transferredQueuedAt } from './line-rules.ts';
import { listVisitNotices } from './notifications.repository.ts';
import { queueCalledNotices } from './notifications.service.ts';
import { findDeskRow } from './setup.repository.ts';
import { getLocation } from './setup.service.ts';
import { toWalkInVisit } from './visit-dto.ts';
import {
  deleteDeskSession,
  findCustomerNames,
  findDeskSession,
  findDeskSessionOfAgent,
  findVisitRow,
  listVisitsAtDesks,
  lockVisitRow,
  resolvePromises,
  updateVisitRow,
  upsertDeskSession,
} from './visits.repository.ts';
import {
  deskBusy,
  deskNotFound,
  deskTaken,
  graceNotOver,
  illegalVisitAction,
  mayNotServe,
  notAtDesk,
  readmitWindowOver,
  serviceInactive,
  serviceNotFound,
  visitNotFound,
} from './walk-in.errors.ts';

type DeskDeps = Pick<Deps, 'db' | 'clock'>;

/** The visit as the desk console shows it: the customer's name and what they were told. */
async function withCustomerName(db: Queryable, visit: WalkInVisitRow): Promise<WalkInVisit> {
  const [names, notices] = await Promise.all([
    findCustomerNames(db, [visit.customer_id]),
    listVisitNotices(db, [visit.id]),
  ]);
  return {
    ...toWalkInVisit(visit, names.get(visit.customer_id) ?? ''),
    hasContact: Boolean(visit.notify_email || visit.notify_phone),
    notices: notices.get(visit.id) ?? [],
  };
}

export async function getDeskState(db: Queryable, deskId: string): Promise<DeskState> {
  const desk = await findDeskRow(db, deskId);
  if (!desk) throw deskNotFound();
  const session = await findDeskSession(db, deskId);
  const current = (await listVisitsAtDesks(db, desk.location_id)).find((visit) => visit.desk_id === deskId);
  return {
    deskId,
    deskName: desk.name,
    agentId: session?.agent_id ?? null,
    serviceIds: session?.service_ids ?? [],
    current: current ? await withCustomerName(db, current) : null,
  };
}

/** The desk the caller is signed in at, or null. */
export async function getMyDesk(deps: Pick<Deps, 'db'>, principal: Principal) {
  const session = await findDeskSessionOfAgent(deps.db, principal.agentId);
  return { desk: session ? await getDeskState(deps.db, session.desk_id) : null };
}

/**
 * Signs the caller in at a desk for services of its location they may serve (supervisors and
 * admins may serve any). An agent works one desk at a time; a desk has one agent.
 */
export async function signInAtDesk(
  deps: DeskDeps,
  principal: Principal,
  deskId: string,
  serviceIds: string[],
) {
  const desk = await findDeskRow(deps.db, deskId);
  if (!desk) throw deskNotFound();
  const location = await getLocation(deps.db, desk.location_id);
  const wanted = [...new Set(serviceIds)];
  for (const serviceId of wanted) {
    const service = location.services.find((candidate) => candidate.id === serviceId);
    if (!service) throw serviceNotFound();
    if (!hasRole(principal, 'supervisor') && !service.agentIds.includes(principal.agentId))
      throw mayNotServe();
  }
  await deps.db.transaction().execute(async (tx) => {
    const session = await findDeskSession(tx, deskId);
    if (session && session.agent_id !== principal.agentId) throw deskTaken();
    await upsertDeskSession(tx, {
      desk_id: deskId,
      agent_id: principal.agentId,
      service_ids: wanted,
      signed_in_at: deps.clock.now(),
    });
    await announceLineChange(tx, location.id);
  });
  return getDeskState(deps.db, deskId);
}

export async function signOutOfDesk(deps: DeskDeps, principal: Principal, deskId: string) {
  const desk = await findDeskRow(deps.db, deskId);
  if (!desk) throw deskNotFound();
  await deps.db.transaction().execute(async (tx) => {
    const session = await findDeskSession(tx, deskId);
    if (!session) return;
    if (session.agent_id !== principal.agentId && !hasRole(principal, 'supervisor')) throw deskTaken();
    await deleteDeskSession(tx, deskId);
    await announceLineChange(tx, desk.location_id);
  });
  return getDeskState(deps.db, deskId);
}

/**
 * The visit's conversation follows the desk: assigned to whoever calls it, a note and "solved"
 * when it ends. The visit is the record of truth and is already committed; a conversation that
 * was merged or closed meanwhile (someone else's decision) must not undo the desk's action.
 */
async function followInConversation(
  deps: DeskDeps,
  principal: Principal,
  conversationId: string,
  change: { assigneeId?: string | null; note?: string; status?: 'solved' | 'open' },
) {
  const viewer = await loadViewer(deps, principal);
  try {
    if (change.assigneeId !== undefined) {
      await updateConversation(deps, viewer, conversationId, {
        assigneeId: change.assigneeId,
        status: change.status,
      });
    } else if (change.note) {
      await postAgentMessage(deps, viewer, conversationId, {
        body: change.note,
        visibility: 'internal',
        status: change.status,
      });
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

/** "Call next": the first visit in calling order this desk may serve, called to it. */
export async function callNext(deps: DeskDeps, principal: Principal, deskId: string) {
  const desk = await findDeskRow(deps.db, deskId);
  if (!desk) throw deskNotFound();
  const location = await getLocation(deps.db, desk.location_id);
  const now = deps.clock.now();
  const called = await deps.db.transaction().execute(async (tx) => {
    const session = await findDeskSession(tx, deskId);
    if (!session || session.agent_id !== principal.agentId) throw notAtDesk();
    if ((await listVisitsAtDesks(tx, location.id)).some((visit) => visit.desk_id === deskId))
      throw deskBusy();
    // Locking the whole waiting line serialises desks calling at once: no visit is called twice.
    const line = await loadOrderedLine(tx, location, now, { forUpdate: true });
    const next = pickNextVisit(line, { id: deskId, serviceIds: session.service_ids }, now, location.rules);
    if (!next) return null;
    const visit = await updateVisitRow(tx, next.id, {
      status: 'called',
      desk_id: deskId,
      agent_id: principal.agentId,
      target_desk_id: null,
      called_at: now,
      call_count: next.call_count + 1,
    });
    await resolvePromises(tx, visit.id, now);
    await queueCalledNotices(tx, visit);
    await announceLineChange(tx, location.id);
    return visit;
  });
  if (called)
    await followInConversation(deps, principal, called.conversation_id, {
      assigneeId: principal.agentId,
      status: 'open',
    });
  return getDeskState(deps.db, deskId);
}

type VisitAction = 'recall' | 'no_show' | 'readmit' | 'start' | 'finish' | 'transfer';
const allowedFrom: Record<VisitAction, WalkInVisitRow['status'][]> = {
  recall: ['called'],
  no_show: ['called'],
  readmit: ['no_show'],
  start: ['called'],
  finish: ['called', 'serving'],
  transfer: ['called', 'serving'],
};

/**
 * Runs one desk action on a visit inside a transaction: the visit is locked, must be in a state
 * the action applies to, and (except re-admission, done at any desk) at the caller's desk.
 */
async function actOnVisit(
  deps: DeskDeps,
  principal: Principal,
  visitId: string,
  action: VisitAction,
  change: (visit: WalkInVisitRow, now: Date, tx: Queryable) => Promise<WalkInVisitRow>,
) {
  const now = deps.clock.now();
  const visit = await deps.db.transaction().execute(async (tx) => {
    const current = await lockVisitRow(tx, visitId);
    if (!current) throw visitNotFound();
    if (!allowedFrom[action].includes(current.status))
      throw illegalVisitAction(current.status, action.replace('_', '-'));
    if (action !== 'readmit' && !hasRole(principal, 'supervisor')) {
      const session = await findDeskSessionOfAgent(tx, principal.agentId);
      if (!session || session.desk_id !== current.desk_id) throw notAtDesk();
    }
    const changed = await change(current, now, tx);
    await announceLineChange(tx, current.location_id);
    return changed;
  });
  return withCustomerName(deps.db, visit);
}

export function recallVisit(deps: DeskDeps, principal: Principal, visitId: string) {
  return actOnVisit(deps, principal, visitId, 'recall', async (visit, now, tx) => {
    const recalled = await updateVisitRow(tx, visit.id, { called_at: now, call_count: visit.call_count + 1 });
    await queueCalledNotices(tx, recalled);
    return recalled;
  });
}

export async function markNoShow(deps: DeskDeps, principal: Principal, visitId: string) {
  const location = await locationOfVisit(deps.db, visitId);
  const visit = await actOnVisit(deps, principal, visitId, 'no_show', (current, now, tx) => {
    if (!canMarkNoShow(current.called_at!, now, location.rules)) throw graceNotOver();
    return updateVisitRow(tx, current.id, { status: 'no_show', no_show_at: now });
  });
  await followInConversation(deps, principal, visit.conversationId, {
    note: `${visit.ticket}: did not come to the desk (no-show).`,
    status: 'solved',
  });
  return visit;
}

export async function readmitVisit(deps: DeskDeps, principal: Principal, visitId: string) {
  const location = await locationOfVisit(deps.db, visitId);
  const visit = await actOnVisit(deps, principal, visitId, 'readmit', (current, now, tx) => {
    const queuedAt = readmittedQueuedAt(
      { queuedAt: current.queued_at, noShowAt: current.no_show_at! },
      now,
      location.rules,
    );
    if (!queuedAt) throw readmitWindowOver();
    return updateVisitRow(tx, current.id, {
      status: 'waiting',
      queued_at: queuedAt,
      desk_id: null,
      agent_id: null,
    });
  });
  await followInConversation(deps, principal, visit.conversationId, {
    note: `${visit.ticket}: arrived late and was re-admitted to the line.`,
    status: 'open',
  });
  return visit;
}

export function startVisit(deps: DeskDeps, principal: Principal, visitId: string) {
  return actOnVisit(deps, principal, visitId, 'start', (visit, now, tx) =>
    updateVisitRow(tx, visit.id, { status: 'serving', started_at: now }),
  );
}

export async function finishVisit(
  deps: DeskDeps,
  principal: Principal,
  visitId: string,
  input: FinishVisitBody,
) {
  const visit = await actOnVisit(deps, principal, visitId, 'finish', (current, now, tx) =>
    updateVisitRow(tx, current.id, {
      status: 'done',
      started_at: current.started_at ?? current.called_at,
      finished_at: now,
      outcome: input.outcome,
      note: input.note,
    }),
  );
  const note = input.note ? ` ${input.note}` : '';
  await followInConversation(deps, principal, visit.conversationId, {
    note: `${visit.ticket} finished at the desk: ${input.outcome.replace('_', ' ')}.${note}`,
    status: 'solved',
  });
  return visit;
}

/** Sends the visit to another service's line and/or a desk, keeping its place by arrival. */
export async function transferVisit(
  deps: DeskDeps,
  principal: Principal,
  visitId: string,
  input: TransferVisitBody,
) {
  const location = await locationOfVisit(deps.db, visitId);
  if (input.serviceId) {
    const service = location.services.find((candidate) => candidate.id === input.serviceId);
    if (!service) throw serviceNotFound();
    if (!service.isActive) throw serviceInactive();
  }
  if (input.deskId && !location.desks.some((desk) => desk.id === input.deskId)) throw deskNotFound();
  const visit = await actOnVisit(deps, principal, visitId, 'transfer', (current, _now, tx) =>
    updateVisitRow(tx, current.id, {
      status: 'waiting',
      service_id: input.serviceId ?? current.service_id,
      target_desk_id: input.deskId ?? null,
      queued_at: transferredQueuedAt({ queuedAt: current.queued_at }),
      desk_id: null,
      agent_id: null,
      transfer_count: current.transfer_count + 1,
    }),
  );
  await followInConversation(deps, principal, visit.conversationId, { assigneeId: null });
  return visit;
}

async function locationOfVisit(db: Queryable, visitId: string) {
  const visit = await findVisitRow(db, visitId);
  if (!visit) throw visitNotFound();
  return getLocation(db, visit.location_id);
}
