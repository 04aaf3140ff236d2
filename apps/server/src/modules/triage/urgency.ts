import { type Priority, priorities } from '@frontline/contracts';
import { compiledRules, type FoldedText, foldForMatching, type SignalKind } from './urgency-signals.ts';

/**
 * Urgency on arrival: multilingual phrase signals (outages, payment failures, legal threats,
 * hacked accounts, explicit "urgent"), the customer's tone (capitals, exclamation marks,
 * "unacceptable") and repeated contact within 24 h, summed into a suggested priority. The
 * agent sees every reason; the suggestion never lowers a priority someone already set.
 */

export type UrgencyInput = {
  /** Subject and body as the customer wrote them. */
  text: string;
  /** Other contacts from the same customer in the 24 h before this one (any channel). */
  contactsInLast24h?: number;
  currentPriority?: Priority | null;
};

export type UrgencySignal = {
  kind: SignalKind;
  points: number;
  /** English sentence for the agent; `kind` is the stable code for translated UIs. */
  reason: string;
  /** The words that triggered it, as the customer wrote them (or a count). */
  evidence: string;
};

export type UrgencyAssessment = {
  suggestedPriority: Priority;
  score: number;
  signals: UrgencySignal[];
};

/** Score at or above which a priority is suggested: one strong signal → high, two → urgent. */
export const priorityThresholds: Array<[minimumScore: number, priority: Priority]> = [
  [5, 'urgent'],
  [3, 'high'],
];

const MIN_LETTERS_FOR_SHOUTING = 12;
const SHOUTING_SHARE = 0.7;

function rank(priority: Priority): number {
  return priorities.indexOf(priority);
}

/** The matched words as the customer wrote them. */
function quote(text: string, { sourceIndex }: FoldedText, start: number, length: number): string {
  const from = sourceIndex[start] ?? 0;
  const lastSource = sourceIndex[start + length - 1] ?? from;
  const lastCharacter = String.fromCodePoint(text.codePointAt(lastSource) ?? 0);
  return text.slice(from, lastSource + lastCharacter.length);
}

function toneSignals(text: string): UrgencySignal[] {
  const signals: UrgencySignal[] = [];
  const letters = text.match(/\p{L}/gu) ?? [];
  const capitals = text.match(/\p{Lu}/gu) ?? [];
  if (letters.length >= MIN_LETTERS_FOR_SHOUTING && capitals.length / letters.length >= SHOUTING_SHARE) {
    signals.push({
      kind: 'shouting',
      points: 1,
      reason: 'Written in capitals',
      evidence: `${capitals.length}/${letters.length} letters`,
    });
  }
  const exclamations = text.match(/!/g)?.length ?? 0;
  if (exclamations >= 3 || /!!/.test(text)) {
    signals.push({
      kind: 'exclamations',
      points: 1,
      reason: 'Many exclamation marks',
      evidence: `${exclamations}×!`,
    });
  }
  return signals;
}

function repeatedContactSignal(contacts: number): UrgencySignal | null {
  if (contacts < 1) return null;
  return {
    kind: 'repeated_contact',
    // The second contact in a day is a chaser; from the third on, the customer is stuck.
    points: Math.min(contacts, 2),
    reason:
      contacts === 1
        ? 'Contacted us once before in the last 24 h'
        : `Contacted us ${contacts} times before in the last 24 h`,
    evidence: `${contacts} earlier contact${contacts === 1 ? '' : 's'}`,
  };
}

/**
 * @example assessUrgency({ text: 'Prašau skubiai, neveikia visa sistema' })
 * // → { suggestedPriority: 'urgent', score: 6, signals: [outage, explicit_urgency] }
 */
export function assessUrgency(input: UrgencyInput): UrgencyAssessment {
  const folded = foldForMatching(input.text);
  const signals: UrgencySignal[] = [];
  for (const rule of compiledRules) {
    const match = rule.regex.exec(folded.folded);
    if (!match) continue;
    signals.push({
      kind: rule.kind,
      points: rule.points,
      reason: rule.reason,
      evidence: quote(input.text, folded, match.index, match[0].length),
    });
  }
  signals.push(...toneSignals(input.text));
  const repeated = repeatedContactSignal(input.contactsInLast24h ?? 0);
  if (repeated) signals.push(repeated);

  const score = signals.reduce((sum, signal) => sum + signal.points, 0);
  const computed = priorityThresholds.find(([minimum]) => score >= minimum)?.[1] ?? 'normal';
  const current = input.currentPriority ?? null;
  const suggestedPriority = current && rank(current) > rank(computed) ? current : computed;
  // A priority someone lowered on purpose (low) stays low unless a signal says otherwise.
  const keepsLow = current === 'low' && signals.length === 0;
  return { suggestedPriority: keepsLow ? 'low' : suggestedPriority, score, signals };
}
