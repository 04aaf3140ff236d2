import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocationWith } from '../apps/server/src/modules/walk-in/walk-in.test-helpers.ts';
import { requestAs, signInAgent } from '../apps/server/test/support/app.ts';
import { launchBrowser, logInThroughUi, newAgentContext } from './support/browser.ts';
import { createTestAgent, type RunningServer } from './support/server.ts';
import { buildPublicPages, eventually, startWalkInServer, type WalkInServer } from './walk-in-support.ts';

// Refreshed on request (UPDATE_SCREENSHOTS=1); an ordinary run leaves the working tree unchanged.
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

let server: WalkInServer;
let browser: Browser;
let location: Awaited<ReturnType<typeof createLocationWith>>;
let console_: Page;
let display: Page;

beforeAll(async () => {
  await buildPublicPages();
  [server, browser] = await Promise.all([startWalkInServer(), launchBrowser()]);
  const clerk = await createTestAgent(server as RunningServer, { name: 'Rasa Clerk' });
  const admin = await signInAgent(server.testApp, 'admin');
  location = await createLocationWith(server.testApp, admin, {
    name: 'Bratislava centre',
    services: [
      { prefix: 'A', name: 'Passports', agentIds: [clerk.id] },
      { prefix: 'B', name: 'Residence permits', agentIds: [clerk.id] },
    ],
    desks: ['Desk 1', 'Desk 2'],
  });
  for (const [serviceId, email] of [
    [location.services.A, 'jana.novakova@example.sk'],
    [location.services.A, 'peter.horvath@example.sk'],
    [location.services.B, 'eva.kovacova@example.sk'],
  ] as const) {
    await requestAs(server.testApp, null).post(
      `/api/v1/public/walk-in/locations/${location.locationId}/tickets`,
      {
        serviceId,
        email,
        name: email.split('@')[0]!.replace('.', ' '),
      },
    );
  }
  display = await (
    await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1920, height: 1080 } })
  ).newPage();
  await display.goto(`/display/${location.locationId}`);
  console_ = await (await newAgentContext(browser, server.baseUrl)).newPage();
  await logInThroughUi(console_, clerk.email, clerk.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const nowServing = () =>
  display
    .getByTestId('now-serving')
    .textContent()
    .catch(() => null);

describe('the desk console in the agent workspace', () => {
  it('an agent signs in at a desk and calls the next customer; the display follows within a second', async () => {
    await console_.getByRole('link', { name: 'Walk-in desk' }).click();
    await console_.getByRole('button', { name: 'Sign in at this desk' }).click();
    await console_.getByText('You are at Desk 1').waitFor();
    expect(await console_.getByTestId('waiting-line').textContent()).toContain('A-002');

    // Timed from the server's answer to the click: the call is committed by then.
    const answered = console_.waitForResponse((response) => response.url().endsWith('/call-next'));
    await console_.getByTestId('call-next').click();
    await answered;
    const calledAt = Date.now();
    await eventually(async () => (await nowServing())?.includes('A-001') ?? false, 5000);
    expect(Date.now() - calledAt).toBeLessThan(1000);
    expect(await nowServing()).toContain('Desk 1');
    expect(await console_.getByTestId('current-ticket').textContent()).toBe('A-001');
    await console_.screenshot({ path: path.join(screenshotDir, 'walk-in-desk-console.png') });
  });

  it('serving and finishing with a note leaves the desk free for the next', async () => {
    await console_.getByRole('button', { name: 'Customer is here' }).click();
    await console_.getByText('Serving').waitFor();
    await console_.getByRole('textbox', { name: 'Note' }).fill('Passport photo retaken; application filed.');
    await console_.getByRole('button', { name: 'Finish' }).click();
    await console_.getByTestId('call-next').waitFor();
  });

  it('a transfer from the console moves the customer to the other line by arrival', async () => {
    await console_.getByTestId('call-next').click();
    await console_.getByTestId('current-ticket').filter({ hasText: 'A-002' }).waitFor();
    await console_.getByRole('combobox', { name: 'Send to service' }).click();
    await console_.getByRole('option', { name: 'Residence permits' }).click();
    await console_.getByRole('button', { name: 'Transfer' }).click();
    await console_.getByTestId('call-next').waitFor();
    // A-002 came before B-001, so it leads the permit line on the display.
    await eventually(
      async () => (await display.getByTestId('line-B').textContent())?.includes('A-002  B-001') ?? false,
      5000,
    );
  });
});
