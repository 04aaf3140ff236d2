import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughUi, newAgentContext } from './support/browser.ts';
import { seedSupportDesk } from './support/seed.ts';
import { createTestAgent, type RunningServer, startServer, type TestAgent } from './support/server.ts';

// The README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1); an ordinary test run
// writes to a temporary directory so it never leaves the working tree changed.
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

let server: RunningServer;
let browser: Browser;
let supervisor: TestAgent;
let desk: Awaited<ReturnType<typeof seedSupportDesk>>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  supervisor = await createTestAgent(server, { name: 'Vera Kowalczyk', role: 'supervisor' });
  desk = await seedSupportDesk(server, supervisor);
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('screenshots for the README', () => {
  it('shows the inbox, a conversation and a customer page', async () => {
    const context = await newAgentContext(browser, server.baseUrl);
    const page = await context.newPage();
    await logInThroughUi(page, supervisor.email, supervisor.password);

    await page.goto('/inbox/all-open');
    await page.getByTestId('conversation-row').first().waitFor();
    await expect(page.getByTestId('conversation-row').count()).resolves.toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: path.join(screenshotDir, 'inbox.png') });

    await page.goto(`/conversations/${desk.emmaNow.id}`);
    await page.getByTestId('timeline-note').waitFor();
    await page.getByTestId('customer-history').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'conversation.png') });

    await page.goto(`/customers/${desk.emmaNow.customer.id}`);
    await page.getByTestId('customer-history').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'customer.png') });
    await context.close();
  });
});
