import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent, type TestApp } from '../../../test/support/app.ts';
import { localDayAt } from './line-rules.ts';
import { createLocationWith, startWalkInTestApp } from './walk-in.test-helpers.ts';

let testApp: TestApp;
let supervisor: SignedInAgent;
let agent: SignedInAgent;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
let setup: Awaited<ReturnType<typeof createLocationWith>>;
let today: string;

beforeAll(async () => {
  testApp = await startWalkInTestApp({ clock });
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent');
  const admin = await signInAgent(testApp, 'admin');
  setup = await createLocationWith(testApp, admin, {
    services: [
      { prefix: 'A', name: 'Passports' },
      { prefix: 'B', name: 'Permits' },
    ],
    desks: ['Desk 1'],
  });
  today = localDayAt('Europe/Vilnius', clock.now());
  const take = (serviceId: string) =>
    requestAs(testApp, null).post(`/api/v1/public/walk-in/locations/${setup.locationId}/tickets`, {
      serviceId,
    });
  await take(setup.services.A!);
  await take(setup.services.A!);
  await take(setup.services.A!);
  await take(setup.services.B!);
  const desk = requestAs(testApp, supervisor);
  const deskUrl = `/api/v1/walk-in/desks/${setup.desks['Desk 1']}`;
  await desk.post(`${deskUrl}/sign-in`, { serviceIds: [setup.services.A, setup.services.B] });
  // A-001 is served for three minutes.
  const served = (await desk.post(`${deskUrl}/call-next`)).json().current;
  offsetMs += 180_000;
  await desk.post(`/api/v1/walk-in/visits/${served.id}/finish`, { outcome: 'resolved' });
  // A-002 does not come.
  const missing = (await desk.post(`${deskUrl}/call-next`)).json().current;
  offsetMs += 130_000;
  await desk.post(`/api/v1/walk-in/visits/${missing.id}/no-show`);
  // A-003 is sent to permits.
  const moved = (await desk.post(`${deskUrl}/call-next`)).json().current;
  await desk.post(`/api/v1/walk-in/visits/${moved.id}/transfer`, { serviceId: setup.services.B });
});
afterAll(() => testApp.close());

const report = (query: Record<string, string>, caller: SignedInAgent = supervisor) =>
  requestAs(testApp, caller).get(`/api/v1/walk-in/locations/${setup.locationId}/report`, { query });

describe('the walk-in report', () => {
  it('counts arrivals, served, no-shows and transfers per service and day, with waits and service times', async () => {
    const response = await report({ from: today, to: today });
    expect(response.statusCode).toBe(200);
    const passports = response.json().items.find((row: { group: string }) => row.group === 'Passports');
    expect(passports).toMatchObject({
      day: today,
      groupId: setup.services.A,
      arrivals: 2,
      served: 1,
      noShows: 1,
      abandoned: 0,
    });
    expect(passports.serviceMedianSeconds).toBeGreaterThanOrEqual(179);
    expect(passports.serviceMedianSeconds).toBeLessThan(200);
    // A-002 waited the three minutes A-001 was served.
    expect(passports.waitP90Seconds).toBeGreaterThanOrEqual(passports.waitMedianSeconds);
    const permits = response.json().items.find((row: { group: string }) => row.group === 'Permits');
    // The transferred visit now counts in the permit line, where it waits with B-001.
    expect(permits).toMatchObject({ arrivals: 2, transfers: 1, served: 0 });
  });

  it('reports promises kept and missed: a call within the promised P90 is kept', async () => {
    const rows = (await report({ from: today, to: today })).json().items;
    const passports = rows.find((row: { group: string }) => row.group === 'Passports');
    expect(passports.promisesKept + passports.promisesMissed).toBe(2);
    expect(passports.promisesKept).toBeGreaterThanOrEqual(1);
    expect(passports.promiseKeptRate).toBeGreaterThan(0);
  });

  it('groups by desk or by local hour of arrival', async () => {
    const byDesk = (await report({ from: today, to: today, groupBy: 'desk' })).json().items;
    expect(byDesk.find((row: { group: string }) => row.group === 'Desk 1')).toMatchObject({
      groupId: setup.desks['Desk 1'],
      served: 1,
      noShows: 1,
    });
    const byHour = (await report({ from: today, to: today, groupBy: 'hour' })).json().items;
    expect(byHour.reduce((sum: number, row: { arrivals: number }) => sum + row.arrivals, 0)).toBe(4);
    expect(byHour[0].group).toMatch(/^\d{2}$/);
  });

  it.each([
    ['a period running backwards', { from: '2026-03-10', to: '2026-03-01' }, 400],
    ['a malformed date', { from: '10.03.2026', to: '2026-03-10' }, 400],
    ['more than a year', { from: '2024-01-01', to: '2026-01-01' }, 400],
  ])('%s is refused with %i', async (_case, query, status) => {
    expect((await report(query)).statusCode).toBe(status);
  });

  it('is for supervisors, not agents', async () => {
    expect((await report({ from: today, to: today }, agent)).statusCode).toBe(403);
  });
});
