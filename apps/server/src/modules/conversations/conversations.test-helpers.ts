import type { ConversationSummary } from '@frontline/contracts';
import { expect } from 'vitest';
import { requestAs, type SignedInAgent, type TestApp } from '../../../test/support/app.ts';

/** Shared steps of the conversation tests (test-only code; not imported by the app). */

let teamCounter = 0;

export async function createTeam(testApp: TestApp, supervisor: SignedInAgent, memberIds: string[] = []) {
  teamCounter += 1;
  const response = await requestAs(testApp, supervisor).post('/api/v1/teams', {
    name: `Team ${teamCounter} ${Date.now()}`,
    memberIds,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; name: string };
}

let customerCounter = 0;

/** Opens a conversation through the API as `agent`; the body can override any field. */
export async function openConversation(
  testApp: TestApp,
  agent: SignedInAgent,
  body: Record<string, unknown> = {},
): Promise<ConversationSummary> {
  customerCounter += 1;
  const response = await requestAs(testApp, agent).post('/api/v1/conversations', {
    customer: {
      email: `customer${customerCounter}-${Date.now()}@example.test`,
      name: `Customer ${customerCounter}`,
    },
    subject: 'Where is my parcel?',
    message: { body: 'I ordered a week ago and nothing arrived.' },
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
