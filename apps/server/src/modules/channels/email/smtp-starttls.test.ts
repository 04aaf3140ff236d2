import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { ConfigError, loadConfig } from '../../../config.ts';
import { type MailRole, startMailRole } from './mail-role.ts';
import { createMailbox } from './mailboxes.service.ts';
import { buildMessage, closedNetworkResolver, testConfig } from './testing/email-test-kit.ts';
import { silentLog } from './testing/harness.ts';

const execFileAsync = promisify(execFile);

let certificate: { certFile: string; keyFile: string; pem: string };
let testApp: TestApp;
let withTls: MailRole;
let withoutTls: MailRole;

/** A self-signed certificate for `localhost`, made with the machine's openssl. */
async function makeCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), 'frontline-smtp-tls-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  await execFileAsync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ]);
  return { certFile, keyFile, pem: readFileSync(certFile, 'utf8') };
}

const startRole = (environment: Record<string, string>) =>
  startMailRole(
    {
      ...testApp.deps,
      config: testConfig({ FRONTLINE_SMTP_PORT: '0', ...environment }),
      resolver: closedNetworkResolver,
    },
    { logger: { ...silentLog, warn: () => {} } },
  );

beforeAll(async () => {
  certificate = await makeCertificate();
  testApp = await startTestApp({ config: testConfig() });
  await createMailbox(testApp.deps, {
    name: 'Shop support',
    address: 'pagalba@shop.example',
    inbound: { type: 'smtp' },
    acknowledge: false,
    responsePromise: { amount: 4, unit: 'hours', businessTime: true },
    signature: '',
    outboundSmtpUrl: null,
    teamId: null,
    acknowledgementTemplates: {},
    isEnabled: true,
    defaultLanguage: 'en',
  });
  withTls = await startRole({
    FRONTLINE_SMTP_TLS_CERT: certificate.certFile,
    FRONTLINE_SMTP_TLS_KEY: certificate.keyFile,
  });
  withoutTls = await startRole({});
}, 60_000);
afterAll(async () => {
  await withTls?.stop();
  await withoutTls?.stop();
  await testApp?.close();
});

/** A sending server that refuses to send in the clear, trusting only our test certificate. */
function sendRequiringTls(port: number, messageId: string) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    requireTLS: true,
    tls: { ca: certificate.pem, servername: 'localhost' },
  });
  return transport
    .sendMail({
      envelope: { from: 'ona@example.lt', to: ['pagalba@shop.example'] },
      raw: buildMessage({ messageId, to: 'pagalba@shop.example' }),
    })
    .finally(() => transport.close());
}

const storedCount = async (externalId: string) =>
  (await testApp.deps.db.selectFrom('messages').select('id').where('external_id', '=', externalId).execute())
    .length;

describe('STARTTLS on the SMTP listener', () => {
  it('with a certificate configured, a client that requires TLS upgrades, verifies it and delivers', async () => {
    const info = await sendRequiringTls(withTls.smtpPort, 'tls-1@example.lt');
    expect(info.response).toMatch(/^250 /);
    expect(await storedCount('tls-1@example.lt')).toBe(1);
  });

  it('without a certificate STARTTLS is not offered, so such a client refuses to send', async () => {
    await expect(sendRequiringTls(withoutTls.smtpPort, 'tls-2@example.lt')).rejects.toThrow(/STARTTLS/i);
    expect(await storedCount('tls-2@example.lt')).toBe(0);
  });

  it('a certificate without its key (or the reverse) is a configuration error', () => {
    expect(() => loadConfig({ FRONTLINE_SMTP_TLS_CERT: certificate.certFile })).toThrow(ConfigError);
    expect(() => loadConfig({ FRONTLINE_SMTP_TLS_KEY: certificate.keyFile })).toThrow(ConfigError);
    expect(
      loadConfig({
        FRONTLINE_SMTP_TLS_CERT: certificate.certFile,
        FRONTLINE_SMTP_TLS_KEY: certificate.keyFile,
      }).email.smtpTls,
    ).toEqual({ certFile: certificate.certFile, keyFile: certificate.keyFile });
  });
});
