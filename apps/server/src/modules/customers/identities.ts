import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { IdentityKind } from '../../db/schema.ts';

export type NormalisedIdentity = { kind: IdentityKind; value: string };
export type NormaliseResult = { ok: true; identity: NormalisedIdentity } | { ok: false; reason: string };

// Deliberately permissive: one @, no spaces, a dot in the domain. Mail servers are the real judge.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const telegramUsername = /^@?[a-z][a-z0-9_]{4,31}$/;

/**
 * Brings an identity to the one form it is stored and looked up in, so the same person written
 * two ways (`Ona@Example.LT`, `ona@example.lt`; `+370 612 34567`, `00370 61234567`) is one
 * customer. Emails are case-folded whole (providers treat local parts case-insensitively in
 * practice); phones become E.164.
 *
 * @example normaliseIdentity('phone', '8 612 34567', 'LT') // { ok: true, identity: { kind: 'phone', value: '+37061234567' } }
 */
export function normaliseIdentity(kind: IdentityKind, raw: string, defaultCountry?: string): NormaliseResult {
  const value = raw.trim();
  switch (kind) {
    case 'email': {
      const email = value.replace(/^mailto:/i, '').toLowerCase();
      if (email.length > 320 || !emailPattern.test(email))
        return { ok: false, reason: 'is not an email address' };
      return { ok: true, identity: { kind, value: email } };
    }
    case 'phone':
    case 'whatsapp': {
      const e164 = normalisePhone(value, defaultCountry);
      if (!e164) {
        return {
          ok: false,
          reason: defaultCountry
            ? 'is not a valid phone number'
            : 'is not a valid phone number (write it with the country code, e.g. +370…)',
        };
      }
      return { ok: true, identity: { kind, value: e164 } };
    }
    case 'telegram': {
      if (/^\d{1,20}$/.test(value)) return { ok: true, identity: { kind, value } };
      const username = value.toLowerCase();
      if (!telegramUsername.test(username))
        return { ok: false, reason: 'is not a Telegram user id or @username' };
      return { ok: true, identity: { kind, value: username.startsWith('@') ? username : `@${username}` } };
    }
    case 'chat_visitor':
    case 'external': {
      if (value.length === 0 || value.length > 320)
        return { ok: false, reason: 'must be 1 to 320 characters' };
      return { ok: true, identity: { kind, value } };
    }
  }
}

function normalisePhone(value: string, defaultCountry?: string): string | null {
  // "00" is the international call prefix across Europe: 00370… is +370….
  const withPlus = value.replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(withPlus, defaultCountry as CountryCode | undefined);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}
