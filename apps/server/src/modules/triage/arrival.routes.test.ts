import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { addCustomerMessage } from '../conversations/index.ts';

let testApp: TestApp;
let supervisor: SignedInAgent;
let submissions = 0;

beforeAll(async () => {
  testApp = await startTestApp();
  supervisor = await signInAgent(testApp, 'supervisor');
});
afterAll(() => testApp.close());

async function submitWebForm(message: string, language = 'en') {
  submissions += 1;
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/public/web-form',
    remoteAddress: `10.2.0.${submissions}`,
    payload: {
      clientId: `triage-form-${Date.now()}-${submissions}`,
      name: 'Kovács Anna',
      email: `anna${submissions}@example.hu`,
      topic: 'other',
      message,
      language,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const row = await testApp.deps.db
    .selectFrom('conversations')
    .select('id')
    .where('reference', '=', response.json().reference)
    .executeTakeFirstOrThrow();
  return row.id;
}

const detailOf = async (id: string) =>
  (await requestAs(testApp, supervisor).get(`/api/v1/conversations/${id}`)).json();

describe('triage of a web form request on arrival', () => {
  it('detects the language the customer wrote in, whatever the form’s language, and stores it on message and conversation', async () => {
    const id = await submitWebForm('Jó napot, mikor érkezik meg a csomagom? Egy hete rendeltem.', 'en');
    const detail = await detailOf(id);
    expect(detail.language).toBe('hu');
    const message = await testApp.deps.db
      .selectFrom('messages')
      .select('language')
      .where('conversation_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(message.language).toBe('hu');
    expect(detail.triage).toEqual({ suggestedPriority: null, signals: [] });
  });

  it('suggests a priority with its reasons and leaves the priority to the agent; applying it ends the suggestion', async () => {
    const id = await submitWebForm('Sürgős! Az egész rendszer leállt, senki nem tud belépni.', 'hu');
    const detail = await detailOf(id);
    expect(detail.priority).toBe('normal');
    expect(detail.triage.suggestedPriority).toBe('urgent');
    expect(detail.triage.signals.map((signal: { kind: string }) => signal.kind).sort()).toEqual([
      'explicit_urgency',
      'outage',
    ]);
    const applied = await requestAs(testApp, supervisor).patch(`/api/v1/conversations/${id}`, {
      priority: 'urgent',
    });
    expect(applied.statusCode).toBe(200);
    expect((await detailOf(id)).triage).toEqual({ suggestedPriority: null, signals: [] });
  });

  it('an agent’s decision stands: a lowered priority stays, a later alarming message suggests again', async () => {
    const id = await submitWebForm('Pilne! Cały system przestał działać.', 'pl');
    await requestAs(testApp, supervisor).patch(`/api/v1/conversations/${id}`, { priority: 'low' });
    expect((await detailOf(id)).triage.suggestedPriority).toBeNull();
    await addCustomerMessage(testApp.deps, id, {
      body: 'Pobrano mi pieniądze dwa razy za to samo zamówienie, a konto ktoś włamał!',
    });
    const detail = await detailOf(id);
    expect(detail.priority).toBe('low');
    expect(detail.triage.suggestedPriority).toMatch(/^(high|urgent)$/);
  });
});
