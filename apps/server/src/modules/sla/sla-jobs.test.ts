import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { startJobWorker } from '../../platform/jobs.ts';
import { createTeam, openConversation } from '../conversations/conversations.test-helpers.ts';
import { addCustomerMessage } from '../conversations/index.ts';
import {
  checkConversationSla,
  recountConversationSla,
  slaBreachJobKey,
  slaTasks,
  slaWarningJobKey,
} from './sla.service.ts';
import { createPolicy, createTestClock, eventsOf, findJob, makeJobDue } from './sla.test-helpers.ts';

const clock = createTestClock();
let testApp: TestApp;
let admin: SignedInAgent;
let supervisor: SignedInAgent;
let assignee: SignedInAgent;
let frontTeam: { id: string; name: string };
let backupTeam: { id: string; name: string };

beforeAll(async () => {
  testApp = await startTestApp({ clock });
  admin = await signInAgent(testApp, 'admin');
  supervisor = await signInAgent(testApp, 'supervisor', { name: 'Vida Supervisor' });
  assignee = await signInAgent(testApp, 'agent', { name: 'Tomas Agent' });
  frontTeam = await createTeam(testApp, supervisor, [supervisor.id, assignee.id]);
  backupTeam = await createTeam(testApp, supervisor, []);
  // Around the clock, so the minutes below are plain minutes.
  await createPolicy(testApp, admin, {
    name: 'Front line',
    conditions: { teamIds: [frontTeam.id] },
    firstResponseMinutes: 60,
    warningMinutes: 10,
    onWarning: { notify: true, raisePriority: true, backupTeamId: null },
    onBreach: { notify: true, raisePriority: false, backupTeamId: backupTeam.id },
  });
});
afterAll(() => testApp.close());

const secondsBetween = (a: Date, b: Date) => Math.abs(a.getTime() - b.getTime()) / 1000;

async function notificationsOf(agentId: string) {
  return testApp.deps.db
    .selectFrom('notifications')
    .select(['kind', 'conversation_id'])
    .where('recipient_id', '=', agentId)
    .execute();
}

