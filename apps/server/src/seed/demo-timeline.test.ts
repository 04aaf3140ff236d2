import { describe, expect, it } from 'vitest';
import { fromAgent, fromCustomer } from './demo-data.ts';
import { planDemoTimeline } from './demo-timeline.ts';

const now = new Date('2025-03-12T06:30:00Z');
const hour = 3_600_000;
const day = 24 * hour;
const thread = [fromCustomer(0, 'a'), fromAgent(3, 'b'), fromCustomer(26, 'c')];

describe('placing a demo conversation in time', () => {
  it.each([
    { case: 'five days ago', daysAgo: 5, copy: 0, expectedDay: '2025-03-07' },
    { case: 'the second copy, thirty days further back', daysAgo: 5, copy: 1, expectedDay: '2025-02-05' },
    { case: 'three weeks ago', daysAgo: 21, copy: 0, expectedDay: '2025-02-19' },
  ])('starts on the day it is due: $case', ({ daysAgo, copy, expectedDay }) => {
    const timeline = planDemoTimeline(
      { daysAgo, messages: thread },
      { now, index: 3, copy, status: 'open', autoCloseAfterDays: 4 },
    );
    expect(timeline.messageTimes[0]!.toISOString().slice(0, 10)).toBe(expectedDay);
  });

  it.each([
    { case: 'a message from today, before the working day started', messages: [fromCustomer(0, 'a')] },
    { case: 'a thread from yesterday that runs into today', messages: thread, daysAgo: 1 },
  ])('never puts anything in the future: $case', ({ messages, daysAgo = 0 }) => {
    for (let index = 0; index < 80; index += 1) {
      const timeline = planDemoTimeline(
        { daysAgo, messages },
        { now, index, copy: 0, status: 'solved', autoCloseAfterDays: 4 },
      );
      expect(timeline.settledAt.getTime()).toBeLessThan(now.getTime());
    }
  });

  it('keeps the messages at their offsets and settles the status after the last one', () => {
    const timeline = planDemoTimeline(
      { daysAgo: 6, messages: thread },
      { now, index: 0, copy: 0, status: 'pending', autoCloseAfterDays: 4 },
    );
    const [first, second, third] = timeline.messageTimes.map((time) => time.getTime());
    expect([second! - first!, third! - first!]).toEqual([3 * hour, 26 * hour]);
    expect(timeline.settledAt.getTime()).toBeGreaterThan(third!);
    expect(timeline.closedAt).toBeNull();
  });

  it.each([
    { case: 'solved long enough ago: closed by the job', daysAgo: 20, isClosed: true },
    { case: 'solved two days ago: the job has not run for it yet', daysAgo: 2, isClosed: false },
  ])('closes a closed conversation when auto-close would have: $case', ({ daysAgo, isClosed }) => {
    const timeline = planDemoTimeline(
      { daysAgo, messages: thread },
      { now, index: 7, copy: 0, status: 'closed', autoCloseAfterDays: 4 },
    );
    expect(timeline.closedAt !== null).toBe(isClosed);
    if (timeline.closedAt) {
      const afterSolve = timeline.closedAt.getTime() - timeline.settledAt.getTime();
      expect(afterSolve).toBeGreaterThan(4 * day);
      expect(afterSolve).toBeLessThan(4 * day + 2 * hour);
    }
  });
});
