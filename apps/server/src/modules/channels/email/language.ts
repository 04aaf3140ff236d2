import { type SupportedLanguage, supportedLanguages } from '@frontline/contracts';
import { eld } from 'eld/medium';

/**
 * The language a customer wrote in (ISO 639-1), or null when the text is too short or mixed to
 * tell. Only the customer's new text should be given: quoted history is usually ours.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 2_000);
  if (sample.replace(/[\s\d\p{P}]/gu, '').length < 8) return null;
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : null;
}

/** Languages close enough that a reader of one reads the other: a Czech customer gets Slovak. */
const nearestSupported: Record<string, SupportedLanguage> = { cs: 'sk' };

/**
 * The language to answer in automatically: the detected one if we have texts for it, else the
 * customer's known preference, else the fallback (the mailbox's default language, or English).
 */
export function chooseReplyLanguage(
  detected: string | null,
  preferred: string | null,
  fallback: SupportedLanguage = 'en',
): SupportedLanguage {
  for (const candidate of [detected, preferred]) {
    if (!candidate) continue;
    const primary = candidate.toLowerCase().split('-')[0]!;
    if ((supportedLanguages as readonly string[]).includes(primary)) return primary as SupportedLanguage;
    const near = nearestSupported[primary];
    if (near) return near;
  }
  return fallback;
}
