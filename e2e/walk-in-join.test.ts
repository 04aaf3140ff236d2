import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocationWith } from '../apps/server/src/modules/walk-in/walk-in.test-helpers.ts';
import { requestAs, signInAgent } from '../apps/server/test/support/app.ts';
import { launchBrowser } from './support/browser.ts';
import {
  buildPublicPages,
  findAccessibilityViolations,
  startWalkInServer,
  type WalkInServer,
} from './walk-in-support.ts';

// Refreshed on request (UPDATE_SCREENSHOTS=1); an ordinary run leaves the working tree unchanged.
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

let server: WalkInServer;
let browser: Browser;
let phone: Page;
let location: Awaited<ReturnType<typeof createLocationWith>>;
let closedToRemote: Awaited<ReturnType<typeof createLocationWith>>;

beforeAll(async () => {
  await buildPublicPages();
  [server, browser] = await Promise.all([startWalkInServer(), launchBrowser()]);
  const admin = await signInAgent(server.testApp, 'admin');
  location = await createLocationWith(server.testApp, admin, {
    name: 'Vilnius Old Town office',
    services: [
      { prefix: 'A', name: 'Passports' },
      { prefix: 'B', name: 'Residence permits' },
    ],
    desks: ['Desk 1'],
  });
  closedToRemote = await createLocationWith(server.testApp, admin, {
    name: 'Kaunas office',
    services: [{ prefix: 'A', name: 'Passports' }],
    desks: ['Desk 1'],
  });
  await requestAs(server.testApp, admin).patch(`/api/v1/walk-in/locations/${closedToRemote.locationId}`, {
    allowsRemoteJoin: false,
  });
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
  });
  phone = await context.newPage();
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('joining the line remotely from a phone', () => {
  it('a customer picks a service and language, leaves a phone, and lands on the tracking page with the ticket', async () => {
    await phone.goto(`/join/${location.locationId}`);
    await phone.getByRole('heading', { name: 'Join the line at Vilnius Old Town office' }).waitFor();
    expect(await findAccessibilityViolations(phone)).toEqual([]);

    // Nothing chosen: the page says what is missing, without leaving the form.
    await phone.getByRole('button', { name: 'Join the line' }).click();
    await expect.poll(() => phone.getByRole('alert').textContent()).toBe('Choose a service.');

    await phone.getByRole('button', { name: 'Lietuvių' }).click();
    await phone.getByRole('heading', { name: 'Užsiregistruokite į eilę: Vilnius Old Town office' }).waitFor();
    await phone.getByRole('radio', { name: /Passports \(lt\)/ }).check();
    await phone.getByRole('textbox', { name: /Mobiliojo telefono numeris/ }).fill('12');
    await phone.getByRole('button', { name: 'Stoti į eilę' }).click();
    await expect
      .poll(() => phone.getByRole('alert').textContent())
      .toMatch(/^Tai nepanašu į mobiliojo telefono numerį/);
    expect(
      await phone.getByRole('textbox', { name: /Mobiliojo telefono numeris/ }).getAttribute('aria-invalid'),
    ).toBe('true');
    // The form with an error shown must be as accessible as the empty one.
    expect(await findAccessibilityViolations(phone)).toEqual([]);

    await phone.getByRole('textbox', { name: /Mobiliojo telefono numeris/ }).fill('+370 612 34567');
    await phone.getByRole('textbox', { name: /El. pašto adresas/ }).fill('ona@example.lt');
    await phone.screenshot({ path: path.join(screenshotDir, 'walk-in-join.png'), fullPage: true });
    await phone.getByRole('button', { name: 'Stoti į eilę' }).click();

    await phone.waitForURL(/\/visit\/[A-Za-z0-9_-]+$/);
    await expect.poll(() => phone.getByTestId('tracking-ticket').textContent()).toBe('A-001');
    await expect.poll(() => phone.getByTestId('tracking-status').textContent()).toContain('Jūs eilėje');
    expect(await findAccessibilityViolations(phone)).toEqual([]);

    const token = new URL(phone.url()).pathname.split('/').at(-1)!;
    const visit = await server.testApp.deps.db
      .selectFrom('walk_in_visits')
      .select(['ticket', 'language', 'notify_phone', 'notify_email'])
      .where('tracking_token', '=', token)
      .executeTakeFirstOrThrow();
    expect(visit).toEqual({
      ticket: 'A-001',
      language: 'lt',
      notify_phone: '+37061234567',
      notify_email: 'ona@example.lt',
    });
  });

  it('someone who took a ticket at the kiosk leaves a phone on the tracking page to be told', async () => {
    const taken = await requestAs(server.testApp, null).post(
      `/api/v1/public/walk-in/locations/${location.locationId}/tickets`,
      { serviceId: location.services.B, language: 'pl' },
    );
    const { trackingToken, ticket } = taken.json() as { trackingToken: string; ticket: string };
    await phone.goto(`/visit/${trackingToken}`);
    await expect.poll(() => phone.getByTestId('tracking-ticket').textContent()).toBe(ticket);
    await phone.getByRole('group', { name: 'Otrzymaj wiadomość, gdy zbliży się Twoja kolej' }).waitFor();
    expect(await findAccessibilityViolations(phone)).toEqual([]);

    await phone.getByRole('textbox', { name: /Numer komórki/ }).fill('+48 501 234 569');
    await phone.getByRole('button', { name: 'Powiadom mnie' }).click();
    await expect
      .poll(() => phone.getByTestId('notify-saved').textContent())
      .toBe('Powiadomimy Cię, gdy zbliży się Twoja kolej i gdy zostaniesz wezwany.');
    await phone.screenshot({ path: path.join(screenshotDir, 'walk-in-tracking-notify.png'), fullPage: true });
    const visit = await server.testApp.deps.db
      .selectFrom('walk_in_visits')
      .select('notify_phone')
      .where('tracking_token', '=', trackingToken)
      .executeTakeFirstOrThrow();
    expect(visit.notify_phone).toBe('+48501234569');
  });

  it('a location that does not take remote places says so, accessibly', async () => {
    await phone.goto(`/join/${closedToRemote.locationId}`);
    await phone.getByText(/does not take places in line online/).waitFor();
    expect(await phone.getByRole('button', { name: 'Join the line' }).count()).toBe(0);
    expect(await findAccessibilityViolations(phone)).toEqual([]);
  });
});
