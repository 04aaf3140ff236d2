import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSignedIn } from './support/browser.ts';
import {
  createConversationViaApi,
  createTestAgent,
  type RunningServer,
  startServer,
  type TestAgent,
} from './support/server.ts';

// Pictures for the README on request (UPDATE_SCREENSHOTS=1); otherwise into a temporary directory.
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

// Live updates travel through the database, the stream and a refetch: on a loaded machine that
// can take seconds, far beyond expect.poll's default of one.
const liveUpdate = { timeout: 15_000 };

let server: RunningServer;
let browser: Browser;
let author: TestAgent;
let mentioned: TestAgent;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  author = await createTestAgent(server, { name: 'Ona Author' });
  mentioned = await createTestAgent(server, { name: 'Jonas Mentioned' });
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('@mentions in internal notes', () => {
  it('light up the mentioned colleague’s bell live, and the notification opens the conversation', async () => {
    const conversation = await createConversationViaApi(server, author, {
      customer: { email: 'refund.waiting@example.com', name: 'Refund Waiting' },
      subject: 'Refund not received',
      message: { body: 'You promised a refund two weeks ago.' },
    });
    const [authorPage, mentionedPage] = await Promise.all([
      openSignedIn(browser, server.baseUrl, author),
      openSignedIn(browser, server.baseUrl, mentioned),
    ]);
    const bellCount = mentionedPage.getByTestId('notification-count');
    await expect.poll(() => bellCount.getAttribute('data-count'), liveUpdate).toBe('0');

    await authorPage.goto(`/conversations/${conversation.id}`);
    await authorPage.getByTestId('conversation-subject').waitFor();
    await authorPage.getByText('Internal note', { exact: true }).click();
    const note = authorPage.getByRole('textbox', { name: 'Internal note' });
    await note.pressSequentially('Can you check the refund, @jon');
    const option = authorPage.getByTestId('mention-option').filter({ hasText: 'Jonas Mentioned' });
    await option.waitFor();
    await authorPage.screenshot({ path: path.join(screenshotDir, 'mention-autocomplete.png') });
    await note.press('Enter');
    await note.pressSequentially('? Thanks!');
    await expect
      .poll(() => note.inputValue(), liveUpdate)
      .toBe(`Can you check the refund, @[Jonas Mentioned](agent:${mentioned.id}) ? Thanks!`);
    await authorPage.getByRole('button', { name: 'Add note' }).click();
    await authorPage
      .getByTestId('timeline-note')
      .getByTestId('note-mention')
      .filter({ hasText: '@Jonas Mentioned' })
      .waitFor();

    // The mentioned agent never reloads: the stream brings the notification.
    await mentionedPage.locator('[data-testid="notification-count"][data-count="1"]').waitFor();
    await mentionedPage.getByTestId('notification-bell').click();
    const item = mentionedPage
      .getByTestId('notification-item')
      .filter({ hasText: 'Ona Author mentioned you' });
    await item.filter({ hasText: 'Refund not received' }).waitFor();
    await mentionedPage.screenshot({ path: path.join(screenshotDir, 'notifications.png') });

    await item.click();
    await mentionedPage.waitForURL(`**/conversations/${conversation.id}`);
    await mentionedPage
      .getByTestId('conversation-subject')
      .filter({ hasText: 'Refund not received' })
      .waitFor();
    await mentionedPage.getByTestId('note-mention').filter({ hasText: '@Jonas Mentioned' }).waitFor();
    await expect.poll(() => bellCount.getAttribute('data-count'), liveUpdate).toBe('0');

    await Promise.all([authorPage.context().close(), mentionedPage.context().close()]);
  });
});
