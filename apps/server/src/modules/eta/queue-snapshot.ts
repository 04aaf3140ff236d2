import type { HandlingTimeModel, PatienceModel } from './distributions.ts';

/**
 * What the ETA engine needs to know about one queue (a team's backlog, the chat queue, the
 * callback line…) at one instant. Every field maps to data we store or can derive: waiting
 * conversations in routing order, agents' presence/rota, their open conversations, and models
 * fitted from the queue's history. All instants are epoch milliseconds (UTC).
 */

/** A period an agent is on duty; gaps between shifts are breaks or time off. */
export type Shift = { start: number; end: number };

export type AgentOnRota = {
  id: string;
  /** Languages the agent answers in (ISO 639-1); empty means any language. */
  languages: string[];
  skills: string[];
  /** Conversations of this queue the agent handles at the same time (chat: 2–4, email: 1). */
  capacity: number;
  /** When each conversation the agent is handling now was taken. */
  inProgressSince: number[];
  /**
   * The handling-time model of each conversation in progress, by position in `inProgressSince`,
   * where it differs from the queue's (see `WaitingCustomer.handling`); missing: the queue's.
   */
  inProgressHandling?: Array<HandlingTimeModel | null>;
  /** On-duty periods from now on, the current one included, in any order. */
  shifts: Shift[];
};

export type WaitingCustomer = {
  id: string;
  waitingSince: number;
  /** The customer's language; null when unknown (any agent can take it). */
  language?: string | null;
  /** Skills the conversation needs (billing, technical…); every one is required. */
  skills?: string[];
  /**
   * This customer's handling-time model where it differs from the queue's: a walk-in line
   * serves several services, and a tax consultation takes longer than collecting a document.
   */
  handling?: HandlingTimeModel;
  /**
   * Epoch ms before which the customer cannot be taken: a booked appointment joins the calling
   * order at its time, and stands in `waiting` where it will stand once it has joined.
   */
  joinsAt?: number;
};

export type QueueSnapshot = {
  queueId: string;
  now: number;
  /** In routing order: the first is the next one an eligible agent takes. */
  waiting: WaitingCustomer[];
  agents: AgentOnRota[];
  handling: HandlingTimeModel;
  patience: PatienceModel;
};

/** Whose first response to predict: a customer about to join, or one already waiting. */
export type EtaTarget =
  | { kind: 'new'; language?: string | null; skills?: string[] }
  | { kind: 'waiting'; customerId: string };

export function canServe(
  agent: Pick<AgentOnRota, 'languages' | 'skills'>,
  customer: Pick<WaitingCustomer, 'language' | 'skills'>,
): boolean {
  const speaks =
    !customer.language || agent.languages.length === 0 || agent.languages.includes(customer.language);
  return speaks && (customer.skills ?? []).every((skill) => agent.skills.includes(skill));
}

/** Agents on duty at `at` (inside one of their shifts). */
export function isOnDuty(agent: AgentOnRota, at: number): boolean {
  return agent.shifts.some((shift) => shift.start <= at && at < shift.end);
}
