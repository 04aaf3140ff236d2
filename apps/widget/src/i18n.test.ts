import { describe, expect, it } from 'vitest';
import { dictionaries, formatFileSize, formatWait, languages, pickLanguage, translate } from './i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the widget’s texts', () => {
  it.each(languages.filter((language) => language !== 'en'))(
    '%s has every English text, with the same placeholders',
    (language) => {
      for (const [key, english] of Object.entries(dictionaries.en)) {
        const text = dictionaries[language][key as keyof typeof dictionaries.en];
        expect(text, key).toBeTruthy();
        expect(placeholders(text), key).toEqual(placeholders(english));
      }
    },
  );

  it.each([
    [['de', 'lt-LT'], 'lt'],
    [[undefined, 'hu-HU'], 'hu'],
    [['SK'], 'sk'],
    [['fr', 'de-DE', undefined], 'en'],
  ] as const)('picks the first language we ship from %j: %s', (candidates, expected) => {
    expect(pickLanguage(...candidates)).toBe(expected);
  });

  it.each([
    [300, 'en', '1 kB'],
    [12_800, 'en', '13 kB'],
    [3_565_158, 'en', '3.4 MB'],
    [3_565_158, 'lt', '3,4 MB'],
  ] as const)('shows a file of %i bytes in %s as %s', (bytes, language, expected) => {
    expect(formatFileSize(bytes, language).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('fills placeholders', () => {
    expect(translate('pl', 'queue', { position: 3, wait: '5 minut' })).toBe(
      'Jesteś 3. w kolejce. Przewidywany czas oczekiwania: 5 minut.',
    );
  });

  it.each([
    ['en', 300, 900, 'about 5 minutes, at the latest 15 minutes'],
    ['lt', 60, 120, 'maždaug 1 minutė, daugiausia 2 minutės'],
    ['hu', 4 * 3600, 24 * 3600, 'körülbelül 4 óra, legfeljebb 24 óra'],
    ['sk', 30, 40, '1 minúta'],
  ] as const)('in %s a wait of %i–%i s reads “%s”', (language, p50Seconds, p90Seconds, expected) => {
    expect(formatWait({ p50Seconds, p90Seconds }, language)).toBe(expected);
  });
});
