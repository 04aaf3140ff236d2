import os from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectDatabase } from '../../apps/server/src/db/database.ts';
import { migrateDatabase } from '../../apps/server/src/db/migrate.ts';
import { createAgent, createTeam } from '../../apps/server/src/modules/agents/index.ts';
import { migrateJobQueue } from '../../apps/server/src/platform/jobs.ts';
import { demoTeams } from '../../apps/server/src/seed/index.ts';
import { launchBrowser, openSignedIn } from '../../e2e/support/browser.ts';
import { buildWebApp } from '../../e2e/support/build-web.ts';
import { openBenchDatabase } from '../api/database.ts';
import { loadConversations } from '../api/load.ts';
import { percentile, runSequentially } from '../api/measure.ts';
import { type ServerThread, startServerThread } from '../api/server-thread.ts';

/**
 * `npx tsx bench/web/run.ts`: with 100,000 conversations loaded (bench/api's loader), how long the
 * agent workspace in Chromium takes until the inbox's first page is on screen — on a first visit
 * with nothing cached, after opening the inbox URL in a new tab (the app's files cached), and after
 * switching views inside the app — compared, in the same run, with the bare
 * `GET /api/v1/conversations` the page waits for. Knobs: BENCH_DATABASE_URL, BENCH_CONVERSATIONS
 * (100000), BENCH_ROUNDS (20).
 */
const settings = {
  conversations: Number(process.env.BENCH_CONVERSATIONS ?? 100_000),
  rounds: Number(process.env.BENCH_ROUNDS ?? 20),
};
const password = 'bench-password-0123';
const views = ['all-open', 'unassigned', 'pending', 'on-hold', 'solved', 'my-teams'] as const;
const log = (line: string) => process.stderr.write(`[bench:web] ${line}\n`);
const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
const kilobytes = (bytes = 0) => `${Math.round(bytes / 1024)} kB`;

/**
 * Marks, in page time (ms since navigation start), when the first inbox row enters the page. A
 * string, not a function: tsx would wrap a function in helpers that do not exist in the page.
 */
const recordFirstRow = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="conversation-row"]')) {
      window.firstRowAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** Opens the inbox URL in a new tab of a signed-in browser: navigation start → first row. */
async function measurePageOpen(page: Page, view: string) {
  const tab = await page.context().newPage();
  await tab.addInitScript({ content: recordFirstRow });
  await tab.goto(`/inbox/${view}`);
  await tab.waitForFunction('window.firstRowAt !== undefined');
  const firstRowAt = await tab.evaluate<number>('window.firstRowAt');
  await tab.close();
  return firstRowAt;
}

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;
type FirstVisit = { firstRowAt: number; scriptBytes: number; styleBytes: number; scriptsLoadedAt: number };

/**
 * The first visit of the day on a new machine: a new browser context (its own, empty HTTP cache)
 * that holds only the session cookie, so the agent is signed in but nothing of the app is cached.
 */
async function measureFirstVisit(browser: Browser, baseURL: string, cookies: Cookies): Promise<FirstVisit> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    storageState: { cookies, origins: [] },
  });
  const tab = await context.newPage();
  await tab.addInitScript({ content: recordFirstRow });
  await tab.goto('/inbox/all-open');
  await tab.waitForFunction('window.firstRowAt !== undefined');
  // Where the time went: what came over the wire, and when the last script of the first load was in.
  const visit = await tab.evaluate<FirstVisit>(`(() => {
    const assets = performance.getEntriesByType('resource').filter((entry) => entry.startTime < window.firstRowAt);
    const sum = (type) => assets.filter((entry) => entry.name.endsWith(type)).reduce((total, entry) => total + entry.encodedBodySize, 0);
    const scripts = assets.filter((entry) => entry.name.endsWith('.js'));
    return {
      firstRowAt: window.firstRowAt,
      scriptBytes: sum('.js'),
      styleBytes: sum('.css'),
      scriptsLoadedAt: Math.max(0, ...scripts.map((entry) => entry.responseEnd)),
    };
  })()`);
  await context.close();
  return visit;
}

/** Clicks a view in the navigation of a freshly opened workspace (nothing cached): click → first row. */
async function measureViewSwitches(page: Page) {
  const tab = await page.context().newPage();
  await tab.goto('/inbox/mine');
  await tab.getByTestId('inbox-title').waitFor();
  await tab.waitForLoadState('networkidle');
  const timings: number[] = [];
  for (const view of views) {
    timings.push(
      // A string for the same reason as `recordFirstRow`.
      await tab.evaluate<number>(`new Promise((resolve) => {
        const previous = document.querySelector('[data-testid="conversation-row"]');
        const started = performance.now();
        document.querySelector('a[href="/inbox/${view}"]').click();
        const check = () => {
          const row = document.querySelector('[data-testid="conversation-row"]');
          if (row && row !== previous && !previous?.isConnected) resolve(performance.now() - started);
          else requestAnimationFrame(check);
        };
        check();
      })`),
    );
  }
  await tab.close();
  return timings;
}

