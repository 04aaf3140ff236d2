import { tokenise } from './topic-text.ts';

/**
 * Multinomial Naive Bayes over the words of a message, with Laplace smoothing. Trained from the
 * topics agents set on solved conversations; one model per language (words of different languages
 * share little, and a per-language vocabulary keeps the priors honest), falling back to a model of
 * all languages when the message's language has too few examples. Pure and serialisable as JSON.
 */

export type TrainingExample = { text: string; language: string | null; topicId: string };

type LanguageModel = {
  /** Examples per topic. */
  documents: Record<string, number>;
  /** Word counts per topic. */
  wordCounts: Record<string, Record<string, number>>;
  /** Total words per topic. */
  totalWords: Record<string, number>;
  vocabularySize: number;
  exampleCount: number;
};

export type TopicModel = {
  version: 1;
  /** Per language code, and `*` over every example. */
  languages: Record<string, LanguageModel>;
};

export type TopicPrediction = { topicId: string; confidence: number };

/** A language needs this many examples of its own before its model is used instead of `*`. */
export const minimumLanguageExamples = 10;

function emptyModel(): LanguageModel {
  return { documents: {}, wordCounts: {}, totalWords: {}, vocabularySize: 0, exampleCount: 0 };
}

function addExample(
  model: LanguageModel,
  words: readonly string[],
  topicId: string,
  vocabulary: Set<string>,
) {
  model.exampleCount += 1;
  model.documents[topicId] = (model.documents[topicId] ?? 0) + 1;
  const counts = model.wordCounts[topicId] ?? {};
  model.wordCounts[topicId] = counts;
  for (const word of words) {
    counts[word] = (counts[word] ?? 0) + 1;
    vocabulary.add(word);
  }
  model.totalWords[topicId] = (model.totalWords[topicId] ?? 0) + words.length;
}

export function trainTopicModel(examples: readonly TrainingExample[]): TopicModel {
  const languages: Record<string, LanguageModel> = {};
  const vocabularies = new Map<string, Set<string>>();
  for (const example of examples) {
    const words = tokenise(example.text);
    if (words.length === 0) continue;
    for (const key of example.language ? ['*', example.language] : ['*']) {
      const model = languages[key] ?? emptyModel();
      languages[key] = model;
      const vocabulary = vocabularies.get(key) ?? new Set<string>();
      vocabularies.set(key, vocabulary);
      addExample(model, words, example.topicId, vocabulary);
    }
  }
  for (const [key, vocabulary] of vocabularies) languages[key]!.vocabularySize = vocabulary.size;
  return { version: 1, languages };
}

/**
 * The most probable topic and its posterior probability (log-sum-exp normalised over the topics
 * the model knows). Undefined when the model knows no topic or the text has no word it knows:
 * with no evidence the prior alone would be a guess dressed up as a prediction.
 *
 * @example predictTopic(model, 'Kada grąžinsite pinigus?', 'lt') // → { topicId: 'refunds', confidence: 0.91 }
 */
export function predictTopic(
  model: TopicModel,
  text: string,
  language: string | null,
): TopicPrediction | undefined {
  const own = language ? model.languages[language] : undefined;
  const languageModel =
    own && own.exampleCount >= minimumLanguageExamples ? own : (model.languages['*'] ?? undefined);
  if (!languageModel || languageModel.exampleCount === 0) return undefined;
  const words = tokenise(text);
  const topics = Object.keys(languageModel.documents);
  if (topics.length === 0) return undefined;
  const isKnown = (word: string) =>
    topics.some((topic) => languageModel.wordCounts[topic]?.[word] !== undefined);
  const knownWords = words.filter(isKnown);
  if (knownWords.length === 0) return undefined;

  const scores = topics.map((topic) => {
    const counts = languageModel.wordCounts[topic] ?? {};
    const denominator = (languageModel.totalWords[topic] ?? 0) + languageModel.vocabularySize;
    let score = Math.log((languageModel.documents[topic] ?? 0) / languageModel.exampleCount);
    for (const word of knownWords) score += Math.log(((counts[word] ?? 0) + 1) / denominator);
    return score;
  });
  const top = Math.max(...scores);
  const total = scores.reduce((sum, score) => sum + Math.exp(score - top), 0);
  const bestIndex = scores.indexOf(top);
  return { topicId: topics[bestIndex]!, confidence: 1 / total };
}

/** A prediction at or above this posterior sets the topic; below it the agent is only offered it. */
export const topicConfidenceThreshold = 0.6;

/** The prediction to act on, or undefined when it is not confident enough to set the topic. */
export function confidentTopic(
  prediction: TopicPrediction | undefined,
  threshold = topicConfidenceThreshold,
) {
  return prediction && prediction.confidence >= threshold ? prediction : undefined;
}
