import type { Queryable } from '../../db/database.ts';

/**
 * Agents' uploads as messages send them: SQL only. The attachments module stores an upload; the
 * message that sends it claims it here, in the message's own transaction, so a file is never
 * half-sent.
 */

/** The agent's own unsent uploads among `ids`, locked so that two sends cannot both take one. */
export function lockUnsentAgentUploads(db: Queryable, agentId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agent_uploads')
    .select(['id', 'file_name', 'content_type', 'size_bytes'])
    .where('id', 'in', [...ids])
    .where('agent_id', '=', agentId)
    .where('message_id', 'is', null)
    .forUpdate()
    .execute();
}

export async function linkAgentUploads(db: Queryable, ids: readonly string[], messageId: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('agent_uploads')
    .set({ message_id: messageId })
    .where('id', 'in', [...ids])
    .execute();
}
