/**
 * Language detectors on our labelled support messages: accuracy per language and throughput.
 *
 *   npx tsx bench/triage/languages.ts
 *
 * Compares eld (each n-gram size, all 60 languages and restricted to ours), tinyld (normal and
 * heavy, all languages and `only` ours), franc (all and `only` ours) and Frontline's
 * detectLanguage (eld large + served-language prior + Czech/Slovak evidence).
 */
import { eld as eldExtraSmall } from 'eld/extrasmall';
import { eld as eldLarge } from 'eld/large';
import { eld as eldMedium } from 'eld/medium';
import { franc } from 'franc';
import { detect as tinyNormal } from 'tinyld';
import { detect as tinyHeavy } from 'tinyld/heavy';
import { detectLanguage, supportedLanguages } from '../../apps/server/src/modules/triage/language.ts';
import {
  type LanguageSample,
  loadLanguageSamples,
} from '../../apps/server/src/modules/triage/language-samples.ts';

const ours = [...supportedLanguages];
const fromIso3: Record<string, string> = {
  eng: 'en',
  lit: 'lt',
  slk: 'sk',
  pol: 'pl',
  hun: 'hu',
  ces: 'cs',
  deu: 'de',
};

const eldLargeOurs = eldLarge.newInstance();
eldLargeOurs.setLanguageSubset(ours);

const detectors: Array<[name: string, detect: (text: string) => string | null]> = [
  ['frontline (eld-L + rules)', (text) => detectLanguage(text).language],
  ['eld large', (text) => eldLarge.detect(text).language],
  ['eld large, our 7 only', (text) => eldLargeOurs.detect(text).language],
  ['eld medium', (text) => eldMedium.detect(text).language],
  ['eld extrasmall', (text) => eldExtraSmall.detect(text).language],
  ['tinyld', (text) => tinyNormal(text)],
  ['tinyld, only ours', (text) => tinyNormal(text, { only: ours })],
  ['tinyld heavy', (text) => tinyHeavy(text)],
  ['tinyld heavy, only ours', (text) => tinyHeavy(text, { only: ours })],
  ['franc', (text) => fromIso3[franc(text)] ?? franc(text)],
  [
    'franc, only ours',
    (text) => fromIso3[franc(text, { only: Object.keys(fromIso3), minLength: 1 })] ?? null,
  ],
];

function measureThroughput(detect: (text: string) => unknown, samples: LanguageSample[]): number {
  // One untimed pass first, so the JIT has compiled the detector before the clock starts.
  for (const sample of samples) detect(sample.text);
  let detected = 0;
  const started = performance.now();
  while (performance.now() - started < 400) {
    for (const sample of samples) detect(sample.text);
    detected += samples.length;
  }
  return detected / ((performance.now() - started) / 1000);
}

function printTable(title: string, samples: LanguageSample[], withThroughput: boolean): void {
  const counts = Object.fromEntries(
    ours.map((language) => [language, samples.filter((s) => s.language === language).length]),
  );
  console.log(`\n${title}: ${samples.length} messages (${ours.map((l) => `${l} ${counts[l]}`).join(', ')})`);
  const header = ['detector'.padEnd(26), ...ours.map((l) => l.padStart(6)), 'overall'.padStart(8)];
  if (withThroughput) header.push('msg/s'.padStart(9));
  console.log(header.join(' '));
  for (const [name, detect] of detectors) {
    const correct = Object.fromEntries(ours.map((language) => [language, 0]));
    for (const sample of samples) {
      if (detect(sample.text) === sample.language) correct[sample.language]! += 1;
    }
    const total = Object.values(correct).reduce((a, b) => a + b, 0);
    const cells = ours.map((l) => `${((100 * correct[l]!) / counts[l]!).toFixed(1)}`.padStart(6));
    const row = [name.padEnd(26), ...cells, `${((100 * total) / samples.length).toFixed(1)}`.padStart(8)];
    if (withThroughput)
      row.push(Math.round(measureThroughput(detect, samples)).toLocaleString('en').padStart(9));
    console.log(row.join(' '));
  }
}

const samples = loadLanguageSamples('samples');
const holdout = loadLanguageSamples('holdout');
printTable('Labelled set (accuracy %)', samples, true);
printTable('Held-out set (accuracy %)', holdout, false);
