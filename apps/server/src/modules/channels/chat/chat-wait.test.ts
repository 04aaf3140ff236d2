import { describe, expect, it } from 'vitest';
import { type ChatLine, forecastChatWait, pickupSeconds } from './chat-wait.ts';

const now = Date.parse('2026-11-22T10:00:00Z');
const exponential = { kind: 'exponential', meanSeconds: 600 } as const;

/** `agents` online agents of 3 chats each, every slot taken by a chat that has just started. */
function busyLine(agents: number, handling: ChatLine['handling'] = exponential): ChatLine {
  return {
    now,
    handling,
    agents: Array.from({ length: agents }, (_, index) => ({
      id: `agent-${index}`,
      maxChats: 3,
      activeSince: [now, now, now],
    })),
  };
}

describe('the expected wait in the chat queue (ETA engine)', () => {
  it('is unknown (offline) when no agent can take chats', () => {
    expect(forecastChatWait({ now, handling: exponential, agents: [] }, 0)).toBeNull();
    expect(
      forecastChatWait(
        { now, handling: exponential, agents: [{ id: 'a', maxChats: 0, activeSince: [] }] },
        0,
      ),
    ).toBeNull();
  });

  it.each([
    ['the first customer with a free slot', 0, 1],
    ['the third customer with three free slots', 2, 3],
  ])('is only the pickup delay for %s', (_case, ahead, freeSlots) => {
    const line: ChatLine = {
      now,
      handling: exponential,
      agents: [{ id: 'a', maxChats: 3, activeSince: Array(3 - freeSlots).fill(now) }],
    };
    expect(forecastChatWait(line, ahead)).toEqual({
      p50Seconds: pickupSeconds.p50,
      p90Seconds: pickupSeconds.p90,
    });
  });

  it.each([
    // Two agents × 3 busy slots, exponential 600 s → departures at 0.01/s; needed = ahead + 1.
    // Exact Erlang quantiles: k=1: P50 69.3 s, P90 230.3 s; k=3: 267.4 s, 532.2 s; k=10: 967.0 s, 1420.6 s.
    [0, 69.3, 230.3],
    [2, 267.4, 532.2],
    [9, 967.0, 1420.6],
  ])(
    'with %i ahead and every slot busy, reduces to the Erlang (queue-length) wait plus pickup',
    (ahead, exactP50, exactP90) => {
      const wait = forecastChatWait(busyLine(2), ahead)!;
      // 300 simulated runs: a sampled P50 strays up to ~4 standard errors (8 % each for k=1) from
      // the exact one, a P90 somewhat more; the seed is fixed, so the figures are too.
      expect(Math.abs(wait.p50Seconds - pickupSeconds.p50 - exactP50) / exactP50).toBeLessThan(0.25);
      expect(Math.abs(wait.p90Seconds - pickupSeconds.p90 - exactP90) / exactP90).toBeLessThan(0.35);
    },
  );

  it('grows with the line and shrinks with more agents', () => {
    const short = forecastChatWait(busyLine(2), 2)!;
    const long = forecastChatWait(busyLine(2), 8)!;
    const moreAgents = forecastChatWait(busyLine(4), 8)!;
    expect(long.p50Seconds).toBeGreaterThan(short.p50Seconds);
    expect(moreAgents.p50Seconds).toBeLessThan(long.p50Seconds);
    expect(long.p90Seconds).toBeGreaterThan(long.p50Seconds);
  });

  it('counts how long the chats in progress have already run when handling times are not memoryless', () => {
    // Lognormal with little spread around 10 minutes: a chat 9 minutes in ends about a minute from now.
    const lognormal = { kind: 'lognormal', mu: Math.log(600) - 0.02, sigma: 0.2, meanSeconds: 600 } as const;
    const fresh = forecastChatWait(busyLine(1, lognormal), 0)!;
    const nearlyDone: ChatLine = {
      now,
      handling: lognormal,
      agents: [{ id: 'a', maxChats: 3, activeSince: [now - 540_000, now - 540_000, now - 540_000] }],
    };
    expect(forecastChatWait(nearlyDone, 0)!.p50Seconds).toBeLessThan(fresh.p50Seconds / 2);
  });

  it('gives the same figures for the same line, so the wait recorded as a promise is the one shown', () => {
    expect(forecastChatWait(busyLine(2), 5)).toEqual(forecastChatWait(busyLine(2), 5));
  });
});
