import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { openConversation } from './conversations.test-helpers.ts';

let testApp: TestApp;
let supervisor: SignedInAgent;
let agent: SignedInAgent;

beforeAll(async () => {
  testApp = await startTestApp();
  supervisor = await signInAgent(testApp, 'supervisor', { name: 'Rasa Supervisor' });
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

const assignedNotificationsOf = async (who: SignedInAgent) =>
  ((await requestAs(testApp, who).get('/api/v1/notifications')).json().items as { kind: string }[]).filter(
    (item) => item.kind === 'assigned',
  );

describe('assignment notifications', () => {
  it('tell an agent when a colleague assigns them a conversation', async () => {
    const conversation = await openConversation(testApp, supervisor, { subject: 'Broken charger' });
    const assigned = await requestAs(testApp, supervisor).patch(`/api/v1/conversations/${conversation.id}`, {
      assigneeId: agent.id,
    });
    expect(assigned.statusCode).toBe(200);
    expect(await assignedNotificationsOf(agent)).toEqual([
      expect.objectContaining({
        kind: 'assigned',
        text: 'Broken charger',
        actor: { id: supervisor.id, name: 'Rasa Supervisor' },
        conversation: expect.objectContaining({ id: conversation.id }),
      }),
    ]);
  });

  it('stay quiet when agents take work themselves or nothing changes', async () => {
    const before = (await assignedNotificationsOf(agent)).length;
    const conversation = await openConversation(testApp, supervisor, { subject: 'Free work' });
    const taken = await requestAs(testApp, agent).patch(`/api/v1/conversations/${conversation.id}`, {
      assigneeId: agent.id,
    });
    expect(taken.statusCode).toBe(200);
    const again = await requestAs(testApp, agent).patch(`/api/v1/conversations/${conversation.id}`, {
      assigneeId: agent.id,
      priority: 'high',
    });
    expect(again.statusCode).toBe(200);
    expect(await assignedNotificationsOf(agent)).toHaveLength(before);
  });
});
