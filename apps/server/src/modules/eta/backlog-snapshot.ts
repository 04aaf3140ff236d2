import { type BusinessCalendar, openPeriods } from '../sla/index.ts';
import type { HandlingTimeModel } from './distributions.ts';
import {
  type AgentOnRota,
  canServe,
  type EtaTarget,
  type QueueSnapshot,
  type Shift,
  type WaitingCustomer,
} from './queue-snapshot.ts';

/**
 * The written backlog (email, web form, chat requests left offline) as a queue for the engine.
 * Pure: the rows come from backlog.repository.ts, the rules below turn them into who waits in
 * which order and who will answer when.
 *
 * - Routing order is the order the rows come in (soonest first-response due time, then oldest).
 * - A conversation of a team can be answered only by that team's members, one assigned to an
 *   agent only by that agent (both as skills the engine matches: `team:<id>`, `agent:<id>`).
 * - A customer's language counts only if someone in the workforce speaks it; otherwise whoever
 *   answers does so in a language they share (the engine would otherwise find nobody at all).
 * - Agents answer one conversation at a time, during the business hours of the queue's calendar
 *   (no calendar: around the clock). In the period open now an agent counts only if they are at
 *   work: the availability switch says `online`, or they used the workspace in the last 30
 *   minutes; `away` is a break of 15 minutes. Later periods count for the whole workforce: the
 *   agents who answered the backlog in the last 30 days (while it has no such history, every
 *   active agent).
 * - An agent at work is busy with a conversation since their last first response (if within the
 *   last two hours, and something else they could answer is waiting): the engine draws the rest
 *   of it conditioned on the time it has run.
 */

export const backlogRules = {
  /** Used the workspace this recently: at work now. */
  activeWithinMs: 30 * 60_000,
  /** `away` is a break; back after this long. */
  awayForMs: 15 * 60_000,
  /** A last first response older than this is not the start of the current piece of work. */
  inProgressWithinMs: 2 * 3600_000,
  /** Business hours are laid out this far ahead (the engine's horizon). */
  horizonMs: 14 * 24 * 3600_000,
} as const;

export type BacklogAgent = {
  id: string;
  languages: string[];
  skills: string[];
  teamIds: string[];
  availability: 'online' | 'away' | 'offline' | null;
  /** Epoch ms; null when never seen. */
  lastSeenAt: number | null;
  lastFirstResponseAt: number | null;
  /** First responses on the backlog in the recent history window. */
  recentFirstResponses: number;
};

export type BacklogConversation = {
  id: string;
  teamId: string | null;
  assigneeId: string | null;
  language: string | null;
  createdAt: number;
};

export type BacklogState = {
  now: number;
  waiting: BacklogConversation[];
  agents: BacklogAgent[];
  calendar: BusinessCalendar | null;
  handling: HandlingTimeModel;
};

/** Whose first response to predict: someone writing now, or a conversation already waiting. */
export type BacklogTarget =
  | { kind: 'new'; teamId: string | null; language: string | null }
  | { kind: 'conversation'; conversationId: string };

export const BACKLOG_QUEUE = 'backlog';

type Presence = 'working' | 'away' | 'absent';

function presenceOf(agent: BacklogAgent, now: number): Presence {
  if (agent.availability === 'online') return 'working';
  if (agent.availability === 'away') return 'away';
  return agent.lastSeenAt !== null && now - agent.lastSeenAt <= backlogRules.activeWithinMs
    ? 'working'
    : 'absent';
}

/** Open periods of the queue's calendar from now on (one endless period without a calendar). */
function workingPeriods(state: Pick<BacklogState, 'now' | 'calendar'>): Shift[] {
  const until = state.now + backlogRules.horizonMs;
  if (!state.calendar) return [{ start: state.now, end: until }];
  return openPeriods(state.calendar, new Date(state.now), new Date(until)).map((period) => ({
    start: period.start.getTime(),
    end: period.end.getTime(),
  }));
}

