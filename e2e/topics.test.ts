import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicTrainingSet } from '../apps/server/src/modules/triage/topic-training-set.ts';
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

let server: RunningServer;
let browser: Browser;
let admin: TestAgent;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await createTestAgent(server, { name: 'Tina Topics', role: 'admin' });
  page = await openSignedIn(browser, server.baseUrl, admin);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The topic's id; it is added when an earlier test has not. */
const ensureTopic = async (key: string, name: string) => {
  const requests = requestAs(server.testApp, admin);
  const topics = (await requests.get('/api/v1/topics')).json().items as Array<{ id: string; key: string }>;
  const existing = topics.find((topic) => topic.key === key);
  if (existing) return existing.id;
  const created = await requests.post('/api/v1/topics', { key, names: { en: name } });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
};

describe('topics', () => {
  it('an admin adds a topic with keywords; a matching message gets it, and the agent changes it', async () => {
    await page.goto('/inbox/mine');
    await page.getByRole('link', { name: 'Topics', exact: true }).click();
    await page.getByRole('heading', { name: 'Topics' }).waitFor();
    await page.getByRole('button', { name: 'Add topic' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Key', exact: true }).fill('billing');
    await dialog.getByRole('textbox', { name: 'Name · English', exact: true }).fill('Billing');
    await dialog.getByRole('textbox', { name: 'Name · Lietuvių', exact: true }).fill('Sąskaitos');
    await dialog.getByRole('combobox', { name: 'Keywords · English', exact: true }).fill('invoice');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page
      .getByTestId('topics')
      .getByRole('row', { name: /Billing/ })
      .waitFor();
    expect(await findAccessibilityViolations(page, 'main')).toEqual([]);
    await ensureTopic('delivery', 'Delivery');

    const conversation = await createConversationViaApi(server, admin, {
      customer: { email: 'mary.invoice@example.test', name: 'Mary Invoice' },
      subject: 'Wrong amount',
      message: { body: 'The invoice you sent me has the wrong amount on it.' },
    });
    expect(conversation.topic).toMatchObject({ key: 'billing', source: 'rule' });
    await page.goto(`/conversations/${conversation.id}`);
    const select = page.getByTestId('topic-select');
    await expect.poll(() => select.inputValue()).toBe('Billing');
    await page.getByText('by keyword', { exact: true }).waitFor();
    await page.getByText('Topic set to Billing (by keyword „invoice“)').waitFor();
    await select.click();
    await page.getByRole('option', { name: 'Delivery' }).click();
    await page.getByText('set by an agent').waitFor();
    await expect.poll(() => select.inputValue()).toBe('Delivery');
    const detail = (
      await requestAs(server.testApp, admin).get(`/api/v1/conversations/${conversation.id}`)
    ).json();
    expect(detail.topic).toMatchObject({ key: 'delivery', source: 'agent' });
  });

  it('shows the classifier’s unsure guess as a suggestion that one click applies', async () => {
    const ids: Record<string, string> = {
      billing: await ensureTopic('billing', 'Billing'),
      delivery: await ensureTopic('delivery', 'Delivery'),
      account: await ensureTopic('account', 'Account'),
    };
    for (const [index, example] of topicTrainingSet.entries()) {
      const labelled = await createConversationViaApi(server, admin, {
        customer: { email: `trainer${index}@example.test`, name: `Trainer ${index}` },
        subject: example.text,
        message: { body: example.text },
      });
      const solved = await requestAs(server.testApp, admin).patch(`/api/v1/conversations/${labelled.id}`, {
        topicId: ids[example.topicId],
        status: 'solved',
      });
      expect(solved.statusCode).toBe(200);
    }
    await page.goto('/admin/topics');
    await page.getByRole('button', { name: 'Train now' }).click();
    await page
      .getByTestId('classifier-status')
      .getByText(/on \d+ solved conversations/)
      .waitFor();

    const unsure = await createConversationViaApi(server, admin, {
      customer: { email: 'unsure@example.test', name: 'Unsure Customer' },
      subject: 'password parcel',
      message: { body: 'password parcel' },
    });
    expect(unsure.topic).toBeNull();
    await page.goto(`/conversations/${unsure.id}`);
    const hint = page.getByTestId('topic-suggestion');
    await hint.getByText(/^Suggested topic: Delivery \(\d+ %\)$/).waitFor();
    expect(await findAccessibilityViolations(page, '[data-testid="topic-suggestion"]')).toEqual([]);
    await hint.getByRole('button', { name: 'Apply' }).click();
    await hint.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('topic-select').inputValue()).toBe('Delivery');
  });
});
