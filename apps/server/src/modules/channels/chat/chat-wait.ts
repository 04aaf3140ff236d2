import type { WaitEstimate } from '@frontline/contracts';
import {
  type AgentOnRota,
  forecastFirstResponse,
  type HandlingTimeModel,
  type QueueSnapshot,
  seedFrom,
} from '../../eta/index.ts';

/**
 * The expected wait in the chat queue, from the live state, by the ETA engine: the line is
 * simulated forward (forecast.ts) with the online agents' chat slots, the chats they hold now
 * (how long each has run), and handling times drawn from recent chats. A customer with a free
 * slot for them waits only the pickup delay below; the engine's wait for a slot comes on top.
 * With exponential handling this is the Erlang (queue-length) predictor, whose mean is
 * (needed departures) / (capacity / mean handling time).
 */
export type ChatLine = {
  /** Epoch milliseconds. */
  now: number;
  /** Online agents: their chat limit and when each chat they hold started (epoch ms). */
  agents: Array<{ id: string; maxChats: number; activeSince: number[] }>;
  /** Chat handling time (first response to solved), fitted from recent chats. */
  handling: HandlingTimeModel;
};

/** How long an agent with a free slot takes to notice and answer a new chat (seconds). */
export const pickupSeconds = { p50: 30, p90: 90 } as const;

/** Agents stay online for the forecast's sake this long; a chat wait never spans a shift. */
const ONLINE_HORIZON_MS = 12 * 3600_000;
/**
 * Monte-Carlo runs per forecast, as the engine's default. The first customer in a busy line waits
 * for the earliest of a few chats to end, a wide distribution whose sampled P90 strays up to
 * ±30 % at this many runs; more cost the chat hub milliseconds on every change of the line.
 */
const RUNS = 300;

/**
 * Expected wait of the customer with `ahead` customers before them; null when nobody can take
 * a chat at all (the widget then offers a request answered by email). The same line gives the
 * same figures (the seed is the line itself), so the wait recorded as a promise is the one shown.
 */
export function forecastChatWait(line: ChatLine, ahead: number): WaitEstimate | null {
  const agents: AgentOnRota[] = line.agents
    .filter((agent) => agent.maxChats > 0)
    .map((agent) => ({
      id: agent.id,
      languages: [],
      skills: [],
      capacity: agent.maxChats,
      inProgressSince: agent.activeSince.map((since) => Math.min(since, line.now)),
      shifts: [{ start: line.now, end: line.now + ONLINE_HORIZON_MS }],
    }));
  if (agents.length === 0) return null;
  const snapshot: QueueSnapshot = {
    queueId: 'chat',
    now: line.now,
    waiting: Array.from({ length: ahead }, (_, index) => ({ id: `ahead-${index}`, waitingSince: line.now })),
    agents,
    handling: line.handling,
    patience: null,
  };
  const seed = seedFrom(
    JSON.stringify([
      ahead,
      line.agents.map((agent) => [agent.maxChats, agent.activeSince.length]),
      line.handling.meanSeconds,
    ]),
  );
  const forecast = forecastFirstResponse(snapshot, { kind: 'new' }, { runs: RUNS, seed });
  if (forecast.p50Seconds === null || forecast.p90Seconds === null) return null;
  return {
    p50Seconds: Math.round(pickupSeconds.p50 + forecast.p50Seconds),
    p90Seconds: Math.round(pickupSeconds.p90 + Math.max(forecast.p90Seconds, forecast.p50Seconds)),
  };
}
