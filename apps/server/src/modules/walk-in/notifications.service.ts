import type { Queryable } from '../../db/database.ts';
import type { WalkInVisitRow } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../platform/errors.ts';
import { publishChange } from '../../platform/realtime.ts';
import { sendCustomerNotice } from '../channels/email/index.ts';
import { type SmsProvider, SmsSendError } from '../channels/sms/index.ts';
import { loadLine, positionInLine } from './line.service.ts';
import { lineChannel } from './line-change.ts';
import { estimateLineWait } from './line-eta.ts';
import { nearTurnReason } from './near-turn.ts';
import { composeVisitNotice } from './notification-texts.ts';
import {
  findDeskName,
  findNotificationToSend,
  insertNotificationOnce,
  insertSmsRecord,
  listVisitsToldNearTurn,
  updateNotification,
} from './notifications.repository.ts';
import { getLocation } from './setup.service.ts';
import { signalLineChanged } from './visits.repository.ts';

/**
 * Walk-in notifications: "your turn is near" (by place in line or by the wait's P10) and "you
 * are called to Desk 3" (every call, recalls included), by email and/or SMS — wherever the
 * visitor left a contact. Each message is a row before it is a job, so it is sent at most once.
 */

type NotifyDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

function contactsOf(visit: Pick<WalkInVisitRow, 'notify_email' | 'notify_phone'>) {
  const contacts: Array<{ channel: 'email' | 'sms'; recipient: string }> = [];
  if (visit.notify_email) contacts.push({ channel: 'email', recipient: visit.notify_email });
  if (visit.notify_phone) contacts.push({ channel: 'sms', recipient: visit.notify_phone });
  return contacts;
}

/** Records and queues "you are called to …" for the visit's latest call, in the caller's transaction. */
export async function queueCalledNotices(tx: Queryable, visit: WalkInVisitRow) {
  const contacts = contactsOf(visit);
  if (contacts.length === 0 || !visit.desk_id) return;
  const desk = await findDeskName(tx, visit.desk_id);
  for (const contact of contacts) {
    await insertNotificationOnce(tx, {
      visit_id: visit.id,
      kind: 'called',
      call_number: visit.call_count,
      desk_name: desk?.name ?? null,
      ...contact,
    });
  }
}

/**
 * Looks at a location's line and queues "your turn is near" for every visitor with a contact
 * who is now near the front and was not told yet. Returns how many visitors it queued for.
 */
export async function notifyNearTurns(deps: NotifyDeps, locationId: string): Promise<number> {
  let location: Awaited<ReturnType<typeof getLocation>>;
  try {
    location = await getLocation(deps.db, locationId);
  } catch (error) {
    // The location was deleted after the check was queued: nobody is left to tell.
    if (error instanceof AppError && error.status === 404) return 0;
    throw error;
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const line = await loadLine(tx, location, now, deps.db);
    const withContact = line.ordered.filter((visit) => contactsOf(visit).length > 0);
    const told = await listVisitsToldNearTurn(
      tx,
      withContact.map((visit) => visit.id),
    );
    let queued = 0;
    for (const visit of withContact) {
      if (told.has(visit.id)) continue;
      const peopleBefore = positionInLine(line, visit);
      if (peopleBefore === null) continue;
      const reason = nearTurnReason(
        peopleBefore,
        () => estimateLineWait(line.state, { kind: 'waiting', visitId: visit.id })?.p10Seconds ?? null,
        location.rules,
      );
      if (!reason) continue;
      for (const contact of contactsOf(visit)) {
        await insertNotificationOnce(tx, {
          visit_id: visit.id,
          kind: 'turn_near',
          call_number: 0,
          desk_name: null,
          ...contact,
        });
      }
      queued += 1;
    }
    return queued;
  });
}

export type SendOutcome = 'sent' | 'skipped' | 'failed' | 'already_sent';

/**
 * Sends one recorded message. A message that no longer matters (the visit was called, or called
 * again, before it went) is skipped. A provider failure that may pass is rethrown so the job is
 * retried; a permanent one, or the last attempt, marks it failed.
 */
