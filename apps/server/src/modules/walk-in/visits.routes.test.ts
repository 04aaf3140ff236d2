import type { Ticket } from '@frontline/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent, type TestApp } from '../../../test/support/app.ts';
import { listPromises } from './visits.repository.ts';
import { createLocationWith, startWalkInTestApp } from './walk-in.test-helpers.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let clerk: SignedInAgent;
let outsider: SignedInAgent;
/** The test moves time forward to pass grace periods. */
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

beforeAll(async () => {
  testApp = await startWalkInTestApp({ clock });
  admin = await signInAgent(testApp, 'admin');
  clerk = await signInAgent(testApp, 'agent', { name: 'Rasa Clerk' });
  outsider = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

async function setUp() {
  return createLocationWith(testApp, admin, {
    services: [
      { prefix: 'A', name: 'Passports', agentIds: [clerk.id] },
      { prefix: 'B', name: 'Residence permits', agentIds: [clerk.id] },
    ],
    desks: ['Desk 1', 'Desk 2'],
  });
}

async function takeTicket(locationId: string, serviceId: string, extra: Record<string, unknown> = {}) {
  const response = await requestAs(testApp, null).post(
    `/api/v1/public/walk-in/locations/${locationId}/tickets`,
    {
      serviceId,
      language: 'lt',
      ...extra,
    },
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Ticket;
}

/** Open only one hour a day, starting three hours from now in Vilnius: closed whenever the test runs. */
function closedNow() {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Vilnius',
    }).format(clock.now()),
  );
  const from = (hour + 3) % 24;
  const hours = [
    {
      from: `${String(from).padStart(2, '0')}:00`,
      to: from === 23 ? '24:00' : `${String(from + 1).padStart(2, '0')}:00`,
    },
  ];
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return { weeklyHours: Object.fromEntries(days.map((day) => [day, hours])), holidayCountry: null };
}

const desk = (agent: SignedInAgent) => requestAs(testApp, agent);

