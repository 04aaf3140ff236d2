import type { ConversationDetail, Customer } from '@frontline/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import { launchBrowser, logInThroughUi, newAgentContext } from './support/browser.ts';
import {
  createConversationViaApi,
  createTestAgent,
  type RunningServer,
  startServer,
  type TestAgent,
} from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let agent: TestAgent;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  agent = await createTestAgent(server, { name: 'Cora Supervisor', role: 'supervisor' });
  const context = await newAgentContext(browser, server.baseUrl);
  page = await context.newPage();
  await logInThroughUi(page, agent.email, agent.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const api = () => requestAs(server.testApp, agent);

describe('customers', () => {
  it('finds a customer in the directory, edits their notes and merges a duplicate into them', async () => {
    const original = await createConversationViaApi(server, agent, {
      customer: { email: 'laima.jonaitiene@example.lt', name: 'Laima Jonaitienė' },
      subject: 'Garantinis remontas',
      message: { body: 'Sveiki, sugedo skalbimo mašina.' },
    });
    const duplicate = await createConversationViaApi(server, agent, {
      customer: { phone: '+370 612 34567', name: 'Laima J.' },
      subject: 'Skambutis dėl remonto',
      message: { body: 'Skambinau dėl remonto.' },
    });

    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('textbox', { name: 'Search customers' }).fill('Laima Jonaitienė');
    await page.getByTestId('customer-list').getByText('Laima Jonaitienė').click();
    await page.getByTestId('customer-name').getByText('Laima Jonaitienė').waitFor();

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Notes' }).fill('Calls in the morning only.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Calls in the morning only.').waitFor();

    await page.getByRole('button', { name: 'Merge a duplicate…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Search customers' }).fill('Laima J.');
    await dialog.getByText('Laima J. —', { exact: false }).click();
    await dialog.getByRole('button', { name: 'Merge into this customer' }).click();
    await page.getByTestId('customer-history').getByText('Skambutis dėl remonto').waitFor();

    const customer = (await api().get(`/api/v1/customers/${original.customer.id}`)).json() as Customer;
    expect(customer.notes).toBe('Calls in the morning only.');
    expect(customer.identities.map((identity) => identity.kind).sort()).toEqual(['email', 'phone']);
    const moved = (await api().get(`/api/v1/conversations/${duplicate.id}`)).json() as ConversationDetail;
    expect(moved.customer.id).toBe(original.customer.id);
  });

  it('merges one conversation into another of the same customer from the conversation page', async () => {
    const first = await createConversationViaApi(server, agent, {
      customer: { email: 'double.writer@example.com', name: 'Double Writer' },
      subject: 'Order 77 missing',
      message: { body: 'My order 77 did not arrive.' },
    });
    const second = await createConversationViaApi(server, agent, {
      customer: { email: 'double.writer@example.com' },
      subject: 'Re: Order 77 missing',
      message: { body: 'Any news about order 77?' },
    });
    await page.goto(`/conversations/${second.id}`);
    await page.getByRole('button', { name: 'Merge into another conversation…' }).click();
    await page.getByRole('dialog').getByText(`#${first.reference} Order 77 missing`).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Merge' }).click();
    await page.waitForURL(`**/conversations/${first.id}`);
    await page.getByTestId('timeline-message').filter({ hasText: 'Any news about order 77?' }).waitFor();
    const source = (await api().get(`/api/v1/conversations/${second.id}`)).json() as ConversationDetail;
    expect(source.status).toBe('merged');
  });

  it('saves the current filters as a custom inbox view', async () => {
    await createConversationViaApi(server, agent, {
      customer: { email: 'urgent.person@example.com', name: 'Urgent Person' },
      subject: 'Server down',
      message: { body: 'Nothing works!' },
      priority: 'urgent',
    });
    await page.goto('/inbox/all-open?priority=urgent');
    await page.getByTestId('conversation-row').filter({ hasText: 'Server down' }).waitFor();
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('textbox', { name: 'Save as view' }).fill('Urgent only');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('inbox-title').getByText('Urgent only').waitFor();
    await page.getByRole('link', { name: 'Urgent only' }).waitFor();
    const rows = await page.getByTestId('conversation-row').allTextContents();
    expect(rows.every((row) => row.includes('Urgent'))).toBe(true);
  });
});
