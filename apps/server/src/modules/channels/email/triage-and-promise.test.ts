import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent } from '../../../../test/support/app.ts';
import { startJobWorker } from '../../../platform/jobs.ts';
import { findPromisesOf } from '../../eta/index.ts';
import { emailTasks } from './email.tasks.ts';
import { startCaptureSmtp } from './testing/capture-smtp.ts';
import { buildMessage, deliverRaw, eventually, testConfig } from './testing/email-test-kit.ts';
import { type InboundHarness, startInboundHarness } from './testing/harness.ts';

let capture: Awaited<ReturnType<typeof startCaptureSmtp>>;
let harness: InboundHarness;
let agent: SignedInAgent;
let worker: Runner | undefined;

beforeAll(async () => {
  capture = await startCaptureSmtp();
  harness = await startInboundHarness({ config: testConfig({ SMTP_URL: capture.url }) });
  agent = await signInAgent(harness.testApp, 'supervisor');
  worker = await startJobWorker({
    pool: harness.testApp.deps.pool,
    taskList: emailTasks(harness.testApp.deps),
    crontab: '',
  });
});
afterAll(async () => {
  await worker?.stop();
  await harness.close();
  await capture.close();
});

const db = () => harness.testApp.deps.db;

async function receive(options: { messageId: string; subject: string; body: string; from?: string }) {
  const answer = await deliverRaw(harness.listener.port, {
    from: options.from ?? 'ona@example.lt',
    to: ['pagalba@shop.example'],
    raw: buildMessage({ ...options, from: options.from ? `<${options.from}>` : undefined }),
  });
  expect(answer.code).toBe(250);
  return db()
    .selectFrom('messages')
    .select(['id', 'conversation_id', 'language'])
    .where('external_id', '=', options.messageId)
    .executeTakeFirstOrThrow();
}

const detailOf = async (conversationId: string) =>
  (await requestAs(harness.testApp, agent).get(`/api/v1/conversations/${conversationId}`)).json();

