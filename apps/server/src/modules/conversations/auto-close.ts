import type { Deps } from '../../deps.ts';
import type { TaskList } from '../../platform/jobs.ts';
import { publishChange } from '../../platform/realtime.ts';
import { getSettings } from '../settings/index.ts';
import { planStatusChange } from './conversation-update.ts';
import { insertEvents, lockSolvedBefore, updateConversationRow } from './conversations.repository.ts';

// Small batches keep each transaction (and its row locks) short while agents keep working.
const defaultBatchSize = 200;
const dayMs = 86_400_000;

/**
 * Closes conversations solved more than `autoCloseAfterDays` ago, each with a system
 * `status_changed` event (reason `auto_close`) and a realtime change. Rows another worker holds
 * are skipped, so two workers never close the same conversation twice. Answers how many it closed.
 */
export async function closeSolvedConversations(
  deps: Pick<Deps, 'db' | 'clock'>,
  { batchSize = defaultBatchSize }: { batchSize?: number } = {},
): Promise<number> {
  const { autoCloseAfterDays } = await getSettings(deps);
  let closed = 0;
  for (;;) {
    const now = deps.clock.now();
    const solvedBefore = new Date(now.getTime() - autoCloseAfterDays * dayMs);
    const closedInBatch = await deps.db.transaction().execute(async (tx) => {
      const due = await lockSolvedBefore(tx, solvedBefore, batchSize);
      for (const { id } of due) {
        const change = planStatusChange('solved', 'closed', now, 'system');
        await updateConversationRow(tx, id, { ...change.set, updated_at: now });
        await insertEvents(tx, [
          {
            conversation_id: id,
            type: 'status_changed',
            actor_type: 'system',
            actor_agent_id: null,
            data: { ...change.events[0]!.data, reason: 'auto_close', afterDays: autoCloseAfterDays },
          },
        ]);
        await publishChange(tx, { type: 'conversation.updated', conversationId: id, changes: ['status'] });
      }
      return due.length;
    });
    closed += closedInBatch;
    if (closedInBatch < batchSize) return closed;
  }
}

/** graphile-worker tasks of this module; the worker role runs them. */
export function conversationTasks(deps: Pick<Deps, 'db' | 'clock'>): TaskList {
  return {
    close_solved_conversations: async () => {
      await closeSolvedConversations(deps);
    },
  };
}

/** Hourly, at minute 7; `?fill=2h` runs a missed hour after a restart. */
export const conversationCrontab = ['7 * * * * close_solved_conversations ?fill=2h'];
