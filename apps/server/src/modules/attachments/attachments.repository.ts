import type { Insertable } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { AgentUploadsTable } from '../../db/schema.ts';

/** Agents' uploads: SQL only. Linking them to a message happens in the message's transaction. */

export function insertAgentUpload(db: Queryable, upload: Insertable<AgentUploadsTable>) {
  return db.insertInto('agent_uploads').values(upload).returningAll().executeTakeFirstOrThrow();
}

/**
 * An upload with where its message sits now (a merge moves messages, so the conversation comes
 * from the message, not from where it was first sent).
 */
export function findAgentUploadWithPlacement(db: Queryable, id: string) {
  return db
    .selectFrom('agent_uploads')
    .leftJoin('messages', 'messages.id', 'agent_uploads.message_id')
    .leftJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select([
      'agent_uploads.id',
      'agent_uploads.agent_id',
      'agent_uploads.sha256',
      'agent_uploads.file_name',
      'agent_uploads.content_type',
      'agent_uploads.size_bytes',
      'agent_uploads.message_id',
      'messages.visibility',
      'conversations.team_id',
      'conversations.assignee_id',
    ])
    .where('agent_uploads.id', '=', id)
    .executeTakeFirst();
}

/** An upload sent with a public reply: the only agent files a customer may ever be shown. */
export function findUploadOfPublicReply(db: Queryable, id: string) {
  return db
    .selectFrom('agent_uploads')
    .innerJoin('messages', 'messages.id', 'agent_uploads.message_id')
    .select([
      'agent_uploads.id',
      'agent_uploads.sha256',
      'agent_uploads.file_name',
      'agent_uploads.content_type',
      'agent_uploads.size_bytes',
    ])
    .where('agent_uploads.id', '=', id)
    .where('messages.visibility', '=', 'public')
    .executeTakeFirst();
}
