import type { PublicVisit, VisitWait, WalkInLocation, WalkInVisit } from '@frontline/contracts';
import type { WalkInVisitRow } from '../../db/schema.ts';

export function toPublicVisit(
  visit: WalkInVisitRow,
  location: WalkInLocation,
  extra: { position: number | null; wait: VisitWait | null },
): PublicVisit {
  const service = location.services.find((candidate) => candidate.id === visit.service_id)!;
  return {
    ticket: visit.ticket,
    status: visit.status,
    locationId: location.id,
    locationName: location.name,
    serviceId: service.id,
    serviceNames: service.names,
    language: visit.language as PublicVisit['language'],
    position: extra.position,
    wait: extra.wait,
    deskName: location.desks.find((desk) => desk.id === visit.desk_id)?.name ?? null,
    takenAt: visit.created_at.toISOString(),
    calledAt: visit.called_at?.toISOString() ?? null,
    hasContact: Boolean(visit.notify_email || visit.notify_phone),
  };
}

export function toWalkInVisit(visit: WalkInVisitRow, customerName: string): WalkInVisit {
  return {
    id: visit.id,
    ticket: visit.ticket,
    status: visit.status,
    serviceId: visit.service_id,
    conversationId: visit.conversation_id,
    customerId: visit.customer_id,
    customerName,
    isPriority: visit.is_priority,
    deskId: visit.desk_id,
    targetDeskId: visit.target_desk_id,
    callCount: visit.call_count,
    takenAt: visit.created_at.toISOString(),
    calledAt: visit.called_at?.toISOString() ?? null,
    startedAt: visit.started_at?.toISOString() ?? null,
    finishedAt: visit.finished_at?.toISOString() ?? null,
    outcome: visit.outcome,
  };
}
