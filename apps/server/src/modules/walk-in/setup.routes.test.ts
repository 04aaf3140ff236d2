import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent, type TestApp } from '../../../test/support/app.ts';
import { alwaysOpen, startWalkInTestApp } from './walk-in.test-helpers.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let agent: SignedInAgent;

beforeAll(async () => {
  testApp = await startWalkInTestApp();
  admin = await signInAgent(testApp, 'admin');
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

const weekdayHours = {
  weeklyHours: {
    mon: [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ],
    fri: [{ from: '08:00', to: '15:00' }],
  },
  holidayCountry: 'LT',
};

async function createLocation(overrides: Record<string, unknown> = {}) {
  return requestAs(testApp, admin).post('/api/v1/walk-in/locations', {
    name: 'Kaunas branch',
    address: 'Laisvės al. 10, Kaunas',
    timeZone: 'Europe/Vilnius',
    openingHours: weekdayHours,
    languages: ['lt', 'en'],
    ...overrides,
  });
}

describe('locations', () => {
  it('an admin creates a location with opening hours, languages and default line rules', async () => {
    const response = await createLocation();
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'Kaunas branch',
      timeZone: 'Europe/Vilnius',
      openingHours: weekdayHours,
      languages: ['lt', 'en'],
      allowsRemoteJoin: false,
      rules: { priorityBoostMinutes: 10, noShowGraceSeconds: 120 },
      services: [],
      desks: [],
    });
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 422, 'walk_in.invalid_time_zone'],
    [
      'hours that end before they start',
      { openingHours: { weeklyHours: { mon: [{ from: '17:00', to: '09:00' }] } } },
      422,
      'walk_in.invalid_opening_hours',
    ],
    [
      'a malformed time',
      { openingHours: { weeklyHours: { mon: [{ from: '9am', to: '17:00' }] } } },
      400,
      'request.invalid',
    ],
    ['an unsupported language', { languages: ['xx'] }, 400, 'request.invalid'],
    ['an unknown field', { colour: 'blue' }, 400, 'request.invalid'],
  ])('%s is refused with %i', async (_case, overrides, status, code) => {
    const response = await createLocation(overrides);
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
  });

  it('an agent may read locations but not create or change them', async () => {
    const created = (await createLocation()).json();
    expect((await requestAs(testApp, agent).get(`/api/v1/walk-in/locations/${created.id}`)).statusCode).toBe(
      200,
    );
    const denied = await requestAs(testApp, agent).post('/api/v1/walk-in/locations', {
      name: 'x',
      timeZone: 'Europe/Vilnius',
      openingHours: alwaysOpen,
    });
    expect(denied.statusCode).toBe(403);
    const patch = await requestAs(testApp, agent).patch(`/api/v1/walk-in/locations/${created.id}`, {
      name: 'x',
    });
    expect(patch.statusCode).toBe(403);
    expect((await requestAs(testApp, null).get('/api/v1/walk-in/locations')).statusCode).toBe(401);
  });

  it('an admin changes the name and the rules; a missing location is a 404', async () => {
    const created = (await createLocation()).json();
    const response = await requestAs(testApp, admin).patch(`/api/v1/walk-in/locations/${created.id}`, {
      name: 'Kaunas central',
      rules: {
        priorityBoostMinutes: 5,
        appointmentLeadMinutes: 0,
        noShowGraceSeconds: 60,
        readmitWindowMinutes: 15,
      },
    });
    expect(response.statusCode).toBe(200);
    // Fields not sent stay as they were.
    expect(response.json()).toMatchObject({
      name: 'Kaunas central',
      rules: { priorityBoostMinutes: 5 },
      languages: ['lt', 'en'],
      timeZone: 'Europe/Vilnius',
      address: 'Laisvės al. 10, Kaunas',
    });
    const missing = await requestAs(testApp, admin).patch(
      '/api/v1/walk-in/locations/00000000-0000-4000-8000-000000000000',
      { name: 'x' },
    );
    expect(missing.statusCode).toBe(404);
  });
});

describe('services and desks', () => {
  it('an admin adds services with names per language, a letter, limits and the agents who serve them', async () => {
    const location = (await createLocation({ openingHours: alwaysOpen })).json();
    const response = await requestAs(testApp, admin).post(
      `/api/v1/walk-in/locations/${location.id}/services`,
      {
        names: { en: 'Passports', lt: 'Pasai', sk: 'Pasy', pl: 'Paszporty', hu: 'Útlevelek' },
        prefix: 'P',
        dailyCapacity: 80,
        lastTicketTime: '16:30',
        agentIds: [agent.id, agent.id],
      },
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      names: { hu: 'Útlevelek' },
      prefix: 'P',
      dailyCapacity: 80,
      lastTicketTime: '16:30',
      agentIds: [agent.id],
      isActive: true,
    });

    const again = await requestAs(testApp, admin).post(`/api/v1/walk-in/locations/${location.id}/services`, {
      names: { en: 'Permits' },
      prefix: 'P',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('walk_in.prefix_taken');

    const changed = await requestAs(testApp, admin).patch(`/api/v1/walk-in/services/${response.json().id}`, {
      agentIds: [],
      dailyCapacity: null,
    });
    expect(changed.json()).toMatchObject({
      agentIds: [],
      dailyCapacity: null,
      prefix: 'P',
      lastTicketTime: '16:30',
    });
  });

  it.each([
    ['a lower-case letter', { names: { en: 'Tax' }, prefix: 'a' }, 400],
    ['no English name', { names: { lt: 'Mokesčiai' }, prefix: 'T' }, 400],
    [
      'an agent that does not exist',
      { names: { en: 'Tax' }, prefix: 'T', agentIds: ['00000000-0000-4000-8000-000000000000'] },
      422,
    ],
  ])('a service with %s is refused with %i', async (_case, body, status) => {
    const location = (await createLocation()).json();
    const response = await requestAs(testApp, admin).post(
      `/api/v1/walk-in/locations/${location.id}/services`,
      body,
    );
    expect(response.statusCode).toBe(status);
  });

  it('desks are listed with their location; names are unique per location', async () => {
    const location = (await createLocation()).json();
    const api = requestAs(testApp, admin);
    expect(
      (await api.post(`/api/v1/walk-in/locations/${location.id}/desks`, { name: 'Desk 1' })).statusCode,
    ).toBe(201);
    const duplicate = await api.post(`/api/v1/walk-in/locations/${location.id}/desks`, { name: 'Desk 1' });
    expect(duplicate.statusCode).toBe(409);
    const read = await api.get(`/api/v1/walk-in/locations/${location.id}`);
    expect(read.json().desks.map((desk: { name: string }) => desk.name)).toEqual(['Desk 1']);
  });
});
