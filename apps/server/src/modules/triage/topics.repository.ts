import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { TopicSource } from '../../db/schema.ts';

/** Topics, a conversation's topic and suggestion, the training set and the stored model. SQL only. */

export type TopicColumns = {
  key: string;
  names: Record<string, string>;
  keywords: Record<string, string[]>;
  is_active: boolean;
};

export function listTopicRows(db: Queryable, options: { activeOnly?: boolean } = {}) {
  let query = db
    .selectFrom('topics')
    .select(['id', 'key', 'names', 'keywords', 'is_active', 'created_at'])
    .orderBy('created_at')
    .orderBy('id');
  if (options.activeOnly) query = query.where('is_active', '=', true);
  return query.execute();
}
export type TopicRow = Awaited<ReturnType<typeof listTopicRows>>[number];

export function findTopicRow(db: Queryable, id: string) {
  return db
    .selectFrom('topics')
    .select(['id', 'key', 'names', 'keywords', 'is_active', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertTopicRow(db: Queryable, topic: TopicColumns) {
  return db
    .insertInto('topics')
    .values({ ...topic, names: JSON.stringify(topic.names), keywords: JSON.stringify(topic.keywords) })
    .returning(['id', 'key', 'names', 'keywords', 'is_active', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function updateTopicRow(db: Queryable, id: string, topic: TopicColumns, now: Date) {
  return db
    .updateTable('topics')
    .set({
      ...topic,
      names: JSON.stringify(topic.names),
      keywords: JSON.stringify(topic.keywords),
      updated_at: now,
    })
    .where('id', '=', id)
    .returning(['id', 'key', 'names', 'keywords', 'is_active', 'created_at'])
    .executeTakeFirst();
}

export async function deleteTopicRow(db: Queryable, id: string) {
  const result = await db.deleteFrom('topics').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function findConversationTopicState(db: Queryable, conversationId: string) {
  return db
    .selectFrom('conversations')
    .select(['topic_id', 'topic_source', 'suggested_topic_id', 'suggested_topic_confidence'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
}

export function setConversationTopic(
  db: Queryable,
  conversationId: string,
  topic: { topicId: string | null; source: TopicSource | null; confidence: number | null },
) {
  return db
    .updateTable('conversations')
    .set({
      topic_id: topic.topicId,
      // An agent's "no topic" is a decision too: the source stays 'agent' so triage leaves it.
      topic_source: topic.topicId === null && topic.source !== 'agent' ? null : topic.source,
      topic_confidence: topic.topicId === null ? null : topic.confidence,
      // A topic decided (or cleared by an agent) ends any standing suggestion.
      suggested_topic_id: null,
      suggested_topic_confidence: null,
    })
    .where('id', '=', conversationId)
    .execute();
}

export function setTopicSuggestion(
  db: Queryable,
  conversationId: string,
  suggestion: { topicId: string; confidence: number },
) {
  return db
    .updateTable('conversations')
    .set({ suggested_topic_id: suggestion.topicId, suggested_topic_confidence: suggestion.confidence })
    .where('id', '=', conversationId)
    .execute();
}

/** The suggestion to show while the conversation has no topic. */
export function findTopicSuggestion(db: Queryable, conversationId: string) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('topics as t', 't.id', 'c.suggested_topic_id')
    .select(['t.id', 't.key', 't.names', 'c.suggested_topic_confidence as confidence'])
    .where('c.id', '=', conversationId)
    .where('c.topic_id', 'is', null)
    .where('t.is_active', '=', true)
    .executeTakeFirst();
}

/**
 * The training set: solved or closed conversations whose topic an agent set, with the customer's
 * own words (the subject and the first customer message). The newest `limit` are enough.
 */
export function listTrainingExamples(db: Queryable, limit: number) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('topics as t', 't.id', 'c.topic_id')
    .where('c.topic_source', '=', 'agent')
    .where('c.status', 'in', ['solved', 'closed'])
    .where('t.is_active', '=', true)
    .select(['c.topic_id', 'c.language', 'c.subject'])
    .select(
      sql<string>`coalesce((select m.body_text from messages m
        where m.conversation_id = c.id and m.direction = 'inbound' and m.author_type = 'customer'
        order by m.created_at, m.id limit 1), '')`.as('body'),
    )
    .orderBy('c.solved_at', 'desc')
    .limit(limit)
    .execute();
}

/** Labelled conversations solved after `since` (all when null): how much the model has not seen. */
export async function countLabelledSince(db: Queryable, since: Date | null) {
  let query = db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('topic_source', '=', 'agent')
    .where('topic_id', 'is not', null)
    .where('status', 'in', ['solved', 'closed']);
  if (since) query = query.where('solved_at', '>', since);
  return Number((await query.executeTakeFirstOrThrow()).count);
}

export function findTopicModelRow(db: Queryable) {
  return db
    .selectFrom('topic_models')
    .select(['model', 'example_count', 'trained_at'])
    .where('id', '=', 1)
    .executeTakeFirst();
}

export function saveTopicModelRow(db: Queryable, model: unknown, exampleCount: number, now: Date) {
  return db
    .insertInto('topic_models')
    .values({ id: 1, model: JSON.stringify(model), example_count: exampleCount, trained_at: now })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ model: JSON.stringify(model), example_count: exampleCount, trained_at: now }),
    )
    .execute();
}

/** Debounced: many labels in a row make one training run a few minutes later. */
export async function queueTopicTraining(db: Queryable, task: string, runAt: Date) {
  await sql`select graphile_worker.add_job(${task}, '{}'::json, job_key := ${task},
    run_at := ${runAt.toISOString()}::timestamptz, job_key_mode := 'preserve_run_at')`.execute(db);
}

/** A system timeline entry for a topic triage set (the conversations module owns agents' entries). */
export function insertTopicEvent(db: Queryable, conversationId: string, data: Record<string, unknown>) {
  return db
    .insertInto('conversation_events')
    .values({
      conversation_id: conversationId,
      type: 'topic_changed',
      actor_type: 'system',
      data: JSON.stringify(data),
    })
    .execute();
}
