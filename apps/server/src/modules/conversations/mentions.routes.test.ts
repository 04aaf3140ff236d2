import { formatMentionToken } from '@frontline/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { createTeam, openConversation } from './conversations.test-helpers.ts';

let testApp: TestApp;
let supervisor: SignedInAgent;
let author: SignedInAgent;
let teammate: SignedInAgent;
let outsider: SignedInAgent;
let conversationId: string;

beforeAll(async () => {
  testApp = await startTestApp();
  supervisor = await signInAgent(testApp, 'supervisor', { name: 'Viktorija Supervisor' });
  author = await signInAgent(testApp, 'agent', { name: 'Aušra Author' });
  teammate = await signInAgent(testApp, 'agent', { name: 'Tomas Teammate' });
  outsider = await signInAgent(testApp, 'agent', { name: 'Olga Outsider' });
  const billing = await createTeam(testApp, supervisor, [author.id, teammate.id]);
  // Outsider belongs to another team, so the billing queue is out of their sight.
  const other = await createTeam(testApp, supervisor, [outsider.id]);
  expect(other.id).not.toBe(billing.id);
  conversationId = (
    await openConversation(testApp, supervisor, { subject: 'Double charge', teamId: billing.id })
  ).id;
});
afterAll(() => testApp.close());

const mentionsOf = async (agent: SignedInAgent) => {
  const response = await requestAs(testApp, agent).get('/api/v1/notifications');
  expect(response.statusCode).toBe(200);
  return (
    response.json().items as { kind: string; text: string; conversation: { id: string } | null }[]
  ).filter((item) => item.kind === 'mention' && item.conversation?.id === conversationId);
};

const postAs = (agent: SignedInAgent, body: string, visibility: 'internal' | 'public' = 'internal') =>
  requestAs(testApp, agent).post(`/api/v1/conversations/${conversationId}/messages`, { body, visibility });

describe('@mentions in internal notes', () => {
  it('notify the mentioned agents who may see the conversation, and not those who may not', async () => {
    const body = `${formatMentionToken({ id: teammate.id, name: 'Tomas Teammate' })} and ${formatMentionToken(
      {
        id: outsider.id,
        name: 'Olga Outsider',
      },
    )}: was the card charged twice? @Viktorija please approve the refund.`;
    const posted = await postAs(author, body);
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json().body).toBe(body);

    expect(await mentionsOf(teammate)).toEqual([
      expect.objectContaining({
        text: '@Tomas Teammate and @Olga Outsider: was the card charged twice? @Viktorija please approve the refund.',
      }),
    ]);
    // Supervisors see every conversation, so a plain, unambiguous first name reaches them too.
    expect(await mentionsOf(supervisor)).toHaveLength(1);
    expect(await mentionsOf(outsider)).toEqual([]);
    // Neither can the outsider open it through the notification's link.
    expect(
      (await requestAs(testApp, outsider).get(`/api/v1/conversations/${conversationId}`)).statusCode,
    ).toBe(404);
  });

  it('do not notify the author about themselves', async () => {
    const posted = await postAs(
      author,
      `note to self ${formatMentionToken({ id: author.id, name: 'Aušra Author' })}`,
    );
    expect(posted.statusCode).toBe(201);
    expect(await mentionsOf(author)).toEqual([]);
  });

  it('in a public reply notify nobody: replies are for the customer', async () => {
    const before = (await mentionsOf(teammate)).length;
    const posted = await postAs(author, `Dear customer, @Tomas will call you.`, 'public');
    expect(posted.statusCode).toBe(201);
    expect(await mentionsOf(teammate)).toHaveLength(before);
  });

  it('are not stored when the note is refused', async () => {
    const before = (await mentionsOf(teammate)).length;
    const refused = await requestAs(testApp, outsider).post(
      `/api/v1/conversations/${conversationId}/messages`,
      {
        body: `${formatMentionToken({ id: teammate.id, name: 'Tomas' })} look`,
        visibility: 'internal',
      },
    );
    expect(refused.statusCode).toBe(404);
    expect(await mentionsOf(teammate)).toHaveLength(before);
  });
});
