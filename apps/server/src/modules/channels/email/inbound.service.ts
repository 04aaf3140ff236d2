import type { MailboxRow } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { publishChange } from '../../../platform/realtime.ts';
import { resolveCustomer } from '../../customers/index.ts';
import { triageArrival } from '../../triage/index.ts';
import { authenticateEmail, type DNSResolver, type EmailAuthentication } from './authentication.ts';
import { classifyAutomatedMail, type MailClassification } from './automated-mail.ts';
import {
  clearFailingAddress,
  enqueueJob,
  findEmailMessageByExternalId,
  findThreadByMessageIds,
  findThreadByReference,
  isAddressFailing,
} from './email-messages.repository.ts';
import { storeBlob } from './file-store.ts';
import { insertMessageOnce } from './inbound-conversations.repository.ts';
import { DuplicateRaceError, placeMessage, recordBounce, storeEmailDetails } from './inbound-records.ts';
import { detectLanguage } from './language.ts';
import { type InboundEmail, parseInboundEmail } from './parse-email.ts';
import { extractReplyText } from './reply-text.ts';
import { loadSecretBox } from './secret-box.ts';
import { decideThread, readThreadingHints, splitPlusAddress } from './threading.ts';

export type InboundDeps = Pick<Deps, 'db' | 'clock' | 'config'> & {
  /** DNS for SPF/DKIM/DMARC; tests and closed networks pass their own. */
  resolver?: DNSResolver;
};

/** A received mail: the raw bytes, where it was addressed, and how it reached us. */
export type InboundDelivery = {
  raw: Buffer;
  mailbox: MailboxRow;
  /** Envelope recipients (RCPT TO) or, when polled, the addresses the mail was delivered to. */
  recipients: string[];
  /** The SMTP session (for SPF); absent for polled mail. */
  session?: { ip: string; helo: string; sender: string };
};

export type InboundResult = {
  outcome: 'stored' | 'duplicate' | 'bounce';
  conversationId: string | null;
  messageId: string | null;
  isNewConversation: boolean;
  isAcknowledged: boolean;
};

/** The mail cannot be taken at all (no sender): the SMTP listener answers 550. */
export class UnacceptableEmailError extends Error {}

/** Our own mail coming back (a customer's forwarding rule, a misconfigured relay) must not loop. */
function classify(email: InboundEmail, mailbox: MailboxRow): MailClassification {
  const from = email.from ? splitPlusAddress(email.from.address).base : '';
  if (from === mailbox.address)
    return { kind: 'auto_reply', reason: 'sent from this mailbox', failedRecipients: [] };
  return classifyAutomatedMail(email);
}

async function authenticate(
  deps: InboundDeps,
  delivery: InboundDelivery,
): Promise<EmailAuthentication | null> {
  try {
    return await authenticateEmail(
      delivery.raw,
      { ...delivery.session, mta: deps.config.email.smtpHost },
      deps.resolver,
    );
  } catch {
    // A malformed signature or header must not cost us the customer's mail.
    return null;
  }
}

/**
 * The inbound pipeline for one mail: parse, recognise machines, extract the new text, thread,
 * and store it all in one transaction — the customer, the conversation (new, appended or a
 * follow-up of a closed one), the message with its email details and attachments, and for a
 * person's new conversation the queued acknowledgement. A Message-ID seen before is a no-op.
 * Returns after the commit; the SMTP listener says 250 only then.
 */
export async function receiveInboundEmail(
  deps: InboundDeps,
  delivery: InboundDelivery,
): Promise<InboundResult> {
  try {
    return await storeInboundEmail(deps, delivery);
  } catch (error) {
    // Lost a race with a concurrent delivery of the same mail: once more, it is a duplicate.
    if (error instanceof DuplicateRaceError) return storeInboundEmail(deps, delivery);
    throw error;
  }
}

