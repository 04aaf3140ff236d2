import type { Topic, TopicBody, TopicSuggestion } from '@frontline/contracts';
import { topicBody } from '@frontline/contracts';
import type { TaskList } from 'graphile-worker';
import type { Queryable, Tx } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { conflict, isPgError, notFound, pgErrorCodes, unprocessable } from '../../platform/errors.ts';
import { queueSlaRecount, recomputeConversationSla } from '../sla/index.ts';
import { confidentTopic, predictTopic, type TopicModel, trainTopicModel } from './naive-bayes.ts';
import { matchTopicRule } from './topic-rules.ts';
import {
  countLabelledSince,
  deleteTopicRow,
  findConversationTopicState,
  findTopicModelRow,
  findTopicRow,
  findTopicSuggestion,
  insertTopicEvent,
  insertTopicRow,
  listTopicRows,
  listTrainingExamples,
  queueTopicTraining,
  saveTopicModelRow,
  setConversationTopic,
  setTopicSuggestion,
  type TopicRow,
  updateTopicRow,
} from './topics.repository.ts';

export const topicNotFound = () => notFound('topics.not_found', 'No such topic');

export function toTopicDto(row: TopicRow): Topic {
  return {
    id: row.id,
    key: row.key,
    names: row.names ?? {},
    keywords: row.keywords ?? {},
    isActive: row.is_active,
  };
}

export async function listTopics(deps: Pick<Deps, 'db'>): Promise<{ items: Topic[] }> {
  return { items: (await listTopicRows(deps.db)).map(toTopicDto) };
}

function columnsOf(body: TopicBody) {
  const parsed = topicBody.parse(body);
  const keywords: Record<string, string[]> = {};
  for (const [language, words] of Object.entries(parsed.keywords)) {
    const distinct = [...new Set((words ?? []).map((word) => word.trim()))];
    if (distinct.length > 0) keywords[language] = distinct;
  }
  const names = Object.fromEntries(
    Object.entries(parsed.names).filter(([, name]) => Boolean(name)),
  ) as Record<string, string>;
  return { key: parsed.key, names, keywords, is_active: parsed.isActive };
}

async function withUniqueKey<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isPgError(error, pgErrorCodes.uniqueViolation)) {
      throw conflict('topics.key_taken', 'Another topic has this key');
    }
    throw error;
  }
}

export async function createTopic(deps: Pick<Deps, 'db'>, body: TopicBody): Promise<Topic> {
  return toTopicDto(await withUniqueKey(() => insertTopicRow(deps.db, columnsOf(body))));
}

export async function updateTopic(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
  body: TopicBody,
): Promise<Topic> {
  const row = await withUniqueKey(() => updateTopicRow(deps.db, id, columnsOf(body), deps.clock.now()));
  if (!row) throw topicNotFound();
  // SLA policies name topics by key: a new key re-matches the backlog.
  await queueSlaRecount(deps.db);
  return toTopicDto(row);
}

/** Conversations keep no dangling topic: theirs is cleared (the key is gone from SLA matching too). */
export async function deleteTopic(deps: Pick<Deps, 'db'>, id: string) {
  if (!(await deleteTopicRow(deps.db, id))) throw topicNotFound();
  await queueSlaRecount(deps.db);
}

/** The topic an agent picks must exist and be active; null clears. */
export async function findTopicForAgent(db: Queryable, topicId: string) {
  const row = await findTopicRow(db, topicId);
  if (!row) throw unprocessable('topics.not_found', 'No such topic', `topic ${topicId}`);
  if (!row.is_active) throw unprocessable('topics.inactive', 'This topic is not in use');
  return row;
}

/** An agent sets or clears the topic: it is theirs from now on, and the classifier learns from it. */
export async function setTopicByAgent(tx: Tx, conversationId: string, topicId: string | null, now: Date) {
  await setConversationTopic(tx, conversationId, { topicId, source: 'agent', confidence: null });
  if (topicId !== null) await queueTopicTraining(tx, trainTopicsTask, new Date(now.getTime() + 5 * 60_000));
}

export async function findTopicSuggestionOf(
  db: Queryable,
  conversationId: string,
): Promise<TopicSuggestion | null> {
  const row = await findTopicSuggestion(db, conversationId);
  if (!row || row.confidence === null) return null;
  return { id: row.id, key: row.key, names: row.names ?? {}, confidence: row.confidence };
}