export async function sendVisitNotification(
  deps: NotifyDeps,
  sms: SmsProvider,
  notificationId: string,
  attempt: { attempt: number; maxAttempts: number },
): Promise<SendOutcome> {
  const notice = await findNotificationToSend(deps.db, notificationId);
  if (notice?.status !== 'queued') return 'already_sent';
  const outcome = await deliver(deps, sms, notice, attempt);
  // Desk consoles follow the line's stream: a nudge shows them the visitor was told.
  await signalLineChanged(deps.db, lineChannel, notice.location_id);
  return outcome;
}

type NoticeToSend = NonNullable<Awaited<ReturnType<typeof findNotificationToSend>>>;

async function deliver(
  deps: NotifyDeps,
  sms: SmsProvider,
  notice: NoticeToSend,
  attempt: { attempt: number; maxAttempts: number },
): Promise<SendOutcome> {
  const isStale =
    notice.kind === 'turn_near'
      ? notice.visit_status !== 'waiting'
      : notice.visit_status !== 'called' || notice.call_count !== notice.call_number;
  if (isStale) {
    await updateNotification(deps.db, notice.id, { status: 'skipped', attempts: attempt.attempt });
    return 'skipped';
  }
  const message = composeVisitNotice(notice.kind, notice.call_number, notice.language, {
    ticket: notice.ticket,
    locationName: notice.location_name,
    deskName: notice.desk_name,
    trackingUrl: `${deps.config.publicUrl.replace(/\/+$/, '')}/visit/${notice.tracking_token}`,
  });
  try {
    if (notice.channel === 'sms') {
      // Twilio takes no idempotency key: only a crash between its 201 and this update could send
      // a text twice; every other retry finds the row 'sent' above and stops.
      const sent = await sms.send({ to: notice.recipient, body: message.text });
      await deps.db.transaction().execute(async (tx) => {
        await updateNotification(tx, notice.id, {
          status: 'sent',
          attempts: attempt.attempt,
          last_error: null,
          provider_message_id: sent.providerMessageId,
          sent_at: deps.clock.now(),
        });
        // The text shows in the visit's conversation like the emails do (those record themselves).
        const messageId = await insertSmsRecord(tx, {
          conversationId: notice.conversation_id,
          notificationId: notice.id,
          text: message.text,
          metadata: {
            kind: 'walk_in_notice',
            sms: { to: notice.recipient, notice: notice.kind, providerMessageId: sent.providerMessageId },
          },
          at: deps.clock.now(),
        });
        if (messageId)
          await publishChange(tx, {
            type: 'message.created',
            conversationId: notice.conversation_id,
            messageId,
          });
      });
      return 'sent';
    }
    // The email channel records the mail in the visit's conversation and retries within this job's
    // attempts; it reports 'failed' itself when the relay refused it for good.
    const delivery = await sendCustomerNotice(
      deps,
      {
        kind: 'walk_in_notice',
        to: notice.recipient,
        subject: message.subject,
        text: message.text,
        language: notice.language,
        conversationId: notice.conversation_id,
        reference: notice.reference,
        idempotencyKey: `walk-in-notification:${notice.id}`,
      },
      attempt,
    );
    const isSent = delivery === 'sent';
    await updateNotification(deps.db, notice.id, {
      status: isSent ? 'sent' : 'failed',
      attempts: attempt.attempt,
      last_error: isSent ? null : 'the mail relay did not accept the message',
      ...(isSent ? { sent_at: deps.clock.now() } : {}),
    });
    return isSent ? 'sent' : 'failed';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const isFinal =
      attempt.attempt >= attempt.maxAttempts || (error instanceof SmsSendError && !error.isRetryable);
    await updateNotification(deps.db, notice.id, {
      status: isFinal ? 'failed' : 'queued',
      attempts: attempt.attempt,
      last_error: reason.slice(0, 500),
    });
    if (isFinal) return 'failed';
    throw error;
  }
}
