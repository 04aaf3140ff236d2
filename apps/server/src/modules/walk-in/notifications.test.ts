import type { Ticket } from '@frontline/contracts';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent, type TestApp } from '../../../test/support/app.ts';
import { startJobWorker } from '../../platform/jobs.ts';
import { startCaptureSmtp } from '../channels/email/testing/capture-smtp.ts';
import { eventually, queuedJobs, testConfig } from '../channels/email/testing/email-test-kit.ts';
import { type InboundHarness, startInboundHarness } from '../channels/email/testing/harness.ts';
import { createSmsProvider } from '../channels/sms/index.ts';
import { startFakeTwilio } from '../channels/sms/testing/twilio-fake.ts';
import { walkInTasks } from './index.ts';
import { checkLineTask, sendNotificationTask } from './notifications.repository.ts';
import { sendVisitNotification } from './notifications.service.ts';
import { createLocationWith } from './walk-in.test-helpers.ts';

const account = { sid: `AC${'3c'.repeat(16)}`, authToken: 'walk-in-test-token-0123456789' };
let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
let capture: Awaited<ReturnType<typeof startCaptureSmtp>>;
let harness: InboundHarness;
let testApp: TestApp;
let worker: Runner;
let admin: SignedInAgent;

beforeAll(async () => {
  twilio = await startFakeTwilio(account);
  capture = await startCaptureSmtp();
  harness = await startInboundHarness({
    config: testConfig({
      SMTP_URL: capture.url,
      FRONTLINE_PUBLIC_URL: 'https://queue.example',
      FRONTLINE_SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: account.sid,
      TWILIO_AUTH_TOKEN: account.authToken,
      TWILIO_FROM: '+37060000001',
      FRONTLINE_TWILIO_BASE_URL: twilio.baseUrl,
    }),
  });
  testApp = harness.testApp;
  worker = await startJobWorker({
    pool: testApp.deps.pool,
    taskList: walkInTasks(testApp.deps),
    crontab: '',
  });
  admin = await signInAgent(testApp, 'admin');
});
afterAll(async () => {
  await worker.stop();
  await harness.close();
  await capture.close();
  await twilio.close();
});

/** A location with one service (A) and "Desk 3", a clerk signed in there, and the given rules. */
async function openLocation(name: string, rules: { nearTurnPosition: number; nearTurnMinutes: number }) {
  const clerk = await signInAgent(testApp, 'agent');
  const setup = await createLocationWith(testApp, admin, {
    name,
    services: [{ prefix: 'A', name: 'Passports', agentIds: [clerk.id] }],
    desks: ['Desk 3'],
  });
  const patched = await requestAs(testApp, admin).patch(`/api/v1/walk-in/locations/${setup.locationId}`, {
    rules,
  });
  expect(patched.statusCode, patched.body).toBe(200);
  const desk = setup.desks['Desk 3']!;
  const signedIn = await requestAs(testApp, clerk).post(`/api/v1/walk-in/desks/${desk}/sign-in`, {
    serviceIds: [setup.services.A],
  });
  expect(signedIn.statusCode, signedIn.body).toBe(200);
  return { ...setup, clerk, desk, serviceId: setup.services.A! };
}

