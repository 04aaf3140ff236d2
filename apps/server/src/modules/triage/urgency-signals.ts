/**
 * The phrases behind each urgency signal, per language. Patterns run on text that is
 * lower-cased and stripped of diacritics (see `foldForMatching`), so "sürgős", "surgos" and
 * "SÜRGŐS" all match `surgos`. A trailing `\w*` accepts inflected endings (skubiai, skubu,
 * skubus). Every language's patterns run on every message: customers mix languages.
 */

export type SignalKind =
  | 'explicit_urgency'
  | 'outage'
  | 'payment_failure'
  | 'legal_threat'
  | 'security'
  | 'frustration'
  | 'shouting'
  | 'exclamations'
  | 'repeated_contact';

export type PhraseRule = {
  kind: SignalKind;
  /** Points towards the suggested priority (see urgency.ts for the thresholds). */
  points: number;
  reason: string;
  patterns: Record<'en' | 'lt' | 'sk' | 'cs' | 'pl' | 'hu' | 'de', string[]>;
};

export const phraseRules: PhraseRule[] = [
  {
    kind: 'outage',
    points: 3,
    reason: 'Reports an outage (a whole service or many people affected)',
    patterns: {
      en: [
        '(website|site|app|system|service|portal|server|platform|shop|checkout) (is |seems |went )?(down|offline)',
        'outage',
        '(nobody|no one|none of us) can',
        'whole (office|team|company)',
        'all (of )?our (users|staff|employees)',
        'lost access',
      ],
      lt: [
        'neveikia (visa |jusu )?sistem\\w*',
        'sistema (visai )?(neveikia|nedirba)',
        'sutrikim\\w*',
        'visas biuras',
        'visa imone',
      ],
      sk: ['nefunguje (nam )?(cely )?system\\w*', 'vypadok\\w*', 'cela (kancelaria|firma)', 'mimo prevadzky'],
      cs: ['nefunguje (nam )?(cely )?system\\w*', 'vypadek\\w*', 'cela (kancelar|firma)', 'mimo provoz'],
      pl: ['awari\\w*', 'system (nie dziala|przestal dzialac)', 'caly system', 'cale biuro', 'cala firma'],
      hu: [
        'leallt',
        'nem mukodik a rendszer',
        'a rendszer nem mukodik',
        'az egesz (iroda|ceg)',
        'uzemzavar\\w*',
      ],
      de: [
        'ausgefallen',
        'ausfall',
        'storung',
        'system (geht|funktioniert) nicht',
        'das ganze (buro|team)',
        'nicht erreichbar',
      ],
    },
  },
  {
    kind: 'explicit_urgency',
    points: 3,
    reason: 'Asks for urgent help',
    patterns: {
      en: ['urgent\\w*', 'asap', 'as soon as possible', 'immediately', 'emergency', 'right now'],
      lt: ['skub\\w*', 'nedelsiant', 'kuo greiciau', 'nedelsdami'],
      sk: ['nalieha\\w*', 'urgentn\\w*', 'okamzite', 'co najskor', 'bezodkladne'],
      cs: ['naleha\\w*', 'urgentn\\w*', 'okamzite', 'co nejdriv\\w*', 'ihned'],
      pl: ['piln(e|ie|a|y|ego)', 'natychmiast\\w*', 'jak najszybciej'],
      hu: ['surgos\\w*', 'azonnal', 'minel hamarabb', 'mielobb'],
      de: ['dringend\\w*', 'sofort\\w*', 'umgehend', 'eilig', 'notfall'],
    },
  },
  {
    kind: 'payment_failure',
    points: 3,
    reason: 'Reports a failed or double payment',
    patterns: {
      en: [
        'charged (twice|two times|double)',
        'double(-| )charged',
        "payment (failed|was declined|did not go through|didn't go through)",
        'card (was |got )?declined',
        'money (was )?(taken|deducted|debited)',
      ],
      lt: [
        'du kartus (nuskaic|nuskait|nurase)\\w*',
        'nuskaic\\w*',
        'mokejimas nepavyko',
        'kortele (buvo )?atmesta',
      ],
      sk: [
        'dvakrat (stiahli|strhli|zaplat)\\w*',
        'platba (neprebehla|nepresla|zlyhala)',
        'karta (bola )?zamietnut\\w*',
        'peniaze mi (strhli|stiahli)',
      ],
      cs: [
        'dvakrat (strhli|stahli|zaplat)\\w*',
        'platba (neprosla|selhala)',
        'karta (byla )?zamitnut\\w*',
        'penize mi (strhli|stahli)',
      ],
      pl: [
        'pobran\\w* .{0,40}dwa razy',
        'dwa razy .{0,20}pobran\\w*',
        'platnosc (nie przeszla|odrzucona)',
        'karta (zostala )?odrzucona',
        'pieniadze (zeszly|zostaly pobrane)',
      ],
      hu: [
        'ketszer (vontak|terheltek|fizettem)\\w*',
        'sikertelen fizetes\\w*',
        'kartya\\w* .{0,20}elutasit\\w*',
        'elutasit\\w* .{0,20}kartya\\w*',
        'levontak',
      ],
      de: [
        '(doppelt|zweimal) (abgebucht|belastet|bezahlt)',
        'zahlung (ist )?(fehlgeschlagen|abgelehnt)',
        'karte (wurde )?abgelehnt',
        'geld (wurde )?(trotzdem )?abgebucht',
      ],
    },
  },
  {
    kind: 'legal_threat',
    points: 3,
    reason: 'Mentions a lawyer, a court or a consumer authority',
    patterns: {
      en: [
        'lawyer',
        'attorney',
        'legal action',
        'sue you',
        'take you to court',
        'consumer protection',
        'ombudsman',
      ],
      lt: ['advokat\\w*', 'teism\\w*', 'vartotoju teisiu'],
      sk: ['pravnik\\w*', 'sudn\\w*', 'zalob\\w*', 'slovensku obchodnu inspekciu', 'soi'],
      cs: ['pravnik\\w*', 'soud\\w*', 'zalob\\w*', 'coi', 'ceskou obchodni inspekci'],
      pl: [
        'prawnik\\w*',
        'adwokat\\w*',
        'do sadu',
        'pozew',
        'pozw\\w*',
        'uokik',
        'rzecznik\\w* konsument\\w*',
      ],
      hu: ['ugyved\\w*', 'birosag\\w*', 'fogyasztovedelm\\w*', 'feljelent\\w*', 'pert indit\\w*'],
      de: [
        'anwalt\\w*',
        'rechtsanwalt\\w*',
        'gericht\\w*',
        'klage',
        'verbraucherzentrale',
        'rechtliche schritte',
      ],
    },
  },
  {
    kind: 'security',
    points: 3,
    reason: 'Reports a hacked account, fraud or unauthorised use',
    patterns: {
      en: ['hack\\w*', 'unauthori[sz]ed', 'fraud\\w*', 'scam\\w*', 'stolen'],
      lt: ['nulauz\\w*', 'sukciav\\w*', 'neteiset\\w*', 'isilauz\\w*'],
      sk: ['hack\\w*', 'podvod\\w*', 'neopravnen\\w*', 'ukradn\\w*'],
      cs: ['hack\\w*', 'podvod\\w*', 'neopravnen\\w*', 'ukraden\\w*'],
      pl: ['wlama\\w*', 'oszust\\w*', 'nieautoryzowan\\w*', 'zhakowan\\w*'],
      hu: ['feltort\\w*', 'csalas\\w*', 'jogosulatlan\\w*', 'ellopt\\w*'],
      de: ['gehackt', 'betrug\\w*', 'unbefugt\\w*', 'gestohlen'],
    },
  },
  {
    kind: 'frustration',
    points: 1,
    reason: 'Sounds upset',
    patterns: {
      en: [
        'unacceptable',
        'ridiculous',
        'worst',
        'fed up',
        'disgrace\\w*',
        'still no (answer|reply|response)',
      ],
      lt: ['nepriimtin\\w*', 'piktin\\w*', 'gedinga\\w*', 'juokinga\\w*'],
      sk: ['neprijateln\\w*', 'hanba', 'smiesn\\w*', 'nehorazn\\w*'],
      cs: ['neprijateln\\w*', 'ostuda', 'smesn\\w*', 'neslychan\\w*'],
      pl: ['nie do przyjecia', 'skandal\\w*', 'zenujac\\w*', 'zalosn\\w*'],
      hu: ['elfogadhatatlan\\w*', 'felhaborit\\w*', 'nevetseges\\w*', 'botrany\\w*'],
      de: ['inakzeptabel', 'unverschamt\\w*', 'frechheit', 'unmoglich\\w*', 'skandal\\w*'],
    },
  },
];

