import type { VisitNotice } from '@frontline/contracts';
import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { WalkInNotificationRow } from '../../db/schema.ts';

/** SQL for the messages owed to visitors ("your turn is near", "you are called") and their jobs. */

export const sendNotificationTask = 'walk_in_send_notification';
export const checkLineTask = 'walk_in_check_line';
export const checkAllLinesTask = 'walk_in_check_lines';

/**
 * A walk-in message is worth little late: five attempts (graphile-worker backs off e^n seconds,
 * so the last is about a minute and a half after the first) and then it is marked failed.
 */
export const NOTIFICATION_MAX_ATTEMPTS = 5;

type NewNotification = {
  visit_id: string;
  kind: WalkInNotificationRow['kind'];
  call_number: number;
  channel: WalkInNotificationRow['channel'];
  recipient: string;
  desk_name: string | null;
};

/**
 * Records a message owed and queues its job, both in the caller's transaction; null (and nothing
 * queued) when this message of this visit was already recorded — that is the "never twice".
 */
export async function insertNotificationOnce(db: Queryable, row: NewNotification) {
  const inserted = await db
    .insertInto('walk_in_notifications')
    .values(row)
    .onConflict((oc) => oc.columns(['visit_id', 'kind', 'call_number', 'channel']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  const payload = JSON.stringify({ notificationId: inserted.id });
  await sql`select graphile_worker.add_job(${sendNotificationTask}, ${payload}::json,
    job_key := ${`walk-in-notification:${inserted.id}`}, max_attempts := ${NOTIFICATION_MAX_ATTEMPTS})`.execute(
    db,
  );
  return inserted.id;
}

/** Asks the worker to look at the line for visits whose turn is near; a pending check is reused. */
export async function queueLineCheck(db: Queryable, locationId: string) {
  const payload = JSON.stringify({ locationId });
  await sql`select graphile_worker.add_job(${checkLineTask}, ${payload}::json,
    job_key := ${`walk-in-line:${locationId}`}, max_attempts := 3)`.execute(db);
}

/** A notification with what its message needs: the visit, its location, desk and conversation. */
export function findNotificationToSend(db: Queryable, notificationId: string) {
  return db
    .selectFrom('walk_in_notifications as n')
    .innerJoin('walk_in_visits as v', 'v.id', 'n.visit_id')
    .innerJoin('walk_in_locations as l', 'l.id', 'v.location_id')
    .innerJoin('conversations as c', 'c.id', 'v.conversation_id')
    .select([
      'n.id',
      'n.kind',
      'n.channel',
      'n.recipient',
      'n.desk_name',
      'n.call_number',
      'n.status',
      'v.id as visit_id',
      'v.location_id',
      'v.ticket',
      'v.language',
      'v.status as visit_status',
      'v.call_count',
      'v.tracking_token',
      'v.conversation_id',
      'l.name as location_name',
      'c.reference',
      'c.subject',
    ])
    .where('n.id', '=', notificationId)
    .executeTakeFirst();
}

export function updateNotification(
  db: Queryable,
  id: string,
  change: {
    status?: WalkInNotificationRow['status'];
    attempts?: number;
    last_error?: string | null;
    provider_message_id?: string;
    sent_at?: Date;
  },
) {
  return db.updateTable('walk_in_notifications').set(change).where('id', '=', id).execute();
}

/** Locations where someone who left a contact still waits without having been told. */
export async function listLocationsAwaitingNearTurn(db: Queryable) {
  const rows = await db
    .selectFrom('walk_in_visits as v')
    .select('v.location_id')
    .distinct()
    .where('v.status', '=', 'waiting')
    .where((eb) => eb.or([eb('v.notify_email', 'is not', null), eb('v.notify_phone', 'is not', null)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('walk_in_notifications as n')
            .select('n.id')
            .whereRef('n.visit_id', '=', 'v.id')
            .where('n.kind', '=', 'turn_near'),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.location_id);
}

/** Visit ids (of the given ones) already told their turn is near. */
export async function listVisitsToldNearTurn(db: Queryable, visitIds: string[]) {
  if (visitIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('walk_in_notifications')
    .select('visit_id')
    .where('visit_id', 'in', visitIds)
    .where('kind', '=', 'turn_near')
    .execute();
  return new Set(rows.map((row) => row.visit_id));
}

/** The messages sent to each of the visits, as the desk console shows them. */
export async function listVisitNotices(db: Queryable, visitIds: string[]) {
  const byVisit = new Map<string, VisitNotice[]>();
  if (visitIds.length === 0) return byVisit;
  const rows = await db
    .selectFrom('walk_in_notifications')
    .select(['visit_id', 'kind', 'call_number', 'channel', 'status', 'sent_at'])
    .where('visit_id', 'in', visitIds)
    .orderBy('created_at')
    .orderBy('call_number')
    .orderBy('channel')
    .execute();
  for (const row of rows) {
    const notices = byVisit.get(row.visit_id) ?? [];
    notices.push({
      kind: row.kind,
      channel: row.channel,
      status: row.status,
      callNumber: row.call_number,
      sentAt: row.sent_at?.toISOString() ?? null,
    });
    byVisit.set(row.visit_id, notices);
  }
  return byVisit;
}

export function findDeskName(db: Queryable, deskId: string) {
  return db.selectFrom('walk_in_desks').select('name').where('id', '=', deskId).executeTakeFirst();
}

/**
 * Records a text message sent to a visitor in the visit's conversation, as our (system) outbound
 * message on the walk-in channel; the notification id makes it once only, whatever the retries.
 * Returns the new message's id, or null when it was recorded before.
 */
export async function insertSmsRecord(
  db: Queryable,
  record: {
    conversationId: string;
    notificationId: string;
    text: string;
    metadata: Record<string, unknown>;
    at: Date;
  },
) {
  const inserted = await db
    .insertInto('messages')
    .values({
      conversation_id: record.conversationId,
      channel: 'walk_in',
      direction: 'outbound',
      author_type: 'system',
      visibility: 'public',
      body_text: record.text,
      metadata: JSON.stringify(record.metadata),
      external_id: `walk-in-sms:${record.notificationId}`,
      created_at: record.at,
    })
    .onConflict((conflict) =>
      conflict.columns(['channel', 'external_id']).where('external_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}
