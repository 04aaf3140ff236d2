import {
  type Mailbox,
  type SupportedLanguage,
  supportedLanguages,
  type UpdateMailboxBody,
} from '@frontline/contracts';
import { z } from 'zod';
import { ApiError } from '../api/client.ts';
import type { ConnectionTestBody, MailboxBody } from './mailboxes-api.ts';
import type { MailboxTextKey } from './texts.ts';

/** What the admin edits; strings as typed, turned into an API body only when valid. */
export type MailboxFormValues = {
  name: string;
  address: string;
  isEnabled: boolean;
  teamId: string | null;
  defaultLanguage: SupportedLanguage;
  inboundType: 'smtp' | 'imap';
  imapHost: string;
  imapPort: number | string;
  imapSecure: boolean;
  imapUser: string;
  /** Write-only: empty on an existing mailbox keeps the stored password. */
  imapPassword: string;
  imapFolder: string;
  imapProcessedFolder: string;
  outboundMode: 'instance' | 'own';
  /** Write-only like the password: it may carry credentials. */
  outboundSmtpUrl: string;
  acknowledge: boolean;
  promiseAmount: number | string;
  promiseUnit: 'minutes' | 'hours' | 'days';
  businessTime: boolean;
  signature: string;
  templates: Record<SupportedLanguage, { subject: string; body: string }>;
  /** Languages whose own text the admin asked to drop, back to the built-in one. */
  resetTemplates: SupportedLanguage[];
};

export type FieldErrors = Partial<Record<string, { key: MailboxTextKey; values?: Record<string, string> }>>;

const placeholders = new Set(['reference', 'responsePromise', 'subject', 'customerName', 'mailboxName']);

export function initialValues(mailbox?: Mailbox): MailboxFormValues {
  const imap = mailbox?.inbound.type === 'imap' ? mailbox.inbound : null;
  return {
    name: mailbox?.name ?? '',
    address: mailbox?.address ?? '',
    isEnabled: mailbox?.isEnabled ?? true,
    teamId: mailbox?.teamId ?? null,
    defaultLanguage: mailbox?.defaultLanguage ?? 'en',
    inboundType: mailbox?.inbound.type ?? 'smtp',
    imapHost: imap?.host ?? '',
    imapPort: imap?.port ?? 993,
    imapSecure: imap?.secure ?? true,
    imapUser: imap?.user ?? '',
    imapPassword: '',
    imapFolder: imap?.folder ?? 'INBOX',
    imapProcessedFolder: imap?.processedFolder ?? 'Frontline/Processed',
    outboundMode: mailbox?.outbound.smtpServer ? 'own' : 'instance',
    outboundSmtpUrl: '',
    acknowledge: mailbox?.acknowledge ?? true,
    promiseAmount: mailbox?.responsePromise.amount ?? 4,
    promiseUnit: mailbox?.responsePromise.unit ?? 'hours',
    businessTime: mailbox?.responsePromise.businessTime ?? true,
    signature: mailbox?.signature ?? '',
    templates: Object.fromEntries(
      supportedLanguages.map((language) => {
        const template = mailbox?.acknowledgementTemplates[language];
        return [language, { subject: template?.subject ?? '', body: template?.body ?? '' }];
      }),
    ) as MailboxFormValues['templates'],
    resetTemplates: [],
  };
}

const message = (key: MailboxTextKey) => ({ message: key });
const required = z.string().trim().min(1, message('required'));
const port = z.coerce
  .number(message('invalidPort'))
  .int(message('invalidPort'))
  .min(1, message('invalidPort'));

