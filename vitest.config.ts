import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Browser tests: the real server in-process, the production web build, Debian's Chromium.
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['apps/server/test/global-setup.ts', 'e2e/support/build-web.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A live update through the server and the browser can take seconds on a loaded CI
          // machine; expect.poll's default of one second made such checks flaky.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
      {
        test: {
          // The chat widget's pure parts and its bundle budget (its DOM is tested in e2e/chat-*).
          name: 'widget',
          include: ['apps/widget/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'contracts',
          include: ['packages/contracts/src/**/*.test.ts'],
        },
      },
    ],
  },
});
