import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { createTeam, openConversation } from '../conversations/conversations.test-helpers.ts';

let testApp: TestApp;
let supervisor: SignedInAgent;
let owner: SignedInAgent;
let teammate: SignedInAgent;
let stranger: SignedInAgent;
let teamId: string;
let otherTeamId: string;

beforeAll(async () => {
  testApp = await startTestApp();
  supervisor = await signInAgent(testApp, 'supervisor');
  owner = await signInAgent(testApp, 'agent', { name: 'Owner Agent' });
  teammate = await signInAgent(testApp, 'agent');
  stranger = await signInAgent(testApp, 'agent');
  teamId = (await createTeam(testApp, supervisor, [owner.id, teammate.id])).id;
  otherTeamId = (await createTeam(testApp, supervisor, [stranger.id])).id;
});
afterAll(() => testApp.close());

const viewsOf = async (agent: SignedInAgent) => {
  const response = await requestAs(testApp, agent).get('/api/v1/saved-views');
  expect(response.statusCode).toBe(200);
  return response.json().items as {
    id: string;
    name: string;
    isOwn: boolean;
    filters: Record<string, string>;
  }[];
};

describe('saved views', () => {
  it('are created, listed, renamed and deleted by their owner', async () => {
    const created = await requestAs(testApp, owner).post('/api/v1/saved-views', {
      name: 'Urgent refunds',
      filters: { status: 'new,open', priority: 'urgent', tag: 'refund' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({
      name: 'Urgent refunds',
      filters: { status: 'new,open', priority: 'urgent', tag: 'refund' },
      teamId: null,
      isOwn: true,
      owner: { id: owner.id, name: 'Owner Agent' },
    });
    expect((await viewsOf(owner)).map((item) => item.name)).toContain('Urgent refunds');

    const renamed = await requestAs(testApp, owner).patch(`/api/v1/saved-views/${view.id}`, {
      name: 'Refunds',
      filters: { tag: 'refund' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Refunds', filters: { tag: 'refund' } });

    expect((await requestAs(testApp, owner).delete(`/api/v1/saved-views/${view.id}`)).statusCode).toBe(204);
    expect((await viewsOf(owner)).some((item) => item.id === view.id)).toBe(false);
  });

  it('refuse filters the inbox would not accept, naming the field', async () => {
    const response = await requestAs(testApp, owner).post('/api/v1/saved-views', {
      name: 'Broken',
      filters: { status: 'sleeping' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toContain('status');
  });

  it('stay private: another agent neither sees nor changes nor deletes them', async () => {
    const view = (
      await requestAs(testApp, owner).post('/api/v1/saved-views', {
        name: 'Mine only',
        filters: { assignee: 'me' },
      })
    ).json();
    expect((await viewsOf(teammate)).some((item) => item.id === view.id)).toBe(false);
    expect((await viewsOf(supervisor)).some((item) => item.id === view.id)).toBe(false);
    const patch = await requestAs(testApp, teammate).patch(`/api/v1/saved-views/${view.id}`, {
      name: 'Taken',
    });
    expect(patch.statusCode).toBe(404);
    expect((await requestAs(testApp, supervisor).delete(`/api/v1/saved-views/${view.id}`)).statusCode).toBe(
      404,
    );
    expect((await viewsOf(owner)).find((item) => item.id === view.id)?.name).toBe('Mine only');
  });

  it('shared with a team are seen by its members, changed only by the owner', async () => {
    const view = (
      await requestAs(testApp, owner).post('/api/v1/saved-views', {
        name: 'Team backlog',
        filters: { team: teamId, status: 'new,open' },
        teamId,
      })
    ).json();
    const seenByTeammate = (await viewsOf(teammate)).find((item) => item.id === view.id);
    expect(seenByTeammate).toMatchObject({ name: 'Team backlog', isOwn: false });
    expect((await viewsOf(stranger)).some((item) => item.id === view.id)).toBe(false);

    const edit = await requestAs(testApp, teammate).patch(`/api/v1/saved-views/${view.id}`, {
      name: 'Mine now',
    });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().code).toBe('saved_views.not_owner');
  });

  it('can be shared only with a team of the owner (supervisors: any team)', async () => {
    const refused = await requestAs(testApp, owner).post('/api/v1/saved-views', {
      name: 'Someone else’s team',
      filters: {},
      teamId: otherTeamId,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('saved_views.team_forbidden');
    const bySupervisor = await requestAs(testApp, supervisor).post('/api/v1/saved-views', {
      name: 'For the other team',
      filters: {},
      teamId: otherTeamId,
    });
    expect(bySupervisor.statusCode).toBe(201);
    expect((await viewsOf(stranger)).some((item) => item.name === 'For the other team')).toBe(true);
  });

  it('are counted over what the caller may see, as opening the view would list', async () => {
    const tag = `count-${Date.now()}`;
    await openConversation(testApp, owner, { tags: [tag] });
    await openConversation(testApp, owner, { tags: [tag] });
    await openConversation(testApp, supervisor, { tags: [tag], teamId: otherTeamId });
    const view = (
      await requestAs(testApp, owner).post('/api/v1/saved-views', { name: 'Tagged', filters: { tag } })
    ).json();

    const counts = await requestAs(testApp, owner).get('/api/v1/saved-views/counts');
    expect(counts.statusCode).toBe(200);
    expect(counts.json().items).toContainEqual({ id: view.id, count: 2, isCapped: false });
    const listed = await requestAs(testApp, owner).get('/api/v1/conversations', { query: { tag } });
    expect(listed.json().items).toHaveLength(2);
  });

  it('need a signed-in agent', async () => {
    expect((await requestAs(testApp, null).get('/api/v1/saved-views')).statusCode).toBe(401);
  });
});
