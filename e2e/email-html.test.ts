import type { AddressInfo } from 'node:net';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverRaw } from '../apps/server/src/modules/channels/email/testing/email-test-kit.ts';
import {
  type InboundHarness,
  startInboundHarness,
} from '../apps/server/src/modules/channels/email/testing/harness.ts';
import { requestAs } from '../apps/server/test/support/app.ts';
import { launchBrowser, openSignedIn } from './support/browser.ts';
import { createTestAgent, type RunningServer } from './support/server.ts';

let harness: InboundHarness;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // The real app with an SMTP-routed mailbox (pagalba@shop.example) and its SMTP listener.
  [harness, browser] = await Promise.all([
    startInboundHarness({ mailbox: { acknowledge: false } }),
    launchBrowser(),
  ]);
  await harness.testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = harness.testApp.app.server.address() as AddressInfo;
  server = { testApp: harness.testApp, baseUrl: `http://127.0.0.1:${port}`, close: () => harness.close() };
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

function mailWithPhotoAndReceipt(pixelUrl: string) {
  return [
    'From: Greta Lindqvist <greta@example.se>',
    'To: pagalba@shop.example',
    'Subject: Broken lid, receipt attached',
    `Message-ID: <broken-lid-${Date.now()}@example.se>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="mixed"',
    '',
    '--mixed',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The lid of the coffee machine is cracked. Receipt attached.',
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    '',
    `<p>The lid of the coffee machine is <b>cracked</b>. Receipt attached.</p><img src="${pixelUrl}" alt="tracker"><script>window.parent.document.title = 'hacked'</script>`,
    '--alt--',
    '--mixed',
    'Content-Type: text/plain; name="receipt.txt"',
    'Content-Disposition: attachment; filename="receipt.txt"',
    '',
    'Receipt 48213, 89.90 EUR',
    '--mixed--',
    '',
  ].join('\r\n');
}

describe('email in the workspace', () => {
  it('shows the mail safely: sender, downloadable attachment, no script, remote images only after consent', async () => {
    const agent = await createTestAgent(server, { name: 'Mail Reader', role: 'supervisor' });
    // Another origin than the app's (localhost, not 127.0.0.1), as a sender's tracker would be.
    const pixelUrl = `${server.baseUrl.replace('127.0.0.1', 'localhost')}/tracking-pixel.gif`;
    const answer = await deliverRaw(harness.listener.port, {
      from: 'greta@example.se',
      to: ['pagalba@shop.example'],
      raw: mailWithPhotoAndReceipt(pixelUrl),
    });
    expect(answer.accepted).toBe(true);
    const list = await requestAs(server.testApp, agent).get('/api/v1/conversations', {
      query: { channel: 'email' },
    });
    const conversation = (list.json() as { items: { id: string; subject: string }[] }).items.find(
      (candidate) => candidate.subject === 'Broken lid, receipt attached',
    );
    expect(conversation).toBeDefined();

    const page = await openSignedIn(browser, server.baseUrl, agent);
    // Chromium reports a request the frame's policy blocked as failed with "csp"; any other
    // request went out on the network, i.e. the sender's server would learn the mail was read.
    const pixelRequests: Request[] = [];
    page.on('request', (request) => {
      if (request.url().includes('tracking-pixel.gif')) pixelRequests.push(request);
    });
    const fetchedPixels = () =>
      pixelRequests.filter((request) => request.failure()?.errorText !== 'csp').length;
    await page.goto(`/conversations/${conversation!.id}`);

    const frame = page.frameLocator('[data-testid="email-html"]');
    await frame.getByText('Receipt attached.').waitFor();
    await page.getByText('From: Greta Lindqvist <greta@example.se>').waitFor();
    const attachment = page.getByTestId('email-attachment').filter({ hasText: 'receipt.txt' });
    await attachment.waitFor();
    const download = await requestAs(server.testApp, agent).get((await attachment.getAttribute('href'))!);
    expect(download.body).toContain('Receipt 48213');

    await page.getByTestId('images-blocked').waitFor();
    await page.waitForTimeout(500);
    expect(fetchedPixels()).toBe(0);
    await page.getByRole('button', { name: 'Show images' }).click();
    await expect.poll(fetchedPixels, { timeout: 5000 }).toBeGreaterThan(0);
    expect(await page.title()).not.toBe('hacked');
    await page.context().close();
  });
});
