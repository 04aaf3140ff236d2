import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BusinessCalendarDto } from '@frontline/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '../apps/server/src/modules/conversations/index.ts';
import { requestAs } from '../apps/server/test/support/app.ts';
import { launchBrowser, logInThroughUi, newAgentContext } from './support/browser.ts';
import { createTestAgent, type RunningServer, startServer, type TestAgent } from './support/server.ts';

// Written to docs/screenshots on request (UPDATE_SCREENSHOTS=1), else to a temporary directory.
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

let server: RunningServer;
let browser: Browser;
let admin: TestAgent;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await createTestAgent(server, { name: 'Rūta Admin', role: 'admin' });
  const context = await newAgentContext(browser, server.baseUrl);
  page = await context.newPage();
  await logInThroughUi(page, admin.email, admin.password);
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A customer's first message that arrived `minutesAgo` (the service runs on a clock set back). */
async function arrivedMinutesAgo(minutesAgo: number, name: string, subject: string) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  return createConversation(
    { ...server.testApp.deps, clock: { now: () => at } },
    {
      customer: { email: `${name.toLowerCase().replaceAll(/[^a-z]+/g, '.')}@example.test`, name },
      subject,
      channel: 'email',
      message: { body: `${subject}. Please help.` },
    },
  );
}

describe('SLA in the workspace', () => {
  it('an admin adds a policy; the inbox counts down, and the breached view lists what is overdue', async () => {
    await page.goto('/inbox/mine');
    await page.getByRole('link', { name: 'SLA policies' }).click();
    await page.getByRole('button', { name: 'Add policy' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Email within the hour');
    await dialog.getByRole('textbox', { name: 'First response (minutes)' }).fill('60');
    await dialog.getByRole('textbox', { name: 'Warn this many minutes before' }).fill('15');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('sla-policies').getByText('Email within the hour').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'sla-policies.png') });

    const overdue = await arrivedMinutesAgo(95, 'Petras Jonaitis', 'Invoice charged twice');
    const atRisk = await arrivedMinutesAgo(50, 'Zsófia Kovács', 'Cannot log in');
    const fresh = await arrivedMinutesAgo(5, 'Anna Nowak', 'Change of delivery address');
    // The summaries answered at creation time were all still in time; what counts is now, in the inbox.

    await page.goto('/inbox/all-open');
    const rowOf = (id: string) =>
      page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`);
    await rowOf(overdue.id).getByTestId('sla-badge').waitFor();
    await expect(rowOf(overdue.id).getByTestId('sla-badge').getAttribute('data-state')).resolves.toBe(
      'breached',
    );
    await expect(rowOf(overdue.id).getByTestId('sla-badge').textContent()).resolves.toMatch(
      /overdue 3[45]\s?m/,
    );
    await expect(rowOf(atRisk.id).getByTestId('sla-badge').getAttribute('data-state')).resolves.toBe(
      'at_risk',
    );
    await expect(rowOf(fresh.id).getByTestId('sla-badge').textContent()).resolves.toMatch(/due in 5[56]\s?m/);
    await page.screenshot({ path: path.join(screenshotDir, 'sla-inbox.png') });

    await page.getByRole('link', { name: /^Breached/ }).click();
    await page.waitForURL('**/inbox/breached');
    await rowOf(overdue.id).waitFor();
    await expect.poll(() => page.getByTestId('conversation-row').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('count-breached').textContent(), { timeout: 15_000 }).toBe('1');
    await page.getByRole('link', { name: /^At risk/ }).click();
    await page.waitForURL('**/inbox/at-risk');
    await rowOf(atRisk.id).waitFor();
    await expect.poll(() => page.getByTestId('conversation-row').count(), { timeout: 15_000 }).toBe(1);

    await rowOf(atRisk.id).click();
    await page.getByTestId('conversation-subject').waitFor();
    await expect(page.getByTestId('sla-badge').getAttribute('data-state')).resolves.toBe('at_risk');
    await page.getByText('SLA policy “Email within the hour” applies').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'sla-conversation.png') });
  });

  it('an admin sets up business hours with a split day, holidays and a closure', async () => {
    await page.goto('/admin/calendars');
    await page.getByRole('button', { name: 'Add calendar' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Bratislava desk');
    await dialog.getByLabel('Time zone').fill('Europe/Bratislava');
    await page.getByRole('option', { name: 'Europe/Bratislava', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Friday' }).fill('09:00-12:00, 13:00-15:00');
    await dialog.getByRole('textbox', { name: 'Public holidays of (country code)' }).fill('sk');
    await dialog.getByRole('textbox', { name: 'Closures' }).fill('2026-12-24..2026-12-26 Christmas');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const response = await requestAs(server.testApp, admin).get('/api/v1/business-calendars');
    const calendar = (response.json().items as BusinessCalendarDto[]).find(
      (item) => item.name === 'Bratislava desk',
    );
    expect(calendar).toMatchObject({
      timeZone: 'Europe/Bratislava',
      holidays: { country: 'SK' },
      closures: [{ start: '2026-12-24', end: '2026-12-26', reason: 'Christmas' }],
    });
    expect(calendar?.weeklyHours.fri).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '15:00' },
    ]);
    await page.getByRole('cell', { name: 'Bratislava desk' }).waitFor();

    // Deleting asks first: a dismissed question keeps the calendar, a confirmed one removes it.
    const row = page.getByRole('row').filter({ hasText: 'Bratislava desk' });
    const questions: string[] = [];
    page.once('dialog', (question) => {
      questions.push(question.message());
      void question.dismiss();
    });
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => questions).toEqual(['Delete the business hours “Bratislava desk”?']);
    await page.getByRole('cell', { name: 'Bratislava desk' }).waitFor();
    page.once('dialog', (question) => void question.accept());
    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('cell', { name: 'Bratislava desk' }).waitFor({ state: 'detached' });
  });
});
