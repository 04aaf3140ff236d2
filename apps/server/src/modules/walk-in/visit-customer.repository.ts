import type { Queryable } from '../../db/database.ts';

/**
 * Moves a visit and its conversation to another customer: the visit row, the conversation, and
 * the conversation's customer-authored messages (the ticket's first message), so the visit shows
 * in the new customer's history like any conversation of theirs.
 */
export async function moveVisitToCustomer(
  db: Queryable,
  visit: { id: string; conversation_id: string },
  customerId: string,
) {
  await db
    .updateTable('walk_in_visits')
    .set({ customer_id: customerId })
    .where('id', '=', visit.id)
    .execute();
  await db
    .updateTable('conversations')
    .set({ customer_id: customerId, updated_at: new Date() })
    .where('id', '=', visit.conversation_id)
    .execute();
  await db
    .updateTable('messages')
    .set({ author_customer_id: customerId })
    .where('conversation_id', '=', visit.conversation_id)
    .where('author_type', '=', 'customer')
    .execute();
}

export async function insertConversationEvent(
  db: Queryable,
  event: { conversationId: string; type: string; actorAgentId: string | null; data: Record<string, unknown> },
) {
  await db
    .insertInto('conversation_events')
    .values({
      conversation_id: event.conversationId,
      type: event.type,
      actor_type: event.actorAgentId ? 'agent' : 'system',
      actor_agent_id: event.actorAgentId,
      data: JSON.stringify(event.data),
    })
    .execute();
}

export async function hasConversations(db: Queryable, customerId: string) {
  const found = await db
    .selectFrom('conversations')
    .select('id')
    .where('customer_id', '=', customerId)
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}
