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

export function listImapMailboxRows(db: Queryable) {
  return db.selectFrom('mailboxes').selectAll().where('inbound_type', '=', 'imap').orderBy('id').execute();
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
