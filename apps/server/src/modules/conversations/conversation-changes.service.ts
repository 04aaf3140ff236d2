import type { ConversationSummary, UpdateConversationBody } from '@frontline/contracts';
import type { Tx } from '../../db/database.ts';
import type { ConversationRow } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { publishChange } from '../../platform/realtime.ts';
import { notifyAgents } from '../notifications/index.ts';
import { recomputeConversationSla } from '../sla/index.ts';
import { clearSuggestion, findTopicForAgent, setTopicByAgent } from '../triage/index.ts';
import { assertMayReassign, canSeeConversation, type Viewer } from './conversation-access.ts';
import { statusAfterCustomerMessage } from './conversation-status.ts';
import { planConversationUpdate, planStatusChange, type TimelineEntry } from './conversation-update.ts';
import { toConversationSummaryDto } from './conversations.dto.ts';
import {
  conversationNotFound,
  mergeCustomerMismatch,
  mergeIntoItself,
  mergeTargetNotFound,
  mergeTargetUnavailable,
} from './conversations.errors.ts';
import { findConversationSummary } from './conversations.queries.ts';
import {
  addTags,
  findTagsOf,
  insertEvents,
  lockConversation,
  moveMessages,
  removeTags,
  updateConversationRow,
} from './conversations.repository.ts';
import { assertPlacementExists } from './conversations.service.ts';

const isVisible = (viewer: Viewer, row: ConversationRow) =>
  canSeeConversation(viewer, { teamId: row.team_id, assigneeId: row.assignee_id });

/** The conversation, locked for this transaction, if the viewer may see it; else 404. */
export async function lockVisibleConversation(tx: Tx, viewer: Viewer, id: string) {
  const row = await lockConversation(tx, id);
  if (!row || !isVisible(viewer, row)) throw conversationNotFound();
  return row;
}

async function summaryOf(tx: Tx, id: string, now: Date): Promise<ConversationSummary> {
  return toConversationSummaryDto((await findConversationSummary(tx, id))!, now);
}

function agentEvents(conversationId: string, viewer: Viewer, entries: TimelineEntry[]) {
  return entries.map((entry) => ({
    conversation_id: conversationId,
    type: entry.type,
    actor_type: 'agent' as const,
    actor_agent_id: viewer.agentId,
    data: entry.data,
  }));
}

/**
 * Changes status, priority, team, assignee, tags, language, subject or topic. Every change becomes a
 * timeline event in the same transaction; nothing changed means nothing written or announced.
 */
export async function updateConversation(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer,
  id: string,
  input: UpdateConversationBody,
): Promise<ConversationSummary> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const current = await lockVisibleConversation(tx, viewer, id);
    const plan = planConversationUpdate(
      {
        status: current.status,
        priority: current.priority,
        teamId: current.team_id,
        assigneeId: current.assignee_id,
        language: current.language,
        subject: current.subject,
        tags: await findTagsOf(tx, id),
        mergedIntoId: current.merged_into_id,
      },
      input,
      now,
    );
    const from = { teamId: current.team_id, assigneeId: current.assignee_id };
    const to = {
      teamId: input.teamId === undefined ? from.teamId : input.teamId,
      assigneeId: input.assigneeId === undefined ? from.assigneeId : input.assigneeId,
    };
    assertMayReassign(viewer, from, to);
    // Setting the topic a rule or the classifier chose confirms it: it becomes the agent's.
    const isTopicChange =
      input.topicId !== undefined &&
      (input.topicId !== current.topic_id || (input.topicId !== null && current.topic_source !== 'agent'));
    if (isTopicChange) {
      if (input.topicId) await findTopicForAgent(tx, input.topicId);
      plan.events.push({ type: 'topic_changed', data: { from: current.topic_id, to: input.topicId } });
      plan.changedFields.push('topic');
    }
    if (plan.events.length === 0) return summaryOf(tx, id, now);

    await assertPlacementExists(tx, {
      teamId: to.teamId === from.teamId ? null : to.teamId,
      assigneeId: to.assigneeId === from.assigneeId ? null : to.assigneeId,
    });
    await updateConversationRow(tx, id, { ...plan.set, updated_at: now });
    // The agent has decided the priority: the arrival triage's suggestion has had its say.
    if (plan.set.priority !== undefined) await clearSuggestion(tx, id);
    if (isTopicChange) await setTopicByAgent(tx, id, input.topicId ?? null, now);
    await addTags(tx, id, plan.addedTags);
    await removeTags(tx, id, plan.removedTags);
    await insertEvents(tx, agentEvents(id, viewer, plan.events));
    // Work handed to someone by a colleague reaches them even when they are not looking at the inbox.
    if (to.assigneeId !== null && to.assigneeId !== from.assigneeId) {
      await notifyAgents(tx, {
        agentIds: [to.assigneeId],
        kind: 'assigned',
        conversationId: id,
        actorId: viewer.agentId,
        text: current.subject,
      });
    }
    await recomputeConversationSla(tx, id, now);
    await publishChange(tx, {
      type: 'conversation.updated',
      conversationId: id,
      changes: plan.changedFields,
    });
    return summaryOf(tx, id, now);
  });
}

