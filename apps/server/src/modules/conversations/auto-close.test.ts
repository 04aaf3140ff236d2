import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { startJobWorker } from '../../platform/jobs.ts';
import type { Change } from '../../platform/realtime.ts';
import { closeSolvedConversations, conversationCrontab, conversationTasks } from './auto-close.ts';
import { openConversation } from './conversations.test-helpers.ts';

let testApp: TestApp;
let agent: SignedInAgent;
beforeAll(async () => {
  testApp = await startTestApp();
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

const dayMs = 86_400_000;

async function solvedDaysAgo(days: number) {
  const conversation = await openConversation(testApp, agent);
  await requestAs(testApp, agent).patch(`/api/v1/conversations/${conversation.id}`, { status: 'solved' });
  await testApp.deps.db
    .updateTable('conversations')
    .set({ solved_at: new Date(Date.now() - days * dayMs) })
    .where('id', '=', conversation.id)
    .execute();
  return conversation;
}

const detailOf = async (id: string) =>
  (await requestAs(testApp, agent).get(`/api/v1/conversations/${id}`)).json();

describe('closing solved conversations automatically', () => {
  it('closes those solved longer ago than the setting, with a system event and a realtime change each', async () => {
    await requestAs(testApp, await signInAgent(testApp, 'admin')).patch('/api/v1/settings', {
      autoCloseAfterDays: 3,
    });
    const old = await solvedDaysAgo(5);
    const recent = await solvedDaysAgo(2);
    const stillOpen = await openConversation(testApp, agent);
    const changes: Change[] = [];
    const unsubscribe = testApp.deps.changes.subscribe((change) => changes.push(change));

    const closed = await closeSolvedConversations(testApp.deps);
    expect(closed).toBe(1);
    const oldDetail = await detailOf(old.id);
    expect(oldDetail).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(oldDetail.events.at(-1)).toMatchObject({
      type: 'status_changed',
      actorType: 'system',
      actorAgentId: null,
      data: { from: 'solved', to: 'closed', reason: 'auto_close', afterDays: 3 },
    });
    expect((await detailOf(recent.id)).status).toBe('solved');
    expect((await detailOf(stillOpen.id)).status).toBe('new');

    await expect
      .poll(() => changes)
      .toContainEqual({ type: 'conversation.updated', conversationId: old.id, changes: ['status'] });
    unsubscribe();
  });

  it('running again closes nothing more', async () => {
    expect(await closeSolvedConversations(testApp.deps)).toBe(0);
  });

  it('works through more than one batch', async () => {
    const due = await Promise.all(Array.from({ length: 3 }, () => solvedDaysAgo(30)));
    expect(await closeSolvedConversations(testApp.deps, { batchSize: 2 })).toBe(3);
    for (const conversation of due) expect((await detailOf(conversation.id)).status).toBe('closed');
  });

  it('runs as the close_solved_conversations job on graphile-worker, scheduled hourly', async () => {
    expect(conversationCrontab).toEqual([
      expect.stringMatching(/^7 \* \* \* \* close_solved_conversations\b/),
    ]);
    const due = await solvedDaysAgo(10);
    const runner = await startJobWorker({
      pool: testApp.deps.pool,
      taskList: conversationTasks(testApp.deps),
      crontab: '',
    });
    try {
      await testApp.deps.jobs.addJob('close_solved_conversations', {});
      await expect.poll(async () => (await detailOf(due.id)).status, { timeout: 10_000 }).toBe('closed');
    } finally {
      await runner.stop();
    }
  });
});
