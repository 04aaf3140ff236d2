import type {
  AttachVisitCustomerBody,
  ConversationSummary,
  VisitFollowUpBody,
  WalkInVisit,
} from '@frontline/contracts';
import type { WalkInVisitRow } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Principal } from '../../platform/http.ts';
import { publishChange } from '../../platform/realtime.ts';
import { hasRole } from '../auth/index.ts';
import { createConversation, loadViewer, postAgentMessage } from '../conversations/index.ts';
import { addFreeIdentities, getCustomer, mergeCustomerInto } from '../customers/index.ts';
import { getDeskState } from './desk.service.ts';
import { announceLineChange } from './line-change.ts';
import {
  hasConversations,
  insertConversationEvent,
  moveVisitToCustomer,
} from './visit-customer.repository.ts';
import { toWalkInVisit } from './visit-dto.ts';
import { findDeskSession, findVisitRow, lockVisitRow } from './visits.repository.ts';
import { customerMerged, notServingVisit, visitNotFound } from './walk-in.errors.ts';

type VisitCustomerDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/**
 * The visit, if the caller serves it: the agent signed in at the desk it was called to, or a
 * supervisor or admin. Waiting visits belong to nobody's desk yet, so only supervisors reach them.
 */
async function loadServedVisit(deps: VisitCustomerDeps, principal: Principal, visitId: string) {
  const visit = await findVisitRow(deps.db, visitId);
  if (!visit) throw visitNotFound();
  if (hasRole(principal, 'supervisor')) return visit;
  const session = visit.desk_id ? await findDeskSession(deps.db, visit.desk_id) : undefined;
  if (session?.agent_id !== principal.agentId) throw notServingVisit();
  return visit;
}

/** The contacts the visitor left to be notified at, as identities of the customer. */
function notifyIdentitiesOf(visit: WalkInVisitRow) {
  return [
    ...(visit.notify_email ? [{ kind: 'email' as const, value: visit.notify_email }] : []),
    ...(visit.notify_phone ? [{ kind: 'phone' as const, value: visit.notify_phone }] : []),
  ];
}

/**
 * The desk says who the visitor is: the visit and its conversation move to that customer, so the
 * visit is in their history; the phone or email left at the kiosk or on the tracking page becomes
 * one of their identities where no other customer holds it.
 */
export async function attachVisitCustomer(
  deps: VisitCustomerDeps,
  principal: Principal,
  visitId: string,
  input: AttachVisitCustomerBody,
): Promise<WalkInVisit> {
  const served = await loadServedVisit(deps, principal, visitId);
  const customer = await getCustomer(deps, input.customerId);
  if (customer.mergedIntoId) throw customerMerged();
  await deps.db.transaction().execute(async (tx) => {
    const visit = (await lockVisitRow(tx, served.id))!;
    if (visit.customer_id === customer.id) {
      await addFreeIdentities(tx, customer.id, notifyIdentitiesOf(visit));
    } else {
      await moveVisitToCustomer(tx, visit, customer.id);
      // The customer the kiosk found or made for this visit has nothing else: it was this person
      // all along, so it is merged into them (its contacts become theirs, search shows it no more).
      const previous = await getCustomer({ db: tx }, visit.customer_id);
      const isPlaceholder =
        previous.mergedIntoId === null && !(await hasConversations(tx, visit.customer_id));
      if (isPlaceholder) {
        await mergeCustomerInto(tx, {
          targetId: customer.id,
          sourceId: visit.customer_id,
          actorAgentId: principal.agentId,
        });
      }
      const added = await addFreeIdentities(tx, customer.id, notifyIdentitiesOf(visit));
      await insertConversationEvent(tx, {
        conversationId: visit.conversation_id,
        type: 'customer_changed',
        actorAgentId: principal.agentId,
        data: {
          from: visit.customer_id,
          to: customer.id,
          isPlaceholderMerged: isPlaceholder,
          identitiesAdded: added,
        },
      });
      await publishChange(tx, {
        type: 'conversation.updated',
        conversationId: visit.conversation_id,
        changes: ['customer'],
      });
      // The waiting line and other consoles show the customer's name.
      await announceLineChange(tx, visit.location_id);
    }
  });
  return visitAsDeskSeesIt(deps, served.id);
}

async function visitAsDeskSeesIt(deps: VisitCustomerDeps, visitId: string): Promise<WalkInVisit> {
  const visit = (await findVisitRow(deps.db, visitId))!;
  if (visit.desk_id) {
    const desk = await getDeskState(deps.db, visit.desk_id);
    if (desk.current?.id === visit.id) return desk.current;
  }
  const customer = await getCustomer(deps, visit.customer_id);
  return toWalkInVisit(visit, customer.name);
}

/**
 * Opens a follow-up conversation from a visit: same customer, linked to the visit's conversation
 * (`followUpOfId`, and `follow_up_opened` on the visit's), assigned to the agent who opened it,
 * with their first internal note.
 */
export async function openVisitFollowUp(
  deps: VisitCustomerDeps,
  principal: Principal,
  visitId: string,
  input: VisitFollowUpBody,
): Promise<ConversationSummary> {
  const visit = await loadServedVisit(deps, principal, visitId);
  const viewer = await loadViewer(deps, principal);
  const followUp = await createConversation(
    deps,
    {
      customer: { id: visit.customer_id },
      subject: input.subject,
      channel: 'walk_in',
      language: visit.language,
      assigneeId: principal.agentId,
      followUpOfId: visit.conversation_id,
      message: {
        body: `Follow-up of walk-in visit ${visit.ticket}.`,
        metadata: { walkIn: { ticket: visit.ticket, followUpOfVisitId: visit.id } },
      },
    },
    viewer,
  );
  await postAgentMessage(deps, viewer, followUp.id, { body: input.note, visibility: 'internal' });
  return followUp;
}
