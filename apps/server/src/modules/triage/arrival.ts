import { type Priority, priorities } from '@frontline/contracts';
import { detectLanguage } from './language.ts';
import { assessUrgency, type UrgencySignal } from './urgency.ts';

/**
 * Triage of one customer message on arrival: the language it is written in and the priority its
 * words suggest. Pure; the service stores it (triage.service.ts).
 */

/**
 * Below this margin the detector is guessing (a greeting, "ok", a product code): we store no
 * language rather than a wrong one. Typical 6–10-word support sentences score 0.25–0.5.
 */
export const languageConfidenceThreshold = 0.15;

export type ArrivalTriage = {
  language: string | null;
  languageConfidence: number;
  /** Null when nothing in the message calls for another priority than the one it has. */
  suggestedPriority: Priority | null;
  signals: UrgencySignal[];
};

export function rankOf(priority: Priority): number {
  return priorities.indexOf(priority);
}

/**
 * @example triageMessage({ text: 'SKUBIAI! Neveikia apmokėjimas', currentPriority: 'normal' })
 * // → { language: 'lt', suggestedPriority: 'urgent', signals: [explicit_urgency, payment_failure, …] }
 */
export function triageMessage(input: {
  text: string;
  contactsInLast24h?: number;
  currentPriority: Priority;
}): ArrivalTriage {
  const detected = detectLanguage(input.text.slice(0, 4_000));
  const isSure = detected.language !== null && detected.confidence >= languageConfidenceThreshold;
  const urgency = assessUrgency({
    text: input.text,
    contactsInLast24h: input.contactsInLast24h ?? 0,
    currentPriority: input.currentPriority,
  });
  const raises = rankOf(urgency.suggestedPriority) > rankOf(input.currentPriority);
  return {
    language: isSure ? detected.language : null,
    languageConfidence: detected.confidence,
    suggestedPriority: raises ? urgency.suggestedPriority : null,
    signals: raises ? urgency.signals : [],
  };
}
