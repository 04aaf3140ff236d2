import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Agent, ApiToken, Team } from '@frontline/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await createTestAgent(server, { name: 'Ada Admin', role: 'admin' });
  const context = await newAgentContext(browser, server.baseUrl);
  page = await context.newPage();
  await logInThroughUi(page, admin.email, admin.password);
  await mkdir(screenshotDir, { recursive: true });
});

// Each scenario starts from the inbox, whatever the previous one left open.
beforeEach(async () => {
  await page.goto('/inbox/mine');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const listAgents = async () =>
  (await requestAs(server.testApp, admin).get('/api/v1/agents?includeInactive=true')).json().items as Agent[];

describe('administration', () => {
  it('creates a team, then an agent in it with languages and skills, then deactivates the agent', async () => {
    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await page.getByRole('button', { name: 'New team' }).click();
    const teamDialog = page.getByRole('dialog');
    await teamDialog.getByRole('textbox', { name: 'Name' }).fill('Returns');
    await teamDialog.getByRole('textbox', { name: 'Description' }).fill('Parcels coming back');
    await teamDialog.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('team-list').getByText('Returns').waitFor();

    await page.getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('button', { name: 'New agent' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('jonas.newcomer@example.test');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Jonas Newcomer');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Supervisor' }).click();
    await dialog.getByRole('combobox', { name: 'Teams' }).click();
    await page.getByRole('option', { name: 'Returns' }).click();
    await dialog.getByLabel('Languages spoken').fill('lt');
    await dialog.getByLabel('Languages spoken').press('Enter');
    await dialog.getByLabel('Skills').fill('refunds');
    await dialog.getByLabel('Skills').press('Enter');
    await dialog.getByRole('radio', { name: 'Set a password now' }).check();
    await dialog.getByRole('button', { name: 'Create' }).click();
    // Without a password the server generates one, shown once.
    await page.getByText('Initial password for jonas.newcomer@example.test').waitFor();

    const team = ((await requestAs(server.testApp, admin).get('/api/v1/teams')).json().items as Team[]).find(
      (candidate) => candidate.name === 'Returns',
    );
    const created = (await listAgents()).find((agent) => agent.email === 'jonas.newcomer@example.test');
    expect(created).toMatchObject({
      name: 'Jonas Newcomer',
      role: 'supervisor',
      languages: ['lt'],
      skills: ['refunds'],
      teamIds: [team?.id],
    });

    await page.getByTestId('agent-list').getByText('Jonas Newcomer').click();
    await page.getByRole('dialog').getByRole('switch', { name: 'Active' }).uncheck();
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('agent-list').getByText('Deactivated').waitFor();
    expect((await listAgents()).find((agent) => agent.id === created?.id)?.isActive).toBe(false);
  });

  it('invites an agent, who chooses a password from the link and lands in the inbox in their language', async () => {
    await page.getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('button', { name: 'New agent' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('eva.invited@example.test');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Eva Kovács');
    await dialog.getByRole('combobox', { name: 'Interface language' }).click();
    await page.getByRole('option', { name: 'Magyar' }).click();
    // An invitation is the default way in.
    await expect(dialog.getByRole('radio', { name: 'Send an invitation' }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Create' }).click();
    const shown = page.getByTestId('invitation-link');
    await shown.getByText('We emailed eva.invited@example.test a link').waitFor();
    const url = (await shown.locator('code').textContent()) ?? '';
    expect(url).toMatch(/\/invitation\/fli_/);
    const row = page.getByTestId('agent-list').getByRole('row', { name: /Eva Kovács/ });
    await row.getByText('Invited', { exact: true }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(screenshotDir, 'agent-invitation.png') });

    // The invited agent, in a browser of their own.
    const invitee = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
    const joining = await invitee.newPage();
    await joining.goto(new URL(url).pathname);
    await joining.getByRole('heading', { name: 'Üdvözöljük a Frontline-ban, Eva Kovács!' }).waitFor();
    expect(await findAccessibilityViolations(joining)).toEqual([]);
    await joining.getByLabel('Új jelszó').fill('a long and private passphrase');
    await joining.getByLabel('Ugyanaz a jelszó még egyszer').fill('a long and private passphrase');
    await joining.screenshot({ path: path.join(screenshotDir, 'agent-invitation-accept.png') });
    await joining.getByRole('button', { name: 'Jelszó mentése és bejelentkezés' }).click();
    await joining.waitForURL('**/inbox/mine');
    await joining.getByTestId('inbox-title').waitFor();
    await invitee.close();

    // Used up: the link now says so; the agent list shows Eva as active.
    const again = await browser.newContext({ baseURL: server.baseUrl });
    const stale = await again.newPage();
    await stale.goto(new URL(url).pathname);
    await stale.getByRole('alert').getByText('This invitation link is not valid').waitFor();
    await again.close();
    const eva = (await listAgents()).find((agent) => agent.email === 'eva.invited@example.test');
    expect(eva).toMatchObject({ isActive: true, invitationExpiresAt: null });
  });

  it('creates an API token, shows its secret once, and revokes it', async () => {
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Shop integration');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText('Copy the token now; it is shown only once.').waitFor();
    const secret = await page.locator('code').filter({ hasText: 'flt_' }).first().textContent();
    expect(secret).toMatch(/^flt_/);
    const viaToken = await server.testApp.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(viaToken.statusCode).toBe(200);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('token-list').getByRole('button', { name: 'Revoke' }).click();
    await page.getByTestId('token-list').getByText('Revoked').waitFor();
    const tokens = (await requestAs(server.testApp, admin).get('/api/v1/api-tokens')).json()
      .items as ApiToken[];
    expect(tokens.find((token) => token.name === 'Shop integration')?.revokedAt).not.toBeNull();
  });

  it('lets an agent change their own password in the profile; the new one signs them in', async () => {
    const agent = await createTestAgent(server, { name: 'Pia Password' });
    const newPassword = 'a brand new passphrase';
    const context = await newAgentContext(browser, server.baseUrl);
    const agentPage = await context.newPage();
    await logInThroughUi(agentPage, agent.email, agent.password);
    await agentPage.getByRole('link', { name: 'Profile' }).click();
    await agentPage.getByLabel('Current password').fill(agent.password);
    await agentPage.getByLabel('New password').fill(newPassword);
    await agentPage.getByRole('button', { name: 'Change password' }).click();
    await agentPage.getByText('Password changed.').waitFor();
    await context.close();

    const logIn = (password: string) =>
      server.testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: agent.email, password },
      });
    expect((await logIn(agent.password)).statusCode).toBe(401);
    const again = await newAgentContext(browser, server.baseUrl);
    await logInThroughUi(await again.newPage(), agent.email, newPassword);
    await again.close();
  });

  it('changes the auto-close setting', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    const days = page.getByRole('textbox', { name: 'Close solved conversations after (days)' });
    await days.fill('9');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').first().waitFor();
    const settings = (await requestAs(server.testApp, admin).get('/api/v1/settings')).json();
    expect(settings.autoCloseAfterDays).toBe(9);
  });
});
