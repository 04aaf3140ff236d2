import type { Ticket } from '@frontline/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent, type TestApp } from '../../../test/support/app.ts';
import { createLocationWith, startWalkInTestApp } from './walk-in.test-helpers.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let place: Awaited<ReturnType<typeof createLocationWith>>;
const join = (locationId: string, body: unknown) =>
  requestAs(testApp, null).post(`/api/v1/public/walk-in/locations/${locationId}/join`, body);

beforeAll(async () => {
  testApp = await startWalkInTestApp();
  admin = await signInAgent(testApp, 'admin');
  place = await createLocationWith(testApp, admin, {
    services: [{ prefix: 'A', name: 'Passports' }],
    desks: ['Desk 1'],
  });
});
afterAll(() => testApp.close());

describe('joining the line remotely (virtual queue)', () => {
  it('gives a ticket with a tracking token, keeps the contact in stored form and tells the desk', async () => {
    const response = await join(place.locationId, {
      serviceId: place.services.A,
      language: 'pl',
      phone: '0048 501 234 568',
      name: 'Zofia',
    });
    expect(response.statusCode, response.body).toBe(201);
    const ticket = response.json() as Ticket;
    expect(ticket).toMatchObject({ ticket: 'A-001', status: 'waiting', language: 'pl', position: 0 });

    const tracked = await requestAs(testApp, null).get(
      `/api/v1/public/walk-in/visits/${ticket.trackingToken}`,
    );
    expect(tracked.json()).toMatchObject({ ticket: 'A-001', status: 'waiting' });
    const visit = await testApp.deps.db
      .selectFrom('walk_in_visits')
      .select(['notify_phone', 'notify_email'])
      .where('tracking_token', '=', ticket.trackingToken)
      .executeTakeFirstOrThrow();
    expect(visit).toEqual({ notify_phone: '+48501234568', notify_email: null });

    const clerk = await signInAgent(testApp, 'agent');
    const line = await requestAs(testApp, clerk).get(`/api/v1/walk-in/locations/${place.locationId}/line`);
    expect(line.json().items[0]).toMatchObject({ ticket: 'A-001', hasContact: true, notices: [] });
  });

  it('needs a phone or an email, and names the field that is wrong', async () => {
    const withoutContact = await join(place.locationId, { serviceId: place.services.A, language: 'en' });
    expect(withoutContact.statusCode).toBe(400);
    expect(withoutContact.headers['content-type']).toContain('application/problem+json');
    expect(withoutContact.json()).toMatchObject({
      code: 'request.invalid',
      errors: [{ path: 'body.phone' }],
    });

    const badPhone = await join(place.locationId, {
      serviceId: place.services.A,
      phone: '12333',
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json()).toMatchObject({ code: 'request.invalid', errors: [{ path: 'body.phone' }] });

    const badEmail = await join(place.locationId, { serviceId: place.services.A, email: 'not an address' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors[0].path).toBe('body.email');
  });

  it('is refused where the location does not allow it, and the board says so', async () => {
    const patched = await requestAs(testApp, admin).patch(`/api/v1/walk-in/locations/${place.locationId}`, {
      allowsRemoteJoin: false,
    });
    expect(patched.statusCode).toBe(200);
    const board = await requestAs(testApp, null).get(
      `/api/v1/public/walk-in/locations/${place.locationId}/board`,
    );
    expect(board.json().allowsRemoteJoin).toBe(false);

    const refused = await join(place.locationId, { serviceId: place.services.A, email: 'ona@example.lt' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('walk_in.remote_join_not_allowed');

    await requestAs(testApp, admin).patch(`/api/v1/walk-in/locations/${place.locationId}`, {
      allowsRemoteJoin: true,
    });
  });

  it('an agent cannot change whether a location allows it', async () => {
    const agent = await signInAgent(testApp, 'agent');
    const response = await requestAs(testApp, agent).patch(`/api/v1/walk-in/locations/${place.locationId}`, {
      allowsRemoteJoin: false,
    });
    expect(response.statusCode).toBe(403);
  });

  it('limits joins per address: the eleventh within ten minutes gets 429', async () => {
    const statuses = [];
    // Invalid bodies count too: the limit applies before anything else is looked at.
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push((await join(place.locationId, { serviceId: place.services.A })).statusCode);
    }
    // Three requests above already counted against this address.
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe(429);
    const limited = await join(place.locationId, { serviceId: place.services.A });
    expect(limited.json().code).toBe('request.rate_limited');
  });
});