/**
 * The topic of an arriving message: a keyword rule of the message's language sets it outright;
 * otherwise the classifier sets it when it is confident, or leaves its guess as a suggestion for
 * the agent. A conversation that already has a topic keeps it, and one an agent set or cleared is
 * left alone.
 */
export async function assignTopicOnArrival(
  tx: Tx,
  input: { conversationId: string; text: string; language: string | null; now: Date },
) {
  const state = await findConversationTopicState(tx, input.conversationId);
  if (!state || state.topic_id !== null || state.topic_source === 'agent') return undefined;
  const topics = await listTopicRows(tx, { activeOnly: true });
  if (topics.length === 0) return undefined;
  const rule = matchTopicRule(
    input.text,
    input.language,
    topics.map((topic) => ({ topicId: topic.id, keywords: topic.keywords ?? {} })),
  );
  const keyOf = (id: string) => topics.find((topic) => topic.id === id)?.key;
  if (rule) {
    await setConversationTopic(tx, input.conversationId, {
      topicId: rule.topicId,
      source: 'rule',
      confidence: null,
    });
    await insertTopicEvent(tx, input.conversationId, {
      to: keyOf(rule.topicId),
      source: 'rule',
      keyword: rule.keyword,
    });
    // SLA policies may depend on the topic; some channels count due times before triage runs.
    await recomputeConversationSla(tx, input.conversationId, input.now);
    return { topicId: rule.topicId, source: 'rule' as const };
  }
  const stored = await findTopicModelRow(tx);
  if (!stored) return undefined;
  const prediction = predictTopic(stored.model as TopicModel, input.text, input.language);
  if (!prediction || !keyOf(prediction.topicId)) return undefined;
  const confident = confidentTopic(prediction);
  if (confident) {
    await setConversationTopic(tx, input.conversationId, {
      topicId: confident.topicId,
      source: 'classifier',
      confidence: confident.confidence,
    });
    await insertTopicEvent(tx, input.conversationId, {
      to: keyOf(confident.topicId),
      source: 'classifier',
      confidence: confident.confidence,
    });
    await recomputeConversationSla(tx, input.conversationId, input.now);
    return { topicId: confident.topicId, source: 'classifier' as const };
  }
  await setTopicSuggestion(tx, input.conversationId, prediction);
  return undefined;
}

export const trainTopicsTask = 'train_topic_classifier';
/** Retrain nightly, and after this many newly labelled conversations. */
export const retrainAfterNewLabels = 20;
/** Fewer examples than this make no model: it would only guess. */
export const minimumTrainingExamples = 10;
const maximumTrainingExamples = 20_000;

/**
 * Trains the classifier from conversations agents solved with a topic and stores it. Without
 * `force` it trains only when enough new labels have come since the last model.
 */
export async function trainTopicClassifier(
  deps: Pick<Deps, 'db' | 'clock'>,
  options: { force?: boolean } = {},
): Promise<{ trained: boolean; exampleCount: number }> {
  const stored = await findTopicModelRow(deps.db);
  const since = stored ? new Date(stored.trained_at) : null;
  if (!options.force && stored && (await countLabelledSince(deps.db, since)) < retrainAfterNewLabels) {
    return { trained: false, exampleCount: stored.example_count };
  }
  const rows = await listTrainingExamples(deps.db, maximumTrainingExamples);
  if (rows.length < minimumTrainingExamples) return { trained: false, exampleCount: rows.length };
  const model = trainTopicModel(
    rows.map((row) => ({
      text: row.body.startsWith(row.subject) ? row.body : `${row.subject}\n${row.body}`,
      language: row.language,
      topicId: row.topic_id!,
    })),
  );
  await saveTopicModelRow(deps.db, model, rows.length, deps.clock.now());
  return { trained: true, exampleCount: rows.length };
}

export async function findTopicModelStatus(deps: Pick<Deps, 'db'>) {
  const stored = await findTopicModelRow(deps.db);
  return {
    trainedAt: stored ? new Date(stored.trained_at).toISOString() : null,
    exampleCount: stored?.example_count ?? 0,
  };
}

export function topicTasks(deps: Pick<Deps, 'db' | 'clock'>): TaskList {
  return {
    [trainTopicsTask]: async (payload) => {
      const force =
        typeof payload === 'object' && payload !== null && 'force' in payload && payload.force === true;
      await trainTopicClassifier(deps, { force });
    },
  };
}

/** Nightly at 02:41 the model is rebuilt from everything labelled. */
export const topicCrontab = [`41 2 * * * ${trainTopicsTask} ?max=1 {force:true}`];
