import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { openConversation } from '../conversations/conversations.test-helpers.ts';
import { addBusinessTime, createCalendar } from './business-hours.ts';
import { createPolicy, createTestClock } from './sla.test-helpers.ts';

const clock = createTestClock();
let testApp: TestApp;
let admin: SignedInAgent;
let supervisor: SignedInAgent;
let agent: SignedInAgent;

const vilniusOffice = {
  name: 'Vilnius office',
  timeZone: 'Europe/Vilnius',
  weeklyHours: {
    mon: [{ from: '09:00', to: '17:00' }],
    tue: [{ from: '09:00', to: '17:00' }],
    wed: [{ from: '09:00', to: '17:00' }],
    thu: [{ from: '09:00', to: '17:00' }],
    fri: [{ from: '09:00', to: '13:00' }],
  },
  holidays: { country: 'LT' },
  closures: [{ start: '2026-12-31', reason: 'Stocktaking' }],
};

beforeAll(async () => {
  testApp = await startTestApp({ clock });
  admin = await signInAgent(testApp, 'admin');
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

describe('business-hours calendars', () => {
  it('an admin adds, changes and deletes a calendar; everyone signed in may read them', async () => {
    const created = await requestAs(testApp, admin).post('/api/v1/business-calendars', vilniusOffice);
    expect(created.statusCode, created.body).toBe(201);
    const calendar = created.json();
    expect(calendar).toMatchObject({
      name: 'Vilnius office',
      timeZone: 'Europe/Vilnius',
      holidays: { country: 'LT' },
    });

    const listed = await requestAs(testApp, agent).get('/api/v1/business-calendars');
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(calendar.id);

    const changed = await testApp.app.inject({
      method: 'PUT',
      url: `/api/v1/business-calendars/${calendar.id}`,
      headers: { authorization: `Bearer ${admin.token}` },
      payload: {
        ...vilniusOffice,
        weeklyHours: { ...vilniusOffice.weeklyHours, sat: [{ from: '10:00', to: '14:00' }] },
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().weeklyHours.sat).toEqual([{ from: '10:00', to: '14:00' }]);

    expect(
      (await requestAs(testApp, admin).delete(`/api/v1/business-calendars/${calendar.id}`)).statusCode,
    ).toBe(204);
  });

  it('refuses a calendar the arithmetic cannot use, naming the problem', async () => {
    const response = await requestAs(testApp, admin).post('/api/v1/business-calendars', {
      ...vilniusOffice,
      name: 'Nowhere',
      timeZone: 'Europe/Vilnus',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'sla.invalid_calendar',
      detail: expect.stringContaining('Vilnus'),
    });
  });

  it('agents and supervisors cannot change calendars', async () => {
    for (const who of [agent, supervisor]) {
      const response = await requestAs(testApp, who).post('/api/v1/business-calendars', {
        ...vilniusOffice,
        name: 'X',
      });
      expect(response.statusCode).toBe(403);
    }
  });

  it('a calendar a policy uses cannot be deleted', async () => {
    const calendar = (
      await requestAs(testApp, admin).post('/api/v1/business-calendars', { ...vilniusOffice, name: 'In use' })
    ).json();
    const policy = await createPolicy(testApp, admin, {
      name: 'Uses the calendar',
      isEnabled: false,
      firstResponseMinutes: 60,
      calendarId: calendar.id,
    });
    const response = await requestAs(testApp, admin).delete(`/api/v1/business-calendars/${calendar.id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('sla.calendar_in_use');
    await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${policy.id}`);
  });
});

describe('SLA policies', () => {
  it('agents and supervisors may read the policies but not change them', async () => {
    const policy = await createPolicy(testApp, admin, {
      name: 'Read only',
      isEnabled: false,
      resolutionMinutes: 600,
    });
    expect((await requestAs(testApp, agent).get('/api/v1/sla-policies')).statusCode).toBe(200);
    for (const who of [agent, supervisor]) {
      const requests = requestAs(testApp, who);
      expect((await requests.post('/api/v1/sla-policies', { name: 'Mine' })).statusCode).toBe(403);
      expect((await requests.patch(`/api/v1/sla-policies/${policy.id}`, { name: 'Mine' })).statusCode).toBe(
        403,
      );
      expect((await requests.delete(`/api/v1/sla-policies/${policy.id}`)).statusCode).toBe(403);
    }
    expect((await requestAs(testApp, null).get('/api/v1/sla-policies')).statusCode).toBe(401);
    await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${policy.id}`);
  });

  it('keeps an order: a policy inserted at a position moves the others down', async () => {
    const first = await createPolicy(testApp, admin, { name: 'First', isEnabled: false });
    const second = await createPolicy(testApp, admin, { name: 'Second', isEnabled: false });
    const inserted = await createPolicy(testApp, admin, { name: 'Inserted', isEnabled: false, position: 0 });
    const names = async () =>
      (
        (await requestAs(testApp, admin).get('/api/v1/sla-policies')).json().items as Array<{ name: string }>
      ).map((policy) => policy.name);
    expect(await names()).toEqual(['Inserted', 'First', 'Second']);
    await requestAs(testApp, admin).patch(`/api/v1/sla-policies/${inserted.id}`, { position: 5 });
    expect(await names()).toEqual(['First', 'Second', 'Inserted']);
    for (const policy of [first, second, inserted]) {
      expect((await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${policy.id}`)).statusCode).toBe(
        204,
      );
    }
  });

  it('validates targets and names unknown teams', async () => {
    const negative = await requestAs(testApp, admin).post('/api/v1/sla-policies', {
      name: 'Bad',
      firstResponseMinutes: -5,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].path).toContain('firstResponseMinutes');
    const unknownTeam = await requestAs(testApp, admin).post('/api/v1/sla-policies', {
      name: 'Bad team',
      onBreach: { backupTeamId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownTeam.statusCode).toBe(422);
    expect(unknownTeam.json().code).toBe('sla.unknown_team');
  });
});

describe('conversations against their policy', () => {
  it('the first matching policy in order applies; conversations carry due times and show up in the at-risk and breached views', async () => {
    const vip = await createPolicy(testApp, admin, {
      name: 'VIP email',
      conditions: { channels: ['email'], tags: ['vip'] },
      firstResponseMinutes: 30,
      warningMinutes: 10,
    });
    const fallback = await createPolicy(testApp, admin, { name: 'Everyone else', firstResponseMinutes: 240 });

    const vipConversation = await openConversation(testApp, agent, { channel: 'email', tags: ['vip'] });
    const other = await openConversation(testApp, agent, { channel: 'chat', tags: ['vip'] });
    expect(vipConversation.sla).toMatchObject({ policyId: vip.id, state: 'ok' });
    expect(other.sla).toMatchObject({ policyId: fallback.id, state: 'ok' });
    const due = new Date(vipConversation.sla!.firstResponseDueAt!).getTime();
    expect(due - new Date(vipConversation.createdAt).getTime()).toBe(30 * 60_000);

    const idsIn = async (sla: string) =>
      (
        (await requestAs(testApp, agent).get('/api/v1/conversations', { query: { sla } })).json()
          .items as Array<{
          id: string;
        }>
      ).map((item) => item.id);
    const counts = async () => (await requestAs(testApp, agent).get('/api/v1/conversations/counts')).json();

    expect(await idsIn('at_risk')).not.toContain(vipConversation.id);
    clock.advanceMinutes(25);
    expect(await idsIn('at_risk')).toContain(vipConversation.id);
    expect(await idsIn('breached')).not.toContain(vipConversation.id);
    expect((await counts()).atRisk).toBeGreaterThanOrEqual(1);

    clock.advanceMinutes(10);
    expect(await idsIn('breached')).toContain(vipConversation.id);
    expect(await idsIn('breached')).not.toContain(other.id);
    const detail = (
      await requestAs(testApp, agent).get(`/api/v1/conversations/${vipConversation.id}`)
    ).json();
    expect(detail.sla.state).toBe('breached');
    expect((await counts()).breached).toBeGreaterThanOrEqual(1);

    // Untagging changes which policy applies: the recompute follows every relevant change.
    const untagged = await requestAs(testApp, agent).patch(`/api/v1/conversations/${vipConversation.id}`, {
      tags: [],
    });
    expect(untagged.json().sla).toMatchObject({ policyId: fallback.id, state: 'ok' });
    const events = (await requestAs(testApp, agent).get(`/api/v1/conversations/${vipConversation.id}`)).json()
      .events;
    expect(
      events
        .filter((event: { type: string }) => event.type === 'sla_policy_applied')
        .map((event: { data: { policyName: string } }) => event.data.policyName),
    ).toEqual(['VIP email', 'Everyone else']);

    await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${vip.id}`);
    await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${fallback.id}`);
  });

  it('a reply meets the first response target; solving ends the SLA', async () => {
    const policy = await createPolicy(testApp, admin, {
      name: 'Standard',
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
    });
    const conversation = await openConversation(testApp, agent);
    const replied = await requestAs(testApp, agent).post(
      `/api/v1/conversations/${conversation.id}/messages`,
      {
        body: 'Thanks, looking into it.',
      },
    );
    expect(replied.statusCode).toBe(201);
    const afterReply = (
      await requestAs(testApp, agent).get(`/api/v1/conversations/${conversation.id}`)
    ).json();
    expect(afterReply.sla).toMatchObject({ firstResponseDueAt: null, dueAt: afterReply.sla.resolutionDueAt });
    const pending = await requestAs(testApp, agent).patch(`/api/v1/conversations/${conversation.id}`, {
      status: 'pending',
    });
    expect(pending.json().sla).toMatchObject({ state: 'paused', resolutionDueAt: null });
    const solved = await requestAs(testApp, agent).patch(`/api/v1/conversations/${conversation.id}`, {
      status: 'solved',
    });
    expect(solved.json().sla).toBeNull();
    await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${policy.id}`);
  });

  it('targets count in business time of the policy’s calendar', async () => {
    const calendar = (
      await requestAs(testApp, admin).post('/api/v1/business-calendars', { ...vilniusOffice, name: 'Phones' })
    ).json();
    const policy = await createPolicy(testApp, admin, {
      name: 'Phone calls',
      conditions: { channels: ['phone'] },
      firstResponseMinutes: 240,
      calendarId: calendar.id,
    });
    const conversation = await openConversation(testApp, agent, { channel: 'phone' });
    const expected = addBusinessTime(
      createCalendar({ ...vilniusOffice, holidays: { country: 'LT' } }),
      new Date(conversation.createdAt),
      240 * 60,
    );
    expect(conversation.sla?.policyId).toBe(policy.id);
    expect(conversation.sla?.firstResponseDueAt).toBe(expected.toISOString());
    await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${policy.id}`);
  });

  it('a conversation waiting on the customer with every target met shows no SLA, not a paused one', async () => {
    const policy = await createPolicy(testApp, admin, {
      name: 'First response only',
      firstResponseMinutes: 30,
    });
    const conversation = await openConversation(testApp, agent);
    await requestAs(testApp, agent).post(`/api/v1/conversations/${conversation.id}/messages`, {
      body: 'Could you send us the order number?',
      status: 'pending',
    });
    const detail = (await requestAs(testApp, agent).get(`/api/v1/conversations/${conversation.id}`)).json();
    expect(detail.status).toBe('pending');
    expect(detail.sla).toBeNull();
    await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${policy.id}`);
  });

  it('sorts by the earliest due time, page by page, with conversations without one last', async () => {
    const urgent = await createPolicy(testApp, admin, {
      name: 'Urgent sorted',
      conditions: { priorities: ['urgent'], tags: ['due-order'] },
      firstResponseMinutes: 10,
    });
    const normal = await createPolicy(testApp, admin, {
      name: 'Normal sorted',
      conditions: { priorities: ['normal'], tags: ['due-order'] },
      firstResponseMinutes: 60,
    });
    const later = await openConversation(testApp, agent, { tags: ['due-order'] });
    const sooner = await openConversation(testApp, agent, { tags: ['due-order'], priority: 'urgent' });
    const without = await openConversation(testApp, agent, { tags: ['due-order'], priority: 'low' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (
        await requestAs(testApp, agent).get('/api/v1/conversations', {
          query: { tag: 'due-order', sort: 'sla_due_asc', limit: '1', ...(cursor ? { cursor } : {}) },
        })
      ).json();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([sooner.id, later.id, without.id]);
    for (const policy of [urgent, normal])
      await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${policy.id}`);
  });
});
