import type { Ticket } from '@frontline/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent, type TestApp } from '../../../test/support/app.ts';
import { createLocationWith, startWalkInTestApp } from './walk-in.test-helpers.ts';

let testApp: TestApp;
let clerk: SignedInAgent;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
let setup: Awaited<ReturnType<typeof createLocationWith>>;

beforeAll(async () => {
  testApp = await startWalkInTestApp({ clock });
  clerk = await signInAgent(testApp, 'agent');
  const admin = await signInAgent(testApp, 'admin');
  setup = await createLocationWith(testApp, admin, {
    services: [{ prefix: 'A', name: 'Passports', agentIds: [clerk.id] }],
    desks: ['Desk 1'],
  });
});
afterAll(() => testApp.close());

const minutesFromNow = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
const api = () => requestAs(testApp, clerk);
const walkIn = async () =>
  (
    await requestAs(testApp, null).post(`/api/v1/public/walk-in/locations/${setup.locationId}/tickets`, {
      serviceId: setup.services.A,
    })
  ).json() as Ticket;

describe('appointments', () => {
  it('walk-ins fill the gap before an appointment, which goes first once it is due', async () => {
    const booked = await api().post(`/api/v1/walk-in/locations/${setup.locationId}/appointments`, {
      serviceId: setup.services.A,
      at: minutesFromNow(30),
      name: 'Márta Kovács',
      email: 'marta.kovacs@example.hu',
      language: 'hu',
    });
    expect(booked.statusCode).toBe(201);
    const appointment = booked.json() as Ticket;
    // Not in the calling order yet: no place and no wait to promise.
    expect(appointment).toMatchObject({ status: 'waiting', position: null, wait: null, language: 'hu' });

    const early = await walkIn();
    const later = await walkIn();
    const deskUrl = `/api/v1/walk-in/desks/${setup.desks['Desk 1']}`;
    await api().post(`${deskUrl}/sign-in`, { serviceIds: [setup.services.A] });
    const first = (await api().post(`${deskUrl}/call-next`)).json().current;
    expect(first.ticket).toBe(early.ticket);
    await api().post(`/api/v1/walk-in/visits/${first.id}/finish`, { outcome: 'resolved' });

    offsetMs += 26 * 60_000;
    const tracked = (
      await requestAs(testApp, null).get(`/api/v1/public/walk-in/visits/${appointment.trackingToken}`)
    ).json();
    expect(tracked.position).toBe(0);
    const second = (await api().post(`${deskUrl}/call-next`)).json().current;
    expect(second.ticket).toBe(appointment.ticket);
    expect(second.customerName).toBe('Márta Kovács');
    await api().post(`/api/v1/walk-in/visits/${second.id}/finish`, { outcome: 'resolved' });
    const third = (await api().post(`${deskUrl}/call-next`)).json().current;
    expect(third.ticket).toBe(later.ticket);
  });

  it('an appointment in the past is refused', async () => {
    const response = await api().post(`/api/v1/walk-in/locations/${setup.locationId}/appointments`, {
      serviceId: setup.services.A,
      at: minutesFromNow(-5),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('walk_in.appointment_in_past');
  });
});
