import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent, type TestApp } from '../../../test/support/app.ts';
import { createLocationWith, startWalkInTestApp } from './walk-in.test-helpers.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let agent: SignedInAgent;
let setup: Awaited<ReturnType<typeof createLocationWith>>;

beforeAll(async () => {
  testApp = await startWalkInTestApp();
  admin = await signInAgent(testApp, 'admin');
  agent = await signInAgent(testApp, 'agent');
  setup = await createLocationWith(testApp, admin, {
    services: [{ prefix: 'A', name: 'Passports', agentIds: [agent.id] }],
    desks: ['Desk 1', 'Desk 2', 'Desk 3'],
  });
});
afterAll(() => testApp.close());

const deskNames = async () =>
  (await requestAs(testApp, admin).get(`/api/v1/walk-in/locations/${setup.locationId}`))
    .json()
    .desks.map((desk: { name: string }) => desk.name);

describe('changing and removing desks', () => {
  it('an admin renames a desk; a name another desk of the location has is refused', async () => {
    const api = requestAs(testApp, admin);
    const renamed = await api.patch(`/api/v1/walk-in/desks/${setup.desks['Desk 3']}`, { name: 'Counter 3' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Counter 3', locationId: setup.locationId });
    const clash = await api.patch(`/api/v1/walk-in/desks/${setup.desks['Desk 3']}`, { name: 'Desk 1' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('walk_in.desk_name_taken');
    expect(await deskNames()).toEqual(['Counter 3', 'Desk 1', 'Desk 2']);
  });

  it('an admin removes a free desk', async () => {
    const removed = await requestAs(testApp, admin).delete(`/api/v1/walk-in/desks/${setup.desks['Desk 3']}`);
    expect(removed.statusCode).toBe(204);
    expect(await deskNames()).toEqual(['Desk 1', 'Desk 2']);
    const again = await requestAs(testApp, admin).delete(`/api/v1/walk-in/desks/${setup.desks['Desk 3']}`);
    expect(again.statusCode).toBe(404);
  });

  it('a desk someone is signed in at is not removed', async () => {
    const signIn = await requestAs(testApp, agent).post(
      `/api/v1/walk-in/desks/${setup.desks['Desk 1']}/sign-in`,
      {
        serviceIds: [setup.services.A],
      },
    );
    expect(signIn.statusCode).toBe(200);
    const refused = await requestAs(testApp, admin).delete(`/api/v1/walk-in/desks/${setup.desks['Desk 1']}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('walk_in.desk_in_use');
    expect(await deskNames()).toContain('Desk 1');
  });

  it('agents may neither rename nor remove desks', async () => {
    const api = requestAs(testApp, agent);
    expect(
      (await api.patch(`/api/v1/walk-in/desks/${setup.desks['Desk 2']}`, { name: 'Mine' })).statusCode,
    ).toBe(403);
    expect((await api.delete(`/api/v1/walk-in/desks/${setup.desks['Desk 2']}`)).statusCode).toBe(403);
    expect(await deskNames()).toContain('Desk 2');
  });
});