async function main() {
  // Always a fresh production build: a bundle left by an earlier test run must not be measured.
  await buildWebApp({ force: true });
  const database = await openBenchDatabase(log);
  let server: ServerThread | undefined;
  const browser = await launchBrowser();
  try {
    const setup = connectDatabase(database.url, { max: 2 });
    await migrateDatabase(setup.pool);
    await migrateJobQueue(setup.pool);
    const teamIds: string[] = [];
    for (const team of demoTeams) {
      teamIds.push(
        (await createTeam(setup, { name: team.name, description: team.description, memberIds: [] })).id,
      );
    }
    const agent = await createAgent(setup, {
      email: 'bench-agent@bench.example',
      name: 'Bench Agent',
      role: 'agent',
      password,
      languages: ['en'],
      skills: [],
      uiLanguage: 'en',
      teamIds: [teamIds[0]!, teamIds[1]!],
    });
    await setup.close();
    const loaded = await loadConversations(database.url, {
      count: settings.conversations,
      benchAgentId: agent.id,
      teamIds,
    });
    log(`loaded ${loaded.conversations} conversations`);

    server = await startServerThread(database.url, database.scratchDir);
    const page = await openSignedIn(browser, server.url, { email: agent.email, password });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: agent.email, password }),
    });
    const { token } = (await login.json()) as { token: string };

    // Warm the server's code paths and the browser's cache of the bundle, as on any working day.
    for (let round = 0; round < 3; round += 1) await measurePageOpen(page, 'all-open');
    const pageOpen: number[] = [];
    for (let round = 0; round < settings.rounds; round += 1)
      pageOpen.push(await measurePageOpen(page, 'all-open'));
    const firstVisits: FirstVisit[] = [];
    const cookies = await page.context().cookies();
    for (let round = 0; round < settings.rounds; round += 1) {
      firstVisits.push(await measureFirstVisit(browser, server.url, cookies));
    }
    const firstVisit = firstVisits.map((visit) => visit.firstRowAt).sort((a, b) => a - b);
    const scriptsLoaded = firstVisits.map((visit) => visit.scriptsLoadedAt).sort((a, b) => a - b);
    const switches: number[] = [];
    for (let round = 0; round < Math.ceil(settings.rounds / views.length); round += 1) {
      switches.push(...(await measureViewSwitches(page)));
    }
    const listUrl = `${server.url}/api/v1/conversations?status=new,open&limit=25`;
    const api = await runSequentially(settings.rounds, 5, async () => {
      await (await fetch(listUrl, { headers: { authorization: `Bearer ${token}` } })).text();
    });
    pageOpen.sort((a, b) => a - b);
    switches.sort((a, b) => a - b);

    const row = (name: string, values: number[]) =>
      `| ${name.padEnd(58)} | ${[0.5, 0.9, 1].map((fraction) => fixed(percentile(values, fraction)).padStart(5)).join(' | ')} |`;
    process.stdout.write(
      [
        '',
        `Frontline web bench — ${new Date().toISOString()}`,
        `machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}); Node ${process.version}; ${database.description}; Chromium headless`,
        `data: ${loaded.conversations.toLocaleString('en')} conversations; an agent in 2 of 5 teams; ${settings.rounds} rounds`,
        `load average at the end: ${os
          .loadavg()
          .map((value) => value.toFixed(2))
          .join(' / ')}`,
        '',
        `| ${'until the inbox shows its first page (ms)'.padEnd(58)} |   p50 |   p90 |   max |`,
        `|${'-'.repeat(60)}|------:|------:|------:|`,
        row('first visit, nothing cached: new profile with the session', firstVisit),
        row('  of which: until its scripts are downloaded', scriptsLoaded),
        row('open /inbox/all-open in a new tab (navigation start → row)', pageOpen),
        row('switch view in the app, nothing cached (click → row)', switches),
        row('baseline: GET /api/v1/conversations alone (same filter)', api),
        '',
        `first visit transfers ${kilobytes(firstVisits[0]?.scriptBytes)} of scripts and ${kilobytes(firstVisits[0]?.styleBytes)} of CSS before the first row`,
        '',
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await server?.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
