import { describe, expect, it } from 'vitest';
import { type ChatLine, forecastChatWait, pickupSeconds } from './chat-wait.ts';

const now = Date.parse('2026-11-22T10:00:00Z');
const exponential = { kind: 'exponential', meanSeconds: 600 } as const;
const newVisitor = { kind: 'new', language: null } as const;

/** `count` chats waiting ahead, in languages nobody minds. */
function ahead(count: number, language: string | null = null): NonNullable<ChatLine['waiting']> {
  return Array.from({ length: count }, (_, index) => ({ id: `waiting-${index}`, language }));
}

/** `agents` online agents of 3 chats each, every slot taken by a chat that has just started. */
function busyLine(agents: number, handling: ChatLine['handling'] = exponential, waiting = 0): ChatLine {
  return {
    now,
    handling,
    waiting: ahead(waiting),
    agents: Array.from({ length: agents }, (_, index) => ({
      id: `agent-${index}`,
      maxChats: 3,
      activeSince: [now, now, now],
    })),
  };
}

const waitOf = (line: ChatLine, target: Parameters<typeof forecastChatWait>[1] = newVisitor) =>
  forecastChatWait(line, target)!.wait;

describe('the expected wait in the chat queue (ETA engine)', () => {
  it('is unknown (offline) when no agent can take chats', () => {
    expect(forecastChatWait({ now, handling: exponential, agents: [] }, newVisitor)).toBeNull();
    expect(
      forecastChatWait(
        { now, handling: exponential, agents: [{ id: 'a', maxChats: 0, activeSince: [] }] },
        newVisitor,
      ),
    ).toBeNull();
  });

  it.each([
    ['the first customer with a free slot', 0, 1],
    ['the third customer with three free slots', 2, 3],
  ])('is only the pickup delay for %s', (_case, waiting, freeSlots) => {
    const line: ChatLine = {
      now,
      handling: exponential,
      waiting: ahead(waiting),
      agents: [{ id: 'a', maxChats: 3, activeSince: Array(3 - freeSlots).fill(now) }],
    };
    expect(waitOf(line)).toEqual({ p50Seconds: pickupSeconds.p50, p90Seconds: pickupSeconds.p90 });
  });

  it.each([
    // Two agents × 3 busy slots, exponential 600 s → departures at 0.01/s; needed = ahead + 1.
    // Exact Erlang quantiles: k=1: P50 69.3 s, P90 230.3 s; k=3: 267.4 s, 532.2 s; k=10: 967.0 s, 1420.6 s.
    [0, 69.3, 230.3],
    [2, 267.4, 532.2],
    [9, 967.0, 1420.6],
  ])(
    'with %i ahead and every slot busy, reduces to the Erlang (queue-length) wait plus pickup',
    (waiting, exactP50, exactP90) => {
      const wait = waitOf(busyLine(2, exponential, waiting));
      // 300 simulated runs: a sampled P50 strays up to ~4 standard errors (8 % each for k=1) from
      // the exact one, a P90 somewhat more; the seed is fixed, so the figures are too.
      expect(Math.abs(wait.p50Seconds - pickupSeconds.p50 - exactP50) / exactP50).toBeLessThan(0.25);
      expect(Math.abs(wait.p90Seconds - pickupSeconds.p90 - exactP90) / exactP90).toBeLessThan(0.35);
    },
  );

  it('a chat already waiting is told the wait of its own place in the line', () => {
    const line = busyLine(2, exponential, 5);
    const third = waitOf(line, { kind: 'waiting', conversationId: 'waiting-2' });
    const sixth = waitOf(line, newVisitor);
    expect(third.p50Seconds).toBeLessThan(sixth.p50Seconds);
    expect(forecastChatWait(line, { kind: 'waiting', conversationId: 'not-in-line' })).toBeNull();
  });

  it('grows with the line and shrinks with more agents', () => {
    const short = waitOf(busyLine(2, exponential, 2));
    const long = waitOf(busyLine(2, exponential, 8));
    const moreAgents = waitOf(busyLine(4, exponential, 8));
    expect(long.p50Seconds).toBeGreaterThan(short.p50Seconds);
    expect(moreAgents.p50Seconds).toBeLessThan(long.p50Seconds);
    expect(long.p90Seconds).toBeGreaterThan(long.p50Seconds);
  });

  it('counts how long the chats in progress have already run when handling times are not memoryless', () => {
    // Lognormal with little spread around 10 minutes: a chat 9 minutes in ends about a minute from now.
    const lognormal = { kind: 'lognormal', mu: Math.log(600) - 0.02, sigma: 0.2, meanSeconds: 600 } as const;
    const fresh = waitOf(busyLine(1, lognormal));
    const nearlyDone: ChatLine = {
      now,
      handling: lognormal,
      agents: [{ id: 'a', maxChats: 3, activeSince: [now - 540_000, now - 540_000, now - 540_000] }],
    };
    expect(waitOf(nearlyDone).p50Seconds).toBeLessThan(fresh.p50Seconds / 2);
  });

  it('a Lithuanian visitor waits for the agent who chats in Lithuanian, not for the first free slot', () => {
    // Two agents, each with one chat that has just started and room for one: the English-only
    // agent's free slot is no use to a Lithuanian visitor once the Lithuanian agent is full.
    const line: ChatLine = {
      now,
      handling: exponential,
      waiting: [{ id: 'lt-ahead', language: 'lt' }],
      agents: [
        { id: 'lt', maxChats: 2, activeSince: [now], languages: ['lt', 'en'] },
        { id: 'en', maxChats: 2, activeSince: [now], languages: ['en'] },
      ],
    };
    const lithuanian = waitOf(line, { kind: 'new', language: 'lt' });
    const english = waitOf(line, { kind: 'new', language: 'en' });
    expect(english).toEqual({ p50Seconds: pickupSeconds.p50, p90Seconds: pickupSeconds.p90 });
    expect(lithuanian.p50Seconds).toBeGreaterThan(pickupSeconds.p50 + 200);
  });

  it('a language no online agent chats in does not leave the visitor without an estimate', () => {
    const line: ChatLine = {
      now,
      handling: exponential,
      agents: [{ id: 'en', maxChats: 2, activeSince: [], languages: ['en'] }],
    };
    expect(waitOf(line, { kind: 'new', language: 'hu' })).toEqual({
      p50Seconds: pickupSeconds.p50,
      p90Seconds: pickupSeconds.p90,
    });
  });

  it('visitors ahead who give up shorten the wait of those behind them', () => {
    const patient = busyLine(1, exponential, 6);
    const impatient = { ...patient, patience: { meanSeconds: 120 } };
    expect(waitOf(impatient).p50Seconds).toBeLessThan(waitOf(patient).p50Seconds * 0.7);
  });

  it('applies the calibration the chat queue learned: a P90 factor widens only the P90', () => {
    const line = busyLine(2, exponential, 4);
    const plain = forecastChatWait(line, newVisitor)!;
    const widened = forecastChatWait(
      { ...line, calibration: { p90Factor: 2, meanFactor: 1, outcomes: 500 } },
      newVisitor,
    )!;
    expect(widened.raw).toEqual(plain.raw);
    expect(widened.wait.p50Seconds).toBe(plain.wait.p50Seconds);
    expect(widened.wait.p90Seconds - widened.wait.p50Seconds).toBeCloseTo(
      2 * (plain.wait.p90Seconds - plain.wait.p50Seconds),
      -1,
    );
  });

  it('gives the same figures for the same line, so the wait recorded as a promise is the one shown', () => {
    expect(forecastChatWait(busyLine(2, exponential, 5), newVisitor)).toEqual(
      forecastChatWait(busyLine(2, exponential, 5), newVisitor),
    );
  });
});
