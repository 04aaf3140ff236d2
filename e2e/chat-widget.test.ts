import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import {
  buildWidgetForTests,
  type CustomerSite,
  findAccessibilityViolations,
  startCustomerSite,
} from './chat-support.ts';
import { launchBrowser, openSignedIn } from './support/browser.ts';
import { createTestAgent, type RunningServer, startServer, type TestAgent } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let site: CustomerSite;
let agent: TestAgent;

beforeAll(async () => {
  await buildWidgetForTests();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  site = await startCustomerSite(server.baseUrl);
  agent = await createTestAgent(server, { name: 'Rasa Petrauskienė' });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

async function setAvailability(who: TestAgent, status: 'online' | 'offline') {
  const response = await server.testApp.app.inject({
    method: 'PUT',
    url: '/api/v1/me/availability',
    headers: { authorization: `Bearer ${who.token}` },
    payload: { status },
  });
  expect(response.statusCode).toBe(200);
}

async function customerPage(locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.url);
  await page.locator('#frontline-chat button.launcher').waitFor();
  return page;
}

const widget = (page: Page) => page.locator('#frontline-chat');
const log = (page: Page) => widget(page).locator('ol.log');

/** Opens the widget and starts a chat through the pre-chat form; answers the conversation id. */
async function startChat(page: Page, name: string, first: string) {
  await widget(page).getByRole('button', { name: 'Chat with us' }).click();
  const dialog = widget(page).getByRole('dialog');
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByLabel('Your message').fill(first);
  await dialog.getByRole('button', { name: 'Start chat' }).click();
  await log(page).getByText(first).waitFor();
  await log(page).locator('li.pending').waitFor({ state: 'detached' });
  const list = await requestAs(server.testApp, agent).get('/api/v1/conversations', {
    query: { channel: 'chat', text: first },
  });
  return list.json().items[0].id as string;
}

async function agentMessages(conversationId: string) {
  const detail = (
    await requestAs(server.testApp, agent).get(`/api/v1/conversations/${conversationId}`)
  ).json();
  return (detail.messages as { body: string; authorType: string }[]).map((message) => message.body);
}

describe('the chat widget on a customer’s site', () => {
  it('a visitor and an agent in the workspace chat both ways; the visitor sees the wait, then the agent', async () => {
    await setAvailability(agent, 'online');
    const page = await customerPage();
    await widget(page).getByRole('button', { name: 'Chat with us' }).click();
    await widget(page)
      .getByText(/^Expected wait: /)
      .waitFor();
    await widget(page).getByRole('button', { name: 'Close', exact: true }).click();

    const conversationId = await startChat(page, 'Jonas Jonaitis', 'Hello, where is my parcel 5512?');
    await widget(page)
      .getByRole('status')
      .getByText(/You are number 1 in line/)
      .waitFor();

    const workspace = await openSignedIn(browser, server.baseUrl, agent);
    await workspace.goto(`/conversations/${conversationId}`);
    await workspace
      .getByTestId('timeline-message')
      .filter({ hasText: 'Hello, where is my parcel 5512?' })
      .waitFor();
    const panel = workspace.getByTestId('chat-panel');
    await panel.getByText('On the site now').waitFor();
    await expect(panel.getByRole('link', { name: 'Demo shop' }).getAttribute('href')).resolves.toBe(
      `${site.url}/`,
    );
    await panel.getByRole('button', { name: 'Take this chat' }).click();
    await widget(page).getByRole('heading', { name: 'Rasa Petrauskienė' }).waitFor();
    await widget(page).getByRole('status').getByText('Rasa Petrauskienė joined the chat.').waitFor();

    // Typing shows on both sides.
    await widget(page).getByRole('textbox', { name: 'Type your message' }).fill('And one more');
    await panel.getByText('The visitor is typing…').waitFor();
    await widget(page).getByRole('textbox', { name: 'Type your message' }).fill('');
    await workspace
      .getByRole('textbox', { name: 'Reply' })
      .fill('It left our warehouse today, see https://track.example/5512');
    await widget(page).getByText('Rasa Petrauskienė is typing…').waitFor();
    await workspace.getByRole('button', { name: 'Send', exact: true }).click();

    const reply = log(page).locator('li.agent').filter({ hasText: 'It left our warehouse today' });
    await reply.waitFor();
    await expect(
      reply.getByRole('link', { name: 'https://track.example/5512' }).getAttribute('rel'),
    ).resolves.toContain('noopener');

    await widget(page).getByRole('textbox', { name: 'Type your message' }).fill('Thank you!');
    await widget(page).getByRole('textbox', { name: 'Type your message' }).press('Enter');
    await workspace.getByTestId('timeline-message').filter({ hasText: 'Thank you!' }).waitFor();
    // The agent's page sees the visitor's words live, without a reload.
    expect(await agentMessages(conversationId)).toEqual([
      'Hello, where is my parcel 5512?',
      'It left our warehouse today, see https://track.example/5512',
      'Thank you!',
    ]);
    await workspace.context().close();
    await page.context().close();
  });

  it('a socket cut mid-conversation (an ack lost with it) loses and duplicates nothing', async () => {
    await setAvailability(agent, 'online');
    const page = await customerPage();
    let dropAcks = false;
    await page.routeWebSocket(/\/api\/v1\/public\/chat\/stream/, (socket) => {
      const upstream = socket.connectToServer();
      socket.onMessage((message) => upstream.send(message));
      upstream.onMessage((message) => {
        const event = JSON.parse(String(message)) as { type: string };
        if (dropAcks && event.type === 'ack') {
          // The server stored it and acknowledged; the visitor never hears so, and the line dies.
          socket.close({ code: 1006 });
          return;
        }
        socket.send(message);
      });
    });
    const conversationId = await startChat(page, 'Eva Nováková', 'First, before the cut');
    await requestAs(server.testApp, agent).post(`/api/v1/chats/${conversationId}/claim`);

    dropAcks = true;
    const composer = widget(page).getByRole('textbox', { name: 'Type your message' });
    await composer.fill('Sent as the line died');
    await composer.press('Enter');
    await widget(page).getByText('Connection lost. Reconnecting…').waitFor();
    dropAcks = false;
    await composer.fill('Written while offline');
    await composer.press('Enter');
    await requestAs(server.testApp, agent).post(`/api/v1/conversations/${conversationId}/messages`, {
      body: 'Agent reply during the outage',
    });

    await log(page).getByText('Written while offline').waitFor();
    await log(page).getByText('Agent reply during the outage').waitFor();
    await log(page).locator('li.pending').waitFor({ state: 'detached' });
    // Each message stored exactly once (in the order the server received them).
    await expect
      .poll(async () => (await agentMessages(conversationId)).sort())
      .toEqual([
        'Agent reply during the outage',
        'First, before the cut',
        'Sent as the line died',
        'Written while offline',
      ]);
    for (const text of [
      'First, before the cut',
      'Sent as the line died',
      'Written while offline',
      'Agent reply during the outage',
    ]) {
      await expect(log(page).locator('li').filter({ hasText: text }).count()).resolves.toBe(1);
    }

    // A reload keeps the conversation: the token and history come back.
    await page.reload();
    await widget(page).getByRole('button', { name: 'Chat with us' }).click();
    await log(page).getByText('Agent reply during the outage').waitFor();
    await expect(log(page).locator('li').count()).resolves.toBe(4);
    await page.context().close();
  });

  it('with nobody online the widget takes a request answered by email', async () => {
    await setAvailability(agent, 'offline');
    const page = await customerPage('lt-LT');
    await widget(page).getByRole('button', { name: 'Pokalbis su mumis' }).click();
    const dialog = widget(page).getByRole('dialog');
    await dialog.getByText('Šiuo metu niekas negali kalbėtis.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Siųsti žinutę' }).click();
    await dialog.getByText('Įveskite savo vardą.').waitFor();
    await dialog.getByLabel('Jūsų vardas').fill('Ona Petraitienė');
    await dialog.getByLabel('El. paštas').fill('ona.offline@example.lt');
    await dialog.getByLabel('Jūsų žinutė').fill('Ar galite pristatyti šeštadienį?');
    await dialog.getByRole('button', { name: 'Siųsti žinutę' }).click();
    const confirmation = dialog.getByRole('status').filter({ hasText: 'Ačiū!' });
    await confirmation.waitFor();
    const reference = /#(\d+)/.exec((await confirmation.textContent()) ?? '')?.[1];
    const list = await requestAs(server.testApp, agent).get('/api/v1/conversations', {
      query: { tag: 'offline-request' },
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        reference: Number(reference),
        customer: expect.objectContaining({ email: 'ona.offline@example.lt' }),
      }),
    ]);
    expect(await confirmation.textContent()).toMatch(
      // Nobody chats, but the agent is signed in to the workspace: the written backlog's ETA.
      /Atsakysime el\. paštu: maždaug per \d+ minu\S+, vėliausiai per \d+ minu\S+\./,
    );
    await page.context().close();
  });

  it('is usable by keyboard and axe finds no violations in its forms and its conversation', async () => {
    await setAvailability(agent, 'online');
    const page = await customerPage();
    const launcher = widget(page).getByRole('button', { name: 'Chat with us' });
    await launcher.focus();
    await page.keyboard.press('Enter');
    await widget(page).getByLabel('Your name').waitFor();
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await widget(page).getByRole('dialog').waitFor({ state: 'hidden' });

    await startChat(page, 'Anna Kovács', 'Can I pay by bank transfer?');
    expect(await findAccessibilityViolations(page)).toEqual([]);

    await setAvailability(agent, 'offline');
    const offline = await customerPage();
    await widget(offline).getByRole('button', { name: 'Chat with us' }).click();
    await widget(offline).getByLabel('Email').waitFor();
    expect(await findAccessibilityViolations(offline)).toEqual([]);
    await page.context().close();
    await offline.context().close();
  });
});
