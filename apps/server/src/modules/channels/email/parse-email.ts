import { createHash } from 'node:crypto';
import {
  type AddressObject,
  type Attachment,
  type HeaderValue,
  type ParsedMail,
  simpleParser,
} from 'mailparser';
import { sanitiseEmailHtml } from './sanitise-html.ts';

export type EmailAddress = { address: string; name: string };

export type InboundAttachment = {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
  sha256: string;
  /** The `Content-ID` without angle brackets, for `cid:` references from the HTML. */
  contentId: string | null;
  /** Shown in the body (an inline image) rather than offered as a file. */
  isInline: boolean;
};

/** The headers that tell a person's mail from a machine's; classified by `classifyAutomatedMail`. */
export type AutomationHeaders = {
  autoSubmitted: string | null;
  precedence: string | null;
  xAutoreply: string | null;
  xAutoResponseSuppress: string | null;
  listId: string | null;
  listUnsubscribe: boolean;
  /** `Return-Path: <>`: the null sender of bounces and other notifications. */
  hasNullReturnPath: boolean;
  /** `multipart/report; report-type=…` of the message itself. */
  reportType: string | null;
};

/** One recipient's outcome in a delivery status notification (RFC 3464). */
export type DeliveryStatusEntry = {
  recipient: string;
  action: string;
  status: string;
  diagnostic: string | null;
};

export type DeliveryReport = {
  recipients: DeliveryStatusEntry[];
  /** The Message-ID of the mail that bounced, from the returned headers. */
  originalMessageId: string | null;
};

/** A received email as the channel works with it, whatever its charsets and MIME structure. */
export type InboundEmail = {
  /** Without angle brackets; null when the sender gave none. */
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  replyTo: EmailAddress[];
  subject: string;
  date: Date | null;
  /** The full plain text (converted from HTML when there is no text part), quotes included. */
  text: string;
  /** Sanitised HTML, or null when the mail has no HTML part. */
  html: string | null;
  blockedRemoteImages: number;
  attachments: InboundAttachment[];
  automation: AutomationHeaders;
  deliveryReport: DeliveryReport | null;
};

const messageIdPattern = /<([^<>\s]+)>/g;

/** Every `<id>` in a header value, without brackets; tolerant of missing brackets on a lone id. */
export function readMessageIds(value: string | string[] | undefined | null): string[] {
  if (!value) return [];
  const joined = Array.isArray(value) ? value.join(' ') : value;
  const ids = [...joined.matchAll(messageIdPattern)].map((match) => match[1]!);
  if (ids.length === 0 && /^[^\s<>]+@[^\s<>]+$/.test(joined.trim())) return [joined.trim()];
  return ids;
}

function addressesOf(header: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  if (!header) return [];
  const objects = Array.isArray(header) ? header : [header];
  const flat = objects.flatMap((object) =>
    object.value.flatMap((entry) => (entry.group ? entry.group : [entry])),
  );
  return flat
    .filter((entry) => typeof entry.address === 'string' && entry.address.includes('@'))
    .map((entry) => ({ address: entry.address!.trim(), name: entry.name.trim() }));
}

function headerText(value: HeaderValue | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value) && typeof value[0] === 'string') return String(value[0]).trim();
  if (typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'string') {
    return value.value.trim();
  }
  return null;
}

function automationHeadersOf(parsed: ParsedMail): AutomationHeaders {
  const headers = parsed.headers;
  const list = headers.get('list') as Record<string, unknown> | undefined;
  const contentType = headers.get('content-type') as
    | { value?: string; params?: Record<string, string> }
    | undefined;
  const returnPath = parsed.headerLines.find((line) => line.key === 'return-path')?.line ?? null;
  return {
    autoSubmitted: headerText(headers.get('auto-submitted')),
    precedence: headerText(headers.get('precedence')),
    xAutoreply: headerText(headers.get('x-autoreply')) ?? headerText(headers.get('x-autorespond')),
    xAutoResponseSuppress: headerText(headers.get('x-auto-response-suppress')),
    listId:
      list && typeof list.id === 'object' && list.id !== null
        ? String((list.id as { id?: string }).id ?? '') || null
        : null,
    listUnsubscribe: Boolean(list?.unsubscribe),
    hasNullReturnPath: returnPath !== null && /^return-path:\s*<\s*>\s*$/i.test(returnPath.trim()),
    reportType:
      contentType?.value?.toLowerCase() === 'multipart/report'
        ? (contentType.params?.['report-type'] ?? '').toLowerCase()
        : null,
  };
}

