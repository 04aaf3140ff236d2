import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import { findAccessibilityViolations } from './chat-support.ts';
import { launchBrowser, openSignedIn } from './support/browser.ts';
import {
  createConversationViaApi,
  createTestAgent,
  type RunningServer,
  startServer,
  type TestAgent,
} from './support/server.ts';

// The README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1), as in screenshots.test.ts.
const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : path.join(tmpdir(), 'frontline-screenshots');

let server: RunningServer;
let browser: Browser;
let supervisor: TestAgent;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  supervisor = await createTestAgent(server, { name: 'Paula Supervisor', role: 'supervisor' });
  page = await openSignedIn(browser, server.baseUrl, supervisor);
  await mkdir(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A web form request as a visitor sends it; answers the conversation it opened. */
async function submitWebForm(payload: Record<string, string>): Promise<{ id: string }> {
  const submitted = await server.testApp.app.inject({
    method: 'POST',
    url: '/api/v1/public/web-form',
    payload: { clientId: `e2e-promise-${Date.now()}-${payload.email}`, ...payload },
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  const list = await requestAs(server.testApp, supervisor).get('/api/v1/conversations', {
    query: { channel: 'web_form' },
  });
  return list
    .json()
    .items.find((item: { reference: number }) => item.reference === submitted.json().reference);
}

describe('promises report', () => {
  it('shows a web form promise answered in time as kept, per queue and week', async () => {
    const conversation = await submitWebForm({
      name: 'Ona Petraitienė',
      email: 'ona.promise@example.lt',
      topic: 'order',
      message: 'Laba diena, kada atvyks mano užsakymas?',
      language: 'lt',
    });
    const reply = await requestAs(server.testApp, supervisor).post(
      `/api/v1/conversations/${conversation.id}/messages`,
      { body: 'Laba diena, siuntinys pakeliui.', visibility: 'public' },
    );
    expect(reply.statusCode).toBe(201);

    await page.goto('/inbox/mine');
    await page.getByRole('link', { name: 'Promises', exact: true }).click();
    await page.getByRole('heading', { name: 'Kept promises' }).waitFor();
    const row = page.getByTestId('promises-report').getByRole('row', { name: /Web form/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    // week, queue, team, channel, promises, answered, kept rate, P50 error
    expect(cells.slice(1, 7)).toEqual(['Written answers', 'No team', 'Web form', '1', '1', '100%']);
    // How each queue's promises are corrected now: one answered promise, factors still 1.
    const calibration = page
      .getByTestId('promises-calibration')
      .getByRole('row', { name: /Written answers/ });
    expect(await calibration.getByRole('cell').allTextContents()).toEqual([
      'Written answers',
      '1.00',
      '1.00',
      '1',
    ]);
    expect(await findAccessibilityViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir, 'promises-report.png') });

    // Beside the conversation: what the customer was told, and that it held.
    await page.goto(`/conversations/${conversation.id}`);
    const promise = page.getByTestId('conversation-promise');
    await promise.getByText('Web form confirmation').waitFor();
    await promise.getByText(/^about \d+ mins?, at the latest \d+ mins?$/).waitFor();
    await promise.getByText(/^Kept: answered after (< 1 min|\d+ mins?)$/).waitFor();
    expect(await findAccessibilityViolations(page, '[data-testid="conversation-promises"]')).toEqual([]);
  });

  it('shows an open promise with its due time beside a waiting conversation', async () => {
    const waiting = await submitWebForm({
      name: 'Marek Kowalski',
      email: 'marek.promise@example.pl',
      topic: 'billing',
      message: 'Dzień dobry, proszę o fakturę za ostatnie zamówienie.',
      language: 'pl',
    });
    await page.goto(`/conversations/${waiting.id}`);
    await page
      .getByTestId('conversation-promise')
      .getByText(/^Answer due by /)
      .waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'conversation-promise.png') });
  });
});

describe('triage hint in the conversation', () => {
  it('shows the suggested priority with its reasons and applies it with one click', async () => {
    const conversation = await createConversationViaApi(server, supervisor, {
      customer: { email: 'jan.urgent@example.sk', name: 'Ján Novák' },
      subject: 'Naliehavé',
      message: { body: 'Prosím, naliehavé, nefunguje nám celý systém a nemôžeme predávať.' },
    });
    expect(conversation.priority).toBe('normal');
    await page.goto(`/conversations/${conversation.id}`);
    const hint = page.getByTestId('triage-hint');
    await hint.getByText('Suggested priority: Urgent').waitFor();
    await hint.getByText('The customer says it is urgent').waitFor();
    await hint.getByText('Something is down or not working').waitFor();
    expect(await findAccessibilityViolations(page, '[data-testid="triage-hint"]')).toEqual([]);
    await hint.getByRole('button', { name: 'Set Urgent' }).click();
    await hint.waitFor({ state: 'detached' });
    const detail = (
      await requestAs(server.testApp, supervisor).get(`/api/v1/conversations/${conversation.id}`)
    ).json();
    expect(detail).toMatchObject({ priority: 'urgent', language: 'sk' });
  });
});
