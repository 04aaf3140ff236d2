import type { Mailbox } from '@frontline/contracts';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent } from '../../../../test/support/app.ts';
import { startJobWorker } from '../../../platform/jobs.ts';
import { emailTasks } from './email.tasks.ts';
import { startCaptureSmtp } from './testing/capture-smtp.ts';
import { buildMessage, deliverRaw, eventually, testConfig } from './testing/email-test-kit.ts';
import { type InboundHarness, startInboundHarness } from './testing/harness.ts';

/** What the admin screens need beyond plain settings: on/off, default language, inbound status. */

let harness: InboundHarness;
let capture: Awaited<ReturnType<typeof startCaptureSmtp>>;
let worker: Runner | undefined;
let admin: SignedInAgent;
let agent: SignedInAgent;

beforeAll(async () => {
  capture = await startCaptureSmtp();
  harness = await startInboundHarness({ config: testConfig({ SMTP_URL: capture.url }) });
  worker = await startJobWorker({
    pool: harness.testApp.deps.pool,
    taskList: emailTasks(harness.testApp.deps),
    crontab: '',
  });
  admin = await signInAgent(harness.testApp, 'admin');
  agent = await signInAgent(harness.testApp, 'agent');
});
afterAll(async () => {
  await worker?.stop();
  await harness.close();
  await capture.close();
});

const getMailbox = async (id: string) =>
  (await requestAs(harness.testApp, admin).get(`/api/v1/mailboxes/${id}`)).json() as Mailbox;

const storedCount = async (externalId: string) =>
  (
    await harness.testApp.deps.db
      .selectFrom('messages')
      .select('id')
      .where('external_id', '=', externalId)
      .execute()
  ).length;

describe('mailbox administration is for admins only', () => {
  it('an agent can neither see, add, change, remove nor test mailboxes', async () => {
    const as = requestAs(harness.testApp, agent);
    const id = harness.mailboxId;
    const answers = await Promise.all([
      as.get('/api/v1/mailboxes'),
      as.get(`/api/v1/mailboxes/${id}`),
      as.post('/api/v1/mailboxes', { name: 'X', address: 'x@shop.example', inbound: { type: 'smtp' } }),
      as.patch(`/api/v1/mailboxes/${id}`, { isEnabled: false }),
      as.delete(`/api/v1/mailboxes/${id}`),
      as.post(`/api/v1/mailboxes/${id}/connection-test`),
      as.post('/api/v1/mailboxes/connection-test', { inbound: { type: 'smtp' } }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    const mailbox = await getMailbox(id);
    expect(mailbox.isEnabled).toBe(true);
  });
});

describe('mailbox switch, default language and status', () => {
  it('a new mailbox is enabled, answers in English by default and has no status yet', async () => {
    const response = await requestAs(harness.testApp, admin).post('/api/v1/mailboxes', {
      name: 'Faktúry',
      address: 'faktury@shop.example',
      inbound: { type: 'smtp' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      isEnabled: true,
      defaultLanguage: 'en',
      status: { lastReceivedAt: null, lastCheckedAt: null, lastError: null, lastErrorAt: null },
    });
  });

  it('can be created switched off with a default language, and both changed later', async () => {
    const created = await requestAs(harness.testApp, admin).post('/api/v1/mailboxes', {
      name: 'Ügyfélszolgálat',
      address: 'ugyfel@shop.example',
      inbound: { type: 'smtp' },
      isEnabled: false,
      defaultLanguage: 'hu',
    });
    expect(created.json()).toMatchObject({ isEnabled: false, defaultLanguage: 'hu' });
    const changed = await requestAs(harness.testApp, admin).patch(`/api/v1/mailboxes/${created.json().id}`, {
      isEnabled: true,
      defaultLanguage: 'sk',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ isEnabled: true, defaultLanguage: 'sk', name: 'Ügyfélszolgálat' });
  });

  it('refuses a default language we have no texts for, naming the field', async () => {
    const response = await requestAs(harness.testApp, admin).patch(`/api/v1/mailboxes/${harness.mailboxId}`, {
      defaultLanguage: 'de',
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().errors)).toContain('defaultLanguage');
  });

  it('a switched-off mailbox answers 450 so the sender retries; switched on, the same mail is stored', async () => {
    const off = await requestAs(harness.testApp, admin).patch(`/api/v1/mailboxes/${harness.mailboxId}`, {
      isEnabled: false,
    });
    expect(off.json().isEnabled).toBe(false);
    const raw = buildMessage({ messageId: 'paused-1@example.lt', to: 'pagalba@shop.example' });
    const refused = await deliverRaw(harness.listener.port, {
      from: 'ona@example.lt',
      to: ['pagalba@shop.example'],
      raw,
    });
    expect(refused).toMatchObject({ accepted: false, code: 450 });
    expect(refused.response).toContain('disabled');
    expect(await storedCount('paused-1@example.lt')).toBe(0);

    await requestAs(harness.testApp, admin).patch(`/api/v1/mailboxes/${harness.mailboxId}`, {
      isEnabled: true,
    });
    const retried = await deliverRaw(harness.listener.port, {
      from: 'ona@example.lt',
      to: ['pagalba@shop.example'],
      raw,
    });
    expect(retried).toMatchObject({ accepted: true, code: 250 });
    expect(await storedCount('paused-1@example.lt')).toBe(1);
    const mailbox = await getMailbox(harness.mailboxId);
    expect(mailbox.status.lastReceivedAt).not.toBeNull();
    // SMTP mailboxes are not polled: no poll time, no poll error.
    expect(mailbox.status).toMatchObject({ lastCheckedAt: null, lastError: null });
  });

  it('acknowledges in the mailbox’s default language when the customer’s cannot be told', async () => {
    await requestAs(harness.testApp, admin).patch(`/api/v1/mailboxes/${harness.mailboxId}`, {
      defaultLanguage: 'lt',
    });
    // Too short to tell a language from.
    const raw = buildMessage({
      messageId: 'short-1@example.lt',
      from: 'jonas@example.lt',
      to: 'pagalba@shop.example',
      subject: 'OK?',
      body: 'OK?',
    });
    const answer = await deliverRaw(harness.listener.port, {
      from: 'jonas@example.lt',
      to: ['pagalba@shop.example'],
      raw,
    });
    expect(answer.accepted).toBe(true);
    const acknowledgement = await eventually(async () => {
      const mail = capture.received.find((candidate) => candidate.envelope.to.includes('jonas@example.lt'));
      expect(mail).toBeDefined();
      return mail!;
    });
    expect(acknowledgement.parsed.text).toContain('Laba diena');
  });
});
