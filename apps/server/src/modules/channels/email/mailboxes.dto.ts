import { type Mailbox, type SupportedLanguage, supportedLanguages } from '@frontline/contracts';
import type { MailboxRow } from '../../../db/schema.ts';
import { defaultAcknowledgementTemplates } from './acknowledgement.ts';
import { describeResponsePromise, responsePromiseFor } from './response-promise.ts';

type TemplateRow = { mailbox_id: string; language: string; subject: string; body: string };

/** Host and port of an SMTP URL, without the credentials it may carry. */
export function describeSmtpServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
}

/** The effective templates of a mailbox: the admin's where set, the built-in ones otherwise. */
export function templatesOf(rows: TemplateRow[], mailboxId: string) {
  const custom = new Map(
    rows.filter((row) => row.mailbox_id === mailboxId).map((row) => [row.language, row]),
  );
  return Object.fromEntries(
    supportedLanguages.map((language) => {
      const row = custom.get(language);
      const text = row ?? defaultAcknowledgementTemplates[language];
      return [language, { subject: text.subject, body: text.body, isCustom: row !== undefined }];
    }),
  ) as Record<SupportedLanguage, { subject: string; body: string; isCustom: boolean }>;
}

/** Never includes a secret: the sealed IMAP password and SMTP URL stay in the row. */
export function toMailboxDto(
  row: MailboxRow,
  templates: TemplateRow[],
  outboundSmtpServer: string | null,
  lastReceivedAt: Date | null,
): Mailbox {
  const promise = responsePromiseFor(row);
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    inbound:
      row.inbound_type === 'imap'
        ? {
            type: 'imap',
            host: row.imap_host ?? '',
            port: row.imap_port ?? 993,
            secure: row.imap_secure ?? true,
            user: row.imap_user ?? '',
            folder: row.imap_folder,
            processedFolder: row.imap_processed_folder,
            hasPassword: row.imap_password_sealed !== null,
          }
        : { type: 'smtp' },
    acknowledge: row.acknowledge,
    responsePromise: promise,
    responsePromiseText: describeResponsePromise(promise, 'en'),
    signature: row.signature,
    outbound: { smtpServer: outboundSmtpServer },
    teamId: row.team_id,
    acknowledgementTemplates: templatesOf(templates, row.id),
    isEnabled: row.is_enabled,
    defaultLanguage: row.default_language as SupportedLanguage,
    status: {
      lastReceivedAt: lastReceivedAt?.toISOString() ?? null,
      lastCheckedAt: row.inbound_checked_at?.toISOString() ?? null,
      lastError: row.inbound_error,
      lastErrorAt: row.inbound_error_at?.toISOString() ?? null,
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
