import { markdownAllowList, renderMarkdown } from '@frontline/contracts/markdown';
import type { SendMailOptions } from 'nodemailer';
import sanitizeHtml from 'sanitize-html';
import { addressWithTag, subjectWithReference } from './threading.ts';

export type OutboundKind = 'reply' | 'acknowledgement';

export type OutboundMail = {
  kind: OutboundKind;
  mailbox: { name: string; address: string; signature: string };
  /** Shown as "Agent Name | Mailbox" in the From name of replies. */
  agentName: string | null;
  conversation: { reference: number; subject: string };
  to: { address: string; name: string }[];
  cc: { address: string; name: string }[];
  /** The Message-ID (without brackets); stable per message, so a retried send keeps it. */
  rfcMessageId: string;
  replyToken: string;
  /** The Message-ID of the customer's mail we answer, and that mail's References. */
  inReplyTo: string | null;
  references: string[];
  text: string;
  attachments: { filename: string; contentType: string; path: string }[];
};

/** A References header stays useful and small: the thread's root and its latest few. */
const maxReferences = 10;

/** Our Message-IDs: a stable local part at the mailbox's domain. */
export function outboundMessageId(localPart: string, mailboxAddress: string): string {
  return `${localPart}@${mailboxAddress.split('@')[1]}`;
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Plain text as simple HTML: paragraphs on blank lines, line breaks kept, links not guessed. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * An agent's reply, written in Markdown, as the mail's HTML: the shared renderer (raw HTML shown
 * as text, only http(s) and mailto links) and then sanitize-html with the same strict allow-list,
 * so nothing an agent types or pastes can put markup into a customer's mail.
 *
 * @example
 * markdownToEmailHtml('**Done** <script>x()</script>') // '<p><strong>Done</strong> &lt;script&gt;x()&lt;/script&gt;</p>'
 */
export function markdownToEmailHtml(markdown: string): string {
  return sanitizeHtml(renderMarkdown(markdown.trim()), {
    allowedTags: [...markdownAllowList.tags],
    allowedAttributes: markdownAllowList.attributes,
    allowedSchemes: [...markdownAllowList.schemes],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'escape',
  }).trim();
}

function replySubject(subject: string, reference: number) {
  const base = subject.trim() || `#${reference}`;
  const withRe = /^(re|aw|sv|odp|vs|atsk)\s*:/i.test(base) ? base : `Re: ${base}`;
  return subjectWithReference(withRe, reference);
}

/**
 * A reply or acknowledgement as a complete mail: From the mailbox (with the agent's name),
 * Reply-To carrying the conversation's signed token, threading headers pointing at the
 * customer's mail, the reference in the subject, text and HTML with the mailbox signature.
 * Acknowledgements say they are automatic (RFC 3834) so that auto-responders do not answer them.
 *
 * @example
 * composeOutboundMail({ kind: 'reply', agentName: 'Rūta', conversation: { reference: 1042, subject: 'Siuntinys' }, … }).subject
 * // '[#1042] Re: Siuntinys'
 */
export function composeOutboundMail(mail: OutboundMail): SendMailOptions & { messageId: string } {
  const signature = mail.mailbox.signature.trim();
  const text = signature ? `${mail.text.trim()}\n\n-- \n${signature}` : mail.text.trim();
  // Agents write Markdown; acknowledgements are templates, plain text that may contain `*` or `_`.
  const bodyHtml = mail.kind === 'reply' ? markdownToEmailHtml(mail.text) : textToHtml(mail.text);
  const fromName =
    mail.kind === 'reply' && mail.agentName ? `${mail.agentName} | ${mail.mailbox.name}` : mail.mailbox.name;
  const references = [...new Set([...mail.references, ...(mail.inReplyTo ? [mail.inReplyTo] : [])])];
  const trimmedReferences =
    references.length > maxReferences
      ? [references[0]!, ...references.slice(-(maxReferences - 1))]
      : references;
  return {
    from: { name: fromName, address: mail.mailbox.address },
    replyTo: { name: mail.mailbox.name, address: addressWithTag(mail.mailbox.address, mail.replyToken) },
    to: mail.to,
    cc: mail.cc,
    subject: replySubject(mail.conversation.subject, mail.conversation.reference),
    messageId: `<${mail.rfcMessageId}>`,
    ...(mail.inReplyTo ? { inReplyTo: `<${mail.inReplyTo}>` } : {}),
    ...(trimmedReferences.length > 0 ? { references: trimmedReferences.map((id) => `<${id}>`) } : {}),
    text,
    html: signature
      ? `${bodyHtml}\n<div class="signature">-- <br>${escapeHtml(signature).replace(/\n/g, '<br>')}</div>`
      : bodyHtml,
    headers: {
      'X-Frontline-Reference': String(mail.conversation.reference),
      ...(mail.kind === 'acknowledgement'
        ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' }
        : {}),
    },
    attachments: mail.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      path: attachment.path,
    })),
  };
}
