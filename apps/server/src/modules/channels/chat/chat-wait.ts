import type { WaitEstimate } from '@frontline/contracts';

/**
 * The expected wait in the chat queue, from the live state. Kept behind one function
 * (`estimateChatWait`, fed by `predictChatWait` in chat-queue.service.ts) so the ETA engine can
 * replace it without touching the widget or the queue.
 *
 * Model: every online agent has `maxChats` slots. A customer with a free slot for them is picked
 * up after a short notice delay. Otherwise they wait until enough slots free up: each busy slot
 * frees after a handling time (exponential with the recent mean), so with `capacity` slots the
 * line moves at `capacity / meanHandleSeconds` and the customer needs `needed` departures — an
 * Erlang(needed, rate) wait, whose quantiles we take with the Wilson–Hilferty approximation.
 * With no free slot and no pickup delay this is the queue-length predictor ((ahead + 1) / (c × μ))
 * for the mean.
 */
export type ChatQueueState = {
  /** Customers ahead in the line (0 for the first one). */
  ahead: number;
  /** Sum of `maxChats` over online agents. */
  capacity: number;
  /** Slots of online agents not holding an active chat. */
  freeSlots: number;
  /** Mean chat handling time, from recent chats (seconds). */
  meanHandleSeconds: number;
};

/** How long an agent with a free slot takes to notice and answer a new chat (seconds). */
export const pickupSeconds = { p50: 30, p90: 90 } as const;

/** z-scores of the standard normal for the quantiles we report. */
const zScore = { p50: 0, p90: 1.2816 } as const;

/** Quantile of Erlang(k, rate) by Wilson–Hilferty: within ~2 % of exact for k ≥ 1 at P50 and P90. */
function erlangQuantile(k: number, rate: number, z: number): number {
  const shape = 1 - 1 / (9 * k) + z / (3 * Math.sqrt(k));
  return (k / rate) * Math.max(shape, 0) ** 3;
}

/** Null when nobody can take a chat at all (no capacity): the widget offers a request instead. */
export function estimateChatWait(state: ChatQueueState): WaitEstimate | null {
  if (state.capacity <= 0) return null;
  if (state.freeSlots > state.ahead) {
    return { p50Seconds: pickupSeconds.p50, p90Seconds: pickupSeconds.p90 };
  }
  const needed = state.ahead - state.freeSlots + 1;
  const rate = state.capacity / Math.max(state.meanHandleSeconds, 1);
  return {
    p50Seconds: Math.round(pickupSeconds.p50 + erlangQuantile(needed, rate, zScore.p50)),
    p90Seconds: Math.round(pickupSeconds.p90 + erlangQuantile(needed, rate, zScore.p90)),
  };
}
