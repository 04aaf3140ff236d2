import type { ConversationDetail, SavedView } from '@frontline/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import { openSignedIn } from './support/browser.ts';
import { createConversationViaApi, createTestAgent, readConversation as readAs } from './support/server.ts';
import { liveUpdate, startSuite } from './support/suite.ts';

const suite = startSuite({ name: 'Ines Inbox', role: 'admin' });

const api = () => requestAs(suite.server.testApp, suite.agent);

function newConversation(
  customer: { email: string; name?: string },
  subject: string,
  extra: { assigneeId?: string; tags?: string[] } = {},
) {
  return createConversationViaApi(suite.server, suite.agent, {
    customer,
    subject,
    message: { body: `About ${subject}.` },
    ...extra,
  });
}

const readConversation = (id: string) => readAs(suite.server, suite.agent, id);

/** The subjects of the inbox rows, top to bottom. */
const rowSubjects = async (page: Page) =>
  (await page.getByTestId('conversation-row').allTextContents()).map(
    (text) => /(?:Page|Bulk|Greta) [\w ]+?(?= —)/.exec(text)?.[0] ?? text,
  );

/** Selects every row on screen and waits for the bulk bar to count them. */
async function selectAll(page: Page, count: number) {
  await expect.poll(() => page.getByTestId('conversation-row').count(), liveUpdate).toBe(count);
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await page.getByTestId('bulk-actions').getByText(`${count} selected`).waitFor();
}

