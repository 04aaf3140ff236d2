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

/** The acknowledgement of the mail with this Message-ID, once it has gone out. */
const acknowledgementOf = (messageId: string) =>
  eventually(async () => {
    const mail = capture.received.find((received) => received.parsed.inReplyTo === `<${messageId}>`);
    if (!mail) throw new Error(`no acknowledgement of ${messageId} yet`);
    return mail.parsed.text ?? '';
  });

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
  it('states the engine’s ETA in the customer’s language, is stored with the forecast and kept by a reply within it', async () => {
    const message = await receive({
      messageId: 'promise-ack@example.lt',
      from: 'rasa@example.lt',
      subject: 'Pristatymas',
      body: 'Laba diena, kada atvyks mano užsakymas? Laukiu jau savaitę.',
    });
    // The supervisor signed in above is at work, with the three mails above waiting first.
    const text = await acknowledgementOf('promise-ack@example.lt');
    expect(text).toMatch(
      /Atsakymo galite tikėtis maždaug per \d+ minu\S+, vėliausiai per \d+ (minu|valand)\S+\./,
    );
    const [promise] = await eventually(async () => {
      const promises = await findPromisesOf(db(), message.conversation_id);
      if (promises.length !== 1) throw new Error('no promise yet');
      return promises;
    });
    expect(promise).toMatchObject({ channel: 'email', queue: 'backlog', resolved_at: null });
    expect(promise!.p90_seconds).toBeGreaterThan(promise!.p50_seconds);
    expect(promise!.forecast).toMatchObject({
      p50Seconds: expect.any(Number),
      p90Seconds: expect.any(Number),
    });
    const reply = await requestAs(harness.testApp, agent).post(
      `/api/v1/conversations/${message.conversation_id}/messages`,
      { body: 'Laba diena, siuntinys išsiųstas šiandien.', visibility: 'public' },
    );
    expect(reply.statusCode).toBe(201);
    const [resolved] = await findPromisesOf(db(), message.conversation_id);
    expect(resolved).toMatchObject({ kept: true });
    // Answered within seconds: the P50 was off by itself.
    expect(Math.abs(resolved!.error_seconds! - promise!.p50_seconds)).toBeLessThan(60);
  });

  it('outside business hours the ETA is the next opening, told as a day and a time', async () => {
    const admin = await signInAgent(harness.testApp, 'admin');
    // Open 9–17 UTC on one weekday only, two days from today.
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

    const message = await receive({
      messageId: 'promise-business@example.lt',
      from: 'petras@example.lt',
      subject: 'Sąskaita',
      body: 'Laba diena, prašau atsiųsti sąskaitą faktūrą už praėjusį mėnesį.',
    });
    // The supervisor answered above, so they are part of the team that works on the open day.
    expect(await acknowledgementOf('promise-business@example.lt')).toMatch(
      /Atsakymo galite tikėtis \S+ ryte po 9:00, vėliausiai iki \d+:\d\d\./,
    );
    const [promise] = await eventually(async () => {
      const promises = await findPromisesOf(db(), message.conversation_id);
      if (promises.length !== 1) throw new Error('no promise yet');
      return promises;
    });
    // At least a day away (the open day is the day after tomorrow), at most three.
    expect(promise!.p50_seconds).toBeGreaterThan(24 * 3600);
    expect(promise!.p90_seconds).toBeLessThanOrEqual(3 * 24 * 3600);
  });

  it('falls back to the mailbox’s own promise when nobody on the rota could answer', async () => {
    // Everyone signed out: no sessions, and the agents who answered before are deactivated.
    await db().deleteFrom('sessions').execute();
    await db().updateTable('agents').set({ is_active: false }).execute();
    try {
      const message = await receive({
        messageId: 'promise-nobody@example.lt',
        from: 'jonas@example.lt',
        subject: 'Grąžinimas',
        body: 'Laba diena, norėčiau grąžinti prekę, kurią gavau vakar.',
      });
      expect(await acknowledgementOf('promise-nobody@example.lt')).toContain('per 4 darbo valandas');
      const [promise] = await eventually(async () => {
        const promises = await findPromisesOf(db(), message.conversation_id);
        if (promises.length !== 1) throw new Error('no promise yet');
        return promises;
      });
      // "within 4 business hours" names a deadline: it is both the P50 and the P90, and no
      // forecast stands behind it for calibration to learn from.
      expect(promise).toMatchObject({ queue: 'backlog', forecast: null });
      expect(promise!.p50_seconds).toBe(promise!.p90_seconds);
    } finally {
      await db().updateTable('agents').set({ is_active: true }).execute();
    }
  });
});
