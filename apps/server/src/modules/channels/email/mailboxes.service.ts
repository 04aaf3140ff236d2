import type {
  CreateMailboxBody,
  Mailbox,
  MailboxConnectionTest,
  MailboxConnectionTestBody,
  SupportedLanguage,
  UpdateMailboxBody,
} from '@frontline/contracts';
import type { Updateable } from 'kysely';
import type { Queryable } from '../../../db/database.ts';
import type { MailboxesTable, MailboxRow } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { isPgError, pgErrorCodes } from '../../../platform/errors.ts';
import { unknownPlaceholders } from './acknowledgement.ts';
import { checkImapAccount, checkSmtpServer, type ImapAccount } from './connection-test.ts';
import { describeSmtpServer, toMailboxDto } from './mailboxes.dto.ts';
import {
  imapPasswordRequired,
  mailboxAddressTaken,
  mailboxNotFound,
  unknownMailboxTeam,
  unknownTemplatePlaceholders,
} from './mailboxes.errors.ts';
import {
  deleteMailboxRow,
  deleteTemplate,
  findLastReceived,
  findMailbox,
  findTemplates,
  insertMailbox,
  listMailboxRows,
  lockMailbox,
  teamExists,
  updateMailboxRow,
  upsertTemplate,
} from './mailboxes.repository.ts';
import { loadSecretBox, type SecretBox } from './secret-box.ts';

type MailboxDeps = Pick<Deps, 'db' | 'config'>;
type TemplateChanges = Partial<Record<SupportedLanguage, { subject: string; body: string } | null>>;

function assertTemplatesValid(changes: TemplateChanges) {
  for (const [language, text] of Object.entries(changes)) {
    if (!text) continue;
    const unknown = unknownPlaceholders(`${text.subject}\n${text.body}`);
    if (unknown.length > 0) throw unknownTemplatePlaceholders(language, unknown);
  }
}

async function applyTemplateChanges(db: Queryable, mailboxId: string, changes: TemplateChanges) {
  for (const [language, text] of Object.entries(changes)) {
    if (text) await upsertTemplate(db, mailboxId, language, text);
    else await deleteTemplate(db, mailboxId, language);
  }
}

function outboundServerOf(box: SecretBox, row: MailboxRow): string | null {
  if (!row.outbound_smtp_url_sealed) return null;
  try {
    return describeSmtpServer(box.open(row.outbound_smtp_url_sealed));
  } catch {
    // Sealed with a key this instance does not have: say so rather than fail the whole page.
    return 'unreadable (sealed with another FRONTLINE_SECRET_KEY)';
  }
}

async function toDto(deps: MailboxDeps, db: Queryable, row: MailboxRow): Promise<Mailbox> {
  return toMailboxDto(
    row,
    await findTemplates(db, [row.id]),
    outboundServerOf(loadSecretBox(deps.config), row),
    (await findLastReceived(db, [row.id])).get(row.id) ?? null,
  );
}

/** Unique address → 409; anything else is ours. */
async function translateUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isPgError(error, pgErrorCodes.uniqueViolation)) throw mailboxAddressTaken();
    throw error;
  }
}

export async function createMailbox(deps: MailboxDeps, input: CreateMailboxBody): Promise<Mailbox> {
  assertTemplatesValid(input.acknowledgementTemplates);
  const box = loadSecretBox(deps.config);
  const imap = input.inbound.type === 'imap' ? input.inbound : null;
  return translateUniqueViolation(() =>
    deps.db.transaction().execute(async (tx) => {
      if (input.teamId && !(await teamExists(tx, input.teamId))) throw unknownMailboxTeam();
      const row = await insertMailbox(tx, {
        name: input.name,
        address: input.address,
        inbound_type: input.inbound.type,
        imap_host: imap?.host ?? null,
        imap_port: imap?.port ?? null,
        imap_secure: imap?.secure ?? null,
        imap_user: imap?.user ?? null,
        imap_password_sealed: imap ? box.seal(imap.password) : null,
        ...(imap ? { imap_folder: imap.folder, imap_processed_folder: imap.processedFolder } : {}),
        acknowledge: input.acknowledge,
        response_promise_amount: input.responsePromise.amount,
        response_promise_unit: input.responsePromise.unit,
        response_promise_business_time: input.responsePromise.businessTime,
        signature: input.signature,
        outbound_smtp_url_sealed: input.outboundSmtpUrl ? box.seal(input.outboundSmtpUrl) : null,
        team_id: input.teamId,
        is_enabled: input.isEnabled,
        default_language: input.defaultLanguage,
      });
      await applyTemplateChanges(tx, row.id, input.acknowledgementTemplates);
      return toDto(deps, tx, row);
    }),
  );
}

export async function listMailboxes(deps: MailboxDeps): Promise<Mailbox[]> {
  const rows = await listMailboxRows(deps.db);
  const ids = rows.map((row) => row.id);
  const [templates, lastReceived] = await Promise.all([
    findTemplates(deps.db, ids),
    findLastReceived(deps.db, ids),
  ]);
  const box = loadSecretBox(deps.config);
  return rows.map((row) =>
    toMailboxDto(row, templates, outboundServerOf(box, row), lastReceived.get(row.id) ?? null),
  );
}

export async function getMailbox(deps: MailboxDeps, id: string): Promise<Mailbox> {
  const row = await findMailbox(deps.db, id);
  if (!row) throw mailboxNotFound();
  return toDto(deps, deps.db, row);
}

