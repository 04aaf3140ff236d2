import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { startWalkInTestApp } from '../apps/server/src/modules/walk-in/walk-in.test-helpers.ts';
import type { TestApp } from '../apps/server/test/support/app.ts';
import type { TestDatabase } from '../apps/server/test/support/database.ts';

/** Helpers of the walk-in browser tests (e2e/walk-in-*). */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = path.join(root, 'apps/public');
const sources = [
  path.join(publicDir, 'src'),
  path.join(publicDir, 'index.html'),
  path.join(publicDir, 'vite.config.ts'),
];

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(entry, name))),
    stat.mtimeMs,
  );
}

/** (Re)builds the customer-facing pages when their build is missing or older than their sources. */
export async function buildPublicPages() {
  const builtIndex = path.join(publicDir, 'dist/index.html');
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  if (builtAt >= Math.max(...sources.map(newestChange))) return;
  await promisify(execFile)(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: publicDir,
    maxBuffer: 16 * 1024 * 1024,
  });
}

export type WalkInServer = { testApp: TestApp; baseUrl: string; close: () => Promise<void> };

/**
 * The real server with the walk-in routes and pages, listening on a free loopback port — or on
 * `port` and an existing `database`, to restart a server in place.
 */
export async function startWalkInServer(
  options: { port?: number; database?: TestDatabase } = {},
): Promise<WalkInServer> {
  const testApp = await startWalkInTestApp({}, { database: options.database });
  await testApp.app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { testApp, baseUrl: `http://127.0.0.1:${port}`, close: () => testApp.close() };
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
type AxeViolation = { id: string; help: string; nodes: { target: unknown[] }[] };

/** axe-core's WCAG 2.x A/AA rules over the whole page; answers the violations. */
export async function findAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async () => {
    // Runs in the page; typed through globalThis because the e2e project has no DOM library.
    const scope = globalThis as unknown as {
      axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      document: unknown;
    };
    const result = await scope.axe.run(scope.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  });
}

/** Polls until `check` holds; answers how long it took (ms). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}