async function storeInboundEmail(deps: InboundDeps, delivery: InboundDelivery): Promise<InboundResult> {
  const email = await parseInboundEmail(delivery.raw);
  if (!email.from) throw new UnacceptableEmailError('The message has no From address');
  const classification = classify(email, delivery.mailbox);
  // DNS lookups and file writes wait on the network and the disk: let them overlap. Files come
  // before the transaction (fsynced): a committed row must never name a missing file.
  const [authentication, raw] = await Promise.all([
    authenticate(deps, delivery),
    storeBlob(deps.config.dataDir, delivery.raw),
    ...email.attachments.map((attachment) => storeBlob(deps.config.dataDir, attachment.content)),
  ]);
  const reply = extractReplyText(email.text);
  const isPerson = classification.kind === 'person';
  const body = reply.text || email.subject || '(empty message)';
  // Worked out before the transaction: CPU time inside it would hold a connection for nothing.
  const language = isPerson ? detectLanguage(body) : null;
  const externalId = email.messageId ?? `sha256-${raw.sha256}@frontline.invalid`;
  const tokenKey = loadSecretBox(deps.config).replyTokenKey;
  const now = deps.clock.now();

  return deps.db.transaction().execute(async (tx) => {
    const existing = await findEmailMessageByExternalId(tx, externalId);
    if (existing) {
      return {
        outcome: 'duplicate',
        conversationId: existing.conversation_id,
        messageId: existing.id,
        isNewConversation: false,
        isAcknowledged: false,
      };
    }
    const details = {
      email,
      externalId,
      rawSha256: raw.sha256,
      rawSize: raw.size,
      authentication,
      classification,
    };
    if (classification.kind === 'bounce') return recordBounce(tx, delivery, details, now);

    const customer = await resolveCustomer(
      tx,
      { email: email.from!.address, name: email.from!.name || undefined },
      deps.config,
    );
    const hints = readThreadingHints(
      {
        recipients: [
          ...delivery.recipients,
          ...email.to.map((to) => to.address),
          ...email.cc.map((cc) => cc.address),
        ],
        inReplyTo: email.inReplyTo,
        references: email.references,
        subject: email.subject,
      },
      tokenKey,
    );
    const decision = decideThread(
      {
        byToken:
          hints.tokenReference === null ? undefined : await findThreadByReference(tx, hints.tokenReference),
        byMessageId: await findThreadByMessageIds(tx, hints.messageIds),
        bySubject:
          hints.subjectReference === null
            ? undefined
            : await findThreadByReference(tx, hints.subjectReference),
      },
      customer.id,
    );
    const target = await placeMessage(tx, {
      decision,
      mailbox: delivery.mailbox,
      customerId: customer.id,
      email,
      language,
      isPerson,
      now,
      classification,
    });
    const message = await insertMessageOnce(tx, {
      conversation_id: target.conversationId,
      channel: 'email',
      direction: 'inbound',
      author_type: 'customer',
      author_customer_id: customer.id,
      visibility: 'public',
      body_text: body,
      body_html: email.html,
      metadata: JSON.stringify({ mailboxId: delivery.mailbox.id, kind: classification.kind }),
      external_id: externalId,
      created_at: now,
    });
    // The unique (channel, external_id) index settles a race between two deliveries of one mail.
    if (!message) throw new DuplicateRaceError();
    await storeEmailDetails(
      tx,
      message.id,
      delivery,
      details,
      decision.action === 'append' ? decision.matchedBy : null,
    );

    if (isPerson) {
      await triageArrival(tx, {
        conversationId: target.conversationId,
        messageId: message.id,
        text: email.subject ? `${email.subject}\n${body}` : body,
        now,
        isFirstMessage: target.isNew,
        replacesLanguage: target.isNew,
      });
    }

    let isAcknowledged = false;
    if (isPerson) {
      const sender = email.from!.address.toLowerCase();
      const isFailing = await isAddressFailing(tx, sender);
      // They wrote to us, so the address works again.
      if (isFailing) await clearFailingAddress(tx, sender);
      if (target.isNew && delivery.mailbox.acknowledge) {
        await enqueueJob(
          tx,
          'email_send_acknowledgement',
          { conversationId: target.conversationId, messageId: message.id },
          `email-ack:${target.conversationId}`,
        );
        isAcknowledged = true;
      }
    }
    await publishChange(tx, {
      type: 'message.created',
      conversationId: target.conversationId,
      messageId: message.id,
    });
    return {
      outcome: 'stored',
      conversationId: target.conversationId,
      messageId: message.id,
      isNewConversation: target.isNew,
      isAcknowledged,
    };
  });
}
