import type { AddressInfo } from 'node:net';
import type {
  AgentRole,
  ConversationDetail,
  ConversationSummary,
  createConversationBody,
} from '@frontline/contracts';
import type { z } from 'zod';
import { createAgent } from '../../apps/server/src/modules/agents/index.ts';
import { logIn } from '../../apps/server/src/modules/auth/index.ts';
import {
  requestAs,
  type SignedInAgent,
  startTestApp,
  type TestApp,
} from '../../apps/server/test/support/app.ts';

export type RunningServer = { testApp: TestApp; baseUrl: string; close: () => Promise<void> };

/** The real server on a fresh database, listening on a free loopback port for the browser. */
export async function startServer(): Promise<RunningServer> {
  const testApp = await startTestApp();
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { testApp, baseUrl: `http://127.0.0.1:${port}`, close: () => testApp.close() };
}

export const agentPassword = 'browser test password';

export type TestAgent = SignedInAgent & { name: string; password: string };

/** An agent who can log in through the UI with `password`, and act through the API with `token`. */
export async function createTestAgent(
  server: RunningServer,
  options: { name: string; role?: AgentRole; teamIds?: string[] },
): Promise<TestAgent> {
  const role = options.role ?? 'agent';
  const email = `${options.name.toLowerCase().replaceAll(/[^a-z]+/g, '.')}.${Date.now()}@example.test`;
  const agent = await createAgent(server.testApp.deps, {
    email,
    name: options.name,
    role,
    password: agentPassword,
    languages: ['en'],
    skills: [],
    uiLanguage: 'en',
    teamIds: options.teamIds ?? [],
  });
  const session = await logIn(server.testApp.deps, { email, password: agentPassword, userAgent: 'e2e' });
  return { id: agent.id, email, token: session.token, role, name: options.name, password: agentPassword };
}

/** Creates a conversation through the public API, as an integration would. */
export async function createConversationViaApi(
  server: RunningServer,
  agent: TestAgent,
  body: z.input<typeof createConversationBody>,
): Promise<ConversationSummary> {
  const response = await requestAs(server.testApp, agent).post('/api/v1/conversations', body);
  if (response.statusCode !== 201) throw new Error(`creating a conversation failed: ${response.body}`);
  return response.json() as ConversationSummary;
}

/** A conversation as the API shows it to `agent`, to check what the UI wrote. */
export async function readConversation(
  server: RunningServer,
  agent: TestAgent,
  id: string,
): Promise<ConversationDetail> {
  return (
    await requestAs(server.testApp, agent).get(`/api/v1/conversations/${id}`)
  ).json() as ConversationDetail;
}
