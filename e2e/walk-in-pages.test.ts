import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ticket } from '@frontline/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocationWith } from '../apps/server/src/modules/walk-in/walk-in.test-helpers.ts';
import { requestAs, type SignedInAgent, signInAgent } from '../apps/server/test/support/app.ts';
import { launchBrowser } from './support/browser.ts';
import {
  buildPublicPages,
  eventually,
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
let clerk: SignedInAgent;
let location: Awaited<ReturnType<typeof createLocationWith>>;
let kiosk: Page;
let display: Page;

beforeAll(async () => {
  await buildPublicPages();
  [server, browser] = await Promise.all([startWalkInServer(), launchBrowser()]);
  const admin = await signInAgent(server.testApp, 'admin');
  clerk = await signInAgent(server.testApp, 'agent', { name: 'Rasa Clerk' });
  location = await createLocationWith(server.testApp, admin, {
    name: 'Vilnius Old Town office',
    services: [
      { prefix: 'A', name: 'Passports', agentIds: [clerk.id] },
      { prefix: 'B', name: 'Residence permits', agentIds: [clerk.id] },
    ],
    desks: ['Desk 1', 'Desk 3'],
  });
  // No grace period, so the no-show can be marked at once in the browser test.
  await requestAs(server.testApp, admin).patch(`/api/v1/walk-in/locations/${location.locationId}`, {
    rules: {
      priorityBoostMinutes: 10,
      appointmentLeadMinutes: 5,
      noShowGraceSeconds: 0,
      readmitWindowMinutes: 30,
    },
  });
  const kioskContext = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1080, height: 1600 },
  });
  const displayContext = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1920, height: 1080 },
  });
  kiosk = await kioskContext.newPage();
  display = await displayContext.newPage();
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const clerkApi = () => requestAs(server.testApp, clerk);
const nowServing = () =>
  display
    .getByTestId('now-serving')
    .textContent()
    .catch(() => null);

/** Chooses a service and skips the optional "tell me when it is my turn" step. */
async function takeAtKiosk(serviceName: RegExp, skip = 'Skip, no message') {
  await kiosk.getByRole('button', { name: serviceName }).click();
  await kiosk.getByRole('button', { name: skip }).click();
  const number = await kiosk.getByTestId('ticket-number').textContent();
  return number!;
}