/** RFC 3464 fields: a per-message block, then one block per recipient, separated by blank lines. */
function readDeliveryReport(parsed: ParsedMail): DeliveryReport | null {
  const statusPart = parsed.attachments.find((attachment) =>
    /^message\/(global-)?delivery-status$/i.test(attachment.contentType),
  );
  if (!statusPart) return null;
  const blocks = statusPart.content
    .toString('utf8')
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split(/\n\s*\n/);
  const recipients: DeliveryStatusEntry[] = [];
  for (const block of blocks) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (match) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
    }
    const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    if (!recipient) continue;
    recipients.push({
      recipient: recipient.replace(/^[a-z0-9-]+;\s*/i, '').toLowerCase(),
      action: (fields.get('action') ?? '').toLowerCase(),
      status: fields.get('status') ?? '',
      diagnostic: fields.get('diagnostic-code') ?? null,
    });
  }
  const returned = parsed.attachments.find((attachment) =>
    /^(message\/rfc822|text\/rfc822-headers|message\/global|message\/global-headers)$/i.test(
      attachment.contentType,
    ),
  );
  const returnedIds = returned ? /^message-id:\s*(.+)$/im.exec(returned.content.toString('utf8')) : null;
  return { recipients, originalMessageId: returnedIds ? (readMessageIds(returnedIds[1]!)[0] ?? null) : null };
}

function toAttachment(attachment: Attachment): InboundAttachment {
  const contentId =
    attachment.cid ?? (attachment.contentId ? attachment.contentId.replace(/^<|>$/g, '') : null);
  return {
    filename: attachment.filename ?? (attachment.contentType.startsWith('image/') ? 'image' : 'attachment'),
    contentType: attachment.contentType.toLowerCase(),
    size: attachment.size,
    content: attachment.content,
    sha256: createHash('sha256').update(attachment.content).digest('hex'),
    contentId: contentId || null,
    isInline:
      Boolean(attachment.related) || (attachment.contentDisposition === 'inline' && contentId !== null),
  };
}

/**
 * Parses a raw RFC 5322 message: any charset mailparser knows (UTF-8, ISO-8859-x, windows-125x,
 * …), quoted-printable and base64, nested multiparts, RFC 2047/2231 encoded names and filenames.
 * The HTML is sanitised here so an unsanitised body never leaves this function.
 */
export async function parseInboundEmail(raw: Buffer | string): Promise<InboundEmail> {
  const parsed = await simpleParser(raw, {
    keepCidLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    keepDeliveryStatus: true,
    // Forwarded mails stay attachments: their text is not the customer's.
    ignoreEmbedded: true,
  });
  const sanitised = typeof parsed.html === 'string' ? sanitiseEmailHtml(parsed.html) : null;
  const attachments = parsed.attachments
    .filter((attachment) => !/delivery-status$/i.test(attachment.contentType))
    .map(toAttachment);
  return {
    messageId: readMessageIds(parsed.messageId)[0] ?? null,
    inReplyTo: readMessageIds(parsed.inReplyTo),
    references: readMessageIds(parsed.references),
    from: addressesOf(parsed.from)[0] ?? null,
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    replyTo: addressesOf(parsed.replyTo),
    subject: (parsed.subject ?? '').trim(),
    date: parsed.headers.has('date') ? (parsed.date ?? null) : null,
    text: (parsed.text ?? '').replace(/\r\n/g, '\n'),
    html: sanitised ? sanitised.html : null,
    blockedRemoteImages: sanitised?.blockedRemoteImages ?? 0,
    attachments,
    automation: automationHeadersOf(parsed),
    deliveryReport: readDeliveryReport(parsed),
  };
}
