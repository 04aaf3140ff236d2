import { requestAs, type SignedInAgent, startTestApp, type TestApp } from '../../../test/support/app.ts';

/** The walk-in tests' app: the shared test app (app.ts registers the walk-in routes). */
export const startWalkInTestApp = startTestApp;

/** Open every day around the clock, so tests never depend on the hour they run at. */
export const alwaysOpen = {
  weeklyHours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ from: '00:00', to: '24:00' }]]),
  ),
  holidayCountry: null,
};

/** A location with the given services (letters) and desks, created through the admin API. */
export async function createLocationWith(
  testApp: TestApp,
  admin: SignedInAgent,
  setup: {
    services: Array<{ prefix: string; name: string; agentIds?: string[] }>;
    desks: string[];
    name?: string;
  },
) {
  const api = requestAs(testApp, admin);
  const location = await api.post('/api/v1/walk-in/locations', {
    name: setup.name ?? 'Vilnius Old Town office',
    address: 'Gedimino pr. 1, Vilnius',
    timeZone: 'Europe/Vilnius',
    openingHours: alwaysOpen,
    languages: ['en', 'lt'],
    allowsRemoteJoin: true,
  });
  if (location.statusCode !== 201) throw new Error(`creating a location failed: ${location.body}`);
  const locationId = location.json().id as string;
  const services: Record<string, string> = {};
  for (const service of setup.services) {
    const response = await api.post(`/api/v1/walk-in/locations/${locationId}/services`, {
      names: { en: service.name, lt: `${service.name} (lt)` },
      prefix: service.prefix,
      agentIds: service.agentIds ?? [],
    });
    if (response.statusCode !== 201) throw new Error(`creating a service failed: ${response.body}`);
    services[service.prefix] = response.json().id;
  }
  const desks: Record<string, string> = {};
  for (const name of setup.desks) {
    const response = await api.post(`/api/v1/walk-in/locations/${locationId}/desks`, { name });
    if (response.statusCode !== 201) throw new Error(`creating a desk failed: ${response.body}`);
    desks[name] = response.json().id;
  }
  return { locationId, services, desks };
}
