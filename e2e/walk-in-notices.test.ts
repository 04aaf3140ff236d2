import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Runner } from 'graphile-worker';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkInTasks } from '../apps/server/src/modules/walk-in/index.ts';
import { createLocationWith } from '../apps/server/src/modules/walk-in/walk-in.test-helpers.ts';
import { startJobWorker } from '../apps/server/src/platform/jobs.ts';
import { requestAs, signInAgent } from '../apps/server/test/support/app.ts';
import { launchBrowser, logInThroughUi, newAgentContext } from './support/browser.ts';
import { createTestAgent, type RunningServer, type TestAgent } from './support/server.ts';
import { buildPublicPages, startWalkInServer, type WalkInServer } from './walk-in-support.ts';

// Refreshed on request (UPDATE_SCREENSHOTS=1); an ordinary run leaves the working tree unchanged.
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

let server: WalkInServer;
let browser: Browser;
let worker: Runner;
let clerk: TestAgent;
let admin: TestAgent;
let location: Awaited<ReturnType<typeof createLocationWith>>;
let console_: Page;

beforeAll(async () => {
  await buildPublicPages();
  [server, browser] = await Promise.all([startWalkInServer(), launchBrowser()]);
  // The worker role, with the default log-only SMS provider: messages are recorded, nothing leaves.
  worker = await startJobWorker({
    pool: server.testApp.deps.pool,
    taskList: walkInTasks(server.testApp.deps),
    crontab: '',
  });
  clerk = await createTestAgent(server as RunningServer, { name: 'Rasa Clerk' });
  admin = await createTestAgent(server as RunningServer, { name: 'Ona Admin', role: 'admin' });
  location = await createLocationWith(server.testApp, await signInAgent(server.testApp, 'admin'), {
    name: 'Vilnius Old Town office',
    services: [{ prefix: 'A', name: 'Passports', agentIds: [clerk.id] }],
    desks: ['Desk 3'],
  });
  console_ = await (await newAgentContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await worker?.stop();
  await browser?.close();
  await server?.close();
});

describe('notifications at the desk', () => {
  it('the console shows that a visitor who joined remotely was texted when called', async () => {
    const joined = await requestAs(server.testApp, null).post(
      `/api/v1/public/walk-in/locations/${location.locationId}/join`,
      { serviceId: location.services.A, language: 'lt', phone: '+370 612 34567', name: 'Ona Petraitienė' },
    );
    expect(joined.statusCode, joined.body).toBe(201);

    await logInThroughUi(console_, clerk.email, clerk.password);
    await console_.getByRole('link', { name: 'Walk-in desk' }).click();
    await console_.getByRole('button', { name: 'Sign in at this desk' }).click();
    await console_.getByText('You are at Desk 3').waitFor();
    // Next in line: told that the turn is near as soon as she joined.
    await console_.getByTestId('waiting-line').getByText('Told: turn near · SMS').waitFor();

    await console_.getByTestId('call-next').click();
    await console_.getByTestId('current-ticket').filter({ hasText: 'A-001' }).waitFor();
    const notices = console_.getByTestId('current-visit').getByTestId('visit-notices');
    await notices.getByText(/Told: called · SMS · (?!sending)/).waitFor();
    expect(await notices.textContent()).toContain('Told: turn near · SMS');
    await console_.screenshot({ path: path.join(screenshotDir, 'walk-in-desk-notices.png') });
  });

  it('an admin switches remote join off for the location from the workspace', async () => {
    const page = await (await newAgentContext(browser, server.baseUrl)).newPage();
    await logInThroughUi(page, admin.email, admin.password);
    await page.getByRole('link', { name: 'Walk-in desk' }).click();
    const settings = page.getByTestId(`remote-join-${location.locationId}`);
    await settings.getByRole('switch', { name: 'People may join the line from the public site' }).uncheck();
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const refused = await requestAs(server.testApp, null).post(
      `/api/v1/public/walk-in/locations/${location.locationId}/join`,
      { serviceId: location.services.A, email: 'late@example.lt' },
    );
    expect(refused.statusCode).toBe(403);
  });
});
