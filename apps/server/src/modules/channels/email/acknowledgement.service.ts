import type { SupportedLanguage } from '@frontline/contracts';
import type { MailboxRow } from '../../../db/schema.ts';
import { BACKLOG_QUEUE, forecastWrittenResponse, type PromiseInput, phraseEta } from '../../eta/index.ts';
import { loadConversationCalendar } from '../../sla/index.ts';
import { defaultAcknowledgementTemplates, renderAcknowledgement } from './acknowledgement.ts';
import { outboundMessageId } from './compose-outbound.ts';
import { isAddressFailing } from './email-messages.repository.ts';
import { chooseReplyLanguage } from './language.ts';
import { findMailbox } from './mailboxes.repository.ts';
import { findConversationForAcknowledgement, findEmailDetails, findTemplate } from './outbound.repository.ts';
import { answerRecipients, type JobAttempt, type OutboundDeps, sendSystemMail } from './outbound.service.ts';
import { describeResponsePromise, responsePromiseFor, responsePromiseSeconds } from './response-promise.ts';

type ExpectedAnswer = {
  /** The words for the template's `{{responsePromise}}`, in the customer's language. */
  text: string;
  promise: Pick<PromiseInput, 'queue' | 'p50Seconds' | 'p90Seconds' | 'forecast'>;
};

/**
 * When the customer can expect an answer: the ETA engine's forecast for this conversation in the
 * written backlog, calibrated ("in about 2 hours, at the latest in 5 hours"; "tomorrow morning
 * after 9:00, at the latest by 11:00" across a closed night). When the engine has nothing to
 * go on — nobody on the rota can answer within two weeks — the mailbox's own promise ("within
 * 4 business hours"), which names only a deadline: it is both the P50 and the P90.
 */
async function expectedAnswer(
  deps: OutboundDeps,
  conversationId: string,
  mailbox: MailboxRow,
  language: SupportedLanguage,
): Promise<ExpectedAnswer> {
  const now = deps.clock.now();
  const forecast = await forecastWrittenResponse(deps, { kind: 'conversation', conversationId });
  if (forecast) {
    const { p50Seconds, p90Seconds } = forecast.promised;
    return {
      text: phraseEta({ p50Seconds, p90Seconds, now, language, calendar: forecast.calendar }),
      promise: { queue: forecast.queue, p50Seconds, p90Seconds, forecast: forecast.raw },
    };
  }
  const promise = responsePromiseFor(mailbox);
  const calendar = promise.businessTime ? await loadConversationCalendar(deps.db, conversationId) : undefined;
  const seconds = responsePromiseSeconds(promise, calendar ? { calendar, from: now } : undefined);
  return {
    text: describeResponsePromise(promise, language),
    promise: { queue: BACKLOG_QUEUE, p50Seconds: seconds, p90Seconds: seconds, forecast: null },
  };
}

/**
 * The `email_send_acknowledgement` job: tells the customer we have their mail, its reference
 * and when to expect an answer, in their language. Recorded as a system message of the
 * conversation, with the ETA it states as a promise. Skipped when the mailbox stopped
 * acknowledging or the address bounces.
 */
export async function sendAcknowledgement(
  deps: OutboundDeps,
  input: { conversationId: string; messageId: string },
  attempt: JobAttempt,
) {
  const conversation = await findConversationForAcknowledgement(deps.db, input.conversationId);
  const received = await findEmailDetails(deps.db, input.messageId);
  if (!conversation || !received?.mailbox_id || !received.from_address) return;
  const mailbox = await findMailbox(deps.db, received.mailbox_id);
  if (!mailbox?.acknowledge || (await isAddressFailing(deps.db, received.from_address))) return;

  const language = chooseReplyLanguage(
    conversation.language,
    conversation.preferred_language,
    mailbox.default_language as SupportedLanguage,
  );
  const template =
    (await findTemplate(deps.db, mailbox.id, language)) ?? defaultAcknowledgementTemplates[language];
  const expected = await expectedAnswer(deps, conversation.id, mailbox, language);
  const rendered = renderAcknowledgement(template, {
    reference: String(conversation.reference),
    responsePromise: expected.text,
    subject: conversation.subject,
    customerName: conversation.customer_name,
    mailboxName: mailbox.name,
  });
  await sendSystemMail(
    deps,
    {
      mailbox,
      conversation: { id: conversation.id, reference: conversation.reference, subject: conversation.subject },
      rfcMessageId: outboundMessageId(`ack-${conversation.id}`, mailbox.address),
      to: answerRecipients({ ...received, cc_addresses: [] }, [mailbox.address]).to,
      subject: rendered.subject,
      text: rendered.text,
      metadata: { kind: 'acknowledgement', language },
      inReplyTo: received.rfc_message_id,
      references: received.reference_ids,
      promise: { ...expected.promise, teamId: conversation.team_id },
    },
    attempt,
  );
}
