import { mentionsAsPlainText } from '@frontline/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { ConversationRow } from '../../db/schema.ts';
import { notifyAgents } from '../notifications/index.ts';
import { canSeeConversation } from './conversation-access.ts';
import { findMentionedAgentIds } from './mentions.ts';

/** Active agents with what decides whether they may see a conversation. */
function listMentionableAgents(tx: Tx) {
  return tx
    .selectFrom('agents')
    .select(['agents.id', 'agents.name', 'agents.email', 'agents.role'])
    .select(
      sql<
        string[]
      >`coalesce((select array_agg(tm.team_id) from team_members tm where tm.agent_id = agents.id), '{}')`.as(
        'team_ids',
      ),
    )
    .where('agents.is_active', '=', true)
    .execute();
}

/**
 * Tells the colleagues an internal note mentions, in the note's transaction. Only agents who may
 * see the conversation are told: a mention must not leak a conversation to someone outside its
 * team (they can be brought in by reassigning it). The author is never told about themselves.
 */
export async function notifyMentionedAgents(
  tx: Tx,
  note: { conversation: ConversationRow; body: string; authorId: string },
) {
  if (!note.body.includes('@')) return;
  const agents = await listMentionableAgents(tx);
  const mentionedIds = findMentionedAgentIds(note.body, agents);
  if (mentionedIds.length === 0) return;
  const placement = { teamId: note.conversation.team_id, assigneeId: note.conversation.assignee_id };
  const recipients = agents.filter(
    (agent) =>
      mentionedIds.includes(agent.id) &&
      canSeeConversation({ agentId: agent.id, role: agent.role, teamIds: agent.team_ids }, placement),
  );
  await notifyAgents(tx, {
    agentIds: recipients.map((agent) => agent.id),
    kind: 'mention',
    conversationId: note.conversation.id,
    actorId: note.authorId,
    text: mentionsAsPlainText(note.body),
  });
}
