import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import { launchBrowser, openSignedIn } from './support/browser.ts';
import { createTestAgent, type RunningServer, type TestAgent } from './support/server.ts';
import { buildPublicPages, startWalkInServer, type WalkInServer } from './walk-in-support.ts';

// Refreshed on request (UPDATE_SCREENSHOTS=1); an ordinary run leaves the working tree unchanged.
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

/** A day around today: periods from yesterday to tomorrow cover today in the browser's and the location's calendar. */
const dayFromToday = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

let server: WalkInServer;
let browser: Browser;
let admin: TestAgent;
let clerk: TestAgent;
let page: Page;
let locationId: string;

beforeAll(async () => {
  await buildPublicPages();
  [server, browser] = await Promise.all([startWalkInServer(), launchBrowser()]);
  admin = await createTestAgent(server as RunningServer, { name: 'Asta Admin', role: 'admin' });
  clerk = await createTestAgent(server as RunningServer, { name: 'Rasa Clerk' });
  page = await openSignedIn(browser, server.baseUrl, admin);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function addService(prefix: string, names: Record<string, string>) {
  await page.getByRole('button', { name: 'Add service' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add service' });
  for (const [language, name] of Object.entries(names)) {
    await dialog.getByRole('textbox', { name: `Name (${language})`, exact: true }).fill(name);
  }
  await dialog.getByRole('textbox', { name: 'Ticket letter' }).fill(prefix);
  await dialog.getByLabel('Agents who may serve it', { exact: true }).click();
  await page.getByRole('option', { name: 'Rasa Clerk' }).click();
  // The picker stays open for more names; Escape closes it.
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Create' }).click();
  return dialog;
}

describe('setting up a walk-in location in the workspace', () => {
  it('an admin creates a location with two services and a desk; its kiosk offers both services', async () => {
    await page.getByRole('link', { name: 'Walk-in locations' }).click();
    await page.getByRole('button', { name: 'New location' }).click();
    const dialog = page.getByRole('dialog', { name: 'New location' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Košice centre');
    await dialog.getByRole('textbox', { name: 'Address' }).fill('Hlavná 1, Košice');
    await dialog.getByLabel('Time zone', { exact: true }).fill('Europe/Bratislava');
    await page.getByRole('option', { name: 'Europe/Bratislava' }).click();
    // Open around the clock, so the kiosk gives tickets whenever the test runs.
    for (const day of days) await dialog.getByRole('textbox', { name: day }).fill('00:00-24:00');
    await dialog.getByRole('switch', { name: /join the line remotely/ }).check();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Košice centre' }).waitFor();
    locationId = page.url().split('/').pop()!;

    await addService('A', { English: 'Passports', Slovenčina: 'Pasy', Magyar: 'Útlevelek' });
    await page.getByTestId('walk-in-services').getByText('Passports').waitFor();
    // A letter another service uses is refused, and the form says so at the letter.
    const refused = await addService('A', { English: 'Driving licences' });
    await refused.getByText('Another service of this location uses this letter.').waitFor();
    await refused.getByRole('button', { name: 'Cancel' }).click();
    await addService('B', { English: 'Residence permits', Slovenčina: 'Povolenia na pobyt' });
    await page.getByTestId('walk-in-services').getByText('Residence permits').waitFor();

    await page.getByRole('textbox', { name: 'Desk name' }).fill('Desk 1');
    await page.getByRole('button', { name: 'Add desk' }).click();
    await page.getByTestId('walk-in-desks').getByText('Desk 1').waitFor();
    // A desk added by mistake is removed again, after a confirmation.
    await page.getByRole('textbox', { name: 'Desk name' }).fill('Spare desk');
    await page.getByRole('button', { name: 'Add desk' }).click();
    await page.getByRole('button', { name: 'Remove desk Spare desk' }).click();
    await page
      .getByRole('dialog', { name: 'Remove desk' })
      .getByRole('button', { name: 'Yes, remove' })
      .click();
    await page.getByTestId('walk-in-desks').getByText('Spare desk').waitFor({ state: 'detached' });
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(screenshotDir, 'walk-in-setup.png'), fullPage: true });

    const kioskHref = await page.getByRole('link', { name: /\/kiosk\// }).getAttribute('href');
    expect(kioskHref).toBe(`/kiosk/${locationId}`);
    const kiosk = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
    await kiosk.goto(kioskHref!);
    await kiosk.getByRole('button', { name: /^Passports/ }).waitFor();
    await kiosk.getByRole('button', { name: /^Residence permits/ }).waitFor();
    await kiosk.context().close();
  });

  it('the report shows the visits of the location per service and per desk', async () => {
    const api = requestAs(server.testApp, clerk);
    const location = (await api.get(`/api/v1/walk-in/locations/${locationId}`)).json();
    const serviceOf = (prefix: string) =>
      location.services.find((service: { prefix: string }) => service.prefix === prefix).id as string;
    expect(
      location.services.every((service: { agentIds: string[] }) => service.agentIds.includes(clerk.id)),
    ).toBe(true);
    for (const prefix of ['A', 'A', 'B']) {
      const ticket = await requestAs(server.testApp, null).post(
        `/api/v1/public/walk-in/locations/${locationId}/tickets`,
        { serviceId: serviceOf(prefix) },
      );
      expect(ticket.statusCode).toBe(201);
    }
    const deskUrl = `/api/v1/walk-in/desks/${location.desks[0].id}`;
    expect(
      (await api.post(`${deskUrl}/sign-in`, { serviceIds: [serviceOf('A'), serviceOf('B')] })).statusCode,
    ).toBe(200);
    const first = (await api.post(`${deskUrl}/call-next`)).json().current;
    await api.post(`/api/v1/walk-in/visits/${first.id}/finish`, { outcome: 'resolved' });
    const second = (await api.post(`${deskUrl}/call-next`)).json().current;
    await api.post(`/api/v1/walk-in/visits/${second.id}/transfer`, { serviceId: serviceOf('B') });

    await page.getByRole('link', { name: 'Walk-in report' }).click();
    await page.getByLabel('From', { exact: true }).fill(dayFromToday(-1));
    await page.getByLabel('To', { exact: true }).fill(dayFromToday(1));
    const rows = page.getByTestId('walk-in-report-row');
    const passports = rows.filter({ hasText: 'A · Passports' });
    const permits = rows.filter({ hasText: 'B · Residence permits' });
    await passports.waitFor();
    // Day, service, arrivals, served, waits, service time, no-shows, transfers, left, promises.
    const cells = async (row: typeof passports) => (await row.locator('td, th').allTextContents()).slice(2);
    expect((await cells(passports)).slice(0, 2)).toEqual(['1', '1']);
    const permitCells = await cells(permits);
    expect(permitCells[0]).toBe('2');
    expect(permitCells[6]).toBe('1');
    await page.screenshot({ path: path.join(screenshotDir, 'walk-in-report.png') });

    // The segmented control's radios are hidden behind their labels, which take the click.
    await page.getByText('Desk', { exact: true }).click();
    await rows.filter({ hasText: 'Desk 1' }).waitFor();
    // The transferred visit went back to a line, so only the served one stays with the desk.
    expect((await cells(rows.filter({ hasText: 'Desk 1' }))).slice(0, 2)).toEqual(['1', '1']);
  });

  it('a Slovak supervisor reads the report in Slovak, with the Slovak names of the services, but gets no setup', async () => {
    const supervisor = await createTestAgent(server as RunningServer, {
      name: 'Jana Vedúca',
      role: 'supervisor',
    });
    const profile = await requestAs(server.testApp, supervisor).patch('/api/v1/me', { uiLanguage: 'sk' });
    expect(profile.statusCode).toBe(200);
    const supervisorPage = await openSignedIn(browser, server.baseUrl, supervisor);
    expect(await supervisorPage.getByRole('link', { name: 'Pobočky' }).count()).toBe(0);
    await supervisorPage.getByRole('link', { name: 'Prehľad radov' }).click();
    await supervisorPage.getByLabel('Od', { exact: true }).fill(dayFromToday(-1));
    await supervisorPage.getByLabel('Do', { exact: true }).fill(dayFromToday(1));
    const report = supervisorPage.getByTestId('walk-in-report');
    await report.getByRole('columnheader', { name: 'Príchody' }).waitFor();
    await report.getByRole('rowheader', { name: 'A · Pasy' }).waitFor();
    await report.getByRole('rowheader', { name: 'B · Povolenia na pobyt' }).waitFor();
    await supervisorPage.context().close();
  });

  it('an agent sees neither the setup nor the report, and the API refuses them', async () => {
    const agentPage = await openSignedIn(browser, server.baseUrl, clerk);
    await agentPage.getByRole('link', { name: 'Walk-in desk' }).waitFor();
    expect(await agentPage.getByRole('link', { name: 'Walk-in locations' }).count()).toBe(0);
    expect(await agentPage.getByRole('link', { name: 'Walk-in report' }).count()).toBe(0);
    await agentPage.goto('/admin/walk-in');
    await agentPage.getByTestId('inbox-title').waitFor();

    const api = requestAs(server.testApp, clerk);
    const created = await api.post('/api/v1/walk-in/locations', {
      name: 'Rogue office',
      timeZone: 'Europe/Vilnius',
      openingHours: { weeklyHours: {} },
    });
    expect(created.statusCode).toBe(403);
    const changed = await api.patch(`/api/v1/walk-in/locations/${locationId}`, { name: 'Renamed' });
    expect(changed.statusCode).toBe(403);
    const today = new Date().toISOString().slice(0, 10);
    const report = await api.get(`/api/v1/walk-in/locations/${locationId}/report`, {
      query: { from: today, to: today },
    });
    expect(report.statusCode).toBe(403);
    await agentPage.context().close();
  });
});
