import type { WaitEstimate } from '@frontline/contracts';
import {
  type AgentOnRota,
  applyCalibration,
  type EtaCalibration,
  forecastFirstResponse,
  type HandlingTimeModel,
  type PatienceModel,
  type QueueSnapshot,
  type StoredForecast,
  seedFrom,
} from '../../eta/index.ts';

/**
 * The expected wait in the chat queue, from the live state, by the ETA engine: the line is
 * simulated forward (forecast.ts) with the online agents' chat slots and languages, the chats
 * they hold now (how long each has run), the visitors waiting ahead (who may give up, at the
 * rate recent visitors did), and handling times drawn from recent chats; then corrected by the
 * calibration the chat queue's past promises teach. A customer with a free slot for them waits
 * only the pickup delay below; the engine's wait for a slot comes on top. With exponential
 * handling, one language and nobody leaving this is the Erlang (queue-length) predictor, whose
 * mean is (needed departures) / (capacity / mean handling time).
 */
export type ChatLine = {
  /** Epoch milliseconds. */
  now: number;
  /**
   * Online agents: their chat limit, when each chat they hold started (epoch ms) and the
   * languages they chat in (empty or missing: any).
   */
  agents: Array<{ id: string; maxChats: number; activeSince: number[]; languages?: string[] }>;
  /** Chats waiting to be claimed, first come first served. */
  waiting?: Array<{ id: string; language: string | null }>;
  /** Chat handling time (first response to solved), fitted from recent chats. */
  handling: HandlingTimeModel;
  /** How long visitors wait before leaving, fitted from recent chats; null when nobody left. */
  patience?: PatienceModel;
  calibration?: EtaCalibration;
};

/** Whose wait: a visitor about to start a chat, or a chat already waiting. */
export type ChatTarget =
  | { kind: 'new'; language: string | null }
  | { kind: 'waiting'; conversationId: string };

export type ChatWaitForecast = {
  /** What the visitor is shown (and promised): calibrated, pickup included. */
  wait: WaitEstimate;
  /** The engine's own forecast (pickup included), which calibration learns from. */
  raw: StoredForecast;
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

function toSnapshot(line: ChatLine): {
  snapshot: QueueSnapshot;
  languageOf: (language: string | null) => string | null;
} {
  const agents: AgentOnRota[] = line.agents
    .filter((agent) => agent.maxChats > 0)
    .map((agent) => ({
      id: agent.id,
      languages: agent.languages ?? [],
      skills: [],
      capacity: agent.maxChats,
      inProgressSince: agent.activeSince.map((since) => Math.min(since, line.now)),
      shifts: [{ start: line.now, end: line.now + ONLINE_HORIZON_MS }],
    }));
  // A language counts only if an online agent chats in it: otherwise whoever takes the chat
  // answers in a language they share, and nobody at all would be wrong.
  const speaksAny = agents.some((agent) => agent.languages.length === 0);
  const spoken = new Set(agents.flatMap((agent) => agent.languages));
  const languageOf = (language: string | null) =>
    language && (speaksAny || spoken.has(language)) ? language : null;
  const snapshot: QueueSnapshot = {
    queueId: 'chat',
    now: line.now,
    waiting: (line.waiting ?? []).map((chat) => ({
      id: chat.id,
      waitingSince: line.now,
      language: languageOf(chat.language),
    })),
    agents,
    handling: line.handling,
    patience: line.patience ?? null,
  };
  return { snapshot, languageOf };
}

/**
 * The wait of `target`; null when nobody online can take it at all (the widget then offers a
 * request answered by email). The same line gives the same figures (the seed is the line
 * itself), so the wait recorded as a promise is the one shown.
 *
 * @example forecastChatWait(line, { kind: 'new', language: 'lt' }) // → { wait: { p50Seconds: 150, p90Seconds: 420 }, raw }
 */
export function forecastChatWait(line: ChatLine, target: ChatTarget): ChatWaitForecast | null {
  const { snapshot, languageOf } = toSnapshot(line);
  if (snapshot.agents.length === 0) return null;
  if (target.kind === 'waiting' && !snapshot.waiting.some((chat) => chat.id === target.conversationId))
    return null;
  const seed = seedFrom(
    JSON.stringify([
      target,
      line.agents.map((agent) => [agent.maxChats, agent.activeSince.length, agent.languages ?? []]),
      (line.waiting ?? []).map((chat) => chat.language),
      line.handling.meanSeconds,
      line.patience?.meanSeconds ?? null,
    ]),
  );
  const engineTarget =
    target.kind === 'new'
      ? { kind: 'new' as const, language: languageOf(target.language) }
      : { kind: 'waiting' as const, customerId: target.conversationId };
  const forecast = forecastFirstResponse(snapshot, engineTarget, { runs: RUNS, seed });
  if (forecast.p50Seconds === null || forecast.p90Seconds === null) return null;
  const shift = (value: number | null, by: number) => (value === null ? null : value + by);
  const raw = {
    ...forecast,
    p10Seconds: shift(forecast.p10Seconds, pickupSeconds.p50),
    p50Seconds: forecast.p50Seconds + pickupSeconds.p50,
    p90Seconds: Math.max(forecast.p90Seconds, forecast.p50Seconds) + pickupSeconds.p90,
    meanSeconds: shift(forecast.meanSeconds, pickupSeconds.p50),
  };
  const promised = line.calibration ? applyCalibration(raw, line.calibration) : raw;
  const p50Seconds = Math.round(promised.p50Seconds ?? raw.p50Seconds);
  return {
    wait: { p50Seconds, p90Seconds: Math.max(p50Seconds, Math.round(promised.p90Seconds ?? raw.p90Seconds)) },
    raw,
  };
}
