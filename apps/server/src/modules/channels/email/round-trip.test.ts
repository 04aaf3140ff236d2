import type { Runner } from 'graphile-worker';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent } from '../../../../test/support/app.ts';
import { startJobWorker } from '../../../platform/jobs.ts';
import { emailTasks } from './email.tasks.ts';
import { type CapturedMail, startCaptureSmtp } from './testing/capture-smtp.ts';
import { eventually, testConfig } from './testing/email-test-kit.ts';
import { type InboundHarness, startInboundHarness } from './testing/harness.ts';

let capture: Awaited<ReturnType<typeof startCaptureSmtp>>;
let harness: InboundHarness;
let agent: SignedInAgent;
let worker: Runner;

beforeAll(async () => {
  capture = await startCaptureSmtp();
  harness = await startInboundHarness({
    config: testConfig({ SMTP_URL: capture.url }),
    mailbox: { name: 'Parduotuvės pagalba', signature: 'Parduotuvės pagalba\n+370 5 000 0000' },
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

/** The customer's mail client, sending to our listener as their provider's MTA would. */
async function customerSends(mail: SendMailOptions & { envelopeTo: string }) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: harness.listener.port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const { envelopeTo, ...message } = mail;
    return await transport.sendMail({ ...message, envelope: { from: 'ona@example.lt', to: [envelopeTo] } });
  } finally {
    transport.close();
  }
}

const mailMatching = (predicate: (mail: CapturedMail) => boolean) =>
  eventually(async () => {
    const found = capture.received.find(predicate);
    expect(found).toBeDefined();
    return found!;
  });

describe('a conversation by email, end to end', () => {
  it('customer mail → acknowledgement → agent reply with the right headers → customer reply in the same conversation', async () => {
    const api = requestAs(harness.testApp, agent);
    // 1. The customer writes, with a photo of the damage.
    const sent = await customerSends({
      from: 'Ona Žukauskienė <ona@example.lt>',
      to: 'pagalba@shop.example',
      envelopeTo: 'pagalba@shop.example',
      subject: 'Sugadinta prekė',
      text: 'Laba diena,\n\ngavau sugadintą prekę, prisegu nuotrauką. Ką daryti?\n\nOna',
      attachments: [
        {
          filename: 'nuotrauka.png',
          content: Buffer.from('89504e470d0a1a0a', 'hex'),
          contentType: 'image/png',
        },
      ],
    });
    expect(sent.response).toMatch(/^250/);

    // 2. The acknowledgement arrives, in Lithuanian, with the reference and the promise.
    const ack = await mailMatching((mail) => mail.parsed.inReplyTo === sent.messageId);
    const reference = /\[#(\d+)\]/.exec(ack.parsed.subject ?? '')?.[1];
    expect(reference).toBeDefined();
    // The agent below is signed in and nobody else waits: the ETA engine's figure, in Lithuanian.
    expect(ack.parsed.text).toMatch(/Atsakymo galite tikėtis maždaug per \d+ \S+, vėliausiai per \d+ \S+\./);
    expect(ack.envelope.to).toEqual(['ona@example.lt']);

    // 3. The agent finds the conversation and sees the mail's sender, recipients, attachment and original.
    const list = await api.get('/api/v1/conversations', { query: { channel: 'email' } });
    const conversation = list
      .json()
      .items.find((item: { reference: number }) => String(item.reference) === reference);
    expect(conversation).toMatchObject({ subject: 'Sugadinta prekė', language: 'lt', status: 'new' });
    const details = (await api.get(`/api/v1/conversations/${conversation.id}/email-messages`)).json().items;
    const received = details.find((detail: { kind: string }) => detail.kind === 'person');
    expect(received).toMatchObject({
      from: { address: 'ona@example.lt', name: 'Ona Žukauskienė' },
      to: [{ address: 'pagalba@shop.example', name: '' }],
      authentication: { spf: expect.any(String), dmarc: expect.any(String), isSuspicious: false },
      attachments: [expect.objectContaining({ filename: 'nuotrauka.png', contentType: 'image/png' })],
    });
    const photo = await api.get(received.attachments[0].url);
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.toString('hex')).toBe('89504e470d0a1a0a');
    expect(photo.headers['content-security-policy']).toContain('sandbox');
    const original = await api.get(received.originalUrl);
    expect(original.headers['content-type']).toContain('message/rfc822');
    expect(original.body).toContain(`Message-ID: ${sent.messageId}`);
    // The job records the delivery right after the capture server took the mail.
    await eventually(async () => {
      const items = (await api.get(`/api/v1/conversations/${conversation.id}/email-messages`)).json().items;
      const acknowledgement = items.find((detail: { kind: string }) => detail.kind === 'acknowledgement');
      expect(acknowledgement.delivery).toMatchObject({ status: 'sent', attempts: 1 });
    });

    // 4. The agent answers; the customer receives a proper reply.
    const replied = await api.post(`/api/v1/conversations/${conversation.id}/messages`, {
      body: 'Laba diena,\n\natsiprašome. Naują prekę išsiųsime šiandien.',
      visibility: 'public',
    });
    expect(replied.statusCode).toBe(201);
    const reply = await mailMatching(
      (mail) => mail.parsed.messageId === `<${replied.json().id}@shop.example>`,
    );
    expect(reply.parsed.from?.value[0]).toEqual({
      address: 'pagalba@shop.example',
      name: 'Rūta Petraitė | Parduotuvės pagalba',
    });
    expect(reply.parsed.subject).toBe(`[#${reference}] Re: Sugadinta prekė`);
    expect(reply.parsed.inReplyTo).toBe(sent.messageId);
    expect(reply.parsed.references).toBe(sent.messageId);
    const replyTo = reply.parsed.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(new RegExp(`^pagalba\\+r${reference}\\.[0-9a-f]{10}@shop\\.example$`));
    expect(reply.parsed.text).toContain('Naują prekę išsiųsime šiandien.\n\n-- \nParduotuvės pagalba');

    // 5. The customer answers from their client: to the Reply-To, quoting the agent.
    const acknowledgementsBefore = capture.received.filter((mail) =>
      mail.parsed.headers.get('auto-submitted'),
    ).length;
    const answer = await customerSends({
      from: 'Ona Žukauskienė <ona@example.lt>',
      to: replyTo,
      envelopeTo: replyTo,
      subject: `Re: ${reply.parsed.subject}`,
      inReplyTo: reply.parsed.messageId,
      references: [sent.messageId, reply.parsed.messageId ?? ''],
      text: `Ačiū, laukiu!\n\n2026-06-03, an, 10:15, Rūta Petraitė | Parduotuvės pagalba <pagalba@shop.example> rašė:\n> Laba diena,\n>\n> atsiprašome. Naują prekę išsiųsime šiandien.\n`,
    });
    expect(answer.response).toMatch(/^250/);

    const detail = (await api.get(`/api/v1/conversations/${conversation.id}`)).json();
    const last = detail.messages.at(-1);
    expect(last).toMatchObject({ authorType: 'customer', body: 'Ačiū, laukiu!' });
    expect(detail.status).toBe('open');
    const answerDetails = (await api.get(`/api/v1/conversations/${conversation.id}/email-messages`))
      .json()
      .items.at(-1);
    expect(answerDetails).toMatchObject({
      threadedBy: 'reply_token',
      fullText: expect.stringContaining('rašė:'),
    });
    // A reply in a running conversation is not acknowledged again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(capture.received.filter((mail) => mail.parsed.headers.get('auto-submitted')).length).toBe(
      acknowledgementsBefore,
    );
  });

  it('keeps the email details to agents who may see the conversation', async () => {
    const anonymous = await requestAs(harness.testApp, null).get(
      '/api/v1/conversations/00000000-0000-4000-8000-000000000000/email-messages',
    );
    expect(anonymous.statusCode).toBe(401);
    const missing = await requestAs(harness.testApp, agent).get(
      '/api/v1/conversations/00000000-0000-4000-8000-000000000000/email-messages',
    );
    expect(missing.statusCode).toBe(404);
  });
});
