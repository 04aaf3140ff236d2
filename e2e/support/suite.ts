import type { AgentRole } from '@frontline/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { createTestAgent, type RunningServer, startServer, type TestAgent } from './server.ts';

export type Suite = { server: RunningServer; browser: Browser; agent: TestAgent };

/** How long a check waits for a change to travel through the server and the stream to the page. */
export const liveUpdate = { timeout: 10_000 };

/**
 * The real server on a fresh database, Chromium, and an agent who can sign in, for one test
 * file: started before its tests, closed after them. Call it at the top of the file and read
 * `suite.server`, `suite.browser` and `suite.agent` inside the tests.
 */
export function startSuite(agent: { name: string; role: AgentRole }): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startServer(), launchBrowser()]);
    suite.agent = await createTestAgent(suite.server, agent);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
