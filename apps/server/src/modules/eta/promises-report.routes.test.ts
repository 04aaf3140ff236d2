import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { createTeam } from '../agents/index.ts';
import { createConversation } from '../conversations/index.ts';
import { recordPromise, resolvePromisesOf } from './promises.service.ts';

let testApp: TestApp;
let supervisor: SignedInAgent;
let agent: SignedInAgent;
// Wednesday of ISO week 2026-W47.
const now = new Date('2026-11-18T10:00:00Z');
const clock = { now: () => now };

/** A conversation with one promise made at `promisedAt`, answered `answeredAfter` seconds later (or never). */
async function promiseOf(options: {
  channel: 'email' | 'chat';
  teamId: string | null;
  promisedAt: string;
  p50: number;
  p90: number;
  answeredAfter: number | null;
}) {
  const conversation = await createConversation(testApp.deps, {
    customer: { email: `report-${Math.random().toString(36).slice(2)}@example.test` },
    subject: 'Report',
    channel: options.channel,
    teamId: options.teamId ?? undefined,
    message: { body: 'Where is my order?' },
  });
  const promisedAt = new Date(options.promisedAt);
  await recordPromise(testApp.deps.db, {
    conversationId: conversation.id,
    channel: options.channel,
    queue: options.channel === 'email' ? 'backlog' : 'chat',
    teamId: options.teamId,
    p50Seconds: options.p50,
    p90Seconds: options.p90,
    promisedAt,
  });
  if (options.answeredAfter !== null) {
    const at = new Date(promisedAt.getTime() + options.answeredAfter * 1000);
    await testApp.deps.db.transaction().execute((tx) => resolvePromisesOf(tx, conversation.id, at));
  }
  return conversation;
}

beforeAll(async () => {
  testApp = await startTestApp({ clock });
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent');
  const billing = await createTeam(testApp.deps, { name: 'Billing', description: '', memberIds: [] });
  // W47, email, Billing: kept (900 s, 300 s off), missed (2400 s, 1800 s off), not answered yet.
  const email = { channel: 'email' as const, teamId: billing.id, p50: 600, p90: 1800 };
  await promiseOf({ ...email, promisedAt: '2026-11-16T08:00:00Z', answeredAfter: 900 });
  await promiseOf({ ...email, promisedAt: '2026-11-17T08:00:00Z', answeredAfter: 2400 });
  const moved = await promiseOf({ ...email, promisedAt: '2026-11-18T08:00:00Z', answeredAfter: null });
  // Moved to another team after the promise: it still counts for the team that promised.
  const shipping = await createTeam(testApp.deps, { name: 'Shipping', description: '', memberIds: [] });
  await testApp.deps.db
    .updateTable('conversations')
    .set({ team_id: shipping.id })
    .where('id', '=', moved.id)
    .execute();
  // W46, chat, no team: kept, 40 s off. Sunday 23:30 is still W46.
  await promiseOf({
    channel: 'chat',
    teamId: null,
    promisedAt: '2026-11-15T23:30:00Z',
    p50: 60,
    p90: 120,
    answeredAfter: 100,
  });
  // W44: outside the period asked for below.
  await promiseOf({
    channel: 'chat',
    teamId: null,
    promisedAt: '2026-10-28T12:00:00Z',
    p50: 60,
    p90: 120,
    answeredAfter: 500,
  });
});
afterAll(() => testApp.close());

const report = (query: Record<string, string>, caller: SignedInAgent | null = supervisor) =>
  requestAs(testApp, caller).get('/api/v1/eta/promises/report', { query });

describe('the promises report', () => {
  it('shows per queue, team promised for and ISO week the promises, the P90 kept rate and the P50 absolute error', async () => {
    const response = await report({ from: '2026-W46', to: '2026-W47' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      from: '2026-W46',
      to: '2026-W47',
      items: [
        {
          week: '2026-W47',
          queue: 'backlog',
          channel: 'email',
          teamId: expect.any(String),
          teamName: 'Billing',
          promises: 3,
          resolved: 2,
          kept: 1,
          p90KeptRate: 0.5,
          p50MeanAbsoluteErrorSeconds: 1050,
        },
        {
          week: '2026-W46',
          queue: 'chat',
          channel: 'chat',
          teamId: null,
          teamName: null,
          promises: 1,
          resolved: 1,
          kept: 1,
          p90KeptRate: 1,
          p50MeanAbsoluteErrorSeconds: 40,
        },
      ],
      // None of these promises carries an engine forecast: nothing to calibrate from yet.
      calibration: [
        { queue: 'backlog', p90Factor: 1, meanFactor: 1, outcomes: 0 },
        { queue: 'chat', p90Factor: 1, meanFactor: 1, outcomes: 0 },
      ],
    });
  });

  it('covers the last eight weeks by default', async () => {
    const body = (await report({})).json();
    expect(body).toMatchObject({ from: '2026-W40', to: '2026-W47' });
    expect(body.items.map((row: { week: string }) => row.week)).toEqual(['2026-W47', '2026-W46', '2026-W44']);
    expect(body.items[2]).toMatchObject({ kept: 0, p90KeptRate: 0, p50MeanAbsoluteErrorSeconds: 440 });
  });

  it('is for supervisors: an agent gets 403, nobody signed in 401', async () => {
    expect((await report({}, agent)).statusCode).toBe(403);
    expect((await report({}, null)).statusCode).toBe(401);
  });

  it.each([
    [{ from: '2026-W47', to: '2026-W46' }],
    [{ from: '2024-W01', to: '2026-W47' }],
    [{ from: '2026-47' }],
  ])('refuses the period %j', async (query) => {
    const response = await report(query);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
