import { rename } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { buildWidget } from '../apps/widget/build.mjs';

/** Helpers of the chat and web-form browser tests (e2e/chat-*, e2e/web-form-*). */

const widgetFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../apps/widget/dist/widget.js',
);

/** Builds the widget the server serves; written aside and renamed, so a reader never sees half a file. */
export async function buildWidgetForTests() {
  const temporary = `${widgetFile}.${process.pid}.${Date.now()}.tmp.js`;
  await buildWidget(temporary);
  await rename(temporary, widgetFile);
}

export type CustomerSite = { url: string; close: () => Promise<void> };

/**
 * A customer's web site on another origin that embeds the widget with one script tag (and the
 * queueing stub, so the page can call the JS API before the script has loaded).
 */
export async function startCustomerSite(
  frontlineUrl: string,
  options: { head?: string; body?: string } = {},
): Promise<CustomerSite> {
  const server: Server = createServer((request, response) => {
    const title = request.url?.startsWith('/help') ? 'Help – Demo shop' : 'Demo shop';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${options.head ?? ''}</head>
<body><main><h1>${title}</h1><p>Garden furniture, delivered across the Baltics.</p>${options.body ?? ''}</main>
<script>window.Frontline = window.Frontline || function () { (Frontline.q = Frontline.q || []).push(arguments); };</script>
<script src="${frontlineUrl}/widget.js" async></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export type AxeViolation = { id: string; impact: string; help: string; nodes: { target: unknown[] }[] };

/** axe-core's WCAG 2.x A/AA rules over the page (open shadow roots included); answers the violations. */
export async function findAccessibilityViolations(
  page: Page | Frame,
  selector?: string,
): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async (include) => {
    // Runs in the page (the e2e project has no DOM typings, hence the narrow casts).
    const scope = globalThis as unknown as {
      axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      document: unknown;
    };
    const result = await scope.axe.run(include ? { include: [[include]] } : scope.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  }, selector);
}