/** The same rules the API applies, with messages an admin can act on, checked before sending. */
const formSchema = z.object({
  name: required.max(200, message('tooLong')),
  address: z
    .email(message('invalidAddress'))
    .max(320, message('tooLong'))
    .refine((address) => !address.split('@')[0]!.includes('+'), message('plusAddress')),
  signature: z.string().max(5_000, message('tooLong')),
  promiseAmount: z.coerce
    .number(message('invalidAmount'))
    .int(message('invalidAmount'))
    .min(1, message('invalidAmount'))
    .max(1000, message('invalidAmount')),
});
const imapSchema = z.object({
  imapHost: required.max(253, message('tooLong')),
  imapPort: port.max(65535, message('invalidPort')),
  imapUser: required.max(320, message('tooLong')),
  imapFolder: required.max(200, message('tooLong')),
  imapProcessedFolder: required.max(200, message('tooLong')),
});
const smtpUrl = z
  .string()
  .trim()
  .regex(/^smtps?:\/\/[^\s/]+/i, message('invalidSmtpUrl'))
  .pipe(z.url(message('invalidSmtpUrl')));

const maxLengths: Record<string, number> = { name: 200, address: 320, signature: 5_000 };

function collect(errors: FieldErrors, result: z.ZodSafeParseResult<unknown>) {
  if (result.success) return;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0]);
    if (errors[field]) continue;
    const key = issue.message as MailboxTextKey;
    errors[field] = key === 'tooLong' ? { key, values: { max: String(maxLengths[field] ?? 200) } } : { key };
  }
}

function isTemplateChanged(
  values: MailboxFormValues,
  mailbox: Mailbox | undefined,
  language: SupportedLanguage,
) {
  const current = mailbox?.acknowledgementTemplates[language];
  const edited = values.templates[language];
  if (!current) return edited.subject.trim() !== '' || edited.body.trim() !== '';
  return edited.subject.trim() !== current.subject.trim() || edited.body.trim() !== current.body.trim();
}

/** Field errors by field name (`templates.lt` for a template); empty when the form can be sent. */
export function validate(values: MailboxFormValues, mailbox?: Mailbox): FieldErrors {
  const errors: FieldErrors = {};
  collect(errors, formSchema.safeParse(values));
  if (values.inboundType === 'imap') {
    collect(errors, imapSchema.safeParse(values));
    const hasStoredPassword = mailbox?.inbound.type === 'imap' && mailbox.inbound.hasPassword;
    if (!values.imapPassword && !hasStoredPassword) errors.imapPassword = { key: 'required' };
  }
  if (values.outboundMode === 'own') {
    const hasStoredUrl = Boolean(mailbox?.outbound.smtpServer);
    if (values.outboundSmtpUrl.trim()) {
      if (!smtpUrl.safeParse(values.outboundSmtpUrl).success)
        errors.outboundSmtpUrl = { key: 'invalidSmtpUrl' };
    } else if (!hasStoredUrl) {
      errors.outboundSmtpUrl = { key: 'required' };
    }
  }
  for (const language of supportedLanguages) {
    if (values.resetTemplates.includes(language) || !isTemplateChanged(values, mailbox, language)) continue;
    const { subject, body } = values.templates[language];
    if (!subject.trim() || !body.trim()) {
      errors[`templates.${language}`] = { key: 'templateBothOrNone' };
      continue;
    }
    const unknown = [...`${subject}\n${body}`.matchAll(/\{\{\s*([a-zA-Z]+)\s*\}\}/g)]
      .map((match) => match[1]!)
      .find((name) => !placeholders.has(name));
    if (unknown)
      errors[`templates.${language}`] = { key: 'unknownPlaceholder', values: { name: `{{${unknown}}}` } };
  }
  return errors;
}

function inboundOf(values: MailboxFormValues) {
  if (values.inboundType === 'smtp') return { type: 'smtp' as const };
  return {
    type: 'imap' as const,
    host: values.imapHost.trim(),
    port: Number(values.imapPort),
    secure: values.imapSecure,
    user: values.imapUser,
    folder: values.imapFolder.trim(),
    processedFolder: values.imapProcessedFolder.trim(),
    ...(values.imapPassword ? { password: values.imapPassword } : {}),
  };
}

