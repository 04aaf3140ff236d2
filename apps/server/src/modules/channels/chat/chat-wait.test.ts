import { describe, expect, it } from 'vitest';
import { estimateChatWait, pickupSeconds } from './chat-wait.ts';

const base = { ahead: 0, capacity: 6, freeSlots: 0, meanHandleSeconds: 600 };

describe('the expected wait in the chat queue', () => {
  it('is unknown (offline) when no agent can take chats', () => {
    expect(estimateChatWait({ ...base, capacity: 0, freeSlots: 0 })).toBeNull();
  });

  it.each([
    ['the first customer with a free slot', { ahead: 0, freeSlots: 1 }],
    ['the third customer with three free slots', { ahead: 2, freeSlots: 3 }],
  ])('is only the pickup delay for %s', (_case, state) => {
    expect(estimateChatWait({ ...base, ...state })).toEqual({
      p50Seconds: pickupSeconds.p50,
      p90Seconds: pickupSeconds.p90,
    });
  });

  it.each([
    // needed departures, capacity 6, mean 600 s → rate 0.01/s; exact Erlang medians:
    // k=1: 69.3 s, k=3: 267.4 s, k=10: 967.0 s. P90: k=1: 230.3 s, k=3: 532.2 s, k=10: 1420.6 s.
    [{ ahead: 0, freeSlots: 0 }, 69.3, 230.3],
    [{ ahead: 2, freeSlots: 0 }, 267.4, 532.2],
    [{ ahead: 12, freeSlots: 3 }, 967.0, 1420.6],
  ])('with %o waits about the Erlang quantiles plus the pickup delay', (state, exactP50, exactP90) => {
    const wait = estimateChatWait({ ...base, ...state })!;
    expect(Math.abs(wait.p50Seconds - pickupSeconds.p50 - exactP50) / exactP50).toBeLessThan(0.02);
    expect(Math.abs(wait.p90Seconds - pickupSeconds.p90 - exactP90) / exactP90).toBeLessThan(0.02);
  });

  it('grows with the line and shrinks with more agents', () => {
    const short = estimateChatWait({ ...base, ahead: 2 })!;
    const long = estimateChatWait({ ...base, ahead: 8 })!;
    const moreAgents = estimateChatWait({ ...base, ahead: 8, capacity: 12 })!;
    expect(long.p50Seconds).toBeGreaterThan(short.p50Seconds);
    expect(moreAgents.p50Seconds).toBeLessThan(long.p50Seconds);
    expect(long.p90Seconds).toBeGreaterThan(long.p50Seconds);
  });

  it('for a long line has the queue-length predictor’s mean, (ahead + 1) / (capacity × rate)', () => {
    const wait = estimateChatWait({ ...base, ahead: 99 })!;
    const queueLengthMean = (100 / 6) * 600;
    // the Erlang median sits just under its mean: k(1 - 1/9k)^3 / rate
    expect((wait.p50Seconds - pickupSeconds.p50) / queueLengthMean).toBeCloseTo(0.9967, 3);
  });
});
