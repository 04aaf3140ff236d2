import type { Insertable, Updateable } from 'kysely';
import type { Queryable } from '../../../db/database.ts';
import type { MailboxesTable } from '../../../db/schema.ts';

/** Mailbox and acknowledgement-template rows: SQL only. */

export function insertMailbox(db: Queryable, mailbox: Insertable<MailboxesTable>) {
  return db.insertInto('mailboxes').values(mailbox).returningAll().executeTakeFirstOrThrow();
}

export function findMailbox(db: Queryable, id: string) {
  return db.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockMailbox(db: Queryable, id: string) {
  return db.selectFrom('mailboxes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findMailboxByAddress(db: Queryable, address: string) {
  return db
    .selectFrom('mailboxes')
    .selectAll()
    .where('address', '=', address.toLowerCase())
    .executeTakeFirst();
}

/** The first of the given (base) addresses that is a mailbox, in the order given. */
export async function findMailboxForRecipients(db: Queryable, addresses: string[]) {
  if (addresses.length === 0) return undefined;
  const rows = await db.selectFrom('mailboxes').selectAll().where('address', 'in', addresses).execute();
  return addresses
    .map((address) => rows.find((row) => row.address === address))
    .find((row) => row !== undefined);
}

export function listMailboxRows(db: Queryable) {
  return db.selectFrom('mailboxes').selectAll().orderBy('name').orderBy('id').execute();
}

/** The IMAP mailboxes to poll: disabled ones are left alone, their mail waits on the server. */
export function listImapMailboxRows(db: Queryable) {
  return db
    .selectFrom('mailboxes')
    .selectAll()
    .where('inbound_type', '=', 'imap')
    .where('is_enabled', '=', true)
    .orderBy('id')
    .execute();
}

/** When inbound mail last arrived, per mailbox (mailboxes without any are absent). */
export async function findLastReceived(db: Queryable, mailboxIds: string[]): Promise<Map<string, Date>> {
  if (mailboxIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('email_messages')
    .select(['mailbox_id', (eb) => eb.fn.max('created_at').as('last_received_at')])
    .where('mailbox_id', 'in', mailboxIds)
    .where('kind', 'not in', ['acknowledgement', 'reply'])
    .groupBy('mailbox_id')
    .execute();
  return new Map(rows.map((row) => [row.mailbox_id!, new Date(row.last_received_at)]));
}

/**
 * What the IMAP poller last saw. Leaves updated_at alone: that column is the mailbox's settings
 * version, and changing it restarts the poller.
 */
export async function recordInboundStatus(db: Queryable, id: string, status: { error: string | null }) {
  const now = new Date();
  await db
    .updateTable('mailboxes')
    .set(
      status.error === null
        ? { inbound_checked_at: now, inbound_error: null, inbound_error_at: null }
        : { inbound_error: status.error.slice(0, 2_000), inbound_error_at: now },
    )
    .where('id', '=', id)
    .execute();
}

export function updateMailboxRow(db: Queryable, id: string, changes: Updateable<MailboxesTable>) {
  return db.updateTable('mailboxes').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteMailboxRow(db: Queryable, id: string): Promise<boolean> {
  const result = await db.deleteFrom('mailboxes').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function findTemplates(db: Queryable, mailboxIds: string[]) {
  if (mailboxIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mailbox_acknowledgement_templates')
    .selectAll()
    .where('mailbox_id', 'in', mailboxIds)
    .execute();
}

export async function upsertTemplate(
  db: Queryable,
  mailboxId: string,
  language: string,
  text: { subject: string; body: string },
) {
  await db
    .insertInto('mailbox_acknowledgement_templates')
    .values({ mailbox_id: mailboxId, language, subject: text.subject, body: text.body })
    .onConflict((conflict) =>
      conflict
        .columns(['mailbox_id', 'language'])
        .doUpdateSet({ subject: text.subject, body: text.body, updated_at: new Date() }),
    )
    .execute();
}

export async function deleteTemplate(db: Queryable, mailboxId: string, language: string) {
  await db
    .deleteFrom('mailbox_acknowledgement_templates')
    .where('mailbox_id', '=', mailboxId)
    .where('language', '=', language)
    .execute();
}

export async function teamExists(db: Queryable, teamId: string): Promise<boolean> {
  return (
    (await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()) !== undefined
  );
}
