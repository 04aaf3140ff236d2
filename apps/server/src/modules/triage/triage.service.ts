import type { Priority, TriageSignal } from '@frontline/contracts';
import type { Queryable, Tx } from '../../db/database.ts';
import { rankOf, triageMessage } from './arrival.ts';
import { assignTopicOnArrival } from './topics.service.ts';
import {
  countRecentContacts,
  findTriageState,
  setConversationTriage,
  setMessageLanguage,
} from './triage.repository.ts';

export type ArrivalInput = {
  conversationId: string;
  messageId: string;
  /** The customer's own words (subject and new text; no quoted history). */
  text: string;
  now: Date;
  /** The first message of a conversation: repeated contact within 24 h is counted for it. */
  isFirstMessage: boolean;
  /**
   * Whether the detected language replaces the conversation's. A language someone chose (an agent,
   * an API caller, an earlier message) stays; only an empty one, or a mere guess such as a web
   * page's language, gives way to what the customer actually wrote in.
   */
  replacesLanguage: boolean;
};

/**
 * Triage on arrival, inside the transaction that stores the customer's message: the detected
 * language goes on the message (and the conversation), a higher priority the words call for is
 * stored as a suggestion with its reasons for the agent. The priority itself is never changed
 * here — an agent applies the suggestion with one click — so a priority an agent set stays.
 * A later message replaces the suggestion only with a higher one.
 */
export async function triageArrival(tx: Tx, input: ArrivalInput) {
  const state = await findTriageState(tx, input.conversationId);
  if (!state) return null;
  const contacts = input.isFirstMessage
    ? await countRecentContacts(tx, state.customer_id, input.conversationId, input.now)
    : 0;
  const triage = triageMessage({
    text: input.text,
    contactsInLast24h: contacts,
    currentPriority: state.priority,
  });
  if (triage.language) await setMessageLanguage(tx, input.messageId, triage.language);
  const standing = state.suggested_priority ? rankOf(state.suggested_priority) : -1;
  const suggestion =
    triage.suggestedPriority && rankOf(triage.suggestedPriority) > standing
      ? { priority: triage.suggestedPriority, signals: triage.signals }
      : undefined;
  const language =
    triage.language && (input.replacesLanguage || state.language === null) ? triage.language : undefined;
  if (suggestion || language) await setConversationTriage(tx, input.conversationId, { language, suggestion });
  await assignTopicOnArrival(tx, {
    conversationId: input.conversationId,
    text: input.text,
    language: triage.language ?? state.language,
    now: input.now,
  });
  return triage;
}

/** The suggestion to show the agent: only while it is above the conversation's priority. */
export async function findSuggestionOf(
  db: Queryable,
  conversationId: string,
): Promise<{ suggestedPriority: Priority | null; signals: TriageSignal[] }> {
  const state = await findTriageState(db, conversationId);
  if (!state?.suggested_priority || rankOf(state.suggested_priority) <= rankOf(state.priority))
    return { suggestedPriority: null, signals: [] };
  const signals = Array.isArray(state.triage_signals) ? (state.triage_signals as TriageSignal[]) : [];
  return { suggestedPriority: state.suggested_priority, signals };
}