describe('walk-in pages in the browser', () => {
  it('the kiosk gives three numbers for two services, by touch and by keyboard', async () => {
    await kiosk.goto(`/kiosk/${location.locationId}`);
    await kiosk.getByRole('heading', { name: 'What do you need help with?' }).waitFor();
    expect(await takeAtKiosk(/^Passports/)).toBe('A-001');
    await kiosk.getByRole('img', { name: /Scan to follow/ }).waitFor();
    await kiosk.screenshot({ path: path.join(screenshotDir, 'walk-in-kiosk-ticket.png') });
    await kiosk.getByRole('button', { name: 'Done' }).click();

    // Keyboard: Tab to the first service and press Enter.
    await kiosk.getByRole('button', { name: /^Passports/ }).focus();
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('button', { name: 'Skip, no message' }).focus();
    await kiosk.keyboard.press('Enter');
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('A-002');
    await kiosk.getByRole('button', { name: 'Done' }).click();

    // In Lithuanian, the service names and texts follow.
    await kiosk.getByRole('button', { name: 'Lietuvių' }).click();
    await kiosk.getByRole('heading', { name: 'Kuo galime padėti?' }).waitFor();
    expect(await takeAtKiosk(/^Residence permits \(lt\)/, 'Praleisti, pranešimų nereikia')).toBe('B-001');
    expect(await kiosk.getByText('Jūsų numeris').isVisible()).toBe(true);
    await kiosk.getByRole('button', { name: 'Baigti' }).click();
    await kiosk.screenshot({ path: path.join(screenshotDir, 'walk-in-kiosk.png') });
  });

  it('the display shows them waiting per service', async () => {
    await display.goto(`/display/${location.locationId}`);
    await eventually(
      async () => (await display.getByTestId('line-A').textContent())?.includes('A-001  A-002') ?? false,
    );
    expect(await display.getByTestId('line-B').textContent()).toContain('B-001');
    expect(await display.getByTestId('line-A').textContent()).toMatch(/Expected wait: about \d+ min/);
  });

  it('a desk calls next and the display changes within one second', async () => {
    await clerkApi().post(`/api/v1/walk-in/desks/${location.desks['Desk 3']}/sign-in`, {
      serviceIds: [location.services.A, location.services.B],
    });
    const called = await clerkApi().post(`/api/v1/walk-in/desks/${location.desks['Desk 3']}/call-next`);
    const started = Date.now();
    expect(called.json().current.ticket).toBe('A-001');
    await eventually(async () => (await nowServing())?.includes('A-001') ?? false, 5000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await nowServing()).toContain('Desk 3');
    expect(await display.getByTestId('line-A').textContent()).not.toContain('A-001');
    await display.screenshot({ path: path.join(screenshotDir, 'walk-in-display.png') });
  });

  it('a no-show and a transfer show on the display', async () => {
    const first = (await clerkApi().get(`/api/v1/walk-in/desks/${location.desks['Desk 3']}`)).json().current;
    expect((await clerkApi().post(`/api/v1/walk-in/visits/${first.id}/no-show`)).json().status).toBe(
      'no_show',
    );
    const second = (
      await clerkApi().post(`/api/v1/walk-in/desks/${location.desks['Desk 3']}/call-next`)
    ).json().current;
    expect(second.ticket).toBe('A-002');
    await eventually(async () => (await nowServing())?.includes('A-002') ?? false, 5000);
    // A-002 arrived before B-001, so in the permit line it goes first.
    await clerkApi().post(`/api/v1/walk-in/visits/${second.id}/transfer`, { serviceId: location.services.B });
    await eventually(
      async () => (await display.getByTestId('line-B').textContent())?.includes('A-002  B-001') ?? false,
      5000,
    );
    // The no-show left the board; nobody is waiting for passports any more.
    expect(await display.getByTestId('recent-calls').textContent()).not.toContain('A-001');
    expect(await display.getByTestId('line-A').textContent()).toContain('Nobody waiting');
  });

  it('the tracking page follows a visit until it is called', async () => {
    const ticket = (
      await requestAs(server.testApp, null).post(
        `/api/v1/public/walk-in/locations/${location.locationId}/tickets`,
        {
          serviceId: location.services.B,
          language: 'en',
        },
      )
    ).json() as Ticket;
    const phone = await browser.newPage({ baseURL: server.baseUrl, viewport: { width: 390, height: 844 } });
    await phone.goto(`/visit/${ticket.trackingToken}`);
    await phone.getByText('You are in line').waitFor();
    expect(await phone.getByTestId('tracking-status').textContent()).toContain('2 people before you.');

    // The desk serves A-002 and B-001; then this visit's turn comes.
    for (let index = 0; index < 2; index++) {
      const visit = (
        await clerkApi().post(`/api/v1/walk-in/desks/${location.desks['Desk 3']}/call-next`)
      ).json().current;
      await clerkApi().post(`/api/v1/walk-in/visits/${visit.id}/finish`, { outcome: 'resolved' });
    }
    await eventually(
      async () =>
        (await phone.getByTestId('tracking-status').textContent())?.includes('You are next.') ?? false,
      5000,
    );
    await clerkApi().post(`/api/v1/walk-in/desks/${location.desks['Desk 3']}/call-next`);
    await phone.getByText('It is your turn!').waitFor({ timeout: 5000 });
    expect(await phone.getByTestId('tracking-status').textContent()).toContain('Please go to Desk 3');
    expect(await findAccessibilityViolations(phone)).toEqual([]);
    await phone.screenshot({ path: path.join(screenshotDir, 'walk-in-tracking.png') });
    await phone.close();
  });

  it('axe finds no accessibility violations on the kiosk and the display', async () => {
    await kiosk.goto(`/kiosk/${location.locationId}`);
    await kiosk.getByRole('heading', { name: 'What do you need help with?' }).waitFor();
    expect(await findAccessibilityViolations(kiosk)).toEqual([]);
    await kiosk.getByRole('button', { name: /^Passports/ }).click();
    await kiosk.getByRole('heading', { name: 'Get a text or an email when it is your turn' }).waitFor();
    expect(await findAccessibilityViolations(kiosk)).toEqual([]);
    // A mistyped number is explained next to the field, and that state is accessible too.
    await kiosk.getByLabel(/Mobile number/).fill('call me');
    await kiosk.getByRole('button', { name: 'Get my ticket' }).click();
    await kiosk
      .getByRole('alert')
      .getByText(/does not look like a mobile number/)
      .waitFor();
    expect(await findAccessibilityViolations(kiosk)).toEqual([]);
    await kiosk.getByLabel(/Mobile number/).fill('+370 612 34599');
    await kiosk.getByRole('button', { name: 'Get my ticket' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('ticket-notify').textContent()).toBe(
      'We will text you when your turn is near and when you are called.',
    );
    expect(await findAccessibilityViolations(kiosk)).toEqual([]);
    expect(await findAccessibilityViolations(display)).toEqual([]);
  });
});
