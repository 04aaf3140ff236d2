import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocationWith } from '../apps/server/src/modules/walk-in/walk-in.test-helpers.ts';
import { requestAs, signInAgent } from '../apps/server/test/support/app.ts';
import { createTestDatabase, type TestDatabase } from '../apps/server/test/support/database.ts';
import { launchBrowser } from './support/browser.ts';
import { buildPublicPages, eventually, startWalkInServer, type WalkInServer } from './walk-in-support.ts';

let database: TestDatabase;
let server: WalkInServer;
let browser: Browser;
let display: Page;

beforeAll(async () => {
  await buildPublicPages();
  database = await createTestDatabase();
  [server, browser] = await Promise.all([startWalkInServer({ database }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

describe('the display board across a server restart', () => {
  it('shows that it is reconnecting, then follows the line again without a reload', async () => {
    const admin = await signInAgent(server.testApp, 'admin');
    const { locationId, services } = await createLocationWith(server.testApp, admin, {
      services: [{ prefix: 'A', name: 'Passports' }],
      desks: ['Desk 1'],
    });
    const take = () =>
      requestAs(server.testApp, null).post(`/api/v1/public/walk-in/locations/${locationId}/tickets`, {
        serviceId: services.A,
      });
    await take();
    display = await browser.newPage({ baseURL: server.baseUrl, viewport: { width: 1920, height: 1080 } });
    await display.goto(`/display/${locationId}`);
    await eventually(
      async () => (await display.getByTestId('line-A').textContent())?.includes('A-001') ?? false,
    );

    const port = Number(new URL(server.baseUrl).port);
    await server.close();
    await display.getByText('Reconnecting…').waitFor({ timeout: 10_000 });

    server = await startWalkInServer({ port, database });
    await take();
    await eventually(
      async () => (await display.getByTestId('line-A').textContent())?.includes('A-001  A-002') ?? false,
      15_000,
    );
    expect(await display.getByText('Reconnecting…').count()).toBe(0);
  });
});
