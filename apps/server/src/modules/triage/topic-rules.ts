import { foldText, tokenise } from './topic-text.ts';

/**
 * Keyword rules of admin-defined topics. A keyword matches at the start of a word, accents and
 * case ignored ("refund" matches "Refunds", "sąskait" matches "saskaitos"): a light stand-in for
 * stemming that suits the inflected languages we serve. A keyword of several words matches those
 * words in a row. Pure.
 */

export type TopicRule = {
  topicId: string;
  /** Keywords per language code; `*` (if given) applies to every language. */
  keywords: Record<string, readonly string[]>;
};

export type RuleMatch = { topicId: string; keyword: string; hits: number };

function matchesAt(words: readonly string[], index: number, keywordWords: readonly string[]) {
  return keywordWords.every((part, offset) => words[index + offset]?.startsWith(part) === true);
}

function countHits(words: readonly string[], keyword: string): number {
  const keywordWords = tokenise(keyword);
  if (keywordWords.length === 0) return 0;
  let hits = 0;
  for (let index = 0; index < words.length; index += 1) {
    if (matchesAt(words, index, keywordWords)) hits += 1;
  }
  return hits;
}

/**
 * The topic whose keywords (for the text's language; all languages when it is unknown) occur most
 * often; ties go to the earlier rule, so the admin's order decides. Undefined when none matches.
 *
 * @example matchTopicRule('Kur mano sąskaita?', 'lt', [{ topicId: 'b', keywords: { lt: ['saskait'] } }])
 * // → { topicId: 'b', keyword: 'saskait', hits: 1 }
 */
export function matchTopicRule(
  text: string,
  language: string | null,
  rules: readonly TopicRule[],
): RuleMatch | undefined {
  const words = tokenise(text);
  let best: RuleMatch | undefined;
  for (const rule of rules) {
    const keywords =
      language === null
        ? Object.values(rule.keywords).flat()
        : [...(rule.keywords[language] ?? []), ...(rule.keywords['*'] ?? [])];
    let hits = 0;
    let firstKeyword = '';
    for (const keyword of keywords) {
      const keywordHits = countHits(words, keyword);
      if (keywordHits > 0 && hits === 0) firstKeyword = foldText(keyword);
      hits += keywordHits;
    }
    if (hits > 0 && (!best || hits > best.hits))
      best = { topicId: rule.topicId, keyword: firstKeyword, hits };
  }
  return best;
}
