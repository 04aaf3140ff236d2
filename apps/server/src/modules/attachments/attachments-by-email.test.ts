import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent } from '../../../test/support/app.ts';
import { startJobWorker } from '../../platform/jobs.ts';
import { emailTasks } from '../channels/email/index.ts';
import { startCaptureSmtp } from '../channels/email/testing/capture-smtp.ts';
import { buildMessage, deliverRaw, testConfig } from '../channels/email/testing/email-test-kit.ts';
import { type InboundHarness, startInboundHarness } from '../channels/email/testing/harness.ts';

let capture: Awaited<ReturnType<typeof startCaptureSmtp>>;
let harness: InboundHarness;
let agent: SignedInAgent;
let worker: Runner | undefined;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  capture = await startCaptureSmtp();
  harness = await startInboundHarness({ config: testConfig({ SMTP_URL: capture.url }) });
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

async function receive(messageId: string) {
  const answer = await deliverRaw(harness.listener.port, {
    from: 'ona@example.lt',
    to: ['pagalba@shop.example'],
    raw: buildMessage({ messageId, subject: 'Grąžinimas', body: 'Kaip grąžinti prekę?' }),
  });
  expect(answer.code).toBe(250);
  return harness.testApp.deps.db
    .selectFrom('messages')
    .select('conversation_id')
    .where('external_id', '=', messageId)
    .executeTakeFirstOrThrow();
}

async function upload(content: Buffer, name: string) {
  const response = await harness.testApp.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: {
      authorization: `Bearer ${agent.token}`,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    payload: content,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

describe('files on an email reply', () => {
  it('the customer’s mail carries the file the agent attached, byte for byte, and a note’s file never leaves', async () => {
    const { conversation_id: conversationId } = await receive('files-reply@example.lt');
    // The acknowledgement goes first; the reply is the mail after it.
    await capture.waitFor(1);
    const before = capture.received.length;

    const noteFile = await upload(Buffer.from('internal checklist\n'), 'checklist.txt');
    const note = await requestAs(harness.testApp, agent).post(
      `/api/v1/conversations/${conversationId}/messages`,
      {
        body: 'Checked the warehouse.',
        visibility: 'internal',
        attachmentIds: [noteFile.id],
      },
    );
    expect(note.statusCode, note.body).toBe(201);

    const label = await upload(pdf, 'Grąžinimo etiketė.pdf');
    const reply = await requestAs(harness.testApp, agent).post(
      `/api/v1/conversations/${conversationId}/messages`,
      { body: 'Siunčiame grąžinimo etiketę.', attachmentIds: [label.id] },
    );
    expect(reply.statusCode, reply.body).toBe(201);

    await capture.waitFor(before + 1);
    const mail = capture.received[before]!;
    expect(mail.envelope.to).toEqual(['ona@example.lt']);
    expect(mail.parsed.text).toContain('Siunčiame grąžinimo etiketę.');
    expect(mail.parsed.attachments).toHaveLength(1);
    const [file] = mail.parsed.attachments;
    expect(file!.filename).toBe('Grąžinimo etiketė.pdf');
    expect(file!.contentType).toBe('application/pdf');
    expect(file!.content.equals(pdf)).toBe(true);
    expect(mail.raw.toString('latin1')).not.toContain('internal checklist');
    // Only the reply went out: the note sent nothing.
    expect(capture.received).toHaveLength(before + 1);
  });
});
