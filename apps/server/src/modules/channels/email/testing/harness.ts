import type { CreateMailboxBody } from '@frontline/contracts';
import { startTestApp, type TestApp } from '../../../../../test/support/app.ts';
import type { Config } from '../../../../config.ts';
import type { InboundDeps } from '../inbound.service.ts';
import { createMailbox } from '../mailboxes.service.ts';
import { type SmtpListener, startSmtpListener } from '../smtp-listener.ts';
import { closedNetworkResolver, testConfig } from './email-test-kit.ts';

export const silentLog = { info: () => {}, error: () => {}, warn: () => {} };

export type InboundHarness = {
  testApp: TestApp;
  listener: SmtpListener;
  deps: InboundDeps;
  mailboxId: string;
  close: () => Promise<void>;
};

/**
 * The real app on a fresh database with one SMTP-routed mailbox (`pagalba@shop.example`) and the
 * SMTP listener on a free port, DNS answering nothing (a closed network).
 */
export async function startInboundHarness(
  options: { config?: Config; mailbox?: Partial<CreateMailboxBody>; resolver?: InboundDeps['resolver'] } = {},
): Promise<InboundHarness> {
  const config = options.config ?? testConfig();
  const testApp = await startTestApp({ config });
  const mailbox = await createMailbox(testApp.deps, {
    name: 'Shop support',
    address: 'pagalba@shop.example',
    inbound: { type: 'smtp' },
    acknowledge: true,
    responsePromise: { amount: 4, unit: 'hours', businessTime: true },
    signature: '',
    outboundSmtpUrl: null,
    teamId: null,
    acknowledgementTemplates: {},
    isEnabled: true,
    defaultLanguage: 'en',
    ...options.mailbox,
  });
  const deps: InboundDeps = { ...testApp.deps, resolver: options.resolver ?? closedNetworkResolver };
  const listener = await startSmtpListener(
    deps,
    { host: '127.0.0.1', port: 0, maxMessageBytes: config.email.maxMessageBytes },
    silentLog,
  );
  return {
    testApp,
    listener,
    deps,
    mailboxId: mailbox.id,
    close: async () => {
      await listener.close();
      await testApp.close();
    },
  };
}
