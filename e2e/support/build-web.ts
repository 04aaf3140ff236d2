import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webDir = path.join(root, 'apps/web');
const builtIndex = path.join(webDir, 'dist/index.html');
// The bundle is made of the web app and the wire contracts it imports.
const sources = [
  path.join(webDir, 'src'),
  path.join(root, 'packages/contracts/src'),
  path.join(webDir, 'index.html'),
  path.join(webDir, 'vite.config.ts'),
];

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(entry, name))),
    stat.mtimeMs,
  );
}

/**
 * The browser tests drive the production build the server serves; (re)build it when it is
 * missing or older than its sources (or always, with `force`), so a test never runs against
 * yesterday's bundle.
 */
export async function buildWebApp({ force = false } = {}) {
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const changedAt = Math.max(...sources.map(newestChange));
  if (builtAt >= changedAt && !force) return;
  await execFileAsync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: webDir,
    // Vitest runs with NODE_ENV=test, and Vite keeps an outer NODE_ENV: React would be bundled in
    // its development build (twice the size, several times slower), unlike what `npm start` serves.
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Vitest's global set-up for the browser tests. */
export default function setup() {
  return buildWebApp();
}
