import { describe, expect, it } from 'vitest';
import {
  confidentTopic,
  minimumLanguageExamples,
  predictTopic,
  topicConfidenceThreshold,
  trainTopicModel,
} from './naive-bayes.ts';
import { topicTrainingSet } from './topic-training-set.ts';

const model = trainTopicModel(topicTrainingSet);

describe('the topic classifier (multinomial Naive Bayes)', () => {
  it.each([
    ['I need a refund, you charged my card twice', 'en', 'billing'],
    ['Send the invoice again please', 'en', 'billing'],
    ['The courier lost my parcel', 'en', 'delivery'],
    ['I forgot my password and cannot log in', 'en', 'account'],
    ['Prašau grąžinti pinigus už mokėjimą', 'lt', 'billing'],
    ['Siuntinys vis dar neatkeliavo, kur kurjeris?', 'lt', 'delivery'],
    ['Negaliu prisijungti, slaptažodžio laiškas neateina', 'lt', 'account'],
    ['Gdzie jest moja paczka?', 'pl', 'delivery'],
    ['Nie mogę zalogować się, konto zablokowane', 'pl', 'account'],
    ['Proszę o zwrot pieniędzy', 'pl', 'billing'],
  ])('predicts the held-out “%s” (%s) as %s, confidently', (text, language, topicId) => {
    const prediction = predictTopic(model, text, language);
    expect(prediction?.topicId).toBe(topicId);
    expect(prediction!.confidence).toBeGreaterThanOrEqual(topicConfidenceThreshold);
    expect(prediction!.confidence).toBeLessThanOrEqual(1);
  });

  it('reports a posterior probability: a message mixing two topics is not confident', () => {
    const prediction = predictTopic(model, 'parcel refund', 'en');
    expect(prediction).toBeDefined();
    expect(prediction!.confidence).toBeLessThan(topicConfidenceThreshold);
    expect(confidentTopic(prediction)).toBeUndefined();
  });

  it('returns nothing for a message with no word it has seen', () => {
    expect(predictTopic(model, 'Hallo, guten Tag zusammen', 'de')).toBeUndefined();
    expect(predictTopic(trainTopicModel([]), 'refund', 'en')).toBeUndefined();
  });

  it('uses the model of all languages while a language has too few examples of its own', () => {
    const few = topicTrainingSet
      .filter((example) => example.language !== 'pl')
      .concat([{ text: 'Proszę o fakturę', language: 'pl', topicId: 'billing' }]);
    expect(few.filter((example) => example.language === 'pl').length).toBeLessThan(minimumLanguageExamples);
    const prediction = predictTopic(trainTopicModel(few), 'My invoice please', 'pl');
    expect(prediction?.topicId).toBe('billing');
  });

  it('survives a round trip through JSON (the model is stored in the database)', () => {
    const stored = JSON.parse(JSON.stringify(model));
    expect(predictTopic(stored, 'The courier lost my parcel', 'en')).toEqual(
      predictTopic(model, 'The courier lost my parcel', 'en'),
    );
  });
});
