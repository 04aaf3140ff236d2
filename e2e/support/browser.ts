import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); the tests never download a browser. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install it with "apt-get install -y chromium"`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile (own cookies and storage): one per agent in a test. */
export async function newAgentContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
}

export async function logInThroughUi(page: Page, email: string, password: string) {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('inbox-title').waitFor();
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
const signedInStates = new Map<string, StorageState>();

/**
 * A fresh browser context for `agent`, already signed in. Logs in through the UI once per agent
 * and reuses that session afterwards: the login route allows only a few attempts per minute from
 * one address, as it should, and a test file signs in far more often than a person would.
 */
export async function openSignedIn(
  browser: Browser,
  baseURL: string,
  agent: { email: string; password: string },
): Promise<Page> {
  const state = signedInStates.get(`${baseURL} ${agent.email}`);
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    ...(state ? { storageState: state } : {}),
  });
  const page = await context.newPage();
  if (state) {
    await page.goto('/');
    await page.getByTestId('inbox-title').waitFor();
  } else {
    await logInThroughUi(page, agent.email, agent.password);
    signedInStates.set(`${baseURL} ${agent.email}`, await context.storageState());
  }
  return page;
}
