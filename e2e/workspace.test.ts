import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import { launchBrowser, logInThroughUi, newAgentContext, openSignedIn } from './support/browser.ts';
import {
  createConversationViaApi,
  createTestAgent,
  type RunningServer,
  startServer,
  type TestAgent,
} from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let supervisor: TestAgent;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  supervisor = await createTestAgent(server, { name: 'Vera Supervisor', role: 'supervisor' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const openWorkspace = (agent: TestAgent): Promise<Page> => openSignedIn(browser, server.baseUrl, agent);

let customerCounter = 0;
function newConversation(subject: string, extra: { assigneeId?: string } = {}) {
  customerCounter += 1;
  return createConversationViaApi(server, supervisor, {
    customer: { email: `customer${customerCounter}@example.com`, name: `Customer ${customerCounter}` },
    subject,
    message: { body: `Hello, this is about ${subject}.` },
    ...extra,
  });
}

async function readConversation(id: string) {
  const response = await requestAs(server.testApp, supervisor).get(`/api/v1/conversations/${id}`);
  return response.json() as {
    status: string;
    assigneeId: string | null;
    messages: { body: string; visibility: string }[];
  };
}

/** Polls the API until `check` holds: the UI's writes land asynchronously. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the agent workspace', () => {
  it('logs an agent in and shows their inbox', async () => {
    const context = await newAgentContext(browser, server.baseUrl);
    const page = await context.newPage();
    await logInThroughUi(page, supervisor.email, supervisor.password);
    await expect(page.getByTestId('inbox-title').textContent()).resolves.toBe('My open');
    await page.context().close();
  });

  it('refuses a wrong password with a clear message', async () => {
    const context = await newAgentContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Email' }).fill(supervisor.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').getByText('The email or password is wrong.').waitFor();
    await context.close();
  });

  it('shows a conversation created through the API in the open inbox without a reload, highlighted', async () => {
    const page = await openWorkspace(supervisor);
    await page.goto('/inbox/all-open');
    await page.getByTestId('inbox-title').waitFor();
    const conversation = await newConversation('Parcel arrived damaged');
    const row = page.locator(`[data-conversation-id="${conversation.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    await expect(row.getAttribute('class')).resolves.toContain('frontline-fresh');
    await expect(row.textContent()).resolves.toContain('Parcel arrived damaged');
    await page.context().close();
  });

  it('sends a reply and an internal note, and the note looks different', async () => {
    const conversation = await newConversation('Invoice copy needed');
    const page = await openWorkspace(supervisor);
    await page.goto(`/conversations/${conversation.id}`);
    await page.getByRole('textbox', { name: 'Reply' }).fill('Here is your invoice copy.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('timeline-message').filter({ hasText: 'Here is your invoice copy.' }).waitFor();

    await page.getByTestId('composer').getByText('Internal note', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Internal note' }).fill('Customer asked twice already.');
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page.getByTestId('timeline-note').filter({ hasText: 'Customer asked twice already.' });
    await note.waitFor();
    await expect(note.getAttribute('class')).resolves.toContain('frontline-note');

    const stored = await readConversation(conversation.id);
    expect(stored.messages.map((message) => [message.body, message.visibility])).toEqual(
      expect.arrayContaining([
        ['Here is your invoice copy.', 'public'],
        ['Customer asked twice already.', 'internal'],
      ]),
    );
    await page.context().close();
  });

  it('keeps an unsent draft per conversation across a reload', async () => {
    const conversation = await newConversation('Draft keeping');
    const page = await openWorkspace(supervisor);
    await page.goto(`/conversations/${conversation.id}`);
    await page.getByRole('textbox', { name: 'Reply' }).fill('Half-written answer');
    await page.getByText('Draft saved').waitFor();
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Reply' }).inputValue()).resolves.toBe(
      'Half-written answer',
    );
    await page.context().close();
  });

  it('assigns a conversation to the agent with the "a" key and solves it with "s"', async () => {
    const conversation = await newConversation('Password reset link expired');
    const page = await openWorkspace(supervisor);
    await page.goto(`/conversations/${conversation.id}`);
    await page.getByTestId('conversation-subject').waitFor();
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('a');
    await eventually(async () => (await readConversation(conversation.id)).assigneeId === supervisor.id);
    const assignee = page.getByTestId('conversation-controls').getByRole('combobox', { name: 'Assignee' });
    await eventually(async () => (await assignee.inputValue()) === 'Vera Supervisor');

    await page.keyboard.press('s');
    await eventually(async () => (await readConversation(conversation.id)).status === 'solved');
    await page.getByTestId('conversation-subject').locator('..').getByText('Solved').waitFor();
    await page.context().close();
  });

  it('sends a reply and solves the conversation in one action', async () => {
    const conversation = await newConversation('Thank you note');
    const page = await openWorkspace(supervisor);
    await page.goto(`/conversations/${conversation.id}`);
    await page.getByRole('textbox', { name: 'Reply' }).fill('Glad we could help!');
    await page.getByRole('button', { name: 'Send and set status' }).click();
    await page.getByRole('menuitem', { name: 'Send and set to Solved' }).click();
    await eventually(async () => {
      const stored = await readConversation(conversation.id);
      return (
        stored.status === 'solved' &&
        stored.messages.some((message) => message.body === 'Glad we could help!')
      );
    });
    await page.context().close();
  });

  it('bulk-assigns three selected conversations', async () => {
    const colleague = await createTestAgent(server, { name: 'Bulk Colleague' });
    const conversations = await Promise.all([
      newConversation('Bulk one'),
      newConversation('Bulk two'),
      newConversation('Bulk three'),
    ]);
    const page = await openWorkspace(supervisor);
    await page.goto('/inbox/unassigned');
    for (const conversation of conversations) {
      const row = page.locator(`[data-conversation-id="${conversation.id}"]`);
      await row.getByRole('checkbox').check();
    }
    await page.getByTestId('bulk-actions').getByText('3 selected').waitFor();
    await page.getByRole('combobox', { name: 'Assign to…' }).click();
    await page.getByRole('option', { name: 'Bulk Colleague' }).click();
    await page.getByText('Done: 3 updated.').waitFor();
    for (const conversation of conversations) {
      await expect(readConversation(conversation.id)).resolves.toMatchObject({ assigneeId: colleague.id });
    }
    await page.context().close();
  });

  it('switches the interface to Hungarian from the profile, dates included', async () => {
    const agent = await createTestAgent(server, { name: 'Magyar Kolléga' });
    const conversation = await newConversation('Számla kérdés', { assigneeId: agent.id });
    const page = await openWorkspace(agent);
    await page.goto('/profile');
    await page.getByRole('combobox', { name: 'Interface language' }).click();
    await page.getByRole('option', { name: 'Magyar' }).click();
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByRole('link', { name: 'Saját nyitott' }).waitFor();
    await page.getByText('Felület nyelve').waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Kiosztatlan' }).waitFor();
    await page.goto(`/conversations/${conversation.id}`);
    // Hungarian dates read year first: "2026. dec. 6. 9:05".
    const day = new Intl.DateTimeFormat('hu-HU', { dateStyle: 'medium' }).format(
      new Date(conversation.createdAt),
    );
    await page.getByText(`Megnyitva: ${day}`, { exact: false }).waitFor();
    await page.context().close();
  });

  it('moves through the inbox with j and k and opens the marked conversation with Enter', async () => {
    const agent = await createTestAgent(server, { name: 'Keyboard Kai', role: 'supervisor' });
    const older = await newConversation('Keyboard older', { assigneeId: agent.id });
    await newConversation('Keyboard newer', { assigneeId: agent.id });
    const page = await openWorkspace(agent);
    const rows = page.getByTestId('conversation-row');
    await expect.poll(() => rows.count()).toBe(2);
    await expect(rows.first().getAttribute('data-active')).resolves.toBe('true');
    await page.keyboard.press('j');
    await expect.poll(() => rows.nth(1).getAttribute('data-active')).toBe('true');
    await page.keyboard.press('k');
    await expect.poll(() => rows.first().getAttribute('data-active')).toBe('true');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/conversations/${older.id}`);
    await page.context().close();
  });

  it('asks for the inbox page once, while the app code is still loading', async () => {
    await newConversation('Prefetched row');
    const page = await openWorkspace(supervisor);
    const tab = await page.context().newPage();
    const listRequests: string[] = [];
    tab.on('request', (request) => {
      if (request.url().includes('/api/v1/conversations?status=new%2Copen&limit=25'))
        listRequests.push(request.url());
    });
    await tab.goto('/inbox/all-open');
    await tab.getByTestId('conversation-row').first().waitFor();
    await tab.waitForLoadState('networkidle');
    expect(listRequests).toHaveLength(1);
    // Without the start-up prefetch the list would be asked for only once the session is known.
    const [listStart, sessionEnd] = await tab.evaluate<[number, number]>(`(() => {
      const entries = performance.getEntriesByType('resource');
      const list = entries.find((entry) => entry.name.includes('/api/v1/conversations?status='));
      const session = entries.find((entry) => entry.name.endsWith('/api/v1/auth/session'));
      return [list.startTime, session.responseEnd];
    })()`);
    expect(listStart).toBeLessThan(sessionEnd);
    await page.context().close();
  });

  it("explains in the agent's words when the server refuses an action", async () => {
    const owner = await createTestAgent(server, { name: 'Owner Olaf' });
    const agent = await createTestAgent(server, { name: 'Plain Agent' });
    const conversation = await newConversation('Somebody else’s work', { assigneeId: owner.id });
    const page = await openWorkspace(agent);
    await page.goto(`/conversations/${conversation.id}`);
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('Only a supervisor can reassign this conversation', { exact: false }).waitFor();
    await expect(readConversation(conversation.id)).resolves.toMatchObject({ assigneeId: owner.id });
    await page.context().close();
  });

  it('shows every team of the agent under "My teams", and one team when it is picked', async () => {
    const makeTeam = async (name: string) =>
      (await requestAs(server.testApp, supervisor).post('/api/v1/teams', { name, memberIds: [] })).json() as {
        id: string;
      };
    const stamp = Date.now();
    const [alpha, beta, gamma] = [
      await makeTeam(`Alpha ${stamp}`),
      await makeTeam(`Beta ${stamp}`),
      await makeTeam(`Gamma ${stamp}`),
    ];
    const member = await createTestAgent(server, { name: 'Team Player', teamIds: [alpha.id, beta.id] });
    for (const [team, subject] of [
      [alpha, 'Alpha question'],
      [beta, 'Beta question'],
      [gamma, 'Gamma question'],
    ] as const) {
      customerCounter += 1;
      await createConversationViaApi(server, supervisor, {
        customer: { email: `customer${customerCounter}@example.com` },
        subject,
        message: { body: `About ${subject}.` },
        teamId: team.id,
      });
    }
    const page = await openWorkspace(member);
    await page.goto('/inbox/my-teams');
    const rows = page.getByTestId('conversation-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('conversation-list').textContent()).not.toContain('Gamma question');
    await page.locator('.mantine-SegmentedControl-root').getByText(`Beta ${stamp}`, { exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Beta question');
    await page.locator('.mantine-SegmentedControl-root').getByText('All my teams', { exact: true }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await page.context().close();
  });

  it('shows the keyboard shortcuts on "?"', async () => {
    const page = await openWorkspace(supervisor);
    // A key pressed before the page has wired its shortcuts is lost, as it would be for a person.
    await expect
      .poll(async () => {
        await page.keyboard.press('Shift+?');
        return page.getByTestId('shortcut-help').getByText('Assign to me').isVisible();
      })
      .toBe(true);
    await page.context().close();
  });
});