const extraFolds: Record<string, string> = { ł: 'l', ß: 'ss', đ: 'd', ø: 'o', '’': "'", '`': "'" };

export type FoldedText = {
  folded: string;
  /** For each character of `folded`, the index in the original text it came from. */
  sourceIndex: number[];
};

/**
 * Lower-case, strip diacritics, fold the few letters NFD leaves alone (ł, ß, đ, ø) and collapse
 * whitespace — keeping a map back to the original so a match can be quoted as written.
 */
export function foldForMatching(text: string): FoldedText {
  let folded = '';
  const sourceIndex: number[] = [];
  let index = 0;
  for (const character of text) {
    const lower = character.toLowerCase();
    let piece = extraFolds[lower] ?? lower.normalize('NFD').replace(/\p{M}/gu, '');
    if (/\s/u.test(piece)) piece = folded.endsWith(' ') ? '' : ' ';
    for (const foldedCharacter of piece) {
      folded += foldedCharacter;
      sourceIndex.push(index);
    }
    index += character.length;
  }
  return { folded, sourceIndex };
}

/** Each rule's patterns as one regex, bounded by non-letters so `soi` does not match `soil`. */
export const compiledRules = phraseRules.map((rule) => ({
  ...rule,
  regex: new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${Object.values(rule.patterns).flat().join('|')})(?![\\p{L}\\p{N}])`,
    'u',
  ),
}));
