import type { InboundEmail } from './parse-email.ts';

/**
 * Who sent a mail: a person, or a machine answering (auto-reply, vacation notice), mailing a list
 * (bulk), or reporting a delivery failure (bounce). Only a person's mail is acknowledged; answering
 * a machine starts mail loops (RFC 3834), so nothing automatic ever answers the others.
 */
export type MailKind = 'person' | 'auto_reply' | 'bulk' | 'bounce';

export type MailClassification = {
  kind: MailKind;
  /** Which signal decided, for the agent and the logs. */
  reason: string;
  /** For bounces: the addresses that permanently failed. */
  failedRecipients: string[];
};

/** Vacation and auto-reply subjects in the languages we serve and those common around them. */
const autoReplySubject = new RegExp(
  [
    'out of (the )?office',
    'automatic reply',
    'auto[- ]?reply',
    'auto[- ]?response',
    'autosvar',
    'away from (the )?office',
    'on vacation',
    'abwesenheitsnotiz',
    'automatische antwort',
    'abwesend',
    'automatinis atsakymas',
    'nebūsiu darbe',
    'atostogauju',
    'automatická odpoveď',
    'mimo kancelárie',
    'automatická odpověď',
    'mimo kancelář',
    'automatyczna odpowiedź',
    'poza biurem',
    'nieobecność',
    'automatikus válasz',
    'házon kívül',
    'szabadságon',
    'réponse automatique',
    'absence du bureau',
  ].join('|'),
  'iu',
);

/** Subjects of failure notices from servers that send no machine-readable DSN. */
const bounceSubject =
  /undeliver(ed|able)|delivery (status notification \(failure\)|failure|has failed)|mail delivery failed|returned mail|failure notice|nepristatyt|nedoručiteľn|nedoručiteln|nie można dostarczyć|kézbesíthetetlen|unzustellbar/iu;

const daemonSender = /^(mailer-daemon|postmaster|mail-daemon|mailer)@/i;

type ClassifiableEmail = Pick<InboundEmail, 'automation' | 'subject' | 'from' | 'deliveryReport'>;

function failedRecipientsOf(email: ClassifiableEmail): string[] {
  return (email.deliveryReport?.recipients ?? [])
    .filter((entry) => entry.action === 'failed' || entry.status.startsWith('5'))
    .map((entry) => entry.recipient);
}

/**
 * @example
 * classifyAutomatedMail(email).kind // 'auto_reply' for "Automatic reply: …" with Auto-Submitted: auto-replied
 */
export function classifyAutomatedMail(email: ClassifiableEmail): MailClassification {
  const headers = email.automation;
  const sender = email.from?.address ?? '';
  const result = (kind: MailKind, reason: string): MailClassification => ({
    kind,
    reason,
    failedRecipients: kind === 'bounce' ? failedRecipientsOf(email) : [],
  });

  if (headers.reportType === 'delivery-status' || email.deliveryReport)
    return result('bounce', 'delivery status report');
  if (daemonSender.test(sender) && bounceSubject.test(email.subject))
    return result('bounce', 'failure notice from a mail server');
  if (headers.autoSubmitted && headers.autoSubmitted.toLowerCase() !== 'no') {
    return result('auto_reply', `Auto-Submitted: ${headers.autoSubmitted}`);
  }
  if (headers.xAutoreply) return result('auto_reply', 'X-Autoreply');
  if (headers.xAutoResponseSuppress && /\b(all|oof|autoreply)\b/i.test(headers.xAutoResponseSuppress)) {
    return result('auto_reply', `X-Auto-Response-Suppress: ${headers.xAutoResponseSuppress}`);
  }
  const precedence = headers.precedence?.toLowerCase();
  if (precedence === 'auto_reply') return result('auto_reply', 'Precedence: auto_reply');
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') {
    return result('bulk', `Precedence: ${precedence}`);
  }
  if (autoReplySubject.test(email.subject)) return result('auto_reply', 'vacation or auto-reply subject');
  if (headers.listId || headers.listUnsubscribe) return result('bulk', 'mailing list headers');
  if (headers.hasNullReturnPath) return result('auto_reply', 'null return path');
  if (daemonSender.test(sender)) return result('auto_reply', 'mail server sender');
  return result('person', 'no automation signal');
}