describe('the inbox', () => {
  it('counts its views live: a new conversation raises "Unassigned" and "All open" without a reload', async () => {
    const page = await openSignedIn(suite.browser, suite.server.baseUrl, suite.agent);
    const count = async (view: string) => Number(await page.getByTestId(`count-${view}`).textContent());
    await page.getByTestId('count-unassigned').waitFor();
    const [unassigned, allOpen] = [await count('unassigned'), await count('all-open')];

    await newConversation({ email: 'counted@example.com' }, 'Counted live');
    await expect.poll(() => count('unassigned'), liveUpdate).toBe(unassigned + 1);
    await expect.poll(() => count('all-open'), liveUpdate).toBe(allOpen + 1);
    await page.context().close();
  });

  it('shows in a row who wrote, about what, on which channel, how urgent, in which language, whose it is and how long the customer has waited', async () => {
    const assignee = await createTestAgent(suite.server, { name: 'Adam Assignee' });
    const conversation = await createConversationViaApi(suite.server, suite.agent, {
      customer: { email: 'row.reader@example.pl', name: 'Róża Czytelniczka' },
      subject: 'Faktura korygująca',
      message: { body: 'Proszę o fakturę korygującą.' },
      channel: 'email',
      priority: 'high',
      language: 'pl',
      assigneeId: assignee.id,
    });
    const page = await openSignedIn(suite.browser, suite.server.baseUrl, suite.agent);
    await page.goto(`/inbox/all-open?customer=${conversation.customer.id}`);
    const row = page.getByTestId('conversation-row');
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).map((text) => text.trim());
    expect(cells[2]).toBe(
      `Róża Czytelniczka#${conversation.reference}NewFaktura korygująca — Proszę o fakturę korygującą.`,
    );
    expect(cells.slice(3, 6)).toEqual(['High', 'pl', 'Adam Assignee']);
    expect(cells[6]).toMatch(/^\d+\s?m(in)?$/);
    expect(cells[7]).toMatch(/min|now|second/);
    await expect(row.getByRole('img', { name: 'Email' }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('pages through a long view with "Load more" and sorts it oldest first', async () => {
    const agent = await createTestAgent(suite.server, { name: 'Paula Pages', role: 'supervisor' });
    for (let index = 1; index <= 30; index += 1) {
      await newConversation({ email: `page${index}@example.com` }, `Page ${index}`, { assigneeId: agent.id });
    }
    const page = await openSignedIn(suite.browser, suite.server.baseUrl, agent);
    const rows = page.getByTestId('conversation-row');
    await expect.poll(() => rows.count(), liveUpdate).toBe(25);
    expect((await rowSubjects(page))[0]).toBe('Page 30');

    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count(), liveUpdate).toBe(30);
    await page.getByText('That is all.').waitFor();
    expect((await rowSubjects(page)).at(-1)).toBe('Page 1');

    await page.getByRole('combobox', { name: 'Sort' }).click();
    await page.getByRole('option', { name: 'Oldest first' }).click();
    await expect.poll(async () => (await rowSubjects(page))[0], liveUpdate).toBe('Page 1');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('created_asc');
    await page.context().close();
  });

  it('filters by a customer found in the directory and by topic; a view saved from there keeps both and its order', async () => {
    const topic = await api().post('/api/v1/topics', { key: 'returns', names: { en: 'Returns' } });
    expect(topic.statusCode, topic.body).toBe(201);
    const greta = { email: 'greta.filter@example.com', name: 'Greta Filter' };
    const first = await newConversation(greta, 'Greta kettle');
    const second = await newConversation(greta, 'Greta return label');
    const stranger = await newConversation({ email: 'someone.else@example.com' }, 'Stranger return');
    for (const conversation of [second, stranger]) {
      await api().patch(`/api/v1/conversations/${conversation.id}`, { topicId: topic.json().id });
    }

    const page = await openSignedIn(suite.browser, suite.server.baseUrl, suite.agent);
    await page.goto('/inbox/all-open');
    await page.getByRole('combobox', { name: 'Sort' }).click();
    await page.getByRole('option', { name: 'SLA due soonest' }).click();
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('combobox', { name: 'Customer' }).fill('Greta');
    await page.getByRole('option', { name: 'Greta Filter · greta.filter@example.com' }).click();
    await expect
      .poll(async () => (await rowSubjects(page)).sort(), liveUpdate)
      .toEqual(['Greta kettle', 'Greta return label']);
    expect(new URL(page.url()).searchParams.get('customer')).toBe(first.customer.id);

    await page.getByRole('combobox', { name: 'Topic' }).click();
    await page.getByRole('option', { name: 'Returns' }).click();
    await expect.poll(() => rowSubjects(page), liveUpdate).toEqual(['Greta return label']);

    await page.getByRole('textbox', { name: 'Save as view' }).fill('Greta’s returns');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('inbox-title').filter({ hasText: 'Greta’s returns' }).waitFor();
    await expect.poll(() => rowSubjects(page), liveUpdate).toEqual(['Greta return label']);
    const views = (await api().get('/api/v1/saved-views')).json().items as SavedView[];
    expect(views.find((view) => view.name === 'Greta’s returns')?.filters).toEqual({
      status: 'new,open',
      customer: first.customer.id,
      topic: 'returns',
      sort: 'sla_due_asc',
    });
    await page.context().close();
  });

  it('changes priority, status and tags of several conversations at once, then merges them', async () => {
    const bulk = { email: 'bulk.buyer@example.com', name: 'Bulk Buyer' };
    const bulkFirst = await newConversation(bulk, 'Bulk first', { tags: ['old'] });
    const bulkSecond = await newConversation(bulk, 'Bulk second', { tags: ['old'] });
    const bulkThird = await newConversation(bulk, 'Bulk third');
    const ids = [bulkFirst.id, bulkSecond.id, bulkThird.id];
    const allOf = async (check: (conversation: ConversationDetail) => boolean) =>
      (await Promise.all(ids.map(readConversation))).every(check);
    const page = await openSignedIn(suite.browser, suite.server.baseUrl, suite.agent);
    // Pending ones stay listed, so the whole run happens in one view.
    await page.goto(`/inbox/all-open?customer=${bulkFirst.customer.id}&status=new,open,pending`);
    const bulkBar = page.getByTestId('bulk-actions');
    // A customer filter that came with the address shows who it is.
    await page.getByRole('button', { name: 'Filters' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Customer' }).inputValue(), liveUpdate)
      .toBe('Bulk Buyer · bulk.buyer@example.com');
    await page.keyboard.press('Escape');

    await selectAll(page, 3);
    await bulkBar.getByRole('combobox', { name: 'Set priority…' }).click();
    await page.getByRole('option', { name: 'High' }).click();
    await expect.poll(() => allOf((conversation) => conversation.priority === 'high'), liveUpdate).toBe(true);

    await selectAll(page, 3);
    await bulkBar.getByRole('textbox', { name: 'Tag', exact: true }).fill('Vip');
    await bulkBar.getByRole('button', { name: 'Add tag' }).click();
    await expect
      .poll(() => allOf((conversation) => conversation.tags.includes('vip')), liveUpdate)
      .toBe(true);

    await selectAll(page, 3);
    await bulkBar.getByRole('combobox', { name: 'Remove tag…' }).click();
    await page.getByRole('option', { name: 'old', exact: true }).click();
    await page.getByText('Done: 2 updated.').waitFor();
    await expect
      .poll(() => allOf((conversation) => !conversation.tags.includes('old')), liveUpdate)
      .toBe(true);
    expect((await readConversation(bulkFirst.id)).tags).toEqual(['vip']);

    await selectAll(page, 3);
    await bulkBar.getByRole('combobox', { name: 'Set status…' }).click();
    await page.getByRole('option', { name: 'Pending' }).click();
    await expect
      .poll(() => allOf((conversation) => conversation.status === 'pending'), liveUpdate)
      .toBe(true);

    await selectAll(page, 3);
    await bulkBar.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge conversations' });
    await dialog.getByText(`#${bulkThird.reference} Bulk third`).click();
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => rowSubjects(page), liveUpdate).toEqual(['Bulk third']);
    const [first, second, third] = await Promise.all([
      readConversation(bulkFirst.id),
      readConversation(bulkSecond.id),
      readConversation(bulkThird.id),
    ]);
    expect([first.status, second.status]).toEqual(['merged', 'merged']);
    expect(third.status).not.toBe('merged');
    expect(third.messages.map((message) => message.body).sort()).toEqual([
      'About Bulk first.',
      'About Bulk second.',
      'About Bulk third.',
    ]);
    await page.context().close();
  });

  it('says when the list cannot be loaded and loads it on "Try again"', async () => {
    await newConversation({ email: 'after.failure@example.com' }, 'Listed after a failure');
    const page = await openSignedIn(suite.browser, suite.server.baseUrl, suite.agent);
    await page.route('**/api/v1/conversations?*', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Internal error',
          status: 500,
          code: 'server.internal',
        }),
      }),
    );
    await page.goto('/inbox/all-open?priority=normal');
    const failure = page
      .getByRole('alert')
      .filter({ hasText: 'Something went wrong on the server. Try again.' });
    await failure.waitFor({ timeout: 20_000 });
    await page.unroute('**/api/v1/conversations?*');
    await failure.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('conversation-row').filter({ hasText: 'Listed after a failure' }).waitFor();
    await page.context().close();
  });

  it('focuses the search on "/" and lists the conversations that mention the words', async () => {
    const wanted = await newConversation({ email: 'island@example.com' }, 'Holiday in Zanzibar');
    const page = await openSignedIn(suite.browser, suite.server.baseUrl, suite.agent);
    await expect
      .poll(async () => {
        await page.keyboard.press('/');
        return page.evaluate<string | null>('document.activeElement.getAttribute("aria-label")');
      })
      .toBe('Search conversations');
    await page.keyboard.type('zanzibar');
    await page.keyboard.press('Enter');
    await page.getByTestId('inbox-title').filter({ hasText: 'Search results' }).waitFor();
    await expect
      .poll(() => page.getByTestId('conversation-row').getAttribute('data-conversation-id'), liveUpdate)
      .toBe(wanted.id);
    await page.context().close();
  });
});
