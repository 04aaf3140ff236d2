import type { Queryable } from '../../db/database.ts';
import type { Priority } from '../../db/schema.ts';
import type { UrgencySignal } from './urgency.ts';

/** Triage rows: the language of a message, the suggestion on its conversation. SQL only. */

/** Other conversations the customer opened in the 24 h before `now` (any channel). */
export async function countRecentContacts(
  db: Queryable,
  customerId: string,
  conversationId: string,
  now: Date,
): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('contacts'))
    .where('customer_id', '=', customerId)
    .where('id', '!=', conversationId)
    .where('created_at', '>=', new Date(now.getTime() - 24 * 3600_000))
    .where('created_at', '<=', now)
    .executeTakeFirstOrThrow();
  return Number(row.contacts);
}

export function findTriageState(db: Queryable, conversationId: string) {
  return db
    .selectFrom('conversations')
    .select(['customer_id', 'priority', 'language', 'suggested_priority', 'triage_signals'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
}

export function setMessageLanguage(db: Queryable, messageId: string, language: string) {
  return db.updateTable('messages').set({ language }).where('id', '=', messageId).execute();
}

export function setConversationTriage(
  db: Queryable,
  conversationId: string,
  changes: { language?: string; suggestion?: { priority: Priority; signals: UrgencySignal[] } },
) {
  return db
    .updateTable('conversations')
    .set({
      ...(changes.language ? { language: changes.language } : {}),
      ...(changes.suggestion
        ? {
            suggested_priority: changes.suggestion.priority,
            triage_signals: JSON.stringify(changes.suggestion.signals),
          }
        : {}),
    })
    .where('id', '=', conversationId)
    .execute();
}

export function clearSuggestion(db: Queryable, conversationId: string) {
  return db
    .updateTable('conversations')
    .set({ suggested_priority: null, triage_signals: '[]' })
    .where('id', '=', conversationId)
    .execute();
}
