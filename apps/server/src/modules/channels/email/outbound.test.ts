import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent } from '../../../../test/support/app.ts';
import { startJobWorker } from '../../../platform/jobs.ts';
import { emailTasks } from './email.tasks.ts';
import { sendReplyEmail } from './outbound.service.ts';
import { startCaptureSmtp } from './testing/capture-smtp.ts';
import { buildMessage, deliverRaw, eventually, testConfig } from './testing/email-test-kit.ts';
import { type InboundHarness, startInboundHarness } from './testing/harness.ts';

let capture: Awaited<ReturnType<typeof startCaptureSmtp>>;
let harness: InboundHarness;
let agent: SignedInAgent;
let worker: Runner | undefined;

beforeAll(async () => {
  capture = await startCaptureSmtp();
  harness = await startInboundHarness({
    config: testConfig({ SMTP_URL: capture.url }),
    mailbox: { signature: 'Shop support\n+370 5 000 0000' },
  });
  agent = await signInAgent(harness.testApp, 'agent', { name: 'Rūta Petraitė' });
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

async function receive(messageId: string, body: string, subject = 'Siuntinys') {
  const answer = await deliverRaw(harness.listener.port, {
    from: 'ona@example.lt',
    to: ['pagalba@shop.example'],
    raw: buildMessage({ messageId, subject, body }),
  });
  expect(answer.code).toBe(250);
  return db()
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['conversations.id', 'conversations.reference'])
    .where('messages.external_id', '=', messageId)
    .executeTakeFirstOrThrow();
}

async function deliveryOf(messageId: string) {
  return db()
    .selectFrom('email_messages')
    .select(['delivery_status', 'delivery_attempts', 'delivery_error', 'rfc_message_id'])
    .where('message_id', '=', messageId)
    .executeTakeFirst();
}

/** An agent's public reply through the conversations API, as the workspace sends it. */
async function agentReply(conversationId: string, body: string) {
  const response = await requestAs(harness.testApp, agent).post(
    `/api/v1/conversations/${conversationId}/messages`,
    {
      body,
      visibility: 'public',
    },
  );
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

describe('outbound mail through the job queue', () => {
  it('acknowledges a new conversation in the customer’s language, with the reference and the promised time', async () => {
    const before = capture.received.length;
    const conversation = await receive(
      'ack-lt@example.lt',
      'Laba diena, užsakiau prieš savaitę, bet siuntinio vis dar nėra.',
    );
    await capture.waitFor(before + 1);
    const mail = capture.received[before]!;
    expect(mail.envelope.to).toEqual(['ona@example.lt']);
    expect(mail.parsed.subject).toBe(`[#${conversation.reference}] Re: Siuntinys`);
    expect(mail.parsed.text).toContain(`#${conversation.reference}`);
    // The agent signed in above is at work: the ETA engine's forecast, in Lithuanian.
    expect(mail.parsed.text).toMatch(/Atsakymo galite tikėtis maždaug per \d+ \S+, vėliausiai per \d+ \S+\./);
    expect(mail.parsed.inReplyTo).toBe('<ack-lt@example.lt>');
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.parsed.replyTo?.value[0]?.address).toMatch(
      new RegExp(`^pagalba\\+r${conversation.reference}\\.[0-9a-f]{10}@shop\\.example$`),
    );
    const recorded = () =>
      db()
        .selectFrom('messages')
        .innerJoin('email_messages', 'email_messages.message_id', 'messages.id')
        .select([
          'messages.author_type',
          'messages.direction',
          'email_messages.kind',
          'email_messages.delivery_status',
        ])
        .where('messages.conversation_id', '=', conversation.id)
        .where('messages.direction', '=', 'outbound')
        .execute();
    await eventually(async () =>
      expect(await recorded()).toEqual([
        { author_type: 'system', direction: 'outbound', kind: 'acknowledgement', delivery_status: 'sent' },
      ]),
    );
  });

  it('falls back to English when the language has no texts', async () => {
    const before = capture.received.length;
    await receive(
      'ack-de@example.de',
      'Guten Tag, ich warte seit einer Woche auf mein Paket. Wo ist es?',
      'Paket',
    );
    await capture.waitFor(before + 1);
    // The agent signed in above is at work and nobody waits: the engine's ETA, worded in English.
    expect(capture.received[before]!.parsed.text).toMatch(
      /You can expect our answer in about \d+ minutes, at the latest in \d+ minutes\./,
    );
  });

  it('mails an agent’s reply with the agent’s name, the reply token, threading headers, reference and signature', async () => {
    const conversation = await receive(
      'reply-me@example.lt',
      'Laba diena, kur mano užsakymas? Laukiu jau dvi savaites.',
    );
    const messageId = await agentReply(conversation.id, 'Laba diena,\n\nsiuntinys išsiųstas vakar.');
    const sent = await eventually(async () => {
      const found = capture.received.find(
        (candidate) => candidate.parsed.messageId === `<${messageId}@shop.example>`,
      );
      expect(found).toBeDefined();
      return found!;
    });
    const mail = sent.parsed;
    expect(mail.from?.value[0]).toEqual({
      address: 'pagalba@shop.example',
      name: 'Rūta Petraitė | Shop support',
    });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe('ona@example.lt');
    expect(mail.subject).toBe(`[#${conversation.reference}] Re: Siuntinys`);
    expect(mail.messageId).toBe(`<${messageId}@shop.example>`);
    expect(mail.inReplyTo).toBe('<reply-me@example.lt>');
    expect(mail.references).toBe('<reply-me@example.lt>');
    expect(mail.text).toContain('siuntinys išsiųstas vakar.\n\n-- \nShop support');
    expect(mail.html).toContain('<p>siuntinys išsiųstas vakar.</p>');
    await eventually(async () =>
      expect(await deliveryOf(messageId)).toMatchObject({ delivery_status: 'sent', delivery_attempts: 1 }),
    );
  });
});

describe('outbound failures', () => {
  async function queuedReply() {
    await worker?.stop();
    worker = undefined;
    const conversation = await receive(
      `fail-${Math.random().toString(36).slice(2)}@example.lt`,
      'Laba diena, ar galite padėti?',
    );
    return { conversationId: conversation.id, messageId: await agentReply(conversation.id, 'Žinoma.') };
  }

  it('a temporary refusal is retried (the job throws), and the next try delivers', async () => {
    const { messageId } = await queuedReply();
    capture.refuse(451, '4.7.1 Try again later');
    await expect(
      sendReplyEmail(harness.testApp.deps, messageId, { attempt: 1, maxAttempts: 10 }),
    ).rejects.toThrow();
    expect(await deliveryOf(messageId)).toMatchObject({
      delivery_status: 'queued',
      delivery_attempts: 1,
      delivery_error: expect.stringContaining('Try again later'),
    });
    await sendReplyEmail(harness.testApp.deps, messageId, { attempt: 2, maxAttempts: 10 });
    expect(await deliveryOf(messageId)).toMatchObject({
      delivery_status: 'sent',
      delivery_attempts: 2,
      delivery_error: null,
    });
  });

  it('a permanent refusal is marked failed on the message and in the timeline, without more tries', async () => {
    const { conversationId, messageId } = await queuedReply();
    capture.refuse(550, '5.1.1 No such user');
    await sendReplyEmail(harness.testApp.deps, messageId, { attempt: 1, maxAttempts: 10 });
    expect(await deliveryOf(messageId)).toMatchObject({
      delivery_status: 'failed',
      delivery_error: expect.stringContaining('No such user'),
    });
    const events = await db()
      .selectFrom('conversation_events')
      .select(['type', 'data'])
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(events).toContainEqual({
      type: 'email_delivery_failed',
      data: { messageId, error: expect.stringContaining('No such user') },
    });
  });

  it('a temporary refusal on the last try is marked failed', async () => {
    const { messageId } = await queuedReply();
    capture.refuse(451, '4.7.1 Still busy');
    await sendReplyEmail(harness.testApp.deps, messageId, { attempt: 10, maxAttempts: 10 });
    expect(await deliveryOf(messageId)).toMatchObject({ delivery_status: 'failed', delivery_attempts: 10 });
  });

  it('without any outbound server the reply is marked failed, saying what to configure', async () => {
    const { messageId } = await queuedReply();
    const deps = {
      ...harness.testApp.deps,
      config: {
        ...harness.testApp.deps.config,
        email: { ...harness.testApp.deps.config.email, smtpUrl: undefined },
      },
    };
    await sendReplyEmail(deps, messageId, { attempt: 1, maxAttempts: 10 });
    expect(await deliveryOf(messageId)).toMatchObject({
      delivery_status: 'failed',
      delivery_error: expect.stringContaining('SMTP_URL'),
    });
  });
});
