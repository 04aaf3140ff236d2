import { describe, expect, it } from 'vitest';
import type { IdentityKind } from '../../db/schema.ts';
import { normaliseIdentity } from './identities.ts';

describe('identity normalisation', () => {
  const accepted: [IdentityKind, string, string | undefined, string][] = [
    ['email', 'Ona.Petraitiene@Example.LT', undefined, 'ona.petraitiene@example.lt'],
    ['email', '  jan.novak@firma.sk ', undefined, 'jan.novak@firma.sk'],
    ['email', 'mailto:Kovacs.Eva@Posta.HU', undefined, 'kovacs.eva@posta.hu'],
    ['email', 'zofia+orders@example.pl', undefined, 'zofia+orders@example.pl'],
    ['phone', '+370 612 34567', undefined, '+37061234567'],
    ['phone', '00370 612 34567', undefined, '+37061234567'],
    ['phone', '8 612 34567', 'LT', '+37061234567'],
    ['phone', '+421 905 123 456', undefined, '+421905123456'],
    ['phone', '0905 123 456', 'SK', '+421905123456'],
    ['phone', '+48 601 234 567', undefined, '+48601234567'],
    ['phone', '+36 20 123 4567', undefined, '+36201234567'],
    ['phone', '06 20 123 4567', 'HU', '+36201234567'],
    ['phone', '+44 20 7946 0958', 'LT', '+442079460958'],
    ['whatsapp', '+370-612-34567', undefined, '+37061234567'],
    ['telegram', '123456789', undefined, '123456789'],
    ['telegram', '@Frontline_Help', undefined, '@frontline_help'],
    ['telegram', 'frontline_help', undefined, '@frontline_help'],
    ['chat_visitor', 'v_3f9a', undefined, 'v_3f9a'],
  ];
  it.each(accepted)('%s %j (default country %s) is stored as %j', (kind, raw, country, expected) => {
    expect(normaliseIdentity(kind, raw, country)).toEqual({ ok: true, identity: { kind, value: expected } });
  });

  const rejected: [IdentityKind, string, string | undefined][] = [
    ['email', 'not-an-email', undefined],
    ['email', 'two@@example.com', undefined],
    ['email', 'spaces in@example.com', undefined],
    ['email', 'nodot@localhost', undefined],
    ['phone', '612 34567', undefined],
    ['phone', '+370 12', undefined],
    ['phone', 'call me maybe', 'LT'],
    ['telegram', '@ab', undefined],
    ['chat_visitor', '   ', undefined],
  ];
  it.each(rejected)('%s %j (default country %s) is refused', (kind, raw, country) => {
    expect(normaliseIdentity(kind, raw, country).ok).toBe(false);
  });

  it('explains that a phone without a country code needs one when no default country is set', () => {
    const result = normaliseIdentity('phone', '612 34567');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('country code') });
  });
});
