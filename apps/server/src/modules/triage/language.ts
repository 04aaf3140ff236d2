import { eld as sharedEld } from 'eld/large';

/**
 * Language of a customer's message, for routing and auto-replies.
 *
 * eld (large n-gram set) won the comparison on our labelled support messages
 * (bench/triage/languages.ts, figures in docs/benchmarks.md). Two things on top of it:
 *
 * 1. Our languages first. eld knows 60 languages; a short Slovak or Czech line typed without
 *    diacritics often scores as Croatian, Slovenian or Hungarian by a hair. When one of the
 *    languages we serve scores within `nearMissRatio` of the winner, it wins instead. A clear
 *    foreign text (Russian, Spanish) keeps its own code so routing can still see it.
 * 2. Czech and Slovak. They share most n-grams; eld's choice between them is close to a coin flip
 *    on short diacritic-free text. We decide from letters that only one of them uses (ř ů ě vs
 *    ä ľ ĺ ŕ ô) and from everyday words that differ (zítra/zajtra, není/nie je, jsem/som, …).
 */

export type DetectedLanguage = { language: string | null; confidence: number };

/** The languages Frontline serves customers in (ISO 639-1). */
export const supportedLanguages = ['en', 'lt', 'sk', 'pl', 'hu', 'cs', 'de'] as const;

/** A served language within this ratio of the best foreign score is preferred (see above). */
const nearMissRatio = 0.9;

// An isolated instance so text clean-up (drops URLs, e-mail addresses, numbers) stays ours.
const detector = sharedEld.newInstance();
detector.enableTextCleanup(true);

const czechLetters = /[řůě]/giu;
const slovakLetters = /[äľĺŕô]/giu;

// Compared without diacritics and case, as people type on phones. Each word is common in
// support messages and, written this way, belongs to one of the two languages only — and to
// none of our other languages (so no "nie", "jak", "teraz": Polish uses them too).
const czechWords = new Set(
  `jsem jsi jsme jste jsou neni zitra muzete muzu muzes dekuji dekujeme diky kdy proc chci chtel
  chtela jeste ktery ktera ktere bych bychom zbozi penize potrebuju potrebuji nebo kdyz taky tady
  ted dvermi doruceno jen protoze vsechno se muj tvuj svuj dny tyden cekam cekat dekuju mel mela meli
  muze neco nekdo ve hezky jiz`.split(/\s+/),
);
const slovakWords = new Set(
  `som sme ste zajtra mozete mozem mozes dakujem dakujeme vdaka ako kedy preco chcem chcel chcela
  este ktory ktora ktore hoci tovar peniaze potrebujem alebo ked ak aj tiez ziadny ziadna dverami
  len iba lebo pretoze vsetko sa tyzden cakam cakat vo bol bola niekto pekne`.split(/\s+/),
);

/** Boost per unit of Czech-or-Slovak evidence when ranking against all languages. */
const evidenceBoost = 0.08;

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Evidence that the text is Czech (positive) rather than Slovak (negative). A characteristic
 * letter counts 3, a marker word 1. `withSuffixes` adds verbal-noun endings (přihlášení vs
 * prihlásenie), which only separate these two: Polish has -enie too.
 */
export function czechOverSlovakEvidence(text: string, withSuffixes = true): number {
  const letters = (text.match(czechLetters)?.length ?? 0) - (text.match(slovakLetters)?.length ?? 0);
  let words = 0;
  for (const word of stripDiacritics(text.toLowerCase()).split(/[^\p{L}]+/u)) {
    if (czechWords.has(word)) words++;
    if (slovakWords.has(word)) words--;
    if (!withSuffixes || word.length < 6) continue;
    if (/[ae]nie$/.test(word)) words--;
    else if (/[ae]ni$/.test(word)) words++;
  }
  return letters * 3 + words;
}

function pickBest(scores: Record<string, number>): [language: string, score: number] | null {
  let best: [string, number] | null = null;
  for (const [language, score] of Object.entries(scores)) {
    if (!best || score > best[1]) best = [language, score];
  }
  return best;
}

function isServed(language: string): boolean {
  return (supportedLanguages as readonly string[]).includes(language);
}

/**
 * @example detectLanguage('Dobrý deň, kedy mi vrátite peniaze?') // { language: 'sk', confidence: 0.4… }
 * @example detectLanguage('12345') // { language: null, confidence: 0 }
 */
export function detectLanguage(text: string): DetectedLanguage {
  const result = detector.detect(text);
  if (!result.language) return { language: null, confidence: 0 };
  const evidence = czechOverSlovakEvidence(text, false);
  // Rank with a prior for the languages our customers write in and the Czech/Slovak evidence.
  const adjusted: Record<string, number> = {};
  for (const [language, score] of Object.entries(result.getScores())) {
    let weight = isServed(language) ? 1 / nearMissRatio : 1;
    if (language === 'cs' && evidence > 0) weight *= 1 + evidenceBoost * evidence;
    if (language === 'sk' && evidence < 0) weight *= 1 - evidenceBoost * evidence;
    adjusted[language] = score * weight;
  }
  const best = pickBest(adjusted);
  if (!best) return { language: null, confidence: 0 };
  let language = best[0];
  if (language === 'cs' || language === 'sk') {
    const verdict = czechOverSlovakEvidence(text);
    if (verdict > 0) language = 'cs';
    if (verdict < 0) language = 'sk';
  }
  return { language, confidence: confidenceOf(adjusted, language, text) };
}

/**
 * 0 when the runner-up scores as high as the chosen language, 1 when nothing else scores;
 * scaled down for texts of fewer than 20 letters, where n-gram scores say little ("ok").
 * eld's scores are similarities, not probabilities, so this is a ranking margin, not a chance.
 */
function confidenceOf(scores: Record<string, number>, language: string, text: string): number {
  const chosen = scores[language] ?? 0;
  if (chosen <= 0) return 0;
  let runnerUp = 0;
  for (const [other, score] of Object.entries(scores)) {
    if (other !== language && score > runnerUp) runnerUp = score;
  }
  const margin = Math.max(0, (chosen - Math.min(chosen, runnerUp)) / chosen);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return Math.round(margin * Math.min(1, letters / 20) * 1000) / 1000;
}