const earliest = (a: Date | string | null, b: Date | string | null) =>
  a === null ? b : b === null ? a : new Date(a) <= new Date(b) ? a : b;
const latest = (a: Date | string, b: Date | string) => (new Date(a) >= new Date(b) ? a : b);

/**
 * Folds a conversation into another of the same customer: its messages and tags move to the
 * target, it becomes `merged` pointing at the target, and both timelines record the merge. If the
 * customer was still waiting in the source, the target is reopened as a customer message would.
 */
export async function mergeConversations(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer,
  sourceId: string,
  targetId: string,
): Promise<{ source: ConversationSummary; target: ConversationSummary }> {
  if (sourceId === targetId) throw mergeIntoItself();
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    // Locking in id order keeps two opposite merges from deadlocking.
    const [first, second] = [sourceId, targetId].sort();
    const locked = new Map<string, ConversationRow | undefined>();
    for (const id of [first!, second!]) locked.set(id, await lockConversation(tx, id));
    const source = locked.get(sourceId);
    const target = locked.get(targetId);
    if (!source || !isVisible(viewer, source)) throw conversationNotFound();
    if (!target || !isVisible(viewer, target)) throw mergeTargetNotFound();
    if (source.customer_id !== target.customer_id) throw mergeCustomerMismatch();
    if (target.status === 'closed' || target.status === 'merged') throw mergeTargetUnavailable();
    const sourceStatus = planStatusChange(source.status, 'merged', now, 'merge');

    const messageCount = await moveMessages(tx, sourceId, targetId);
    const [sourceTags, targetTags] = await Promise.all([findTagsOf(tx, sourceId), findTagsOf(tx, targetId)]);
    const addedTags = sourceTags.filter((tag) => !targetTags.includes(tag));
    await addTags(tx, targetId, addedTags);

    const isCustomerWaiting = source.waiting_since !== null;
    const targetStatus = planStatusChange(
      target.status,
      isCustomerWaiting ? statusAfterCustomerMessage(target.status) : target.status,
      now,
      'system',
    );
    await updateConversationRow(tx, sourceId, {
      ...sourceStatus.set,
      merged_into_id: targetId,
      updated_at: now,
    });
    await updateConversationRow(tx, targetId, {
      ...targetStatus.set,
      last_message_at: latest(source.last_message_at, target.last_message_at),
      waiting_since: earliest(source.waiting_since, target.waiting_since),
      updated_at: now,
    });
    await insertEvents(tx, [
      ...agentEvents(sourceId, viewer, [
        ...sourceStatus.events,
        { type: 'merged_into', data: { conversationId: targetId, reference: target.reference } },
      ]),
      ...agentEvents(targetId, viewer, [
        {
          type: 'merged_from',
          data: { conversationId: sourceId, reference: source.reference, messageCount },
        },
        ...(addedTags.length > 0 ? [{ type: 'tags_changed', data: { added: addedTags, removed: [] } }] : []),
        ...targetStatus.events,
      ]),
    ]);
    await recomputeConversationSla(tx, sourceId, now);
    await recomputeConversationSla(tx, targetId, now);
    await publishChange(tx, {
      type: 'conversation.updated',
      conversationId: sourceId,
      changes: ['status', 'mergedIntoId'],
    });
    await publishChange(tx, {
      type: 'conversation.updated',
      conversationId: targetId,
      changes: [
        'messages',
        ...(addedTags.length > 0 ? ['tags'] : []),
        ...(targetStatus.events.length > 0 ? ['status'] : []),
      ],
    });
    return { source: await summaryOf(tx, sourceId, now), target: await summaryOf(tx, targetId, now) };
  });
}
