import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInAgent, signInAgent, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { notifyAgents } from './index.ts';
import { pruneReadNotifications } from './notifications.retention.ts';

let testApp: TestApp;
let agent: SignedInAgent;

beforeAll(async () => {
  testApp = await startTestApp();
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

const textsOf = async (recipientId: string) =>
  (
    await testApp.deps.db
      .selectFrom('notifications')
      .select('text')
      .where('recipient_id', '=', recipientId)
      .orderBy('text')
      .execute()
  ).map((row) => row.text);

describe('pruning notifications', () => {
  it('deletes those read more than 90 days ago and keeps recent and unread ones', async () => {
    for (const text of ['read long ago', 'read yesterday', 'unread and old']) {
      await notifyAgents(testApp.deps.db, {
        agentIds: [agent.id],
        kind: 'mention',
        conversationId: null,
        actorId: null,
        text,
      });
    }
    const setRead = (text: string, readAt: RawBuilder<Date> | null) =>
      testApp.deps.db
        .updateTable('notifications')
        .set({ read_at: readAt })
        .where('text', '=', text)
        .where('recipient_id', '=', agent.id)
        .execute();
    await setRead('read long ago', sql<Date>`now() - interval '91 days'`);
    await setRead('read yesterday', sql<Date>`now() - interval '1 day'`);
    await setRead('unread and old', null);

    expect(await pruneReadNotifications(testApp.deps)).toBe(1);
    expect(await textsOf(agent.id)).toEqual(['read yesterday', 'unread and old']);
  });
});
