import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
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
let first: TestAgent;
let second: TestAgent;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  first = await createTestAgent(server, { name: 'Ona First', role: 'supervisor' });
  second = await createTestAgent(server, { name: 'Lukas Second', role: 'supervisor' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('collision awareness', () => {
  it('shows a second agent, in another browser, that the first one is viewing and then typing', async () => {
    const conversation = await createConversationViaApi(server, first, {
      customer: { email: 'busy.customer@example.com', name: 'Busy Customer' },
      subject: 'Two agents, one customer',
      message: { body: 'Can someone help me?' },
    });
    const [firstContext, secondContext] = await Promise.all([
      newAgentContext(browser, server.baseUrl),
      newAgentContext(browser, server.baseUrl),
    ]);
    const firstPage = await firstContext.newPage();
    const secondPage = await secondContext.newPage();
    await logInThroughUi(firstPage, first.email, first.password);
    await logInThroughUi(secondPage, second.email, second.password);

    await secondPage.goto(`/conversations/${conversation.id}`);
    await secondPage.getByTestId('conversation-subject').waitFor();
    await firstPage.goto(`/conversations/${conversation.id}`);
    await firstPage.getByTestId('conversation-subject').waitFor();

    const presence = secondPage.getByTestId('presence-text');
    await presence.getByText('Also here: Ona First').waitFor({ timeout: 10_000 });

    await firstPage.getByRole('textbox', { name: 'Reply' }).pressSequentially('Hello, I am on it');
    await presence.getByText('Ona First typing…').waitFor({ timeout: 10_000 });

    // Leaving the conversation removes the first agent from the second one's view.
    await firstPage.getByRole('link', { name: 'All open' }).click();
    await presence.waitFor({ state: 'detached', timeout: 10_000 });
    await Promise.all([firstContext.close(), secondContext.close()]);
  });

  it('warns before sending when someone else replied after the agent opened the conversation', async () => {
    const conversation = await createConversationViaApi(server, first, {
      customer: { email: 'twice.answered@example.com', name: 'Twice Answered' },
      subject: 'Collision on send',
      message: { body: 'Is my order shipped?' },
    });
    const context = await newAgentContext(browser, server.baseUrl);
    const page = await context.newPage();
    await logInThroughUi(page, second.email, second.password);
    await page.goto(`/conversations/${conversation.id}`);
    await page.getByRole('textbox', { name: 'Reply' }).fill('Yes, it left yesterday.');

    const { requestAs } = await import('../apps/server/test/support/app.ts');
    await requestAs(server.testApp, first).post(`/api/v1/conversations/${conversation.id}/messages`, {
      body: 'It shipped this morning.',
      visibility: 'public',
    });
    await page.getByTestId('timeline-message').filter({ hasText: 'It shipped this morning.' }).waitFor();

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page
      .getByText('Ona First replied to the customer after you opened this conversation.', { exact: false })
      .waitFor();
    await page.getByRole('button', { name: 'Send anyway' }).click();
    await page.getByTestId('timeline-message').filter({ hasText: 'Yes, it left yesterday.' }).waitFor();
    await context.close();
  });
});
