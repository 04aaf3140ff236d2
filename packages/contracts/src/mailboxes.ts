import { z } from 'zod';
import { isoDateTime, supportedLanguage, uuid } from './common.ts';

/** Where customers write: an address served by our SMTP listener, or an IMAP account we poll. */
const mailboxAddress = z
  .email()
  .max(320)
  .transform((address) => address.toLowerCase())
  .refine(
    (address) => !address.split('@')[0]!.includes('+'),
    'must not contain "+": plus-addresses carry reply tokens',
  );

const imapSettings = {
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535).default(993),
  /** TLS from the start (port 993); false means plain, upgraded with STARTTLS when offered. */
  secure: z.boolean().default(true),
  user: z.string().min(1).max(320),
  folder: z.string().min(1).max(200).default('INBOX'),
  /** Processed mail is moved here, so a restart never fetches it again. */
  processedFolder: z.string().min(1).max(200).default('Frontline/Processed'),
};
const imapPassword = z.string().min(1).max(1000);

export const mailboxInboundInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('smtp') }),
  z.strictObject({ type: z.literal('imap'), ...imapSettings, password: imapPassword }),
]);
/** On change, an IMAP password may be left out to keep the stored one. */
export const mailboxInboundChange = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('smtp') }),
  z.strictObject({ type: z.literal('imap'), ...imapSettings, password: imapPassword.optional() }),
]);

export const responsePromiseSchema = z
  .strictObject({
    amount: z.number().int().min(1).max(1000),
    unit: z.enum(['minutes', 'hours', 'days']),
    /** Counted in business time (opening hours) rather than around the clock. */
    businessTime: z.boolean(),
  })
  .meta({ id: 'ResponsePromise' });
export type ResponsePromiseInput = z.infer<typeof responsePromiseSchema>;

const templateText = z.strictObject({
  subject: z.string().trim().min(1).max(500),
  body: z.string().trim().min(1).max(20_000),
});
/** Per language: a text of the admin's, or null to go back to the built-in one. */
const templateChanges = z.partialRecord(supportedLanguage, templateText.nullable());

const smtpUrl = z
  .url()
  .max(2000)
  .refine((url) => /^smtps?:\/\//i.test(url), 'must be an smtp:// or smtps:// URL');

export const createMailboxBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  address: mailboxAddress,
  inbound: mailboxInboundInput,
  acknowledge: z.boolean().default(true),
  responsePromise: responsePromiseSchema.default({ amount: 4, unit: 'hours', businessTime: true }),
  signature: z.string().max(5_000).default(''),
  /** Outbound mail for this mailbox goes here instead of the instance's SMTP_URL. */
  outboundSmtpUrl: smtpUrl.nullable().default(null),
  teamId: uuid.nullable().default(null),
  acknowledgementTemplates: templateChanges.default({}),
  /** Off: the listener answers 450 so senders retry later, and the IMAP account is not polled. */
  isEnabled: z.boolean().default(true),
  /** Acknowledgements go out in this language when the customer's cannot be told. */
  defaultLanguage: supportedLanguage.default('en'),
});
export type CreateMailboxBody = z.infer<typeof createMailboxBody>;

export const updateMailboxBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  address: mailboxAddress.optional(),
  inbound: mailboxInboundChange.optional(),
  acknowledge: z.boolean().optional(),
  responsePromise: responsePromiseSchema.optional(),
  signature: z.string().max(5_000).optional(),
  outboundSmtpUrl: smtpUrl.nullable().optional(),
  teamId: uuid.nullable().optional(),
  acknowledgementTemplates: templateChanges.optional(),
  isEnabled: z.boolean().optional(),
  defaultLanguage: supportedLanguage.optional(),
});
export type UpdateMailboxBody = z.infer<typeof updateMailboxBody>;

export const acknowledgementTemplateSchema = z.object({
  subject: z.string(),
  body: z.string(),
  /** False while the built-in text is used. */
  isCustom: z.boolean(),
});

