import type { DemoConversation } from './demo-data.ts';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** How far back each further copy of the demo set goes when seeding at a larger scale. */
export const daysPerCopy = 30;

export type DemoTimeline = {
  /** When each message of the conversation was written, in order; the first opens it. */
  messageTimes: Date[];
  /** When the conversation reached its final status (after the last message). */
  settledAt: Date;
  /** When the auto-close job closes it; null unless it ends `closed` and that moment has passed. */
  closedAt: Date | null;
};

/**
 * Places a demo conversation in time: it starts `daysAgo` days before `now` during the working
 * day (varied by `index`, so the inbox does not show one timestamp), its messages follow at their
 * offsets, and nothing lands in the future — a conversation from today is moved earlier instead.
 * A closed conversation is closed by the auto-close job `autoCloseAfterDays` after it was solved;
 * when that moment is still to come, it stays solved (`closedAt` null), as it would in reality.
 */
export function planDemoTimeline(
  conversation: Pick<DemoConversation, 'daysAgo' | 'messages'>,
  options: {
    now: Date;
    index: number;
    copy: number;
    status: DemoConversation['status'];
    autoCloseAfterDays: number;
  },
): DemoTimeline {
  const { now, index, copy } = options;
  const offsets = conversation.messages.map((message) => message.afterHours * hourMs);
  const lastOffset = Math.max(0, ...offsets);
  // Settling (solving, putting on hold) follows the last message by a few minutes.
  const settleDelay = (5 + (index % 20)) * minuteMs;

  const day = new Date(now.getTime() - (conversation.daysAgo + copy * daysPerCopy) * dayMs);
  // 07:00–15:59 UTC: the working day in Vilnius, Bratislava, Warsaw, Budapest and London alike.
  day.setUTCHours(7 + ((index * 5) % 9), (index * 17) % 60, (index * 31) % 60, 0);
  const latestStart = now.getTime() - lastOffset - settleDelay - (10 + (index % 40)) * minuteMs;
  const start = Math.min(day.getTime(), latestStart);

  const settledAt = new Date(start + lastOffset + settleDelay);
  const closedAt =
    options.status === 'closed'
      ? new Date(settledAt.getTime() + options.autoCloseAfterDays * dayMs + (7 + (index % 50)) * minuteMs)
      : null;
  return {
    messageTimes: offsets.map((offset) => new Date(start + offset)),
    settledAt,
    closedAt: closedAt && closedAt.getTime() < now.getTime() ? closedAt : null,
  };
}