describe('warning and breach jobs', () => {
  it('are scheduled at the exact moments, warn with a raised priority, and on breach move the conversation to the backup team', async () => {
    const conversation = await openConversation(testApp, admin, {
      teamId: frontTeam.id,
      assigneeId: assignee.id,
    });
    expect(conversation.sla).toMatchObject({ policyName: 'Front line', state: 'ok' });
    const createdAt = new Date(conversation.createdAt);
    expect(new Date(conversation.sla!.firstResponseDueAt!).getTime()).toBe(createdAt.getTime() + 60 * 60_000);

    // The jobs wait in the queue for their moments: 50 and 60 minutes from now.
    const warningJob = await findJob(testApp, slaWarningJobKey(conversation.id));
    const breachJob = await findJob(testApp, slaBreachJobKey(conversation.id));
    expect(warningJob?.task_identifier).toBe('sla_warning');
    expect(breachJob?.task_identifier).toBe('sla_breach');
    expect(secondsBetween(warningJob!.run_at, new Date(Date.now() + 50 * 60_000))).toBeLessThan(30);
    expect(secondsBetween(breachJob!.run_at, new Date(Date.now() + 60 * 60_000))).toBeLessThan(30);

    const worker: Runner = await startJobWorker({
      pool: testApp.deps.pool,
      taskList: slaTasks(testApp.deps),
      crontab: '',
    });
    try {
      clock.advanceMinutes(51);
      await makeJobDue(testApp, slaWarningJobKey(conversation.id));
      await expect
        .poll(
          async () => (await eventsOf(testApp, admin, conversation.id)).events.map((event) => event.type),
          {
            timeout: 15_000,
          },
        )
        .toContain('sla_warning');
      const warned = await eventsOf(testApp, admin, conversation.id);
      expect(warned.priority).toBe('high');
      expect(warned.sla?.state).toBe('at_risk');
      expect(
        warned.events.filter((event) => event.type === 'sla_escalated').map((event) => event.data),
      ).toEqual([
        {
          stage: 'warning',
          action: 'notify',
          agentIds: expect.arrayContaining([assignee.id, supervisor.id]),
        },
        { stage: 'warning', action: 'raise_priority', from: 'normal', to: 'high' },
      ]);
      expect(await notificationsOf(assignee.id)).toContainEqual({
        kind: 'sla_warning',
        conversation_id: conversation.id,
      });

      clock.advanceMinutes(10);
      await makeJobDue(testApp, slaBreachJobKey(conversation.id));
      await expect
        .poll(async () => (await eventsOf(testApp, admin, conversation.id)).teamId, { timeout: 15_000 })
        .toBe(backupTeam.id);
      const breached = await eventsOf(testApp, admin, conversation.id);
      expect(breached.events.find((event) => event.type === 'sla_breached')?.data).toMatchObject({
        metrics: ['first_response'],
        policyName: 'Front line',
      });
      expect(breached.events.filter((event) => event.type === 'sla_escalated').at(-1)?.data).toMatchObject({
        stage: 'breach',
        action: 'move_team',
        from: frontTeam.id,
        to: backupTeam.id,
        teamName: backupTeam.name,
      });
      expect(await notificationsOf(supervisor.id)).toContainEqual({
        kind: 'sla_breach',
        conversation_id: conversation.id,
      });
      // In the backup team the front-line policy no longer applies: nothing is left to schedule.
      expect(breached.sla).toBeNull();
      expect(await findJob(testApp, slaBreachJobKey(conversation.id))).toBeUndefined();
    } finally {
      await worker.stop();
    }
  });

  it('a job made stale by the first response does nothing', async () => {
    const conversation = await openConversation(testApp, admin, {
      teamId: frontTeam.id,
      assigneeId: assignee.id,
    });
    const reply = await requestAs(testApp, assignee).post(
      `/api/v1/conversations/${conversation.id}/messages`,
      {
        body: 'We are on it.',
      },
    );
    expect(reply.statusCode).toBe(201);
    // The recompute removed both jobs; a copy that fired anyway re-checks and finds nothing due.
    expect(await findJob(testApp, slaWarningJobKey(conversation.id))).toBeUndefined();
    expect(await findJob(testApp, slaBreachJobKey(conversation.id))).toBeUndefined();
    clock.advanceMinutes(90);
    await checkConversationSla(testApp.deps, conversation.id);
    const after = await eventsOf(testApp, admin, conversation.id);
    expect(after.events.map((event) => event.type)).not.toContain('sla_breached');
    expect(after.priority).toBe('normal');
    expect(after.teamId).toBe(frontTeam.id);
  });

  it('pending stops the clock and a customer reply resumes it with the time that was left', async () => {
    const conversation = await openConversation(testApp, admin, { teamId: frontTeam.id });
    clock.advanceMinutes(20);
    const pending = await requestAs(testApp, admin).patch(`/api/v1/conversations/${conversation.id}`, {
      status: 'pending',
    });
    expect(pending.statusCode).toBe(200);
    expect(pending.json().sla).toMatchObject({ state: 'paused', firstResponseDueAt: null, dueAt: null });
    expect(await findJob(testApp, slaBreachJobKey(conversation.id))).toBeUndefined();

    // Three hours pass while we wait on the customer: none of it counts.
    clock.advanceMinutes(180);
    await checkConversationSla(testApp.deps, conversation.id);
    expect((await eventsOf(testApp, admin, conversation.id)).events.map((event) => event.type)).not.toContain(
      'sla_breached',
    );
    await addCustomerMessage(testApp.deps, conversation.id, { body: 'Here is the order number: 5521.' });
    const resumed = await eventsOf(testApp, admin, conversation.id);
    expect(resumed.sla?.state).toBe('ok');
    const remainingMs = new Date(resumed.sla!.dueAt!).getTime() - clock.now().getTime();
    expect(Math.abs(remainingMs - 40 * 60_000)).toBeLessThan(5_000);
    const breachJob = await findJob(testApp, slaBreachJobKey(conversation.id));
    expect(secondsBetween(breachJob!.run_at, new Date(Date.now() + 40 * 60_000))).toBeLessThan(30);
  });

  it('a new policy reaches the open backlog through the recount; a deleted one leaves nothing due', async () => {
    const lateTeam = await createTeam(testApp, supervisor, []);
    const conversation = await openConversation(testApp, admin, { teamId: lateTeam.id });
    expect(conversation.sla).toBeNull();
    const policy = await createPolicy(testApp, admin, {
      name: 'Late team',
      conditions: { teamIds: [lateTeam.id] },
      resolutionMinutes: 480,
    });
    await recountConversationSla(testApp.deps);
    const matched = await eventsOf(testApp, admin, conversation.id);
    expect(matched.sla).toMatchObject({ state: 'ok' });
    expect(await findJob(testApp, slaBreachJobKey(conversation.id))).toBeDefined();

    const deleted = await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${policy.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await eventsOf(testApp, admin, conversation.id)).sla).toBeNull();
    await recountConversationSla(testApp.deps);
    expect(await findJob(testApp, slaBreachJobKey(conversation.id))).toBeUndefined();
  });
});
