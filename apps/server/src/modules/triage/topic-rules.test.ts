import { describe, expect, it } from 'vitest';
import { matchTopicRule, type TopicRule } from './topic-rules.ts';
import { foldText, tokenise } from './topic-text.ts';

describe('words for topic rules', () => {
  it.each([
    ['Neveikia apmokėjimas!', ['neveikia', 'apmokejimas']],
    ['Zwrot płatności — ŁÓDŹ', ['zwrot', 'platnosci', 'lodz']],
    ['Számla és fizetés', ['szamla', 'es', 'fizetes']],
    ['Objednávka č. 12345 neprišla', ['objednavka', '12345', 'neprisla']],
  ])('%s is lower case, without accents, split into words', (text, words) => {
    expect(tokenise(text)).toEqual(words);
  });

  it('folds case and accents alike for keywords and text', () => {
    expect(foldText('SĄSKAITA')).toBe(foldText('saskaita'));
  });
});

const rules: TopicRule[] = [
  {
    topicId: 'billing',
    keywords: { en: ['invoice', 'refund', 'charged twice'], lt: ['sąskait', 'grąžin'], pl: ['faktur'] },
  },
  {
    topicId: 'delivery',
    keywords: { en: ['parcel', 'delivery', 'courier'], lt: ['siunt', 'kurjer'], pl: ['przesyłk', 'kurier'] },
  },
];

describe('keyword rules of topics', () => {
  it.each([
    ['Where is my invoice for March?', 'en', 'billing'],
    ['I want a REFUND please', 'en', 'billing'],
    ['You charged twice my card', 'en', 'billing'],
    ['Kur mano saskaita uz kovą?', 'lt', 'billing'],
    ['Prašau grąžinti pinigus', 'lt', 'billing'],
    ['Siunta vis dar neatkeliavo', 'lt', 'delivery'],
    ['Gdzie jest moja przesyłka? Kurier nie przyjechał', 'pl', 'delivery'],
    ['Proszę o fakturę VAT', 'pl', 'billing'],
  ])('%s (%s) → %s', (text, language, topicId) => {
    expect(matchTopicRule(text, language, rules)?.topicId).toBe(topicId);
  });

  it.each([
    ['a keyword matches only at the start of a word', 'The prefund balance is low', 'en'],
    ['another language’s keywords do not apply', 'Gdzie jest moja siunta?', 'pl'],
    ['a phrase needs its words in a row', 'It was charged, then twice refused', 'en'],
    ['no keyword at all', 'Hello, can you help me?', 'en'],
  ])('%s', (_, text, language) => {
    expect(matchTopicRule(text, language, rules)).toBeUndefined();
  });

  it('the topic with more keyword hits wins; a tie goes to the earlier rule', () => {
    expect(matchTopicRule('The courier lost the parcel with my invoice', 'en', rules)?.topicId).toBe(
      'delivery',
    );
    expect(matchTopicRule('Invoice and parcel', 'en', rules)?.topicId).toBe('billing');
  });

  it('an unknown language tries every language’s keywords', () => {
    expect(matchTopicRule('Faktura nie dotarła', null, rules)?.topicId).toBe('billing');
  });
});