function templateChanges(values: MailboxFormValues, mailbox?: Mailbox) {
  const changes: NonNullable<UpdateMailboxBody['acknowledgementTemplates']> = {};
  for (const language of supportedLanguages) {
    if (values.resetTemplates.includes(language)) {
      if (mailbox?.acknowledgementTemplates[language]?.isCustom) changes[language] = null;
    } else if (isTemplateChanged(values, mailbox, language)) {
      const { subject, body } = values.templates[language];
      changes[language] = { subject: subject.trim(), body: body.trim() };
    }
  }
  return changes;
}

function commonFields(values: MailboxFormValues) {
  return {
    name: values.name.trim(),
    address: values.address.trim(),
    isEnabled: values.isEnabled,
    teamId: values.teamId,
    defaultLanguage: values.defaultLanguage,
    acknowledge: values.acknowledge,
    responsePromise: {
      amount: Number(values.promiseAmount),
      unit: values.promiseUnit,
      businessTime: values.businessTime,
    },
    signature: values.signature,
  };
}

/** The body of `POST /api/v1/mailboxes`; call only when `validate` found nothing. */
export function toCreateBody(values: MailboxFormValues): MailboxBody {
  const inbound = inboundOf(values);
  return {
    ...commonFields(values),
    inbound: inbound.type === 'imap' ? { ...inbound, password: values.imapPassword } : inbound,
    outboundSmtpUrl: values.outboundMode === 'own' ? values.outboundSmtpUrl.trim() : null,
    acknowledgementTemplates: templateChanges(values),
  };
}

/** The body of `PATCH`: secrets left empty are left out, so the stored ones are kept. */
export function toUpdateBody(values: MailboxFormValues, mailbox: Mailbox): UpdateMailboxBody {
  const outbound =
    values.outboundMode === 'instance'
      ? { outboundSmtpUrl: null }
      : values.outboundSmtpUrl.trim()
        ? { outboundSmtpUrl: values.outboundSmtpUrl.trim() }
        : {};
  return {
    ...commonFields(values),
    inbound: inboundOf(values),
    ...outbound,
    acknowledgementTemplates: templateChanges(values, mailbox),
  };
}

/**
 * The settings as typed, when they are complete enough to test before saving; null when a
 * secret is only stored on the server (the saved mailbox is tested instead).
 */
export function unsavedConnectionSettings(values: MailboxFormValues): ConnectionTestBody | null {
  if (values.inboundType === 'imap' && !values.imapPassword) return null;
  if (values.outboundMode === 'own' && !values.outboundSmtpUrl.trim()) return null;
  const inbound = inboundOf(values);
  return {
    inbound: inbound.type === 'imap' ? { ...inbound, password: values.imapPassword } : inbound,
    outboundSmtpUrl: values.outboundMode === 'own' ? values.outboundSmtpUrl.trim() : null,
  };
}

/** Where the API's field paths land in this form. */
const serverFieldNames: Record<string, string> = {
  'body.name': 'name',
  'body.address': 'address',
  'body.signature': 'signature',
  'body.teamId': 'teamId',
  'body.outboundSmtpUrl': 'outboundSmtpUrl',
  'body.responsePromise.amount': 'promiseAmount',
  'body.inbound.host': 'imapHost',
  'body.inbound.port': 'imapPort',
  'body.inbound.user': 'imapUser',
  'body.inbound.password': 'imapPassword',
  'body.inbound.folder': 'imapFolder',
  'body.inbound.processedFolder': 'imapProcessedFolder',
};

/** The server's verdict per field, so a refusal shows next to the field it is about. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields: Record<string, string> = {};
  if (error.code === 'mailboxes.address_taken') fields.address = 'addressTaken';
  if (error.code === 'mailboxes.unknown_team') fields.teamId = 'unknownTeam';
  for (const fieldError of error.problem?.errors ?? []) {
    const template = /^body\.acknowledgementTemplates\.(\w+)/.exec(fieldError.path);
    const field = template ? `templates.${template[1]}` : serverFieldNames[fieldError.path];
    if (field && !fields[field]) fields[field] = fieldError.message;
  }
  return fields;
}
