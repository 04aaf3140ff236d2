import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app.ts';
import { startJobWorker } from '../../../platform/jobs.ts';
import { openVisitor, say, setStatus, visitorEvent } from '../chat/chat.test-helpers.ts';
import { emailTasks } from '../email/index.ts';
import { startCaptureSmtp } from '../email/testing/capture-smtp.ts';
import { testConfig } from '../email/testing/email-test-kit.ts';

let capture: Awaited<ReturnType<typeof startCaptureSmtp>>;
let testApp: TestApp;
let admin: SignedInAgent;
let worker: Runner | undefined;

beforeAll(async () => {
  capture = await startCaptureSmtp();
  testApp = await startTestApp({ config: testConfig({ SMTP_URL: capture.url }) });
  admin = await signInAgent(testApp, 'admin', { name: 'Lina Admin' });
  const mailbox = await requestAs(testApp, admin).post('/api/v1/mailboxes', {
    name: 'Shop support',
    address: 'support@shop.example',
    inbound: { type: 'smtp' },
    acknowledge: false,
  });
  expect(mailbox.statusCode, mailbox.body).toBe(201);
  worker = await startJobWorker({ pool: testApp.deps.pool, taskList: emailTasks(testApp.deps), crontab: '' });
});
afterAll(async () => {
  await worker?.stop();
  await testApp.close();
  await capture.close();
});

async function reply(conversationId: string, body: string) {
  const response = await requestAs(testApp, admin).post(`/api/v1/conversations/${conversationId}/messages`, {
    body,
  });
  expect(response.statusCode).toBe(201);
}

async function conversationWithReference(reference: number) {
  const list = (
    await requestAs(testApp, admin).get('/api/v1/conversations', { query: { text: String(reference) } })
  ).json();
  return list.items.find((item: { reference: number }) => item.reference === reference) as { id: string };
}

describe('answers to written requests go by email', () => {
  it('an agent’s reply to a web form request is mailed to the customer with the reference', async () => {
    const submitted = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/public/web-form',
      payload: {
        clientId: `form-reply-${Date.now()}`,
        name: 'Marek Kowalski',
        email: 'marek@example.pl',
        topic: 'billing',
        message: 'Faktura 12/2026 ma zły NIP, proszę o korektę.',
        language: 'pl',
      },
    });
    expect(submitted.statusCode).toBe(201);
    const { reference } = submitted.json();
    const before = capture.received.length;
    await reply((await conversationWithReference(reference)).id, 'Korekta faktury jest w załączniku.');
    await capture.waitFor(before + 1);
    const mail = capture.received.at(-1)!;
    expect(mail.envelope.to).toEqual(['marek@example.pl']);
    expect(mail.parsed.subject).toContain(`[#${reference}]`);
    expect(mail.parsed.text).toContain('Korekta faktury jest w załączniku.');
  });

  it('a reply to an offline chat request is mailed; a reply in a live chat stays in the chat', async () => {
    const baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    await setStatus(testApp, admin, 'online');
    const live = await openVisitor(baseUrl);
    live.send({ type: 'profile', name: 'Jana', email: 'jana.live@example.sk' });
    await live.waitFor(visitorEvent('profile'));
    await say(live, 'Dobrý deň');
    const liveChat = await live.waitFor(visitorEvent('welcome', (event) => event.chat !== null));
    await reply(
      liveChat.type === 'welcome' ? liveChat.chat!.conversationId : '',
      'Dobrý deň, ako vám pomôžem?',
    );
    await live.close();
    await setStatus(testApp, admin, 'offline');

    const offline = await openVisitor(baseUrl, { lang: 'hu' });
    const request = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/public/chat/requests',
      headers: { 'x-visitor-token': offline.token },
      payload: {
        clientId: `offline-${Date.now()}`,
        name: 'Eszter Nagy',
        email: 'eszter@example.hu',
        message: 'Mikor nyit ki az üzlet vasárnap?',
      },
    });
    expect(request.statusCode).toBe(201);
    await offline.close();
    const before = capture.received.length;
    await reply((await conversationWithReference(request.json().reference)).id, 'Vasárnap 10 órától.');
    await capture.waitFor(before + 1);
    expect(capture.received.at(-1)!.envelope.to).toEqual(['eszter@example.hu']);
    // Jobs run in order: had the live chat's reply been queued, it would have gone out first.
    expect(capture.received.flatMap((mail) => mail.envelope.to)).not.toContain('jana.live@example.sk');
  });
});