function skillsOf(conversation: Pick<BacklogConversation, 'teamId' | 'assigneeId'>): string[] {
  const skills: string[] = [];
  if (conversation.teamId) skills.push(`team:${conversation.teamId}`);
  if (conversation.assigneeId) skills.push(`agent:${conversation.assigneeId}`);
  return skills;
}

function toAgentOnRota(
  agent: BacklogAgent,
  periods: Shift[],
  now: number,
  isInWorkforce: boolean,
): AgentOnRota | null {
  const presence = presenceOf(agent, now);
  const shifts: Shift[] = [];
  for (const period of periods) {
    if (period.start > now) {
      if (isInWorkforce) shifts.push(period);
      continue;
    }
    // The period open now.
    const start = presence === 'working' ? now : presence === 'away' ? now + backlogRules.awayForMs : null;
    if (start !== null && start < period.end) shifts.push({ start, end: period.end });
  }
  if (shifts.length === 0) return null;
  const isBusyNow =
    presence === 'working' &&
    shifts[0]!.start === now &&
    agent.lastFirstResponseAt !== null &&
    now - agent.lastFirstResponseAt <= backlogRules.inProgressWithinMs;
  return {
    id: agent.id,
    languages: agent.languages,
    skills: [...agent.skills, ...agent.teamIds.map((id) => `team:${id}`), `agent:${agent.id}`],
    capacity: 1,
    inProgressSince: isBusyNow ? [agent.lastFirstResponseAt!] : [],
    shifts,
  };
}

/**
 * @example toBacklogSnapshot(state, { kind: 'conversation', conversationId })
 * // → { snapshot: { queueId: 'backlog', waiting: [...], agents: [...], ... }, target: { kind: 'waiting', ... } }
 */
export function toBacklogSnapshot(
  state: BacklogState,
  target: BacklogTarget,
): { snapshot: QueueSnapshot; target: EtaTarget } {
  const periods = workingPeriods(state);
  const hasHistory = state.agents.some((agent) => agent.recentFirstResponses > 0);
  const onRota = state.agents
    .map((agent) => toAgentOnRota(agent, periods, state.now, !hasHistory || agent.recentFirstResponses > 0))
    .filter((agent): agent is AgentOnRota => agent !== null);
  const spoken = new Set(onRota.flatMap((agent) => agent.languages));
  const speaksAny = onRota.some((agent) => agent.languages.length === 0);
  const languageOf = (language: string | null) =>
    language && (speaksAny || spoken.has(language)) ? language : null;
  const waiting: WaitingCustomer[] = state.waiting.map((conversation) => ({
    id: conversation.id,
    waitingSince: conversation.createdAt,
    language: languageOf(conversation.language),
    skills: skillsOf(conversation),
  }));
  // Busy since the last first response only while there is something else to answer: with
  // nothing waiting that they could take, an agent is free for whoever writes next.
  const targetId = target.kind === 'conversation' ? target.conversationId : null;
  const agents = onRota.map((agent) =>
    agent.inProgressSince.length > 0 &&
    !waiting.some((customer) => customer.id !== targetId && canServe(agent, customer))
      ? { ...agent, inProgressSince: [] }
      : agent,
  );
  const snapshot: QueueSnapshot = {
    queueId: BACKLOG_QUEUE,
    now: state.now,
    waiting,
    agents,
    handling: state.handling,
    // Written requests are not abandoned while waiting; a customer who no longer needs an
    // answer still gets one.
    patience: null,
  };
  const isWaiting =
    target.kind === 'conversation' && waiting.some((customer) => customer.id === target.conversationId);
  if (target.kind === 'conversation' && isWaiting) {
    return { snapshot, target: { kind: 'waiting', customerId: target.conversationId } };
  }
  if (target.kind === 'conversation') throw new RangeError(`${target.conversationId} is not in the backlog`);
  return {
    snapshot,
    target: {
      kind: 'new',
      language: languageOf(target.language),
      skills: skillsOf({ teamId: target.teamId, assigneeId: null }),
    },
  };
}
