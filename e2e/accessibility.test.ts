import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccessibilityViolations } from './chat-support.ts';
import { launchBrowser, openSignedIn } from './support/browser.ts';
import { seedSupportDesk } from './support/seed.ts';
import { createTestAgent, type RunningServer, startServer, type TestAgent } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let supervisor: TestAgent;
let desk: Awaited<ReturnType<typeof seedSupportDesk>>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  supervisor = await createTestAgent(server, { name: 'Audit Supervisor', role: 'supervisor' });
  desk = await seedSupportDesk(server, supervisor);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility of the workspace', () => {
  it('axe finds no WCAG A/AA violations on the inbox, a conversation, a customer and the directory', async () => {
    const page = await openSignedIn(browser, server.baseUrl, supervisor);
    const pages = [
      '/inbox/all-open',
      `/conversations/${desk.emmaNow.id}`,
      `/customers/${desk.emmaNow.customer.id}`,
      '/customers',
      '/profile',
    ];
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const violations = await findAccessibilityViolations(page);
      if (violations.length > 0) {
        found[path] = violations.map(
          (violation) => `${violation.id}: ${JSON.stringify(violation.nodes.slice(0, 3))}`,
        );
      }
    }
    expect(found).toEqual({});
    await page.context().close();
  });
});
