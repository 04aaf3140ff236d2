import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, signInAgent } from '../../../../test/support/app.ts';
import { startJobWorker } from '../../../platform/jobs.ts';
import { customerEmailTasks, queueCustomerEmail } from '../chat/index.ts';
import { startCaptureSmtp } from './testing/capture-smtp.ts';
import { eventually, testConfig } from './testing/email-test-kit.ts';
import { type InboundHarness, startInboundHarness } from './testing/harness.ts';

let capture: Awaited<ReturnType<typeof startCaptureSmtp>>;
let harness: InboundHarness;
let worker: Runner | undefined;

beforeAll(async () => {
  capture = await startCaptureSmtp();
  harness = await startInboundHarness({ config: testConfig({ SMTP_URL: capture.url }) });
  worker = await startJobWorker({
    pool: harness.testApp.deps.pool,
    taskList: customerEmailTasks(harness.testApp.deps),
    crontab: '',
  });
});
afterAll(async () => {
  await worker?.stop();
  await harness.close();
  await capture.close();
});

describe('customer email queued by the chat and the web form', () => {
  it('a "we received your request" notice goes out from the mailbox, threaded and recorded once', async () => {
    const agent = await signInAgent(harness.testApp, 'agent');
    const created = await requestAs(harness.testApp, agent).post('/api/v1/conversations', {
      customer: { email: 'zofia@example.pl', name: 'Zofia' },
      subject: 'Zwrot',
      message: { body: 'Chcę zwrócić towar.' },
      channel: 'web_form',
    });
    const conversation = created.json();
    const notice = {
      kind: 'request_received' as const,
      to: 'zofia@example.pl',
      subject: `Otrzymaliśmy Twoje zgłoszenie [#${conversation.reference}]`,
      text: `Dziękujemy. Numer zgłoszenia: #${conversation.reference}. Odpowiemy w ciągu 4 godzin roboczych.`,
      language: 'pl',
      conversationId: conversation.id,
      reference: conversation.reference,
    };
    await harness.testApp.deps.db
      .transaction()
      .execute((tx) => queueCustomerEmail(tx, notice, `notice-${conversation.id}`));

    await capture.waitFor(1);
    const mail = capture.received[0]!;
    expect(mail.envelope.to).toEqual(['zofia@example.pl']);
    expect(mail.parsed.from?.value[0]?.address).toBe('pagalba@shop.example');
    expect(mail.parsed.subject).toContain(`[#${conversation.reference}]`);
    expect(mail.parsed.text).toContain('Numer zgłoszenia');
    // The customer's answer must thread back: Reply-To carries the conversation's token.
    expect(mail.parsed.replyTo?.value[0]?.address).toMatch(/^pagalba\+.+@shop\.example$/);

    const recorded = () =>
      harness.testApp.deps.db
        .selectFrom('messages')
        .innerJoin('email_messages', 'email_messages.message_id', 'messages.id')
        .select(['messages.author_type', 'email_messages.delivery_status'])
        .where('messages.conversation_id', '=', conversation.id)
        .where('messages.direction', '=', 'outbound')
        .execute();
    // "sent" is written just after the relay accepts the mail.
    await eventually(async () =>
      expect(await recorded()).toEqual([{ author_type: 'system', delivery_status: 'sent' }]),
    );
  });
});