async function takeTicket(locationId: string, body: Record<string, unknown>) {
  const response = await requestAs(testApp, null).post(
    `/api/v1/public/walk-in/locations/${locationId}/tickets`,
    body,
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Ticket;
}

/** Every queued line check and message has run (they are queued in the changes' own transactions). */
async function jobsDone() {
  await eventually(async () => {
    expect(await queuedJobs(testApp.deps.db, checkLineTask)).toEqual([]);
    expect(await queuedJobs(testApp.deps.db, sendNotificationTask)).toEqual([]);
  }, 30_000);
}

/** The tracking page's "notify me": a PUT, which the JSON test client does not offer. */
const putContact = (token: string, body: Record<string, string>) =>
  testApp.app.inject({ method: 'PUT', url: `/api/v1/public/walk-in/visits/${token}/contact`, payload: body });

const textsTo = (phone: string) => twilio.accepted.filter((request) => request.form.To === phone);

function notificationsOf(ticket: Ticket) {
  return testApp.deps.db
    .selectFrom('walk_in_notifications as n')
    .innerJoin('walk_in_visits as v', 'v.id', 'n.visit_id')
    .select(['n.kind', 'n.channel', 'n.call_number', 'n.status', 'n.attempts', 'n.recipient', 'n.id'])
    .where('v.tracking_token', '=', ticket.trackingToken)
    .orderBy('n.created_at')
    .execute();
}

describe('"your turn is near"', () => {
  it('is texted once, in the visitor’s language, when the line moves them up to third', async () => {
    const place = await openLocation('Kaunas office', { nearTurnPosition: 3, nearTurnMinutes: 0 });
    const api = requestAs(testApp, place.clerk);
    const first = await takeTicket(place.locationId, { serviceId: place.serviceId });
    await takeTicket(place.locationId, { serviceId: place.serviceId });
    await takeTicket(place.locationId, { serviceId: place.serviceId });
    const ona = await takeTicket(place.locationId, {
      serviceId: place.serviceId,
      language: 'lt',
      phone: '+370 612 34504',
    });
    await jobsDone();
    // Fourth in line: not yet.
    expect(textsTo('+37061234504')).toEqual([]);

    await api.post(`/api/v1/walk-in/desks/${place.desk}/call-next`);
    await jobsDone();
    const [text] = textsTo('+37061234504');
    expect(text?.form.From).toBe('+37060000001');
    expect(text?.form.Body).toBe(
      `Jūsų eilė artėja (Kaunas office): bilietas ${ona.ticket}. Prašome ateiti į laukiamąjį. Sekite eilę: https://queue.example/visit/${ona.trackingToken}`,
    );

    // The line moves again: Ona is second now, and is not told a second time.
    const called = (await api.get(`/api/v1/walk-in/my-desk`)).json().desk.current;
    expect(called.ticket).toBe(first.ticket);
    await api.post(`/api/v1/walk-in/visits/${called.id}/finish`, { outcome: 'resolved' });
    await api.post(`/api/v1/walk-in/desks/${place.desk}/call-next`);
    await jobsDone();
    expect(textsTo('+37061234504')).toHaveLength(1);

    // The desk console shows that she was notified.
    const line = (await api.get(`/api/v1/walk-in/locations/${place.locationId}/line`)).json();
    const entry = line.items.find((item: { ticket: string }) => item.ticket === ona.ticket);
    expect(entry.hasContact).toBe(true);
    expect(entry.notices).toEqual([
      { kind: 'turn_near', channel: 'sms', status: 'sent', callNumber: 0, sentAt: expect.any(String) },
    ]);
  });

  it('is emailed to someone who joined remotely once the soonest they may be called is under the threshold', async () => {
    const place = await openLocation('Bratislava office', { nearTurnPosition: 0, nearTurnMinutes: 120 });
    const joined = await requestAs(testApp, null).post(
      `/api/v1/public/walk-in/locations/${place.locationId}/join`,
      {
        serviceId: place.serviceId,
        language: 'sk',
        email: 'Jana.Novakova@Example.sk',
      },
    );
    expect(joined.statusCode, joined.body).toBe(201);
    const ticket = joined.json() as Ticket;
    await jobsDone();

    const mail = capture.received.find((received) =>
      received.envelope.to.includes('jana.novakova@example.sk'),
    );
    expect(mail?.parsed.subject).toBe(`Blíži sa váš rad – lístok ${ticket.ticket}`);
    expect(mail?.parsed.text).toContain(`https://queue.example/visit/${ticket.trackingToken}`);
    expect(await notificationsOf(ticket)).toMatchObject([
      { kind: 'turn_near', channel: 'email', status: 'sent', recipient: 'jana.novakova@example.sk' },
    ]);
  });
});

describe('leaving a contact on the tracking page', () => {
  it('a visitor already near the front is texted at once; a finished visit can no longer be given one', async () => {
    const place = await openLocation('Riga office', { nearTurnPosition: 2, nearTurnMinutes: 0 });
    const visitor = await takeTicket(place.locationId, { serviceId: place.serviceId, language: 'en' });
    expect(visitor.hasContact).toBe(false);
    await jobsDone();

    const saved = await putContact(visitor.trackingToken, {
      phone: '+371 2000 0001',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ticket: visitor.ticket, hasContact: true });
    await jobsDone();
    expect(textsTo('+37120000001').map((text) => text.form.Body)).toEqual([
      `Your turn is near at Riga office: ticket ${visitor.ticket}. Please come to the waiting room. Follow your turn: https://queue.example/visit/${visitor.trackingToken}`,
    ]);

    const wrong = await putContact(visitor.trackingToken, {
      phone: 'call me',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.phone');

    const api = requestAs(testApp, place.clerk);
    const desk = (await api.post(`/api/v1/walk-in/desks/${place.desk}/call-next`)).json();
    await api.post(`/api/v1/walk-in/visits/${desk.current.id}/finish`, { outcome: 'resolved' });
    const late = await putContact(visitor.trackingToken, {
      email: 'late@example.com',
    });
    expect(late.statusCode).toBe(409);
    await jobsDone();
  });
});

describe('"you are called to Desk 3"', () => {
  it('goes by SMS and email on call-next, and again on a recall', async () => {
    const place = await openLocation('Warsaw office', { nearTurnPosition: 0, nearTurnMinutes: 0 });
    const api = requestAs(testApp, place.clerk);
    const zofia = await takeTicket(place.locationId, {
      serviceId: place.serviceId,
      language: 'pl',
      phone: '+48 501 234 567',
      email: 'zofia@example.pl',
    });

    const desk = (await api.post(`/api/v1/walk-in/desks/${place.desk}/call-next`)).json();
    expect(desk.current.ticket).toBe(zofia.ticket);
    await jobsDone();
    expect(textsTo('+48501234567').map((text) => text.form.Body)).toEqual([
      `Twoja kolej: bilet ${zofia.ticket}, prosimy podejść do: Desk 3 (Warsaw office). https://queue.example/visit/${zofia.trackingToken}`,
    ]);
    const mails = () => capture.received.filter((mail) => mail.envelope.to.includes('zofia@example.pl'));
    expect(mails().map((mail) => mail.parsed.subject)).toEqual([`Twoja kolej – bilet ${zofia.ticket}`]);

    await api.post(`/api/v1/walk-in/visits/${desk.current.id}/recall`);
    await jobsDone();
    expect(textsTo('+48501234567')[1]?.form.Body).toMatch(/^Wzywamy ponownie: bilet A-001/);
    expect(mails()).toHaveLength(2);

    const current = (await api.get('/api/v1/walk-in/my-desk')).json().desk.current;
    expect(
      current.notices.map((notice: { channel: string; callNumber: number; status: string }) => [
        notice.channel,
        notice.callNumber,
        notice.status,
      ]),
    ).toEqual([
      ['email', 1, 'sent'],
      ['sms', 1, 'sent'],
      ['email', 2, 'sent'],
      ['sms', 2, 'sent'],
    ]);
    // The email is part of the visit's conversation, like any message to the customer.
    const conversation = (await api.get(`/api/v1/conversations/${desk.current.conversationId}`)).json();
    expect(conversation.channel).toBe('walk_in');
  });

  it('is retried after Twilio answers 500, and sent exactly once', async () => {
    const place = await openLocation('Debrecen office', { nearTurnPosition: 0, nearTurnMinutes: 0 });
    const visitor = await takeTicket(place.locationId, {
      serviceId: place.serviceId,
      language: 'hu',
      phone: '+36 20 123 4567',
    });
    twilio.failNext(1);
    await requestAs(testApp, place.clerk).post(`/api/v1/walk-in/desks/${place.desk}/call-next`);
    await jobsDone();

    const attempts = twilio.requests.filter((request) => request.form.To === '+36201234567');
    expect(attempts).toHaveLength(2);
    expect(textsTo('+36201234567').map((text) => text.form.Body)).toEqual([
      `Ön következik: ${visitor.ticket} sorszám, kérjük, fáradjon ide: Desk 3 (Debrecen office). https://queue.example/visit/${visitor.trackingToken}`,
    ]);
    const [notification] = await notificationsOf(visitor);
    expect(notification).toMatchObject({ status: 'sent', attempts: 2 });

    // The job run again (a worker that died after sending) finds it sent and sends nothing.
    const sms = createSmsProvider(testApp.deps.config.sms, () => {});
    expect(
      await sendVisitNotification(testApp.deps, sms, notification!.id, { attempt: 3, maxAttempts: 5 }),
    ).toBe('already_sent');
    expect(twilio.requests.filter((request) => request.form.To === '+36201234567')).toHaveLength(2);
  });
});

describe('texts in the visit’s conversation', () => {
  it('a text sent to the visitor shows in the conversation timeline once, like the emails', async () => {
    const place = await openLocation('Tallinn office', { nearTurnPosition: 0, nearTurnMinutes: 0 });
    const visitor = await takeTicket(place.locationId, {
      serviceId: place.serviceId,
      language: 'en',
      phone: '+372 5000 0042',
    });
    const api = requestAs(testApp, place.clerk);
    const desk = (await api.post(`/api/v1/walk-in/desks/${place.desk}/call-next`)).json();
    await jobsDone();
    const [text] = textsTo('+37250000042');
    expect(text?.form.Body).toContain(visitor.ticket);

    const conversation = (await api.get(`/api/v1/conversations/${desk.current.conversationId}`)).json();
    const recorded = conversation.messages.filter(
      (message: { authorType: string; channel: string }) =>
        message.authorType === 'system' && message.channel === 'walk_in',
    );
    expect(textsTo('+37250000042')).toHaveLength(1);
    expect(recorded).toEqual([
      expect.objectContaining({ body: text?.form.Body, direction: 'outbound', visibility: 'public' }),
    ]);
  });
});
