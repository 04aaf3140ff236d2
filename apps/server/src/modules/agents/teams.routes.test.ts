import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { isTeamMember, listActiveAgentIdsOfTeam } from './index.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let supervisor: SignedInAgent;
let agent: SignedInAgent;

beforeAll(async () => {
  testApp = await startTestApp();
  admin = await signInAgent(testApp, 'admin');
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

const unique = () => Math.random().toString(36).slice(2, 8);

describe('creating teams', () => {
  it.each([
    ['a supervisor', () => supervisor],
    ['an admin', () => admin],
  ])('%s creates a team with members: 201', async (_who, caller) => {
    const name = `Billing ${unique()}`;
    const response = await requestAs(testApp, caller()).post('/api/v1/teams', {
      name,
      description: 'Invoices and refunds',
      memberIds: [agent.id, supervisor.id, agent.id],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name,
      description: 'Invoices and refunds',
      memberIds: [agent.id, supervisor.id].sort(),
    });
    const agentView = await requestAs(testApp, agent).get(`/api/v1/agents/${agent.id}`);
    expect(agentView.json().teamIds).toContain(response.json().id);
  });

  it('an agent cannot create a team (403)', async () => {
    const response = await requestAs(testApp, agent).post('/api/v1/teams', { name: `Mine ${unique()}` });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.forbidden');
  });

  it('refuses a name another team has in any case with 409 teams.name_taken', async () => {
    const name = `Lietuvių komanda ${unique()}`;
    const client = requestAs(testApp, supervisor);
    expect((await client.post('/api/v1/teams', { name })).statusCode).toBe(201);
    const duplicate = await client.post('/api/v1/teams', { name: name.toUpperCase() });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('teams.name_taken');
  });

  it('refuses members who are not agents with 422 teams.unknown_members naming them', async () => {
    const missing = crypto.randomUUID();
    const response = await requestAs(testApp, supervisor).post('/api/v1/teams', {
      name: `Ghosts ${unique()}`,
      memberIds: [agent.id, missing],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('teams.unknown_members');
    expect(response.json().detail).toContain(missing);
    expect(response.json().detail).not.toContain(agent.id);
  });

  it('names each invalid field', async () => {
    const response = await requestAs(testApp, supervisor).post('/api/v1/teams', {
      name: '',
      description: 7,
      memberIds: ['someone'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.description', 'body.memberIds.0']),
    );
  });
});

describe('reading teams', () => {
  it('any agent lists teams by name and reads one; an unknown id is 404 teams.not_found', async () => {
    const created = (
      await requestAs(testApp, admin).post('/api/v1/teams', { name: `Polska ${unique()}` })
    ).json();
    const client = requestAs(testApp, agent);
    const list = await client.get('/api/v1/teams');
    expect(list.statusCode).toBe(200);
    const names: string[] = list.json().items.map((team: { name: string }) => team.name);
    expect(names).toContain(created.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const one = await client.get(`/api/v1/teams/${created.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(created);
    const missing = await client.get(`/api/v1/teams/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('teams.not_found');
  });

  it('anonymous callers get 401', async () => {
    expect((await requestAs(testApp, null).get('/api/v1/teams')).statusCode).toBe(401);
  });
});

describe('changing teams', () => {
  it('a supervisor renames a team and replaces its membership', async () => {
    const client = requestAs(testApp, supervisor);
    const team = (
      await client.post('/api/v1/teams', { name: `Returns ${unique()}`, memberIds: [agent.id] })
    ).json();
    const newName = `Returns & exchanges ${unique()}`;
    const response = await client.patch(`/api/v1/teams/${team.id}`, {
      name: newName,
      description: 'Everything that comes back',
      memberIds: [supervisor.id],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: newName,
      description: 'Everything that comes back',
      memberIds: [supervisor.id],
    });
    expect(await isTeamMember(testApp.deps.db, team.id, agent.id)).toBe(false);
    expect(await isTeamMember(testApp.deps.db, team.id, supervisor.id)).toBe(true);
  });

  it('an empty memberIds empties the team; leaving memberIds out keeps it', async () => {
    const client = requestAs(testApp, admin);
    const team = (
      await client.post('/api/v1/teams', { name: `Night ${unique()}`, memberIds: [agent.id] })
    ).json();
    expect(
      (await client.patch(`/api/v1/teams/${team.id}`, { description: 'After 22:00' })).json().memberIds,
    ).toEqual([agent.id]);
    expect((await client.patch(`/api/v1/teams/${team.id}`, { memberIds: [] })).json().memberIds).toEqual([]);
  });

  it('refuses a taken name (409), unknown members (422) and an unknown team (404)', async () => {
    const client = requestAs(testApp, supervisor);
    const taken = (await client.post('/api/v1/teams', { name: `Taken ${unique()}` })).json();
    const team = (
      await client.post('/api/v1/teams', { name: `Other ${unique()}`, memberIds: [agent.id] })
    ).json();
    const rename = await client.patch(`/api/v1/teams/${team.id}`, { name: taken.name.toLowerCase() });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().code).toBe('teams.name_taken');
    const members = await client.patch(`/api/v1/teams/${team.id}`, { memberIds: [crypto.randomUUID()] });
    expect(members.statusCode).toBe(422);
    expect(members.json().code).toBe('teams.unknown_members');
    // A refused change leaves the membership as it was.
    expect((await client.get(`/api/v1/teams/${team.id}`)).json().memberIds).toEqual([agent.id]);
    const missing = await client.patch(`/api/v1/teams/${crypto.randomUUID()}`, { name: 'Whatever' });
    expect(missing.statusCode).toBe(404);
  });

  it('an agent cannot change a team (403), not even one they belong to', async () => {
    const team = (
      await requestAs(testApp, admin).post('/api/v1/teams', {
        name: `Mine ${unique()}`,
        memberIds: [agent.id],
      })
    ).json();
    const response = await requestAs(testApp, agent).patch(`/api/v1/teams/${team.id}`, { name: 'Ours now' });
    expect(response.statusCode).toBe(403);
  });
});

describe('deleting teams', () => {
  it('a supervisor deletes a team: 204, gone, and its conversations stay without a team', async () => {
    const team = (
      await requestAs(testApp, supervisor).post('/api/v1/teams', { name: `Temp ${unique()}` })
    ).json();
    const customer = await testApp.database.pool.query<{ id: string }>(
      "insert into customers (name) values ('Eszter Nagy') returning id",
    );
    const conversation = await testApp.database.pool.query<{ id: string }>(
      'insert into conversations (customer_id, subject, team_id) values ($1, $2, $3) returning id',
      [customer.rows[0]?.id, 'Számla kérdés', team.id],
    );
    const response = await requestAs(testApp, supervisor).delete(`/api/v1/teams/${team.id}`);
    expect(response.statusCode).toBe(204);
    expect((await requestAs(testApp, agent).get(`/api/v1/teams/${team.id}`)).statusCode).toBe(404);
    const kept = await testApp.database.pool.query('select team_id from conversations where id = $1', [
      conversation.rows[0]?.id,
    ]);
    expect(kept.rows).toEqual([{ team_id: null }]);
  });

  it('an agent cannot delete a team (403); an unknown team is 404', async () => {
    const team = (await requestAs(testApp, admin).post('/api/v1/teams', { name: `Keep ${unique()}` })).json();
    const denied = await requestAs(testApp, agent).delete(`/api/v1/teams/${team.id}`);
    expect(denied.statusCode).toBe(403);
    expect((await requestAs(testApp, agent).get(`/api/v1/teams/${team.id}`)).statusCode).toBe(200);
    const missing = await requestAs(testApp, admin).delete(`/api/v1/teams/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('teams.not_found');
  });
});

describe('helpers for routing', () => {
  it('lists only the active members of a team', async () => {
    const leaving = await signInAgent(testApp, 'agent');
    const team = (
      await requestAs(testApp, admin).post('/api/v1/teams', {
        name: `Routing ${unique()}`,
        memberIds: [agent.id, leaving.id],
      })
    ).json();
    await requestAs(testApp, admin).patch(`/api/v1/agents/${leaving.id}`, { isActive: false });
    expect(await listActiveAgentIdsOfTeam(testApp.deps.db, team.id)).toEqual([agent.id]);
  });
});
