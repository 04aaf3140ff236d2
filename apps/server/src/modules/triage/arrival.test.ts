import type { Priority } from '@frontline/contracts';
import { describe, expect, it } from 'vitest';
import { triageMessage } from './arrival.ts';

describe('triage of one message on arrival', () => {
  it.each<[string, Priority, string | null, Priority | null]>([
    ['Prašau skubiai susisiekti, neveikia visa sistema.', 'normal', 'lt', 'urgent'],
    ['Pobrano mi pieniądze dwa razy za to samo zamówienie.', 'normal', 'pl', 'high'],
    ['Where can I download the invoice for my last payment?', 'normal', 'en', null],
    // Already urgent: nothing to suggest.
    ['Sürgős! Az egész rendszer leállt.', 'urgent', 'hu', null],
    // Too short to tell the language.
    ['ok', 'normal', null, null],
  ])('%s (now %s) → language %s, suggests %s', (text, currentPriority, language, suggested) => {
    const triage = triageMessage({ text, currentPriority });
    expect(triage.language).toBe(language);
    expect(triage.suggestedPriority).toBe(suggested);
    expect(triage.signals.length > 0).toBe(suggested !== null);
  });

  it('counts repeated contact within 24 hours as a reason', () => {
    const triage = triageMessage({
      text: 'Still no answer about my order, please.',
      contactsInLast24h: 3,
      currentPriority: 'normal',
    });
    expect(triage.signals.map((signal) => signal.kind)).toContain('repeated_contact');
  });
});
