import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import { launchBrowser, logInThroughUi, newAgentContext, openSignedIn } from './support/browser.ts';
import {
  createConversationViaApi,
  createTestAgent,
  type RunningServer,
  startServer,
  type TestAgent,
} from './support/server.ts';

const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

// Live updates travel through the database, the stream and a refetch: on a loaded machine that
// can take seconds, far beyond expect.poll's default of one.
const liveUpdate = { timeout: 15_000 };

let server: RunningServer;
let browser: Browser;
let owner: TestAgent;
let teammate: TestAgent;
let teamName: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const supervisor = await createTestAgent(server, { name: 'Sofia Supervisor', role: 'supervisor' });
  teamName = `Billing ${Date.now()}`;
  const team = await requestAs(server.testApp, supervisor).post('/api/v1/teams', { name: teamName });
  const teamId = team.json().id as string;
  owner = await createTestAgent(server, { name: 'Olga Owner', teamIds: [teamId] });
  teammate = await createTestAgent(server, { name: 'Tadas Teammate', teamIds: [teamId] });
  for (const [email, priority] of [
    ['urgent.one@example.com', 'urgent'],
    ['urgent.two@example.com', 'urgent'],
    ['calm.one@example.com', 'low'],
  ] as const) {
    await createConversationViaApi(server, supervisor, {
      customer: { email },
      subject: `A ${priority} question`,
      message: { body: 'Hello' },
      priority,
    });
  }
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('saved views', () => {
  it('move from the browser to the server once, count live, and follow their owner to a team', async () => {
    const context = await newAgentContext(browser, server.baseUrl);
    // A view this browser kept before views lived on the server (seeded once, not on every load).
    await context.addInitScript(
      ({ key, views }) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key, JSON.stringify(views));
      },
      {
        key: `frontline.views.${owner.id}`,
        views: [{ id: 'ab12cd34', name: 'Old urgent', filters: { priority: 'urgent', status: 'new,open' } }],
      },
    );
    const page = await context.newPage();
    await logInThroughUi(page, owner.email, owner.password);

    const imported = page.getByRole('link', { name: 'Old urgent' });
    await imported.waitFor();
    await expect.poll(() => imported.textContent(), liveUpdate).toContain('2');
    await expect
      .poll(
        () => page.evaluate((key) => localStorage.getItem(key), `frontline.views.${owner.id}`),
        liveUpdate,
      )
      .toBeNull();

    // A new view, shared with the owner's team, saved from the filter bar.
    await page.goto('/inbox/all-open');
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('textbox', { name: 'Save as view' }).fill('Team inbox');
    await page.getByRole('combobox', { name: 'Share with' }).click();
    await page.getByRole('option', { name: teamName }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('inbox-title').filter({ hasText: 'Team inbox' }).waitFor();
    await expect
      .poll(() => page.getByRole('link', { name: 'Team inbox' }).textContent(), liveUpdate)
      .toContain('3');
    await page.screenshot({ path: path.join(screenshotDir, 'saved-views.png') });

    // Another browser: the teammate sees the shared view but not the owner's private one.
    const teammatePage = await openSignedIn(browser, server.baseUrl, teammate);
    await teammatePage.getByRole('link', { name: /Team inbox/ }).waitFor();
    expect(await teammatePage.getByRole('link', { name: 'Old urgent' }).count()).toBe(0);

    // The owner narrows the view and keeps the narrower filters in it.
    await page.goto(`${new URL(page.url()).pathname}?priority=urgent`);
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('button', { name: 'Update this view with these filters' }).click();
    await expect.poll(() => new URL(page.url()).search, liveUpdate).toBe('');
    await expect
      .poll(() => page.getByRole('link', { name: 'Team inbox' }).textContent(), liveUpdate)
      .toContain('2');

    const views = await requestAs(server.testApp, owner).get('/api/v1/saved-views');
    expect(views.json().items.map((view: { name: string }) => view.name)).toEqual([
      'Old urgent',
      'Team inbox',
    ]);
    await Promise.all([context.close(), teammatePage.context().close()]);
  });
});
