import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import { buildWidgetForTests, type CustomerSite, startCustomerSite } from './chat-support.ts';
import { launchBrowser, openSignedIn } from './support/browser.ts';
import {
  createConversationViaApi,
  createTestAgent,
  type RunningServer,
  startServer,
  type TestAgent,
} from './support/server.ts';

// The README's screenshot is refreshed on request (UPDATE_SCREENSHOTS=1), as in screenshots.test.ts.
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

let server: RunningServer;
let browser: Browser;
let agent: TestAgent;
let site: CustomerSite;

beforeAll(async () => {
  await buildWidgetForTests();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  site = await startCustomerSite(server.baseUrl);
  agent = await createTestAgent(server, { name: 'Rasa Petrauskienė' });
  await mkdir(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

/** Selects `text` inside the textarea, as the agent would with the mouse. */
async function select(textarea: Locator, text: string) {
  await textarea.evaluate((element, wanted) => {
    // Runs in the page (the e2e project has no DOM typings, hence the narrow cast).
    const input = element as unknown as {
      value: string;
      focus: () => void;
      setSelectionRange: (start: number, end: number) => void;
    };
    const start = input.value.indexOf(wanted);
    input.focus();
    input.setSelectionRange(start, start + wanted.length);
  }, text);
}

describe('formatting a reply', () => {
  it('an agent makes text bold with Ctrl+B, a list with the toolbar, adds a link, previews and sends; the timeline shows it formatted', async () => {
    const conversation = await createConversationViaApi(server, agent, {
      customer: { email: 'marek.novak@example.sk', name: 'Marek Novák' },
      subject: 'Refund for order 48213',
      message: { body: 'Is my refund approved? What do I do with the chair?' },
    });
    const page = await openSignedIn(browser, server.baseUrl, agent);
    await page.goto(`/conversations/${conversation.id}`);
    const textarea = page.getByRole('textbox', { name: 'Reply' });
    await textarea.fill('Good news: your refund is approved.');

    await select(textarea, 'refund is approved');
    await textarea.press('Control+b');
    await expect.poll(() => textarea.inputValue()).toBe('Good news: your **refund is approved**.');

    await textarea.press('Control+End');
    await textarea.pressSequentially(
      '\nNext steps:\nprint the return label\ndrop the chair at any parcel locker',
    );
    await select(textarea, 'print the return label\ndrop the chair at any parcel locker');
    await page.getByRole('button', { name: 'Bulleted list' }).click();
    await expect
      .poll(() => textarea.inputValue())
      .toBe(
        'Good news: your **refund is approved**.\nNext steps:\n\n- print the return label\n- drop the chair at any parcel locker',
      );

    await select(textarea, 'any parcel locker');
    await textarea.press('Control+k');
    await page.getByTestId('link-url').fill('shop.example/lockers');
    await page.getByTestId('link-url').press('Enter');
    await expect
      .poll(() => textarea.inputValue())
      .toContain('[any parcel locker](https://shop.example/lockers)');

    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('composer-preview');
    await preview.locator('strong', { hasText: 'refund is approved' }).waitFor();
    await expect.poll(() => preview.locator('li').count()).toBe(2);
    await page
      .getByTestId('composer')
      .screenshot({ path: path.join(screenshotDir, 'composer-formatting.png') });

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const reply = page.getByTestId('timeline-message').filter({ hasText: 'Next steps' });
    await reply.locator('strong', { hasText: 'refund is approved' }).waitFor();
    await expect
      .poll(() => reply.locator('ul > li').allTextContents())
      .toEqual(['print the return label', 'drop the chair at any parcel locker']);
    const link = reply.getByRole('link', { name: 'any parcel locker' });
    await expect(link.getAttribute('href')).resolves.toBe('https://shop.example/lockers');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    // The composer is back to an empty reply, out of preview.
    await expect.poll(() => textarea.inputValue()).toBe('');
    await page.screenshot({ path: path.join(screenshotDir, 'conversation-formatted-reply.png') });
    await page.close();
  });

  it('markup typed into a reply is shown as text in the timeline, never run', async () => {
    const conversation = await createConversationViaApi(server, agent, {
      customer: { email: 'ona@example.lt', name: 'Ona' },
      subject: 'HTML in a reply',
      message: { body: 'Hello' },
    });
    const response = await requestAs(server.testApp, agent).post(
      `/api/v1/conversations/${conversation.id}/messages`,
      {
        body: 'See <img src=x onerror="document.title=1"> and [this](javascript:alert(1))',
        visibility: 'public',
      },
    );
    expect(response.statusCode).toBe(201);
    const page = await openSignedIn(browser, server.baseUrl, agent);
    await page.goto(`/conversations/${conversation.id}`);
    const reply = page.getByTestId('timeline-message').filter({ hasText: 'See <img src=x' });
    await reply.waitFor();
    await expect(reply.locator('img').count()).resolves.toBe(0);
    await expect(reply.getByRole('link', { name: 'this' }).count()).resolves.toBe(0);
    await expect(page.title()).resolves.not.toBe('1');
    await page.close();
  });
});

describe('formatting in the chat widget', () => {
  it('a visitor sees an agent’s bold text, list and link; markup and javascript: links stay text', async () => {
    const online = await server.testApp.app.inject({
      method: 'PUT',
      url: '/api/v1/me/availability',
      headers: { authorization: `Bearer ${agent.token}` },
      payload: { status: 'online' },
    });
    expect(online.statusCode).toBe(200);
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.url);
    const widget = page.locator('#frontline-chat');
    await widget.getByRole('button', { name: 'Chat with us' }).click();
    const dialog = widget.getByRole('dialog');
    await dialog.getByLabel('Your name').fill('Jonas Jonaitis');
    await dialog.getByLabel('Your message').fill('How do I return the lamp 7731?');
    await dialog.getByRole('button', { name: 'Start chat' }).click();
    const log = widget.locator('ol.log');
    await log.locator('li.visitor:not(.pending)').waitFor();
    const list = await requestAs(server.testApp, agent).get('/api/v1/conversations', {
      query: { channel: 'chat', text: 'lamp 7731' },
    });
    const conversationId = list.json().items[0].id as string;

    const sent = await requestAs(server.testApp, agent).post(
      `/api/v1/conversations/${conversationId}/messages`,
      {
        body: '**Free returns** for 30 days:\n\n- pack the lamp\n- bring it to [any locker](https://shop.example/lockers)\n\n<img src=x onerror="document.title=1"> [x](javascript:alert(1))',
        visibility: 'public',
      },
    );
    expect(sent.statusCode).toBe(201);

    const reply = log.locator('li.agent').filter({ hasText: 'Free returns' });
    await reply.locator('strong', { hasText: 'Free returns' }).waitFor();
    await expect
      .poll(() => reply.locator('ul > li').allTextContents())
      .toEqual(['pack the lamp', 'bring it to any locker']);
    await expect(reply.getByRole('link', { name: 'any locker' }).getAttribute('href')).resolves.toBe(
      'https://shop.example/lockers',
    );
    await expect(reply.locator('img').count()).resolves.toBe(0);
    await expect(reply.getByRole('link', { name: 'x', exact: true }).count()).resolves.toBe(0);
    await reply.getByText('<img src=x onerror="document.title=1">').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'chat-widget-formatting.png') });
    await context.close();
  });
});
