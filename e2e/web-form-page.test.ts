import { businessCalendarBody, createSlaPolicyBody } from '@frontline/contracts';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusinessCalendar, createSlaPolicy } from '../apps/server/src/modules/sla/index.ts';
import { requestAs } from '../apps/server/test/support/app.ts';
import {
  buildWidgetForTests,
  type CustomerSite,
  findAccessibilityViolations,
  startCustomerSite,
} from './chat-support.ts';
import { launchBrowser } from './support/browser.ts';
import { createTestAgent, type RunningServer, startServer, type TestAgent } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let site: CustomerSite;
let agent: TestAgent;

beforeAll(async () => {
  await buildWidgetForTests();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  site = await startCustomerSite(server.baseUrl, {
    body: '<section aria-label="Contact"><div data-frontline-form></div></section>',
  });
  agent = await createTestAgent(server, { name: 'Form Reader' });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

async function open(url: string, locale: string, timezoneId?: string): Promise<Page> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1280, height: 900 },
    ...(timezoneId ? { timezoneId } : {}),
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const form = (page: Page) => page.locator('[data-frontline-form]');

async function queuedEmailsTo(address: string) {
  const { rows } = await sql<{ payload: { to: string; subject: string } }>`
    select j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'send_customer_email'`.execute(server.testApp.database.db);
  return rows.map((row) => row.payload).filter((payload) => payload.to === address);
}

describe('the hosted web form', () => {
  it('shows each mistake at its field in the visitor’s language and moves focus to the first', async () => {
    const page = await open(`${server.baseUrl}/contact/form`, 'pl-PL');
    await page.getByRole('heading', { name: 'Skontaktuj się z nami' }).waitFor();
    await form(page).getByLabel('E-mail').fill('jan@');
    await form(page).getByRole('button', { name: 'Wyślij' }).click();
    await form(page).getByRole('alert').getByText('Popraw zaznaczone pola.').waitFor();
    await form(page).getByText('Podaj swoje imię i nazwisko.').waitFor();
    await form(page).getByText('To nie wygląda na adres e-mail, np. imie@przyklad.pl.').waitFor();
    await form(page).getByText('Napisz co najmniej 10 znaków.').waitFor();
    const name = form(page).getByLabel('Imię i nazwisko');
    await expect(
      name.evaluate(
        (element) =>
          element === (element.getRootNode() as unknown as { activeElement: unknown }).activeElement,
      ),
    ).resolves.toBe(true);
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('sends a request with a file; the confirmation shows the reference and when to expect the answer', async () => {
    const page = await open(`${server.baseUrl}/contact/form?lang=hu`, 'en-GB');
    await form(page).getByLabel('Az Ön neve').fill('Kovács Anna');
    await form(page).getByLabel('E-mail').fill('anna.form@example.hu');
    await form(page).getByLabel('Téma').selectOption('billing');
    await form(page).getByLabel('Az Ön üzenete').fill('Kétszer vonták le a rendelés összegét a kártyámról.');
    await form(page)
      .getByLabel(/Mellékletek/)
      .setInputFiles({
        name: 'kivonat.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('2026-11-20  -24 990 Ft\n2026-11-20  -24 990 Ft\n'),
      });
    await form(page).getByText('kivonat.txt').waitFor();
    await form(page).getByRole('button', { name: 'Küldés' }).click();
    const confirmation = form(page).getByRole('status');
    await confirmation.getByText(/^Köszönjük! Az ügy azonosítója: #\d+\./).waitFor();
    const text = (await confirmation.textContent()) ?? '';
    // The agent signed in above answers: the ETA engine's figure, in Hungarian.
    expect(text).toMatch(/körülbelül \d+ perc múlva, legkésőbb \d+ perc múlva/);
    const reference = Number(/#(\d+)/.exec(text)?.[1]);

    const list = (
      await requestAs(server.testApp, agent).get('/api/v1/conversations', { query: { channel: 'web_form' } })
    ).json();
    const conversation = list.items.find((item: { reference: number }) => item.reference === reference);
    expect(conversation).toMatchObject({
      language: 'hu',
      tags: ['web-form:billing'],
      customer: { email: 'anna.form@example.hu' },
    });
    const detail = (
      await requestAs(server.testApp, agent).get(`/api/v1/conversations/${conversation.id}`)
    ).json();
    expect(detail.messages[0].body).toContain('[kivonat.txt]');
    expect(await queuedEmailsTo('anna.form@example.hu')).toEqual([
      expect.objectContaining({ subject: `Megkaptuk a kérését [#${reference}]` }),
    ]);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('when to expect the answer, outside business hours', () => {
  it('names the next opening as a day and a time on the visitor’s own clock', async () => {
    // The team works 09:00–17:00 in Vilnius on one day only, two days from today.
    const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
    const openDay = weekdays[(new Date().getUTCDay() + 2) % 7]!;
    const calendar = await createBusinessCalendar(
      server.testApp.deps,
      businessCalendarBody.parse({
        name: 'Vilnius, one day a week',
        timeZone: 'Europe/Vilnius',
        weeklyHours: { [openDay]: [{ from: '09:00', to: '17:00' }] },
      }),
    );
    const policy = await createSlaPolicy(
      server.testApp.deps,
      createSlaPolicyBody.parse({
        name: 'Web form in office hours',
        conditions: { channels: ['web_form'] },
        firstResponseMinutes: 480,
        calendarId: calendar.id,
      }),
    );
    try {
      // A visitor in London: Vilnius opens at 9:00, which is 7:00 for them.
      const page = await open(`${server.baseUrl}/contact/form?lang=en`, 'en-GB', 'Europe/London');
      await form(page).getByLabel('Your name').fill('Emma Clark');
      await form(page).getByLabel('Email').fill('emma.form@example.co.uk');
      await form(page).getByLabel('Topic').selectOption('order');
      await form(page).getByLabel('Your message').fill('My parcel has not arrived yet, could you check?');
      await form(page).getByRole('button', { name: 'Send' }).click();
      const confirmation = form(page).getByRole('status');
      await confirmation.getByText(/^Thank you!/).waitFor();
      expect(await confirmation.textContent()).toMatch(
        /on \w+day morning after 7:00, at the latest by \d+:\d\d/,
      );
      await page.context().close();
    } finally {
      await server.testApp.deps.db.deleteFrom('sla_policies').where('id', '=', policy.id).execute();
    }
  });
});

describe('the form embedded on a customer’s site', () => {
  it('works across origins in the browser’s language, beside the chat launcher', async () => {
    const page = await open(site.url, 'sk-SK');
    await form(page).getByLabel('Vaše meno').fill('Ján Novák');
    await form(page).getByLabel('E-mail').fill('jan.embed@example.sk');
    await form(page).getByLabel('Téma').selectOption('order');
    await form(page).getByLabel('Vaša správa').fill('Objednávka 7781 ešte neprišla, prosím o kontrolu.');
    await form(page).getByRole('button', { name: 'Odoslať' }).click();
    await form(page)
      .getByRole('status')
      .getByText(/^Ďakujeme! Číslo vašej požiadavky je #\d+\./)
      .waitFor();
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