function inboundChanges(
  current: MailboxRow,
  inbound: NonNullable<UpdateMailboxBody['inbound']>,
  box: SecretBox,
) {
  if (inbound.type === 'smtp') {
    return {
      inbound_type: 'smtp',
      imap_host: null,
      imap_port: null,
      imap_secure: null,
      imap_user: null,
      imap_password_sealed: null,
    } satisfies Updateable<MailboxesTable>;
  }
  const sealedPassword = inbound.password ? box.seal(inbound.password) : current.imap_password_sealed;
  if (!sealedPassword) throw imapPasswordRequired();
  return {
    inbound_type: 'imap',
    imap_host: inbound.host,
    imap_port: inbound.port,
    imap_secure: inbound.secure,
    imap_user: inbound.user,
    imap_password_sealed: sealedPassword,
    imap_folder: inbound.folder,
    imap_processed_folder: inbound.processedFolder,
  } satisfies Updateable<MailboxesTable>;
}

export async function updateMailbox(
  deps: MailboxDeps,
  id: string,
  input: UpdateMailboxBody,
): Promise<Mailbox> {
  if (input.acknowledgementTemplates) assertTemplatesValid(input.acknowledgementTemplates);
  const box = loadSecretBox(deps.config);
  return translateUniqueViolation(() =>
    deps.db.transaction().execute(async (tx) => {
      const current = await lockMailbox(tx, id);
      if (!current) throw mailboxNotFound();
      if (input.teamId && !(await teamExists(tx, input.teamId))) throw unknownMailboxTeam();
      const changes: Updateable<MailboxesTable> = {
        updated_at: new Date(),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.address !== undefined ? { address: input.address } : {}),
        ...(input.inbound !== undefined ? inboundChanges(current, input.inbound, box) : {}),
        ...(input.acknowledge !== undefined ? { acknowledge: input.acknowledge } : {}),
        ...(input.responsePromise
          ? {
              response_promise_amount: input.responsePromise.amount,
              response_promise_unit: input.responsePromise.unit,
              response_promise_business_time: input.responsePromise.businessTime,
            }
          : {}),
        ...(input.signature !== undefined ? { signature: input.signature } : {}),
        ...(input.outboundSmtpUrl !== undefined
          ? { outbound_smtp_url_sealed: input.outboundSmtpUrl ? box.seal(input.outboundSmtpUrl) : null }
          : {}),
        ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
        ...(input.isEnabled !== undefined ? { is_enabled: input.isEnabled } : {}),
        ...(input.defaultLanguage !== undefined ? { default_language: input.defaultLanguage } : {}),
      };
      const row = await updateMailboxRow(tx, id, changes);
      await applyTemplateChanges(tx, id, input.acknowledgementTemplates ?? {});
      return toDto(deps, tx, row!);
    }),
  );
}

/** Its conversations and messages stay; their email details just no longer name a mailbox. */
export async function deleteMailbox(deps: Pick<Deps, 'db'>, id: string) {
  if (!(await deleteMailboxRow(deps.db, id))) throw mailboxNotFound();
}

type ConnectionSettings = {
  inbound: { type: 'smtp' } | (Omit<ImapAccount, 'password'> & { type: 'imap'; password: string | null });
  outboundSmtpUrl: string | null;
};

async function checkConnections(
  deps: MailboxDeps,
  settings: ConnectionSettings,
): Promise<MailboxConnectionTest> {
  const listener = `smtp://${deps.config.email.smtpHost}:${deps.config.email.smtpPort}`;
  const inbound =
    settings.inbound.type === 'imap'
      ? settings.inbound.password === null
        ? { ok: false, failedStep: 'config', message: 'No IMAP password is stored; enter it again' }
        : await checkImapAccount({ ...settings.inbound, password: settings.inbound.password })
      : await checkSmtpServer(listener).then((check) =>
          check.ok
            ? { ...check, message: `The SMTP listener (${listener}) answers; point your MX or relay there` }
            : {
                ...check,
                message: `The SMTP listener is not reachable: ${check.message}. Is an instance running the mail role?`,
              },
        );
  const outbound = await checkSmtpServer(settings.outboundSmtpUrl ?? deps.config.email.smtpUrl ?? null);
  return { inbound, outbound };
}

/** Tries settings before they are saved; nothing is stored. */
export function testMailboxSettings(deps: MailboxDeps, input: MailboxConnectionTestBody) {
  return checkConnections(deps, { inbound: input.inbound, outboundSmtpUrl: input.outboundSmtpUrl });
}

export async function testMailboxConnection(deps: MailboxDeps, id: string): Promise<MailboxConnectionTest> {
  const row = await findMailbox(deps.db, id);
  if (!row) throw mailboxNotFound();
  const box = loadSecretBox(deps.config);
  const reveal = (sealed: string | null) => {
    try {
      return sealed ? box.open(sealed) : null;
    } catch {
      return null;
    }
  };
  return checkConnections(deps, {
    inbound:
      row.inbound_type === 'imap'
        ? {
            type: 'imap',
            host: row.imap_host ?? '',
            port: row.imap_port ?? 993,
            secure: row.imap_secure ?? true,
            user: row.imap_user ?? '',
            password: reveal(row.imap_password_sealed),
            folder: row.imap_folder,
          }
        : { type: 'smtp' },
    outboundSmtpUrl: reveal(row.outbound_smtp_url_sealed),
  });
}
