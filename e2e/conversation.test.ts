import type { Team } from '@frontline/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { requestAs } from '../apps/server/test/support/app.ts';
import { openSignedIn } from './support/browser.ts';
import { createConversationViaApi, createTestAgent, readConversation as readAs } from './support/server.ts';
import { liveUpdate, startSuite } from './support/suite.ts';

const suite = startSuite({ name: 'Sofia Side', role: 'supervisor' });

const api = () => requestAs(suite.server.testApp, suite.agent);
const readConversation = (id: string) => readAs(suite.server, suite.agent, id);

/** The name of the element that has the keyboard focus. */
const focusedName = (page: Page) =>
  page.evaluate<string | null>('document.activeElement && document.activeElement.getAttribute("aria-label")');

describe('a conversation', () => {
  it('changes priority, team and tags from the side panel; the timeline lists the reply and each change in order', async () => {
    const team = (await api().post('/api/v1/teams', { name: 'Warranty desk', memberIds: [] })).json() as Team;
    const conversation = await createConversationViaApi(suite.server, suite.agent, {
      customer: { email: 'broken.kettle@example.com', name: 'Broken Kettle' },
      subject: 'Kettle stopped working',
      message: { body: 'My kettle stopped working after a week.' },
    });
    const page = await openSignedIn(suite.browser, suite.server.baseUrl, suite.agent);
    await page.goto(`/conversations/${conversation.id}`);
    await page.getByRole('textbox', { name: 'Reply' }).fill('Sorry to hear that; we will replace it.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('timeline-message').filter({ hasText: 'we will replace it' }).waitFor();

    const controls = page.getByTestId('conversation-controls');
    await controls.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: 'Urgent' }).click();
    await page.getByTestId('timeline').getByText('changed the priority from Normal to Urgent').waitFor();
    await controls.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: 'Warranty desk' }).click();
    await page.getByTestId('timeline').getByText('moved the conversation to Warranty desk').waitFor();
    await controls.getByRole('combobox', { name: 'Tags' }).fill('warranty');
    await page.keyboard.press('Enter');
    await page.getByTestId('timeline').getByText('changed tags (added: warranty; removed: —)').waitFor();

    await expect
      .poll(async () => {
        const stored = await readConversation(conversation.id);
        return [stored.priority, stored.teamId, stored.tags];
      }, liveUpdate)
      .toEqual(['urgent', team.id, ['warranty']]);
    const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
    const positions = [
      'My kettle stopped working',
      'we will replace it',
      'changed the priority',
      'moved the conversation to Warranty desk',
      'changed tags',
    ].map((text) => timeline.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    await page.context().close();
  });

  it('shows beside it who the customer is and every earlier request, the open ones highlighted', async () => {
    const customer = { email: 'returning.rasa@example.lt', name: 'Rasa Grįžtanti', preferredLanguage: 'lt' };
    const earlier = await createConversationViaApi(suite.server, suite.agent, {
      customer,
      subject: 'Sąskaitos kopija',
      message: { body: 'Prašau atsiųsti sąskaitos kopiją.' },
    });
    await api().post(`/api/v1/conversations/${earlier.id}/messages`, {
      body: 'Išsiuntėme.',
      visibility: 'public',
      status: 'solved',
    });
    const stillOpen = await createConversationViaApi(suite.server, suite.agent, {
      customer: { email: customer.email },
      subject: 'Pristatymo adresas',
      message: { body: 'Noriu pakeisti pristatymo adresą.' },
    });
    const current = await createConversationViaApi(suite.server, suite.agent, {
      customer: { email: customer.email },
      subject: 'Grąžinimas',
      message: { body: 'Kaip grąžinti prekę?' },
    });
    await api().patch(`/api/v1/customers/${current.customer.id}`, {
      organisation: 'Rasos kepyklėlė',
      notes: 'Skambinti tik po pietų.',
      addIdentities: [{ kind: 'phone', value: '+370 612 34567' }],
    });

    const page = await openSignedIn(suite.browser, suite.server.baseUrl, suite.agent);
    await page.goto(`/conversations/${current.id}`);
    const panel = page.getByTestId('customer-panel');
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    for (const expected of [
      'Rasa Grįžtanti',
      'Rasos kepyklėlė',
      'returning.rasa@example.lt',
      '+37061234567',
      'Language:lt',
      'Skambinti tik po pietų.',
    ]) {
      expect(text).toContain(expected);
    }
    const entry = (subject: string) =>
      panel.getByTestId('customer-history').locator('> *').filter({ hasText: subject });
    await expect.poll(() => panel.getByTestId('customer-history').locator('> *').count(), liveUpdate).toBe(3);
    await expect(entry('Pristatymo adresas').getAttribute('data-open')).resolves.toBe('true');
    await expect(entry('Sąskaitos kopija').getAttribute('data-open')).resolves.toBeNull();
    expect(await entry('Sąskaitos kopija').textContent()).toContain('Solved');
    expect(await entry('Grąžinimas').textContent()).toContain('this conversation');

    await entry('Pristatymo adresas').getByRole('link').click();
    await page.waitForURL(`**/conversations/${stillOpen.id}`);
    await page.context().close();
  });

  it('r, n, a and s act on the marked conversation of the inbox', async () => {
    const agent = await createTestAgent(suite.server, { name: 'Rita Keys', role: 'supervisor' });
    const customer = { email: 'keys.customer@example.com', name: 'Keys Customer' };
    const conversation = await createConversationViaApi(suite.server, suite.agent, {
      customer,
      subject: 'Keyboard only',
      message: { body: 'Please answer quickly.' },
    });
    const page = await openSignedIn(suite.browser, suite.server.baseUrl, agent);
    const inbox = `/inbox/unassigned?customer=${conversation.customer.id}`;
    await page.goto(inbox);
    await page.getByTestId('conversation-row').waitFor();

    await page.keyboard.press('r');
    await page.waitForURL(`**/conversations/${conversation.id}`);
    await expect.poll(() => focusedName(page), liveUpdate).toBe('Reply');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(`**${inbox}`);
    await page.getByTestId('conversation-row').waitFor();

    await page.keyboard.press('n');
    await page.waitForURL(`**/conversations/${conversation.id}`);
    await expect.poll(() => focusedName(page), liveUpdate).toBe('Internal note');
    await page.goto(inbox);
    await page.getByTestId('conversation-row').waitFor();

    await page.keyboard.press('a');
    await expect
      .poll(async () => (await readConversation(conversation.id)).assigneeId, liveUpdate)
      .toBe(agent.id);
    // Taken, it leaves "Unassigned"; the same row is found among the agent's own.
    await page.goto(`/inbox/mine?customer=${conversation.customer.id}`);
    await page.getByTestId('conversation-row').waitFor();
    await page.keyboard.press('s');
    await expect
      .poll(async () => (await readConversation(conversation.id)).status, liveUpdate)
      .toBe('solved');
    await page.getByText('Nothing here').waitFor();
    await page.context().close();
  });
});
