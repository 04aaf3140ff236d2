import type { Queryable } from '../../../db/database.ts';

/** The conversation a form submission already made (its first message carries the submission id). */
export async function findSubmittedConversation(db: Queryable, externalId: string) {
  return db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(['c.id', 'c.reference'])
    .where('m.channel', '=', 'web_form')
    .where('m.external_id', '=', externalId)
    .executeTakeFirst();
}
