import { formatMentionToken } from '@frontline/contracts';
import { describe, expect, it } from 'vitest';
import { findMentionedAgentIds, type MentionableAgent } from './mentions.ts';

const ona: MentionableAgent = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Ona Petraitienė',
  email: 'ona@example.lt',
};
const onaK: MentionableAgent = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Ona Kazlauskienė',
  email: 'okaz@example.lt',
};
const jan: MentionableAgent = {
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Ján Novák',
  email: 'jan.novak@example.sk',
};
const zsofi: MentionableAgent = {
  id: '44444444-4444-4444-8444-444444444444',
  name: 'Zsófia',
  email: 'zs@example.hu',
};
const agents = [ona, onaK, jan, zsofi];

describe('finding who a note mentions', () => {
  it.each([
    [
      'a token names its agent even when the name is shared',
      `${formatMentionToken(ona)} please call back`,
      [ona.id],
    ],
    [
      'several tokens in order, each agent once',
      `${formatMentionToken(jan)} ${formatMentionToken(ona)} ${formatMentionToken(jan)}`,
      [jan.id, ona.id],
    ],
    [
      'a token for an unknown agent names nobody',
      '@[Ghost](agent:99999999-9999-4999-8999-999999999999) hi',
      [],
    ],
    ['a plain full name, however it is cased or accented', 'ask @ona petraitiene about it', [ona.id]],
    ['a plain full name wins over a shorter one', '@Ona Kazlauskienė, see above', [onaK.id]],
    ['a shared first name alone is ambiguous and names nobody', '@Ona can you look?', []],
    ['a unique first name', '@Ján, can you look?', [jan.id]],
    ['a unique surname without accents', 'cc @novak.', [jan.id]],
    ['the address before the @', 'cc @jan.novak', [jan.id]],
    ['a one-word name followed by punctuation', 'thanks @zsofia!', [zsofi.id]],
    ['an email address in the text is not a mention', 'customer wrote from ona@example.lt', []],
    ['an unknown name names nobody', '@Petras will know', []],
    [
      'a token and a plain mention of the same agent count once',
      `${formatMentionToken(jan)} and again @jan`,
      [jan.id],
    ],
    ['a bare @ names nobody', 'meet @ 10:00', []],
  ])('%s', (_description, body, expected) => {
    expect(findMentionedAgentIds(body, agents)).toEqual(expected);
  });
});
