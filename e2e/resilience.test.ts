import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
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
let agent: TestAgent;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  agent = await createTestAgent(server, { name: 'Steady Agent', role: 'supervisor' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openConversation(subject: string): Promise<{ page: Page; conversationId: string }> {
  const conversation = await createConversationViaApi(server, agent, {
    customer: { email: `${subject.toLowerCase().replaceAll(' ', '.')}@example.com`, name: subject },
    subject,
    message: { body: 'Please help.' },
  });
  const page = await openSignedIn(browser, server.baseUrl, agent);
  await page.goto(`/conversations/${conversation.id}`);
  await page.getByTestId('conversation-subject').waitFor();
  return { page, conversationId: conversation.id };
}

async function messageBodies(conversationId: string) {
  const response = await requestAs(server.testApp, agent).get(`/api/v1/conversations/${conversationId}`);
  return (response.json() as { messages: { body: string }[] }).messages.map((message) => message.body);
}

/** Drops every open stream socket on the server side, as a restarting proxy would. */
function dropStreamSockets() {
  const { websocketServer } = server.testApp.app as unknown as {
    websocketServer: { clients: Set<{ terminate: () => void }> };
  };
  for (const client of websocketServer.clients) client.terminate();
}

describe('a network blip', () => {
  it('shows the lost connection, keeps the reply the agent sent meanwhile, and recovers without a reload', async () => {
    const { page, conversationId } = await openConversation('Offline Olga');
    await page.context().setOffline(true);
    dropStreamSockets();
    await page.getByTestId('connection-lost').waitFor({ timeout: 10_000 });

    await page.getByRole('textbox', { name: 'Reply' }).fill('Sent while the network was down');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.waitForTimeout(1500);
    expect(await messageBodies(conversationId)).not.toContain('Sent while the network was down');

    await page.context().setOffline(false);
    await page.getByText('Connection restored.').waitFor({ timeout: 15_000 });
    await page
      .getByTestId('timeline-message')
      .filter({ hasText: 'Sent while the network was down' })
      .waitFor();
    const bodies = await messageBodies(conversationId);
    expect(bodies.filter((body) => body === 'Sent while the network was down')).toHaveLength(1);
    await page.context().close();
  });

  it('posts a reply once when the answer to the first attempt is lost and the client retries', async () => {
    const { page, conversationId } = await openConversation('Lossy Link');
    let attempts = 0;
    const keys = new Set<string>();
    await page.route('**/api/v1/conversations/*/messages', async (route) => {
      attempts += 1;
      keys.add(route.request().headers()['idempotency-key'] ?? '');
      if (attempts === 1) {
        // The server gets and applies the request; only its answer never reaches the browser.
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await page.getByRole('textbox', { name: 'Reply' }).fill('Exactly once, please');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('timeline-message').filter({ hasText: 'Exactly once, please' }).waitFor();
    // The composer empties only when the client has its answer, i.e. after the retry.
    await page.getByText('Ctrl+Enter sends').waitFor();

    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(keys.size).toBe(1);
    const bodies = await messageBodies(conversationId);
    expect(bodies.filter((body) => body === 'Exactly once, please')).toHaveLength(1);
    await page.context().close();
  });
});
