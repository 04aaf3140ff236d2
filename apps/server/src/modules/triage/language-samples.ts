import { readFileSync } from 'node:fs';

/**
 * The labelled set of short support messages used to choose and gate the language detector:
 * fixtures/language-samples.tsv, one `language<TAB>text` per line after a header. Written by
 * hand for Frontline (not scraped), with deliberate hard cases: very short messages, phone
 * typing without diacritics, product names and e-mail addresses inside the text.
 */
export type LanguageSample = { language: string; text: string };

const files = {
  samples: new URL('./fixtures/language-samples.tsv', import.meta.url),
  holdout: new URL('./fixtures/language-holdout.tsv', import.meta.url),
};

export function loadLanguageSamples(set: keyof typeof files = 'samples'): LanguageSample[] {
  const lines = readFileSync(files[set], 'utf8').split('\n').slice(1);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [language, text] = line.split('\t');
      if (!language || !text) throw new Error(`malformed sample line: ${line}`);
      return { language, text };
    });
}
