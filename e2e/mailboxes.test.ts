import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Mailbox, Team } from '@frontline/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import { findAccessibilityViolations } from './chat-support.ts';
import { launchBrowser, logInThroughUi, newAgentContext } from './support/browser.ts';
import { createTestAgent, type RunningServer, startServer, type TestAgent } from './support/server.ts';

// The README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1), as in screenshots.test.ts.
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

let server: RunningServer;
let browser: Browser;
let admin: TestAgent;
let page: Page;
let team: Team;
/** A loopback port nothing listens on: the IMAP server the admin mistyped. */
let closedPort: number;

async function findClosedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  [server, browser, closedPort] = await Promise.all([startServer(), launchBrowser(), findClosedPort()]);
  await mkdir(screenshotDir, { recursive: true });
  admin = await createTestAgent(server, { name: 'Ada Admin', role: 'admin' });
  team = (
    await requestAs(server.testApp, admin).post('/api/v1/teams', { name: 'Pagalba LT' })
  ).json() as Team;
  const context = await newAgentContext(browser, server.baseUrl);
  page = await context.newPage();
  await logInThroughUi(page, admin.email, admin.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const listMailboxes = async () =>
  (await requestAs(server.testApp, admin).get('/api/v1/mailboxes')).json().items as Mailbox[];

describe('mailbox administration', () => {
  it('an admin adds an IMAP mailbox, tests its connection, sees it listed, switches it off and deletes it', async () => {
    await page.getByRole('link', { name: 'Mailboxes' }).click();
    await page.getByText('No mailboxes yet').waitFor();
    await page.getByRole('button', { name: 'New mailbox' }).click();
    const dialog = page.getByRole('dialog', { name: 'New mailbox' });

    // Saving too early names what is wrong, next to each field.
    await dialog.getByRole('textbox', { name: 'Email address' }).fill('pagalba+lt@shop.example');
    await dialog.getByText('IMAP', { exact: true }).click();
    expect(await dialog.getByRole('radio', { name: 'IMAP' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Create mailbox' }).click();
    await dialog.getByText('Some fields need attention.').waitFor();
    await dialog.getByText('Must not contain “+”: plus-addresses carry reply tokens').waitFor();
    expect(await dialog.getByText('Required').count()).toBeGreaterThanOrEqual(3);

    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Pagalba');
    await dialog.getByRole('textbox', { name: 'Email address' }).fill('pagalba@shop.example');
    await dialog.getByRole('combobox', { name: 'Default team' }).click();
    await page.getByRole('option', { name: 'Pagalba LT' }).click();
    await dialog.getByRole('combobox', { name: 'Default language' }).click();
    await page.getByRole('option', { name: 'Lietuvių' }).click();
    await dialog.getByRole('textbox', { name: 'IMAP server' }).fill('127.0.0.1');
    await dialog.getByRole('switch', { name: 'TLS from the start (port 993)' }).uncheck();
    await dialog.getByRole('textbox', { name: 'Port', exact: true }).fill(String(closedPort));
    await dialog.getByRole('textbox', { name: 'User name' }).fill('pagalba');
    await dialog.getByLabel(/^Password/).fill('imap-secret-pw');
    await expect.poll(() => dialog.getByText('Some fields need attention.').count()).toBe(0);

    // The test tries the unsaved settings and says precisely what failed.
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const result = dialog.getByTestId('connection-test-result');
    await result.waitFor();
    await result.getByText('Incoming: Failed at: connecting').waitFor();
    await result
      .getByText(`127.0.0.1:${closedPort}: connection refused (nothing listens on that port)`)
      .waitFor();
    await result.getByText('Outgoing: Failed at: settings').waitFor();
    await result.scrollIntoViewIfNeeded();
    await dialog.screenshot({ path: path.join(screenshotDir, 'mailbox-connection-test.png') });

    await dialog.getByRole('button', { name: 'Create mailbox' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('mailbox-pagalba@shop.example');
    await row.getByText('Pagalba LT').waitFor();
    await row.getByText(`pagalba@127.0.0.1:${closedPort}`).waitFor();

    const created = (await listMailboxes()).find((mailbox) => mailbox.address === 'pagalba@shop.example');
    expect(created).toMatchObject({
      name: 'Pagalba',
      teamId: team.id,
      defaultLanguage: 'lt',
      isEnabled: true,
      inbound: { type: 'imap', host: '127.0.0.1', port: closedPort, secure: false, hasPassword: true },
    });
    await page.getByText('Mailbox saved').waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(screenshotDir, 'mailboxes.png') });

    // The saved mailbox can be tested from the list too.
    await row.getByRole('button', { name: 'Test connection' }).click();
    const testDialog = page.getByRole('dialog', { name: 'Connection test: Pagalba' });
    await testDialog
      .getByText('connection refused (nothing listens on that port)', { exact: false })
      .waitFor();
    await testDialog.getByRole('button', { name: 'Close' }).last().click();
    await testDialog.waitFor({ state: 'hidden' });

    // Editing keeps the stored password when the field is left empty.
    await row.getByRole('button', { name: 'Edit' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit mailbox' });
    await editDialog.getByText('A password is stored. Leave empty to keep it.').waitFor();
    await editDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Pagalba Lietuva');
    await editDialog.getByRole('button', { name: 'Save' }).click();
    await editDialog.waitFor({ state: 'hidden' });
    await row.getByText('Pagalba Lietuva').waitFor();
    const edited = (await listMailboxes()).find((mailbox) => mailbox.id === created?.id);
    expect(edited?.inbound).toMatchObject({ type: 'imap', hasPassword: true });

    await row.getByRole('switch', { name: 'Enable Pagalba Lietuva' }).click({ force: true });
    await row.getByText('Disabled').waitFor();
    expect((await listMailboxes()).find((mailbox) => mailbox.id === created?.id)?.isEnabled).toBe(false);

    await row.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete mailbox' });
    await confirm.getByText('Its conversations stay in the inbox.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Delete mailbox' }).click();
    await page.getByText('No mailboxes yet').waitFor();
    expect(await listMailboxes()).toEqual([]);
  });

  it('an admin sets up an SMTP-routed mailbox with its own outbound server, a signature and a Polish acknowledgement, then resets the text', async () => {
    await page.goto('/admin/mailboxes');
    await page.getByRole('button', { name: 'New mailbox' }).click();
    const dialog = page.getByRole('dialog', { name: 'New mailbox' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Pomoc');
    await dialog.getByRole('textbox', { name: 'Email address' }).fill('pomoc@shop.example');
    await dialog.getByRole('radio', { name: 'This mailbox’s own SMTP server' }).check();
    await dialog.getByLabel(/^SMTP server URL/).fill('http://smtp.shop.example');
    await dialog.getByRole('textbox', { name: 'Signature' }).fill('Zespół Pomocy');
    await dialog.getByRole('tab', { name: 'Polski' }).click();
    await dialog.getByRole('textbox', { name: 'Subject (Polski)' }).fill('[#{{reference}}] Otrzymaliśmy');
    await dialog
      .getByRole('textbox', { name: 'Text (Polski)' })
      .fill('Odpowiemy {{responsePromise}}. {{agentName}}');
    await dialog.getByRole('button', { name: 'Create mailbox' }).click();
    await dialog.getByText('Must start with smtp:// or smtps://', { exact: false }).waitFor();
    await dialog.getByText('Unknown placeholder {{agentName}}').waitFor();

    await dialog.getByLabel(/^SMTP server URL/).fill('smtp://mailer:s3cret@smtp.shop.example:587');
    await dialog.getByRole('textbox', { name: 'Text (Polski)' }).fill('Odpowiemy {{responsePromise}}.');
    await dialog.getByRole('button', { name: 'Create mailbox' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('mailbox-pomoc@shop.example');
    await row.getByText('SMTP listener').waitFor();

    const created = (await listMailboxes()).find((mailbox) => mailbox.address === 'pomoc@shop.example');
    expect(created).toMatchObject({
      inbound: { type: 'smtp' },
      signature: 'Zespół Pomocy',
      outbound: { smtpServer: 'smtp://smtp.shop.example:587' },
      acknowledgementTemplates: {
        pl: {
          subject: '[#{{reference}}] Otrzymaliśmy',
          body: 'Odpowiemy {{responsePromise}}.',
          isCustom: true,
        },
        en: { isCustom: false },
      },
    });

    // The stored URL is never shown again; editing says where mail goes and keeps it when left empty.
    await row.getByRole('button', { name: 'Edit' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit mailbox' });
    await editDialog.getByText('Currently smtp://smtp.shop.example:587. Leave empty to keep it.').waitFor();
    expect(await editDialog.getByLabel(/^SMTP server URL/).inputValue()).toBe('');
    await editDialog.getByRole('tab', { name: 'Polski' }).click();
    await editDialog.getByRole('button', { name: 'Back to the built-in text' }).click();
    await editDialog.getByRole('button', { name: 'Save' }).click();
    await editDialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await listMailboxes()).find((mailbox) => mailbox.id === created?.id))
      .toMatchObject({
        outbound: { smtpServer: 'smtp://smtp.shop.example:587' },
        acknowledgementTemplates: { pl: { isCustom: false } },
      });
  });

  it('axe finds no WCAG A/AA violations on the mailbox list and the edit form with its errors', async () => {
    await page.goto('/admin/mailboxes');
    await page.getByTestId('mailbox-pomoc@shop.example').waitFor();
    const onList = await findAccessibilityViolations(page);
    await page.getByTestId('mailbox-pomoc@shop.example').getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit mailbox' });
    await dialog.getByRole('textbox', { name: 'Email address' }).fill('not an address');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Enter an email address such as support@shop.example').waitFor();
    const onForm = await findAccessibilityViolations(page);
    expect({ onList, onForm }).toEqual({ onList: [], onForm: [] });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('an agent is not offered mailbox administration, and the API refuses it', async () => {
    const agent = await createTestAgent(server, { name: 'Aron Agent' });
    const context = await newAgentContext(browser, server.baseUrl);
    const agentPage = await context.newPage();
    await logInThroughUi(agentPage, agent.email, agent.password);
    await agentPage.getByRole('link', { name: 'API tokens' }).waitFor();
    expect(await agentPage.getByRole('link', { name: 'Mailboxes' }).count()).toBe(0);
    expect((await requestAs(server.testApp, agent).get('/api/v1/mailboxes')).statusCode).toBe(403);
    await context.close();
  });
});