describe('taking a ticket at the kiosk', () => {
  it('numbers tickets per letter, places them in line with a wait, and opens a walk-in conversation', async () => {
    const { locationId, services } = await setUp();
    const first = await takeTicket(locationId, services.A!);
    const second = await takeTicket(locationId, services.A!);
    const other = await takeTicket(locationId, services.B!);
    expect([first.ticket, second.ticket, other.ticket]).toEqual(['A-001', 'A-002', 'B-001']);
    expect(first).toMatchObject({
      status: 'waiting',
      position: 0,
      language: 'lt',
      serviceNames: { en: 'Passports' },
    });
    expect(second.position).toBe(1);
    expect(other.position).toBe(0);
    expect(second.wait!.aboutMinutes).toBeGreaterThan(first.wait!.aboutMinutes);
    expect(second.wait!.latestMinutes).toBeGreaterThanOrEqual(second.wait!.aboutMinutes);

    const line = await desk(clerk).get(`/api/v1/walk-in/locations/${locationId}/line`);
    const visit = line.json().items.find((item: { ticket: string }) => item.ticket === 'A-001');
    const conversation = await desk(admin).get(`/api/v1/conversations/${visit.conversationId}`);
    expect(conversation.json()).toMatchObject({
      channel: 'walk_in',
      subject: expect.stringContaining('A-001'),
    });
    // The wait shown at the kiosk is a recorded promise.
    const promises = await listPromises(testApp.deps.db, visit.id);
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({ source: 'kiosk', resolved_at: null, location_id: locationId });
    // The engine's own forecast is kept beside what was shown: the location calibrates on it.
    expect(promises[0]!.forecast).toMatchObject({
      p50Seconds: expect.any(Number),
      onDutySeconds: expect.any(Array),
    });
  });

  it('promises later waits where calls came later than the engine said (online calibration)', async () => {
    const { locationId, services } = await setUp();
    const before = await takeTicket(locationId, services.A!);
    const beforeVisit = (await desk(clerk).get(`/api/v1/walk-in/locations/${locationId}/line`))
      .json()
      .items.find((item: { ticket: string }) => item.ticket === before.ticket);
    // 400 earlier visits of this location were called three times later than forecast.
    const forecast = { p50Seconds: 300, p90Seconds: 900, meanSeconds: 360, onDutySeconds: [[0, 86_400]] };
    await testApp.deps.db
      .insertInto('walk_in_promises')
      .values(
        Array.from({ length: 400 }, (_, index) => ({
          visit_id: beforeVisit.id,
          location_id: locationId,
          source: 'kiosk' as const,
          p50_seconds: 300,
          p90_seconds: 900,
          promised_at: new Date(clock.now().getTime() - (index + 2) * 3600_000),
          resolved_at: new Date(clock.now().getTime() - (index + 2) * 3600_000 + 1080_000),
          actual_seconds: 1080,
          is_kept: false,
          forecast: JSON.stringify(forecast),
        })),
      )
      .execute();
    // The factors are re-read at most once a minute.
    offsetMs += 61_000;
    const after = await takeTicket(locationId, services.A!);
    const afterPromises = await testApp.deps.db
      .selectFrom('walk_in_promises')
      .innerJoin('walk_in_visits', 'walk_in_visits.id', 'walk_in_promises.visit_id')
      .select(['walk_in_promises.p50_seconds', 'walk_in_promises.forecast'])
      .where('walk_in_visits.ticket', '=', after.ticket)
      .where('walk_in_visits.location_id', '=', locationId)
      .execute();
    const raw = (afterPromises[0]!.forecast as { p50Seconds: number }).p50Seconds;
    // Shown (and promised) about three times the engine's own P50.
    expect(after.wait!.aboutMinutes * 60).toBeGreaterThan(2.4 * raw);
    expect(afterPromises[0]!.p50_seconds).toBe(after.wait!.aboutMinutes * 60);
  });

  it('a customer who leaves a phone number is the same customer next time', async () => {
    const { locationId, services } = await setUp();
    const phone = '+37060012345';
    await takeTicket(locationId, services.A!, { phone });
    await takeTicket(locationId, services.B!, { phone });
    const items = (await desk(clerk).get(`/api/v1/walk-in/locations/${locationId}/line`)).json().items;
    expect(items[0].customerId).toBe(items[1].customerId);
  });

  it.each([
    [
      'joining remotely where the location does not allow it',
      { allowsRemoteJoin: false },
      { source: 'remote' },
      403,
      'walk_in.remote_join_not_allowed',
    ],
    ['a closed location', { openingHours: closedNow() }, {}, 409, 'walk_in.closed'],
  ])('%s is refused', async (_case, locationChange, body, status, code) => {
    const { locationId, services } = await setUp();
    const changed = await desk(admin).patch(`/api/v1/walk-in/locations/${locationId}`, locationChange);
    expect(changed.statusCode, changed.body).toBe(200);
    const response = await requestAs(testApp, null).post(
      `/api/v1/public/walk-in/locations/${locationId}/tickets`,
      {
        serviceId: services.A,
        ...body,
      },
    );
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
  });

  it('stops giving tickets when the daily capacity is reached', async () => {
    const { locationId, services } = await setUp();
    await desk(admin).patch(`/api/v1/walk-in/services/${services.A}`, { dailyCapacity: 2 });
    await takeTicket(locationId, services.A!);
    await takeTicket(locationId, services.A!);
    const third = await requestAs(testApp, null).post(
      `/api/v1/public/walk-in/locations/${locationId}/tickets`,
      {
        serviceId: services.A,
      },
    );
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe('walk_in.capacity_reached');
    const board = await requestAs(testApp, null).get(`/api/v1/public/walk-in/locations/${locationId}/board`);
    expect(board.json().services.find((s: { prefix: string }) => s.prefix === 'A').isTakingTickets).toBe(
      false,
    );
  });

  it('a service of another location or a malformed token is a clear 4xx', async () => {
    const { locationId } = await setUp();
    const foreign = await setUp();
    const response = await requestAs(testApp, null).post(
      `/api/v1/public/walk-in/locations/${locationId}/tickets`,
      {
        serviceId: foreign.services.A,
      },
    );
    expect(response.statusCode).toBe(404);
    expect((await requestAs(testApp, null).get('/api/v1/public/walk-in/visits/short')).statusCode).toBe(400);
    const unknown = await requestAs(testApp, null).get(
      '/api/v1/public/walk-in/visits/AAAAAAAAAAAAAAAAAAAAAAAA',
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe('working a desk', () => {
  it('an agent may only sign in for services they serve, and only at a free desk', async () => {
    const { services, desks } = await setUp();
    const denied = await desk(outsider).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-in`, {
      serviceIds: [services.A],
    });
    expect(denied.statusCode).toBe(403);
    const signedIn = await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-in`, {
      serviceIds: [services.A],
    });
    expect(signedIn.json()).toMatchObject({ agentId: clerk.id, serviceIds: [services.A], current: null });
    const taken = await desk(admin).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-in`, {
      serviceIds: [services.A],
    });
    expect(taken.json().code).toBe('walk_in.desk_taken');
    expect((await desk(clerk).get('/api/v1/walk-in/my-desk')).json().desk.deskName).toBe('Desk 1');
    await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-out`);
  });

  it('call next takes the oldest visit of the desk’s services, assigns its conversation and keeps the promise', async () => {
    const { locationId, services, desks } = await setUp();
    const passport = await takeTicket(locationId, services.A!);
    await takeTicket(locationId, services.B!);
    await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 2']}/sign-in`, {
      serviceIds: [services.A, services.B],
    });
    const called = (await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 2']}/call-next`)).json();
    expect(called.current).toMatchObject({ ticket: passport.ticket, status: 'called', callCount: 1 });

    const busy = await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 2']}/call-next`);
    expect(busy.json().code).toBe('walk_in.desk_busy');

    const tracked = (
      await requestAs(testApp, null).get(`/api/v1/public/walk-in/visits/${passport.trackingToken}`)
    ).json();
    expect(tracked).toMatchObject({ status: 'called', deskName: 'Desk 2', position: null });
    const conversation = (
      await desk(admin).get(`/api/v1/conversations/${called.current.conversationId}`)
    ).json();
    expect(conversation.assigneeId).toBe(clerk.id);
    const [promise] = await listPromises(testApp.deps.db, called.current.id);
    expect(promise, JSON.stringify(promise)).toMatchObject({ is_kept: true });

    const board = (
      await requestAs(testApp, null).get(`/api/v1/public/walk-in/locations/${locationId}/board`)
    ).json();
    expect(board.recentCalls[0]).toMatchObject({ ticket: 'A-001', deskName: 'Desk 2' });

    await desk(clerk).post(`/api/v1/walk-in/visits/${called.current.id}/start`);
    const finished = await desk(clerk).post(`/api/v1/walk-in/visits/${called.current.id}/finish`, {
      outcome: 'resolved',
      note: 'Passport application accepted.',
    });
    expect(finished.json()).toMatchObject({ status: 'done', outcome: 'resolved' });
    const solved = (await desk(admin).get(`/api/v1/conversations/${called.current.conversationId}`)).json();
    expect(solved.status).toBe('solved');
    expect(solved.messages.at(-1)).toMatchObject({
      visibility: 'internal',
      body: expect.stringContaining('Passport application accepted.'),
    });
    await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 2']}/sign-out`);
  });

  it('a no-show needs the grace period; a late customer is re-admitted near the front', async () => {
    const { locationId, services, desks } = await setUp();
    const late = await takeTicket(locationId, services.A!);
    const patient = await takeTicket(locationId, services.A!);
    await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-in`, { serviceIds: [services.A] });
    const visit = (await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/call-next`)).json()
      .current;
    expect(visit.ticket).toBe(late.ticket);
    expect((await desk(clerk).post(`/api/v1/walk-in/visits/${visit.id}/recall`)).json().callCount).toBe(2);

    const early = await desk(clerk).post(`/api/v1/walk-in/visits/${visit.id}/no-show`);
    expect(early.json().code).toBe('walk_in.grace_not_over');
    offsetMs += 121_000;
    const noShow = await desk(clerk).post(`/api/v1/walk-in/visits/${visit.id}/no-show`);
    expect(noShow.json().status).toBe('no_show');

    const readmitted = await desk(clerk).post(`/api/v1/walk-in/visits/${visit.id}/readmit`);
    expect(readmitted.json().status).toBe('waiting');
    const line = (await desk(clerk).get(`/api/v1/walk-in/locations/${locationId}/line`)).json().items;
    // The patient customer waited longer than the grace credit, so they stay ahead.
    expect(line.map((item: { ticket: string }) => item.ticket)).toEqual([patient.ticket, late.ticket]);
    await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-out`);
  });

  it('a transfer sends the visit to another line by its arrival, or straight to a desk', async () => {
    const { locationId, services, desks } = await setUp();
    const moving = await takeTicket(locationId, services.A!);
    const permitWaiting = await takeTicket(locationId, services.B!);
    await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-in`, { serviceIds: [services.A] });
    const visit = (await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/call-next`)).json()
      .current;
    expect(visit.ticket).toBe(moving.ticket);
    const transferred = await desk(clerk).post(`/api/v1/walk-in/visits/${visit.id}/transfer`, {
      serviceId: services.B,
    });
    expect(transferred.json()).toMatchObject({ status: 'waiting', serviceId: services.B });
    const line = (await desk(clerk).get(`/api/v1/walk-in/locations/${locationId}/line`)).json().items;
    // It arrived before the permit customer, so it is first in the permit line.
    expect(line.map((item: { ticket: string; position: number }) => [item.ticket, item.position])).toEqual([
      [moving.ticket, 0],
      [permitWaiting.ticket, 1],
    ]);

    // Sent to Desk 2 directly: Desk 1 (serving both) does not get it, Desk 2 does.
    await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-in`, {
      serviceIds: [services.A, services.B],
    });
    const again = (await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/call-next`)).json()
      .current;
    expect(again.ticket).toBe(moving.ticket);
    await desk(clerk).post(`/api/v1/walk-in/visits/${again.id}/transfer`, { deskId: desks['Desk 2'] });
    const next = (await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/call-next`)).json()
      .current;
    expect(next.ticket).toBe(permitWaiting.ticket);
    await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-out`);
    await desk(admin).post(`/api/v1/walk-in/desks/${desks['Desk 2']}/sign-in`, { serviceIds: [services.A] });
    const atDesk2 = (await desk(admin).post(`/api/v1/walk-in/desks/${desks['Desk 2']}/call-next`)).json()
      .current;
    expect(atDesk2.ticket).toBe(moving.ticket);
  });

  it('an agent cannot act on a visit at someone else’s desk', async () => {
    const { locationId, services, desks } = await setUp();
    await takeTicket(locationId, services.A!);
    await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-in`, { serviceIds: [services.A] });
    const visit = (await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/call-next`)).json()
      .current;
    const response = await desk(outsider).post(`/api/v1/walk-in/visits/${visit.id}/start`);
    expect(response.json().code).toBe('walk_in.not_at_desk');
    const wrongState = await desk(clerk).post(`/api/v1/walk-in/visits/${visit.id}/readmit`);
    expect(wrongState.statusCode).toBe(409);
    await desk(clerk).post(`/api/v1/walk-in/visits/${visit.id}/finish`, { outcome: 'referred' });
    await desk(clerk).post(`/api/v1/walk-in/desks/${desks['Desk 1']}/sign-out`);
  });
});
