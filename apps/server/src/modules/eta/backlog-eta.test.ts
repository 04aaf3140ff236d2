import { businessCalendarBody, createSlaPolicyBody } from '@frontline/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { createTeam } from '../agents/index.ts';
import { createConversation } from '../conversations/index.ts';
import { createBusinessCalendar, createSlaPolicy } from '../sla/index.ts';
import { forecastWrittenResponse } from './backlog-eta.service.ts';
import { loadCalibration } from './calibration.service.ts';

/**
 * The written backlog's ETA from the database: who is at work, who waits ahead, what the team's
 * history says, business hours. Each test starts from an empty backlog and nobody signed in.
 */

// Wednesday 12 March 2025, 10:00 in Vilnius.
const START = Date.UTC(2025, 2, 12, 8, 0, 0);
const MINUTE = 60_000;
let nowMs = START;
const clock = { now: () => new Date(nowMs) };
let testApp: TestApp;
let customers = 0;

beforeAll(async () => {
  testApp = await startTestApp({ clock });
});
afterAll(() => testApp.close());
beforeEach(async () => {
  const db = testApp.deps.db;
  await db.deleteFrom('eta_promises').execute();
  await db.deleteFrom('conversations').execute();
  await db.deleteFrom('sla_policies').execute();
  await db.deleteFrom('sessions').execute();
  await db.updateTable('agents').set({ is_active: false }).execute();
  nowMs = START;
});

const newCustomer = { kind: 'new', channel: 'email', teamId: null, language: null } as const;

async function waitingConversation(
  options: { teamId?: string; assigneeId?: string; language?: string } = {},
) {
  customers += 1;
  // One second apart, so the line's order (oldest first) is the order of creation.
  nowMs += 1000;
  return createConversation(testApp.deps, {
    customer: { email: `backlog-${customers}@example.test` },
    subject: 'Where is my parcel?',
    channel: 'email',
    ...options,
    message: { body: 'Hello, where is my parcel?' },
  });
}

const answer = (agent: SignedInAgent, conversationId: string) =>
  requestAs(testApp, agent).post(`/api/v1/conversations/${conversationId}/messages`, {
    body: 'Hello, it is on its way.',
    visibility: 'public',
  });

async function p50Minutes(target: Parameters<typeof forecastWrittenResponse>[1] = newCustomer) {
  const forecast = await forecastWrittenResponse(testApp.deps, target);
  return forecast === null ? null : forecast.promised.p50Seconds / 60;
}

describe('the written backlog’s ETA', () => {
  it('has no forecast when nobody works the backlog (the channel’s own promise applies)', async () => {
    await waitingConversation();
    expect(await forecastWrittenResponse(testApp.deps, newCustomer)).toBeNull();
  });

  it('with one agent at work and nobody waiting is one agent’s handling time (12 min on average with no history)', async () => {
    await signInAgent(testApp, 'agent');
    const forecast = (await forecastWrittenResponse(testApp.deps, newCustomer))!;
    // Exponential, mean 12 min: P50 = 12 ln 2 ≈ 8.3 min, P90 = 12 ln 10 ≈ 27.6 min.
    expect(forecast.promised.p50Seconds / 60).toBeGreaterThan(6.5);
    expect(forecast.promised.p50Seconds / 60).toBeLessThan(10.5);
    expect(forecast.promised.p90Seconds / 60).toBeGreaterThan(22);
    expect(forecast.promised.p90Seconds / 60).toBeLessThan(34);
    expect(forecast.queue).toBe('backlog');
  });

  it('grows with every conversation waiting ahead and shrinks with a second agent at work', async () => {
    await signInAgent(testApp, 'agent');
    for (let i = 0; i < 6; i++) await waitingConversation();
    const oneAgent = (await p50Minutes())!;
    // Seven handling times of 12 minutes: the sum of seven exponentials has its median near 80.
    expect(oneAgent).toBeGreaterThan(65);
    expect(oneAgent).toBeLessThan(100);
    await signInAgent(testApp, 'agent');
    const twoAgents = (await p50Minutes())!;
    expect(twoAgents).toBeLessThan(oneAgent * 0.65);
  });

  it('a conversation already waiting is forecast in its place in the line, not behind everyone', async () => {
    await signInAgent(testApp, 'agent');
    const first = await waitingConversation();
    for (let i = 0; i < 5; i++) await waitingConversation();
    const ofFirst = (await p50Minutes({ kind: 'conversation', conversationId: first.id }))!;
    expect(ofFirst).toBeLessThan(((await p50Minutes()) ?? 0) / 3);
  });

  it('an agent who has gone home does not count until the next business day', async () => {
    const calendar = await createBusinessCalendar(
      testApp.deps,
      businessCalendarBody.parse({
        name: 'Vilnius office',
        timeZone: 'Europe/Vilnius',
        weeklyHours: Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from: '09:00', to: '17:00' }]]),
        ),
      }),
    );
    await createSlaPolicy(
      testApp.deps,
      createSlaPolicyBody.parse({
        name: 'Email',
        conditions: { channels: ['email'] },
        firstResponseMinutes: 480,
        calendarId: calendar.id,
      }),
    );
    const agent = await signInAgent(testApp, 'agent');
    await answer(agent, (await waitingConversation()).id);
    const whileAtWork = (await p50Minutes())!;
    expect(whileAtWork).toBeLessThan(12);
    // Two hours without a sign of them, in the middle of the day: not in today.
    nowMs += 2 * 60 * MINUTE;
    const tomorrowMorning = Date.UTC(2025, 2, 13, 7, 0, 0); // Thursday 09:00 in Vilnius
    const forecast = (await forecastWrittenResponse(testApp.deps, newCustomer))!;
    expect(nowMs + forecast.promised.p50Seconds * 1000).toBeGreaterThan(tomorrowMorning);
    expect(nowMs + forecast.promised.p50Seconds * 1000).toBeLessThan(tomorrowMorning + 30 * MINUTE);
    expect(forecast.calendar?.timeZone).toBe('Europe/Vilnius');
  });

  it('a team’s conversation waits for that team: another team’s free agent does not help', async () => {
    const billing = await createTeam(testApp.deps, { name: 'Billing desk', description: '', memberIds: [] });
    await signInAgent(testApp, 'agent', { teamIds: [billing.id] });
    await signInAgent(testApp, 'agent');
    for (let i = 0; i < 4; i++) await waitingConversation({ teamId: billing.id });
    const forBilling = (await p50Minutes({ ...newCustomer, teamId: billing.id }))!;
    const forAnyone = (await p50Minutes())!;
    // Billing's one agent has four conversations first; anyone else's agent is free.
    expect(forBilling).toBeGreaterThan(40);
    expect(forAnyone).toBeLessThan(15);
  });

  it('learns the handling time from the gaps between an agent’s first responses', async () => {
    const agent = await signInAgent(testApp, 'agent');
    const waiting = [];
    for (let i = 0; i < 25; i++) waiting.push(await waitingConversation());
    for (const conversation of waiting) {
      nowMs += 3 * MINUTE;
      expect((await answer(agent, conversation.id)).statusCode).toBe(201);
    }
    // 24 gaps of 3 minutes, and nothing else waiting: a new customer gets the agent's next
    // 3 minutes rather than the 8 (median) of the 12-minute default.
    const learned = (await p50Minutes())!;
    expect(learned).toBeGreaterThan(2);
    expect(learned).toBeLessThan(4.5);
  });
});

