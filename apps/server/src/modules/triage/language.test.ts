import { describe, expect, it } from 'vitest';
import { czechOverSlovakEvidence, detectLanguage, supportedLanguages } from './language.ts';
import { loadLanguageSamples } from './language-samples.ts';

const samples = [...loadLanguageSamples('samples'), ...loadLanguageSamples('holdout')];

describe('the labelled support messages', () => {
  it('hold at least 300 messages of 5–40 words, in roughly equal numbers per language', () => {
    expect(samples.length).toBeGreaterThanOrEqual(300);
    for (const sample of samples) {
      const words = sample.text.trim().split(/\s+/).length;
      expect(words, sample.text).toBeGreaterThanOrEqual(5);
      expect(words, sample.text).toBeLessThanOrEqual(40);
    }
    const counts = supportedLanguages.map(
      (language) => samples.filter((s) => s.language === language).length,
    );
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(Math.max(...counts) * 0.9);
    expect(new Set(samples.map((s) => s.language))).toEqual(new Set(supportedLanguages));
  });
});

describe('language detection quality gate', () => {
  const results = samples.map((sample) => ({ ...sample, detected: detectLanguage(sample.text).language }));

  it('is right on at least 97 % of all messages', () => {
    const correct = results.filter((r) => r.detected === r.language).length;
    expect(correct / results.length).toBeGreaterThanOrEqual(0.97);
  });

  it.each(supportedLanguages)('is right on at least 93 %% of the %s messages', (language) => {
    const ofLanguage = results.filter((r) => r.language === language);
    const misses = ofLanguage.filter((r) => r.detected !== language).map((r) => `${r.detected}: ${r.text}`);
    expect((ofLanguage.length - misses.length) / ofLanguage.length, misses.join('\n')).toBeGreaterThanOrEqual(
      0.93,
    );
  });
});

describe('detecting the language of one message', () => {
  it.each<[string, string]>([
    ['muzete mi zavolat zitra rano', 'cs'],
    ['mozete mi zavolat zajtra rano', 'sk'],
    ['Prosím, naliehavé, nefunguje nám celý systém.', 'sk'],
    ['Naléhavé, nefunguje nám celý systém.', 'cs'],
    ['hej, nie moge sie zalogowac do panelu klienta', 'pl'],
    ['kerem surgosen, a csomagra holnap szuksegem van', 'hu'],
    ['labai prasau paskubeti, siuntinio reikia rytoj', 'lt'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('keeps a clearly foreign language instead of forcing one of ours', () => {
    expect(detectLanguage('Hola, mi pedido no ha llegado todavía, ¿me pueden ayudar?').language).toBe('es');
    expect(detectLanguage('Здравствуйте, мой заказ до сих пор не пришёл').language).toBe('ru');
  });

  it('answers null with no confidence when there is nothing to read', () => {
    expect(detectLanguage('')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('12345 !!!')).toEqual({ language: null, confidence: 0 });
  });

  it('is far less confident about two letters than about a full sentence', () => {
    const short = detectLanguage('ok');
    const long = detectLanguage(
      'Dzień dobry, moje zamówienie jeszcze nie dotarło, chociaż miało być wczoraj.',
    );
    expect(short.confidence).toBeLessThan(0.1);
    expect(long.confidence).toBeGreaterThan(short.confidence * 5);
    expect(long.confidence).toBeLessThanOrEqual(1);
  });
});

describe('Czech-or-Slovak evidence', () => {
  it.each<[string, 'cs' | 'sk' | 'none']>([
    ['Pokud to do pátku nevyřešíte', 'cs'], // ř
    ['Kdy budete mít znovu skladem?', 'cs'], // kdy (Slovak: kedy)
    ['Tabuľka veľkostí nesedí', 'sk'], // ľ
    ['jsem to zaplatil vcera', 'cs'],
    ['som to zaplatil vcera', 'sk'],
    ['problem s prihlasenim do uctu', 'none'],
    ['nejde mi prihlaseni', 'cs'],
    ['nejde mi prihlasenie', 'sk'],
  ])('%s reads %s', (text, expected) => {
    const evidence = czechOverSlovakEvidence(text);
    if (expected === 'cs') expect(evidence).toBeGreaterThan(0);
    if (expected === 'sk') expect(evidence).toBeLessThan(0);
    if (expected === 'none') expect(Math.abs(evidence)).toBeLessThanOrEqual(1);
  });
});
