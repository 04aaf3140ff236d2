import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocationWith } from '../apps/server/src/modules/walk-in/walk-in.test-helpers.ts';
import { requestAs, signInAgent } from '../apps/server/test/support/app.ts';
import { launchBrowser, logInThroughUi, newAgentContext } from './support/browser.ts';
import { createTestAgent, type RunningServer, type TestAgent } from './support/server.ts';
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
let clerk: TestAgent;
let location: Awaited<ReturnType<typeof createLocationWith>>;
let ona: { id: string };
let kiosk: Page;
let console_: Page;

beforeAll(async () => {
  await buildPublicPages();
  [server, browser] = await Promise.all([startWalkInServer(), launchBrowser()]);
  clerk = await createTestAgent(server as RunningServer, { name: 'Rasa Clerk' });
  const admin = await signInAgent(server.testApp, 'admin');
  location = await createLocationWith(server.testApp, admin, {
    name: 'Vilnius Old Town office',
    services: [{ prefix: 'A', name: 'Passports', agentIds: [clerk.id] }],
    desks: ['Desk 1'],
  });
  // A customer known from an earlier email, who now comes in person.
  const created = await requestAs(server.testApp, admin).post('/api/v1/customers', {
    name: 'Ona Petraitienė',
    email: 'ona.petraitiene@example.lt',
  });
  ona = created.json();
  const earlier = await requestAs(server.testApp, admin).post('/api/v1/conversations', {
    customer: { id: ona.id },
    subject: 'Lost passport',
    message: { body: 'I lost my passport on holiday. What do I do?' },
  });
  expect(earlier.statusCode, earlier.body).toBe(201);
  kiosk = await (
    await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1080, height: 1600 } })
  ).newPage();
  console_ = await (await newAgentContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const customerOf = async (id: string) =>
  (await requestAs(server.testApp, clerk).get(`/api/v1/customers/${id}`)).json() as {
    identities: Array<{ kind: string; value: string }>;
  };

describe('the kiosk’s "tell me when it is my turn" step', () => {
  it('takes a phone, and the ticket says the visitor will be texted', async () => {
    await kiosk.goto(`/kiosk/${location.locationId}`);
    await kiosk.getByRole('button', { name: /^Passports/ }).click();
    await kiosk.getByRole('heading', { name: 'Get a text or an email when it is your turn' }).waitFor();
    await kiosk.getByLabel(/Mobile number/).fill('+370 612 34588');
    await kiosk.screenshot({ path: path.join(screenshotDir, 'walk-in-kiosk-contact.png') });
    await kiosk.getByRole('button', { name: 'Get my ticket' }).click();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('A-001');
    expect(await kiosk.getByTestId('ticket-notify').textContent()).toBe(
      'We will text you when your turn is near and when you are called.',
    );
    await kiosk.screenshot({ path: path.join(screenshotDir, 'walk-in-kiosk-notify.png') });
    await kiosk.getByRole('button', { name: 'Done' }).click();

    // In Polish, an email with a typo is explained in Polish and nothing is taken until it is right.
    await kiosk.getByRole('button', { name: 'Polski' }).click();
    await kiosk.getByRole('button', { name: /^Passports/ }).click();
    await kiosk.getByLabel('Adres e-mail').fill('marek.novak@example');
    await kiosk.getByRole('button', { name: 'Pobierz bilet' }).click();
    await kiosk
      .getByRole('alert')
      .getByText('To nie wygląda na adres e-mail, np. imie@przyklad.pl.')
      .waitFor();
    expect(await findAccessibilityViolations(kiosk)).toEqual([]);
    await kiosk.getByRole('button', { name: 'Pomiń, bez wiadomości' }).click();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('A-002');
    expect(await kiosk.getByTestId('ticket-notify').count()).toBe(0);
  });
});

describe('the visit’s customer at the desk console', () => {
  it('finds an existing customer, attaches them, and shows their history; the kiosk phone becomes theirs', async () => {
    await logInThroughUi(console_, clerk.email, clerk.password);
    await console_.getByRole('link', { name: 'Walk-in desk' }).click();
    await console_.getByRole('button', { name: 'Sign in at this desk' }).click();
    await console_.getByTestId('call-next').click();
    await console_.getByTestId('current-ticket').filter({ hasText: 'A-001' }).waitFor();

    const panel = console_.getByTestId('visit-customer');
    await panel.getByRole('button', { name: 'Change customer' }).click();
    await panel.getByRole('textbox', { name: 'Find a customer' }).fill('Petrait');
    await panel.getByRole('button', { name: 'This is the customer: Ona Petraitienė' }).click();
    await panel.getByTestId('visit-customer-name').filter({ hasText: 'Ona Petraitienė' }).waitFor();
    const history = panel.getByTestId('customer-history');
    await history.getByText(/Lost passport/).waitFor();
    await history.getByText(/A-001 · Passports/).waitFor();
    await console_.screenshot({ path: path.join(screenshotDir, 'walk-in-desk-customer.png') });

    expect((await customerOf(ona.id)).identities.map((identity) => identity.value).sort()).toEqual([
      '+37061234588',
      'ona.petraitiene@example.lt',
    ]);
  });

  it('opens a follow-up conversation from the visit and lands in it', async () => {
    const visit = (await requestAs(server.testApp, clerk).get('/api/v1/walk-in/my-desk')).json().desk.current;
    await console_.getByRole('button', { name: 'Open follow-up conversation' }).click();
    const dialog = console_.getByRole('dialog', { name: 'Follow-up conversation' });
    await dialog.getByRole('textbox', { name: 'Subject' }).fill('Temporary travel document');
    await dialog
      .getByRole('textbox', { name: 'First internal note' })
      .fill('Call her when the document is ready.');
    await dialog.getByRole('button', { name: 'Open follow-up' }).click();
    await console_.waitForURL(/\/conversations\/[0-9a-f-]{36}$/);
    await console_.getByTestId('timeline-note').getByText('Call her when the document is ready.').waitFor();

    const followUpId = console_.url().split('/').at(-1)!;
    const followUp = (
      await requestAs(server.testApp, clerk).get(`/api/v1/conversations/${followUpId}`)
    ).json();
    expect(followUp).toMatchObject({
      subject: 'Temporary travel document',
      followUpOfId: visit.conversationId,
      customer: { id: ona.id },
      assigneeId: clerk.id,
    });

    // The visit's own conversation tells both steps in its timeline.
    await console_.goto(`/conversations/${visit.conversationId}`);
    await console_.getByText('Rasa Clerk said who the visitor is: this customer', { exact: false }).waitFor();
    await console_.getByText('Rasa Clerk opened a follow-up conversation', { exact: false }).waitFor();
  });

  it('creates a new customer inline for the next visitor', async () => {
    await console_.getByRole('link', { name: 'Walk-in desk' }).click();
    await console_.getByRole('button', { name: 'Finish' }).click();
    await console_.getByTestId('call-next').click();
    await console_.getByTestId('current-ticket').filter({ hasText: 'A-002' }).waitFor();

    const panel = console_.getByTestId('visit-customer');
    await panel.getByRole('button', { name: 'Change customer' }).click();
    await panel.getByRole('textbox', { name: 'Find a customer' }).fill('Marek Novák');
    await panel.getByText('No customer matches. Create one below.').waitFor();
    await panel.getByRole('button', { name: 'New customer' }).click();
    expect(await panel.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Marek Novák');
    await panel.getByRole('textbox', { name: 'Email' }).fill('marek.novak@example.sk');
    await panel.getByRole('button', { name: 'Create and attach' }).click();
    await panel.getByTestId('visit-customer-name').filter({ hasText: 'Marek Novák' }).waitFor();
    await panel
      .getByTestId('customer-history')
      .getByText(/A-002 · Passports/)
      .waitFor();

    const found = (
      await requestAs(server.testApp, clerk).get('/api/v1/customers', {
        query: { email: 'marek.novak@example.sk' },
      })
    ).json().items;
    expect(found.map((customer: { name: string }) => customer.name)).toEqual(['Marek Novák']);
  });
});
