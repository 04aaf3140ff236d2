import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent } from '../../../../test/support/app.ts';
import { startJobWorker } from '../../../platform/jobs.ts';
import { markdownToEmailHtml } from './compose-outbound.ts';
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
  harness = await startInboundHarness({
    config: testConfig({ SMTP_URL: capture.url }),
    mailbox: { signature: 'Shop support' },
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

/** A customer's mail arrives, the agent answers it in Markdown, and the mail that goes out. */
async function replyAndCapture(customerMessageId: string, markdown: string) {
  const answer = await deliverRaw(harness.listener.port, {
    from: 'ona@example.lt',
    to: ['pagalba@shop.example'],
    raw: buildMessage({ messageId: customerMessageId, subject: 'Grąžinimas', body: 'Kaip grąžinti prekę?' }),
  });
  expect(answer.code).toBe(250);
  const conversation = await harness.testApp.deps.db
    .selectFrom('messages')
    .select('conversation_id')
    .where('external_id', '=', customerMessageId)
    .executeTakeFirstOrThrow();
  const response = await requestAs(harness.testApp, agent).post(
    `/api/v1/conversations/${conversation.conversation_id}/messages`,
    { body: markdown, visibility: 'public' },
  );
  expect(response.statusCode).toBe(201);
  const messageId = response.json().id as string;
  return eventually(async () => {
    const found = capture.received.find(
      (candidate) => candidate.parsed.messageId === `<${messageId}@shop.example>`,
    );
    expect(found).toBeDefined();
    return found!.parsed;
  });
}

describe('an agent’s Markdown reply by email', () => {
  it('goes out as text and HTML: the text part is the Markdown as typed, the HTML part has bold, a list and a link', async () => {
    const markdown =
      'Laba diena,\n\n**Grąžinimas nemokamas.** Žingsniai:\n\n- supakuokite prekę\n- atneškite į paštomatą\n\nDaugiau: [taisyklės](https://shop.example/grazinimas)';
    const mail = await replyAndCapture('md-reply@example.lt', markdown);
    expect(mail.text).toBe(`${markdown}\n\n-- \nShop support`);
    expect(mail.html).toContain('<strong>Grąžinimas nemokamas.</strong>');
    expect(mail.html).toContain('<ul>\n<li>supakuokite prekę</li>\n<li>atneškite į paštomatą</li>\n</ul>');
    expect(mail.html).toContain(
      '<a href="https://shop.example/grazinimas" rel="noopener noreferrer" target="_blank">taisyklės</a>',
    );
    expect(mail.html).toContain('<div class="signature">-- <br>Shop support</div>');
  });

  it('never carries markup an agent typed or pasted: scripts, event handlers and javascript: links are neutralised', async () => {
    const mail = await replyAndCapture(
      'md-injection@example.lt',
      'Sveiki <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[spauskite](javascript:alert(3)) ir <a href="javascript:alert(4)">čia</a>',
    );
    const html = String(mail.html);
    // No element but the allowed ones; the event handler survives only as escaped text.
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).not.toMatch(/<[^>]*\sonerror=/i);
    expect(html).not.toMatch(/<a\s[^>]*href="javascript/i);
    // What was typed stays readable as text.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('spauskite');
  });
});

describe('markdownToEmailHtml', () => {
  it.each([
    ['**bold** and *italic*', '<p><strong>bold</strong> and <em>italic</em></p>'],
    ['1. one\n2. two', '<ol>\n<li>one</li>\n<li>two</li>\n</ol>'],
    ['> quoted', '<blockquote>\n<p>quoted</p>\n</blockquote>'],
    ['use `code`', '<p>use <code>code</code></p>'],
    ['line one\nline two', '<p>line one<br />line two</p>'],
    [
      '[mail us](mailto:pagalba@shop.example)',
      '<p><a href="mailto:pagalba@shop.example" rel="noopener noreferrer" target="_blank">mail us</a></p>',
    ],
    ['[x](javascript:alert(1))', '<p>x</p>'],
    ['[x](data:text/html,hi)', '<p>x</p>'],
    [
      '![pixel](https://tracker.example/p.gif)',
      '<p><a href="https://tracker.example/p.gif" rel="noopener noreferrer" target="_blank">pixel</a></p>',
    ],
    ['<b onmouseover="x()">hi</b>', '<p>&lt;b onmouseover="x()"&gt;hi&lt;/b&gt;</p>'],
  ])('renders %j as %j', (markdown, html) => {
    expect(markdownToEmailHtml(markdown)).toBe(html);
  });
});