/** A mailbox as the API shows it: secrets never leave the server, only whether one is set. */
export const mailboxSchema = z
  .object({
    id: uuid,
    name: z.string(),
    address: z.string(),
    inbound: z.discriminatedUnion('type', [
      z.object({ type: z.literal('smtp') }),
      z.object({
        type: z.literal('imap'),
        host: z.string(),
        port: z.number().int(),
        secure: z.boolean(),
        user: z.string(),
        folder: z.string(),
        processedFolder: z.string(),
        hasPassword: z.boolean(),
      }),
    ]),
    acknowledge: z.boolean(),
    responsePromise: responsePromiseSchema,
    /** The promise in English words, e.g. "within 4 business hours". */
    responsePromiseText: z.string(),
    signature: z.string(),
    outbound: z.object({
      /** Host and port of the mailbox's own SMTP server (credentials withheld), or null for SMTP_URL. */
      smtpServer: z.string().nullable(),
    }),
    teamId: uuid.nullable(),
    acknowledgementTemplates: z.record(supportedLanguage, acknowledgementTemplateSchema),
    isEnabled: z.boolean(),
    defaultLanguage: supportedLanguage,
    /** How inbound mail is doing, for the admin list. */
    status: z.object({
      /** When mail last arrived for this mailbox, by either way in. */
      lastReceivedAt: isoDateTime.nullable(),
      /** IMAP: when the poller last went through the folder without error. */
      lastCheckedAt: isoDateTime.nullable(),
      /** IMAP: the poller's last failure, cleared by the next good pass. */
      lastError: z.string().nullable(),
      lastErrorAt: isoDateTime.nullable(),
    }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Mailbox' });
export type Mailbox = z.infer<typeof mailboxSchema>;

export const mailboxListResponse = z.object({ items: z.array(mailboxSchema) });

const connectionCheck = z.object({
  ok: z.boolean(),
  /** Which step failed: `dns`, `connect`, `tls`, `auth`, `folder`, `config`. */
  failedStep: z.string().nullable(),
  message: z.string(),
});

/** Unsaved settings can be tested before the mailbox is created. */
export const mailboxConnectionTestBody = z.strictObject({
  inbound: mailboxInboundInput,
  outboundSmtpUrl: smtpUrl.nullable().default(null),
});
export type MailboxConnectionTestBody = z.infer<typeof mailboxConnectionTestBody>;

export const mailboxConnectionTestResponse = z
  .object({ inbound: connectionCheck, outbound: connectionCheck })
  .meta({ id: 'MailboxConnectionTest' });
export type MailboxConnectionTest = z.infer<typeof mailboxConnectionTestResponse>;

const emailAddressSchema = z.object({ address: z.string(), name: z.string() });

export const emailMessageKinds = [
  'person',
  'auto_reply',
  'bulk',
  'bounce',
  'acknowledgement',
  'reply',
] as const;

/** What agents see of a message's email side: who, authentication, delivery, the original. */
export const emailMessageDetailSchema = z
  .object({
    messageId: uuid,
    mailboxId: uuid.nullable(),
    rfcMessageId: z.string(),
    from: emailAddressSchema.nullable(),
    to: z.array(emailAddressSchema),
    cc: z.array(emailAddressSchema),
    replyTo: z.array(emailAddressSchema),
    subject: z.string(),
    kind: z.enum(emailMessageKinds),
    kindReason: z.string().nullable(),
    authentication: z
      .object({
        spf: z.string(),
        dkim: z.string(),
        dmarc: z.string(),
        dmarcPolicy: z.string().nullable(),
        isSuspicious: z.boolean(),
        fromDomain: z.string().nullable(),
      })
      .nullable(),
    /** Failed DMARC for a domain that asks receivers to reject such mail: likely forged. */
    isSuspicious: z.boolean(),
    threadedBy: z.enum(['reply_token', 'message_id', 'subject_reference']).nullable(),
    /** The whole text, quoted history included. */
    fullText: z.string().nullable(),
    attachments: z.array(
      z.object({
        id: uuid,
        filename: z.string(),
        contentType: z.string(),
        size: z.number().int(),
        contentId: z.string().nullable(),
        isInline: z.boolean(),
        url: z.string(),
      }),
    ),
    /** The message as received, for download (`message/rfc822`). */
    originalUrl: z.string().nullable(),
    delivery: z
      .object({
        status: z.enum(['queued', 'sent', 'failed']),
        attempts: z.number().int(),
        error: z.string().nullable(),
        sentAt: isoDateTime.nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'EmailMessageDetail' });
export type EmailMessageDetail = z.infer<typeof emailMessageDetailSchema>;

export const emailMessageListResponse = z.object({ items: z.array(emailMessageDetailSchema) });

export const emailAttachmentParams = z.object({ messageId: uuid, attachmentId: uuid });
export const emailMessageParams = z.object({ messageId: uuid });
