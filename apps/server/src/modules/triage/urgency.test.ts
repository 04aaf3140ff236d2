import type { Priority } from '@frontline/contracts';
import { describe, expect, it } from 'vitest';
import { assessUrgency } from './urgency.ts';
import type { SignalKind } from './urgency-signals.ts';

type Case = [text: string, kinds: SignalKind[], priority: Priority];

const phraseCases: Case[] = [
  // English
  ['Your website is down, I can’t log in at all.', ['outage'], 'high'],
  ['URGENT: the checkout is down for all customers', ['outage', 'explicit_urgency'], 'urgent'],
  ['I was charged twice for the same subscription this month.', ['payment_failure'], 'high'],
  ['If this is not fixed by Friday I will contact my lawyer.', ['legal_threat'], 'high'],
  ['My account was hacked, someone changed my email address!', ['security'], 'high'],
  ['Where can I download the invoice for my last payment?', [], 'normal'],
  ['I’ve been waiting two weeks, this is unacceptable.', ['frustration'], 'normal'],
  // Lithuanian, with and without diacritics
  ['Prašau skubiai susisiekti, neveikia visa sistema.', ['outage', 'explicit_urgency'], 'urgent'],
  ['prasau skubiai susisiekti, neveikia visa sistema', ['outage', 'explicit_urgency'], 'urgent'],
  ['Iš mano sąskaitos du kartus nuskaičiavo pinigus.', ['payment_failure'], 'high'],
  ['Jei neišspręsite, kreipsiuosi į advokatą.', ['legal_threat'], 'high'],
  // Slovak
  ['Prosím, naliehavé, nefunguje nám celý systém.', ['outage', 'explicit_urgency'], 'urgent'],
  ['Platobná karta bola zamietnutá, ale peniaze mi strhli.', ['payment_failure'], 'high'],
  ['Už dva týždne čakám na odpoveď, to je neprijateľné.', ['frustration'], 'normal'],
  // Czech
  ['Naléhavé! Máme výpadek, celá kancelář je offline.', ['outage', 'explicit_urgency'], 'urgent'],
  ['Pokud to do pátku nevyřešíte, obrátím se na právníka.', ['legal_threat'], 'high'],
  // Polish
  ['Pilne! Cały system przestał działać.', ['outage', 'explicit_urgency'], 'urgent'],
  ['Pobrano mi pieniądze dwa razy za to samo zamówienie.', ['payment_failure'], 'high'],
  ['Ktoś włamał się na moje konto i zmienił adres e-mail!', ['security'], 'high'],
  // Hungarian
  ['Sürgős! Az egész rendszer leállt.', ['outage', 'explicit_urgency'], 'urgent'],
  ['surgos, kerem hivjanak vissza', ['explicit_urgency'], 'high'],
  ['Kétszer vonták le ugyanazt az összeget.', ['payment_failure'], 'high'],
  ['Ha péntekig nem oldják meg, ügyvédhez fordulok.', ['legal_threat'], 'high'],
  // German
  ['Dringend: das ganze System ist ausgefallen', ['outage', 'explicit_urgency'], 'urgent'],
  ['Mir wurde der Betrag doppelt abgebucht.', ['payment_failure'], 'high'],
  ['Wenn das nicht gelöst wird, schalte ich meinen Anwalt ein.', ['legal_threat'], 'high'],
  // Words that only look like signals
  ['The soil sensor arrived, thanks', [], 'normal'],
  ['Can I pay with a card in the shop?', [], 'normal'],
];

describe('urgency from what the customer wrote', () => {
  it.each(phraseCases)('%s → %j, %s', (text, kinds, priority) => {
    const assessment = assessUrgency({ text });
    expect(assessment.signals.map((s) => s.kind).sort()).toEqual([...kinds].sort());
    expect(assessment.suggestedPriority).toBe(priority);
  });

  it('quotes the triggering words as the customer wrote them, diacritics and all', () => {
    const { signals } = assessUrgency({ text: 'Prašau  SKUBIAI, neveikia visa sistema' });
    expect(signals.find((s) => s.kind === 'explicit_urgency')?.evidence).toBe('SKUBIAI');
    expect(signals.find((s) => s.kind === 'outage')?.evidence).toBe('neveikia visa sistema');
    const german = assessUrgency({ text: 'Größte Störung seit Jahren' }).signals[0];
    expect(german?.evidence).toBe('Störung');
  });

  it('gives every signal a sentence the agent can read', () => {
    const { signals } = assessUrgency({ text: 'URGENT!!! WE WERE CHARGED TWICE', contactsInLast24h: 2 });
    expect(signals.map((s) => s.reason)).toEqual([
      'Asks for urgent help',
      'Reports a failed or double payment',
      'Written in capitals',
      'Many exclamation marks',
      'Contacted us 2 times before in the last 24 h',
    ]);
  });
});

describe('urgency from tone and repeated contact', () => {
  it.each<[string, UrgencyCase]>([
    [
      'capitals alone raise no priority',
      { text: 'WHERE IS MY PARCEL I ORDERED IT MONTHS AGO', kinds: ['shouting'], priority: 'normal' },
    ],
    ['a short capitalised word is not shouting', { text: 'Is the PDF OK?', kinds: [], priority: 'normal' }],
    [
      'exclamation marks alone raise no priority',
      { text: 'Where is my parcel!!', kinds: ['exclamations'], priority: 'normal' },
    ],
    [
      'a second contact within 24 h is a chaser',
      { text: 'any news?', contacts: 1, kinds: ['repeated_contact'], priority: 'normal' },
    ],
    [
      'a third contact with upset tone is high',
      {
        text: 'STILL NOTHING, WHERE IS MY ORDER?!!',
        contacts: 2,
        kinds: ['repeated_contact', 'shouting', 'exclamations'],
        priority: 'high',
      },
    ],
    [
      'an outage reported again is urgent',
      { text: 'The portal is down', contacts: 3, kinds: ['outage', 'repeated_contact'], priority: 'urgent' },
    ],
  ])('%s', (_description, { text, contacts, kinds, priority }) => {
    const assessment = assessUrgency({ text, contactsInLast24h: contacts ?? 0 });
    expect(assessment.signals.map((s) => s.kind).sort()).toEqual([...kinds].sort());
    expect(assessment.suggestedPriority).toBe(priority);
  });
});

type UrgencyCase = { text: string; contacts?: number; kinds: SignalKind[]; priority: Priority };

describe('the suggestion and the priority already set', () => {
  it.each<[Priority | null, string, Priority]>([
    ['urgent', 'Where can I download the invoice?', 'urgent'],
    ['high', 'My card was declined', 'high'],
    ['low', 'Where can I download the invoice?', 'low'],
    ['low', 'My card was declined', 'high'],
    [null, 'My card was declined', 'high'],
    ['normal', 'Pilne! Cały system przestał działać.', 'urgent'],
  ])('set to %s, "%s" suggests %s', (current, text, expected) => {
    expect(assessUrgency({ text, currentPriority: current }).suggestedPriority).toBe(expected);
  });
});
