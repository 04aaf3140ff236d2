import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import {
  buildWidgetForTests,
  type CustomerSite,
  findAccessibilityViolations,
  startCustomerSite,
} from './chat-support.ts';
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
let site: CustomerSite;
let agent: TestAgent;

// A real picture for the workspace test (and the README's screenshot): the inbox screenshot itself.
const picture = await readFile(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots/inbox.png'),
);
const pictureWidth = picture.readUInt32BE(16); // the PNG header's width field
const returnLabel = 'RETURN LABEL\nOrder 48213\nShip to: Warehouse 2, Vilnius\n';

beforeAll(async () => {
  await buildWidgetForTests();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  site = await startCustomerSite(server.baseUrl);
  agent = await createTestAgent(server, { name: 'Rasa Petrauskienė', role: 'supervisor' });
  await mkdir(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

const composerFiles = (page: Page) => page.getByTestId('composer-attachment');

/** Drops files on the composer the way a file manager does: a real drop event with a DataTransfer. */
async function dropOnComposer(
  page: Page,
  files: { name: string; type: string; text?: string; sizeBytes?: number }[],
) {
  const dataTransfer = await page.evaluateHandle((list) => {
    // Runs in the page (the e2e project has no DOM typings, hence the narrow casts).
    type Transfer = { items: { add: (file: unknown) => void } };
    const scope = globalThis as unknown as {
      DataTransfer: new () => Transfer;
      File: new (parts: string[], name: string, options: { type: string }) => unknown;
    };
    const transfer = new scope.DataTransfer();
    for (const file of list) {
      const content = file.sizeBytes ? 'x'.repeat(file.sizeBytes) : (file.text ?? '');
      transfer.items.add(new scope.File([content], file.name, { type: file.type }));
    }
    return transfer;
  }, files);
  await page.getByTestId('composer').dispatchEvent('dragover', { dataTransfer });
  await page.getByTestId('composer-drop-zone').waitFor();
  await page.getByTestId('composer').dispatchEvent('drop', { dataTransfer });
}

describe('attaching files in the workspace', () => {
  it('an agent attaches files to a reply; refused ones are explained; the sent files show in the timeline', async () => {
    const conversation = await createConversationViaApi(server, agent, {
      customer: { email: 'marek.novak@example.sk', name: 'Marek Novák' },
      subject: 'Return of a damaged chair',
      message: { body: 'The chair arrived broken. How do I send it back?' },
    });
    const page = await openSignedIn(browser, server.baseUrl, agent);
    await page.goto(`/conversations/${conversation.id}`);
    await page
      .getByRole('textbox', { name: 'Reply' })
      .fill('Here is your return label and a photo of the packing.');

    await page.getByTestId('composer-file-input').setInputFiles([
      { name: 'return-label.txt', mimeType: 'text/plain', buffer: Buffer.from(returnLabel) },
      { name: 'packing.png', mimeType: 'image/png', buffer: picture },
    ]);
    await dropOnComposer(page, [
      { name: 'setup.exe', type: 'application/x-msdownload', text: 'MZ' },
      { name: 'unboxing.png', type: 'image/png', sizeBytes: 11 * 1_048_576 },
    ]);

    const refused = composerFiles(page).filter({ hasText: 'setup.exe' });
    await refused
      .getByText('Only images (PNG, JPEG, GIF, WebP), PDF and plain text files can be attached.')
      .waitFor();
    await expect(refused.getAttribute('data-state')).resolves.toBe('error');
    await page.locator('[data-testid="composer-attachment"][data-state="ready"]').nth(1).waitFor();
    // Nothing goes while a refused file is still in the composer.
    await page.getByText('Remove the files that could not be attached before sending.').waitFor();
    await expect(page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'attachments-composer.png') });

    const tooLarge = composerFiles(page).filter({ hasText: 'unboxing.png' });
    await tooLarge.getByText('Larger than 10 MB: this file cannot be attached.').waitFor();
    await refused.getByRole('button', { name: 'Remove setup.exe' }).click();
    await tooLarge.getByRole('button', { name: 'Remove unboxing.png' }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    const reply = page.getByTestId('timeline-message').filter({ hasText: 'Here is your return label' });
    await reply.getByRole('link', { name: /return-label\.txt/ }).waitFor();
    await reply.getByRole('img', { name: 'packing.png' }).waitFor();
    // The composer empties once the server has answered (the timeline may show the reply first).
    await expect.poll(() => composerFiles(page).count(), { timeout: 10_000 }).toBe(0);
    // The image really loads (served to the agent's session), and the file downloads as it was sent.
    await expect
      .poll(
        () =>
          reply
            .getByRole('img', { name: 'packing.png' })
            .evaluate((image: { naturalWidth: number }) => image.naturalWidth),
        { timeout: 15_000 },
      )
      .toBe(pictureWidth);
    const href = await reply.getByRole('link', { name: /return-label\.txt/ }).getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    await expect(download.text()).resolves.toBe(returnLabel);
    await page.screenshot({ path: path.join(screenshotDir, 'attachments.png') });

    const stored = (
      await requestAs(server.testApp, agent).get(`/api/v1/conversations/${conversation.id}`)
    ).json();
    const sent = stored.messages.find((message: { body: string }) => message.body.startsWith('Here is your'));
    expect(sent.attachments.map((file: { name: string }) => file.name)).toEqual([
      'return-label.txt',
      'packing.png',
    ]);
    await page.context().close();
  });

  it('a chat visitor receives the agent’s files in the widget: the image inline, the file as a link with its size', async () => {
    const response = await server.testApp.app.inject({
      method: 'PUT',
      url: '/api/v1/me/availability',
      headers: { authorization: `Bearer ${agent.token}` },
      payload: { status: 'online' },
    });
    expect(response.statusCode).toBe(200);
    const customer = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await customer.goto(site.url);
    const widget = customer.locator('#frontline-chat');
    await widget.getByRole('button', { name: 'Chat with us' }).click();
    const dialog = widget.getByRole('dialog');
    await dialog.getByLabel('Your name').fill('Jonas Jonaitis');
    await dialog.getByLabel('Your message').fill('Can you send me the return label?');
    await dialog.getByRole('button', { name: 'Start chat' }).click();
    await widget.locator('ol.log li.pending').waitFor({ state: 'detached' });
    const list = await requestAs(server.testApp, agent).get('/api/v1/conversations', {
      query: { channel: 'chat', text: 'return label' },
    });
    const conversationId = list.json().items[0].id as string;

    const workspace = await openSignedIn(browser, server.baseUrl, agent);
    await workspace.goto(`/conversations/${conversationId}`);
    await workspace.getByRole('textbox', { name: 'Reply' }).fill('Of course, here it is.');
    await workspace.getByTestId('composer-file-input').setInputFiles([
      { name: 'return-label.txt', mimeType: 'text/plain', buffer: Buffer.from(returnLabel) },
      { name: 'packing.png', mimeType: 'image/png', buffer: picture },
    ]);
    await workspace.locator('[data-testid="composer-attachment"][data-state="ready"]').nth(1).waitFor();
    await workspace.getByRole('button', { name: 'Send', exact: true }).click();

    const reply = widget.locator('ol.log li.agent').filter({ hasText: 'Of course, here it is.' });
    const fileLink = reply.getByRole('link', { name: /Attachment: return-label\.txt/ });
    await fileLink.waitFor();
    await expect(fileLink.textContent()).resolves.toMatch(/\(\d+ kB\)$/);
    const image = reply.getByRole('img', { name: 'Attachment: packing.png' });
    await expect
      .poll(() => image.evaluate((element: { naturalWidth: number }) => element.naturalWidth), {
        timeout: 15_000,
      })
      .toBe(pictureWidth);
    await customer.screenshot({ path: path.join(screenshotDir, 'chat-widget-attachments.png') });
    // Files in the conversation keep the widget accessible (names as link text and image alt).
    expect(await findAccessibilityViolations(customer)).toEqual([]);
    const download = await customer.request.get((await fileLink.getAttribute('href'))!);
    await expect(download.text()).resolves.toBe(returnLabel);
    await workspace.context().close();
    await customer.context().close();
  });
});
