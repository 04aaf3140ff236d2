import { describe, expect, it } from 'vitest';
import { chooseReplyLanguage, detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it.each([
    ['Laba diena, užsakiau prieš savaitę, bet siuntinio vis dar nėra. Ačiū!', 'lt'],
    ['Dobrý deň, balík prišiel poškodený. Prosím o výmenu tovaru.', 'sk'],
    ['Dzień dobry, zamówienie nie dotarło. Proszę o zwrot pieniędzy.', 'pl'],
    ['Jó napot! A számlám hibás: kétszer terheltek meg. Kérem, ellenőrizzék.', 'hu'],
    ['Hello, my parcel has not arrived yet. Could you check where it is?', 'en'],
    ['Dobrý den, zásilka stále nedorazila. Můžete to prosím prověřit?', 'cs'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each([['Hello'], ['+370 600 00000'], ['']])('cannot tell from %j', (text) => {
    expect(detectLanguage(text)).toBeNull();
  });
});

describe('chooseReplyLanguage', () => {
  it.each([
    ['lt', null, 'lt'],
    ['cs', null, 'sk'],
    ['fr', 'pl', 'pl'],
    [null, 'hu', 'hu'],
    [null, 'pt-BR', 'en'],
    ['de', null, 'en'],
    [null, null, 'en'],
  ] as const)('detected %s, preferred %s → %s', (detected, preferred, language) => {
    expect(chooseReplyLanguage(detected, preferred)).toBe(language);
  });

  it.each([
    ['de', null, 'lt', 'lt'],
    [null, null, 'hu', 'hu'],
    ['pl', null, 'hu', 'pl'],
    [null, 'sk', 'lt', 'sk'],
  ] as const)(
    'detected %s, preferred %s, mailbox default %s → %s',
    (detected, preferred, fallback, language) => {
      expect(chooseReplyLanguage(detected, preferred, fallback)).toBe(language);
    },
  );
});