describe('triage of an inbound email', () => {
  it('stores the detected language on the message and conversation, and suggests a priority with reasons', async () => {
    const message = await receive({
      messageId: 'triage-urgent@example.lt',
      subject: 'SKUBIAI: neveikia apmokėjimas',
      body: 'Laba diena, iš mano kortelės du kartus nuskaičiavo pinigus, o užsakymas vis tiek nepatvirtintas.',
    });
    expect(message.language).toBe('lt');
    const detail = await detailOf(message.conversation_id);
    expect(detail).toMatchObject({ language: 'lt', priority: 'normal' });
    expect(detail.triage.suggestedPriority).toBe('urgent');
    expect(detail.triage.signals.map((signal: { kind: string }) => signal.kind)).toEqual(
      expect.arrayContaining(['explicit_urgency', 'payment_failure']),
    );
    expect(detail.triage.signals[0]).toEqual({
      kind: expect.any(String),
      points: expect.any(Number),
      reason: expect.any(String),
      evidence: expect.any(String),
    });
  });

  it('suggests nothing for a calm question, in whatever language it is written', async () => {
    const message = await receive({
      messageId: 'triage-calm@example.pl',
      from: 'marek@example.pl',
      subject: 'Pytanie o fakturę',
      body: 'Dzień dobry, czy mogę otrzymać fakturę na firmę za ostatnie zamówienie?',
    });
    expect(message.language).toBe('pl');
    const detail = await detailOf(message.conversation_id);
    expect(detail.language).toBe('pl');
    expect(detail.triage).toEqual({ suggestedPriority: null, signals: [] });
  });

  it('never changes a priority an agent set: a later urgent mail only suggests', async () => {
    const first = await receive({
      messageId: 'triage-thread-1@example.lt',
      from: 'jonas@example.lt',
      subject: 'Klausimas dėl prekės',
      body: 'Laba diena, ar galima grąžinti prekę po dviejų savaičių?',
    });
    const patched = await requestAs(harness.testApp, agent).patch(
      `/api/v1/conversations/${first.conversation_id}`,
      { priority: 'low' },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const reference = patched.json().reference;
    await receive({
      messageId: 'triage-thread-2@example.lt',
      from: 'jonas@example.lt',
      subject: `Re: [#${reference}] Klausimas dėl prekės`,
      body: 'Skubiai! Mano paskyrą įsilaužė ir pakeitė el. pašto adresą!',
    });
    const detail = await detailOf(first.conversation_id);
    expect(detail.priority).toBe('low');
    expect(detail.triage.suggestedPriority).toMatch(/^(high|urgent)$/);
  });
});

describe('the acknowledgement’s promise', () => {
  it('is stored when the acknowledgement goes out and kept by an agent’s reply within it', async () => {
    const before = capture.received.length;
    const message = await receive({
      messageId: 'promise-ack@example.lt',
      from: 'rasa@example.lt',
      subject: 'Pristatymas',
      body: 'Laba diena, kada atvyks mano užsakymas? Laukiu jau savaitę.',
    });
    await capture.waitFor(before + 1);
    expect(capture.received[before]!.parsed.text).toContain('per 4 darbo valandas');
    const [promise] = await eventually(async () => {
      const promises = await findPromisesOf(db(), message.conversation_id);
      if (promises.length !== 1) throw new Error('no promise yet');
      return promises;
    });
    // "within 4 business hours" names a deadline: P50 and P90 are both 4 hours.
    expect(promise).toMatchObject({
      channel: 'email',
      queue: 'email',
      p50_seconds: 14_400,
      p90_seconds: 14_400,
      resolved_at: null,
    });
    const reply = await requestAs(harness.testApp, agent).post(
      `/api/v1/conversations/${message.conversation_id}/messages`,
      { body: 'Laba diena, siuntinys išsiųstas šiandien.', visibility: 'public' },
    );
    expect(reply.statusCode).toBe(201);
    const [resolved] = await findPromisesOf(db(), message.conversation_id);
    expect(resolved).toMatchObject({ kept: true });
    // Answered within seconds of a 4-hour promise: the P50 was off by almost 4 hours.
    expect(resolved!.error_seconds).toBeGreaterThan(14_000);
  });

  it('counts business hours in the SLA policy’s calendar: outside opening hours the deadline moves to the next opening', async () => {
    const admin = await signInAgent(harness.testApp, 'admin');
    // Open 9–17 UTC on one weekday only, two days from today: "within 4 business hours" ends then.
    const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    const openDay = weekdays[(new Date().getUTCDay() + 2) % 7]!;
    const calendar = await requestAs(harness.testApp, admin).post('/api/v1/business-calendars', {
      name: 'One day a week',
      timeZone: 'UTC',
      weeklyHours: { [openDay]: [{ from: '09:00', to: '17:00' }] },
    });
    expect(calendar.statusCode, calendar.body).toBe(201);
    const policy = await requestAs(harness.testApp, admin).post('/api/v1/sla-policies', {
      name: 'Email in business hours',
      conditions: { channels: ['email'] },
      firstResponseMinutes: 240,
      calendarId: calendar.json().id,
    });
    expect(policy.statusCode, policy.body).toBe(201);

    const before = capture.received.length;
    const message = await receive({
      messageId: 'promise-business@example.lt',
      from: 'petras@example.lt',
      subject: 'Sąskaita',
      body: 'Laba diena, prašau atsiųsti sąskaitą faktūrą už praėjusį mėnesį.',
    });
    await capture.waitFor(before + 1);
    const [promise] = await eventually(async () => {
      const promises = await findPromisesOf(db(), message.conversation_id);
      if (promises.length !== 1) throw new Error('no promise yet');
      return promises;
    });
    // At least a day away (the open day is the day after tomorrow), at most three.
    expect(promise!.p90_seconds).toBeGreaterThan(24 * 3600);
    expect(promise!.p90_seconds).toBeLessThanOrEqual(3 * 24 * 3600);
    expect(promise!.p50_seconds).toBe(promise!.p90_seconds);
  });
});