describe('calibration of the backlog’s promises', () => {
  it('learns from answered promises and from customers still waiting past their P90, not from those still inside it', async () => {
    const conversation = await waitingConversation();
    const forecast = JSON.stringify({
      p50Seconds: 600,
      p90Seconds: 1800,
      meanSeconds: 700,
      onDutySeconds: [],
    });
    const promise = (promisedAgoMinutes: number, answeredAfterMinutes: number | null) => {
      const promisedAt = new Date(nowMs - promisedAgoMinutes * MINUTE);
      const answeredAt =
        answeredAfterMinutes === null ? null : new Date(promisedAt.getTime() + answeredAfterMinutes * MINUTE);
      return {
        conversation_id: conversation.id,
        channel: 'email' as const,
        queue: 'backlog',
        p50_seconds: 600,
        p90_seconds: 1800,
        promised_at: promisedAt,
        resolved_at: answeredAt,
        first_response_at: answeredAt,
        forecast,
      };
    };
    await testApp.deps.db
      .insertInto('eta_promises')
      .values([promise(300, 20), promise(120, null), promise(5, null)])
      .execute();
    const calibration = await loadCalibration(
      testApp.deps,
      { kind: 'conversations', queue: 'backlog' },
      { isFresh: true },
    );
    // The answered one and the one two hours overdue; the one made five minutes ago is not due yet.
    expect(calibration.outcomes).toBe(2);
  });

  it('answers that came later than the engine said make the next promises later', async () => {
    await signInAgent(testApp, 'agent');
    const conversation = await waitingConversation();
    const raw = (await forecastWrittenResponse(testApp.deps, newCustomer))!.raw;
    // 400 earlier promises whose answers came three times later than the forecast's mean.
    const forecast = { p50Seconds: 600, p90Seconds: 1800, meanSeconds: 700, onDutySeconds: [[0, 86_400]] };
    const rows = Array.from({ length: 400 }, (_, index) => {
      const promisedAt = new Date(START - (index + 1) * 3600_000);
      return {
        conversation_id: conversation.id,
        channel: 'email' as const,
        queue: 'backlog',
        team_id: null,
        p50_seconds: 600,
        p90_seconds: 1800,
        promised_at: promisedAt,
        resolved_at: new Date(promisedAt.getTime() + 2100_000),
        first_response_at: new Date(promisedAt.getTime() + 2100_000),
        kept: false,
        error_seconds: 1500,
        forecast: JSON.stringify(forecast),
      };
    });
    await testApp.deps.db.insertInto('eta_promises').values(rows).execute();
    // The factors are re-read at most once a minute.
    nowMs += 61_000;
    const calibrated = (await forecastWrittenResponse(testApp.deps, newCustomer))!;
    // The engine's own figure is as before (another seed a minute later: within sampling noise).
    expect(Math.abs(calibrated.raw.p50Seconds! / raw.p50Seconds! - 1)).toBeLessThan(0.2);
    expect(calibrated.promised.p50Seconds / calibrated.raw.p50Seconds!).toBeGreaterThan(2.4);
    expect(calibrated.promised.p90Seconds).toBeGreaterThan(calibrated.raw.p90Seconds!);
    expect(calibrated.promised.p90Seconds).toBeGreaterThanOrEqual(calibrated.promised.p50Seconds);
  });
});
