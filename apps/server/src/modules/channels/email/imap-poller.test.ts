import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app.ts';
import { receiveInboundEmail } from './inbound.service.ts';
import { type MailRole, startMailRole } from './mail-role.ts';
import { findMailbox } from './mailboxes.repository.ts';
import { createMailbox } from './mailboxes.service.ts';
import { type Dovecot, startDovecot } from './testing/dovecot.ts';
import { buildMessage, closedNetworkResolver, eventually, testConfig } from './testing/email-test-kit.ts';
import { silentLog } from './testing/harness.ts';

let dovecot: Dovecot;
let testApp: TestApp;
let admin: SignedInAgent;
let mailboxId: string;
let role: MailRole | undefined;

const quietLog = { ...silentLog, warn: () => {} };

async function imapClient() {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  return client;
}

/** Mail arriving in the account, as the provider's MX would put it there. */
async function appendToInbox(raw: string) {
  const client = await imapClient();
  try {
    await client.append('INBOX', raw);
  } finally {
    await client.logout();
  }
}

async function folderCounts() {
  const client = await imapClient();
  try {
    const folders = await client.list();
    const processed = folders.find((folder) => folder.path.replace('.', '/') === 'Frontline/Processed');
    const count = async (path: string) => {
      const status = await client.status(path, { messages: true });
      return status === false ? 0 : (status.messages ?? 0);
    };
    return { inbox: await count('INBOX'), processed: processed ? await count(processed.path) : 0 };
  } finally {
    await client.logout();
  }
}

async function storedCount(externalId: string) {
  const rows = await testApp.deps.db
    .selectFrom('messages')
    .select('id')
    .where('external_id', '=', externalId)
    .execute();
  return rows.length;
}

const startRole = (pollIntervalMs = 60_000) =>
  startMailRole(
    { ...testApp.deps, resolver: closedNetworkResolver },
    { logger: quietLog, pollIntervalMs, reloadIntervalMs: 200 },
  );

beforeAll(async () => {
  dovecot = await startDovecot();
  testApp = await startTestApp({ config: testConfig({ FRONTLINE_SMTP_PORT: '0' }) });
  admin = await signInAgent(testApp, 'admin');
  const mailbox = await createMailbox(testApp.deps, {
    name: 'IMAP support',
    address: 'pagalba@imap.example',
    inbound: {
      type: 'imap',
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      user: dovecot.user,
      password: dovecot.password,
      folder: 'INBOX',
      processedFolder: 'Frontline/Processed',
    },
    acknowledge: true,
    responsePromise: { amount: 4, unit: 'hours', businessTime: true },
    signature: '',
    outboundSmtpUrl: null,
    teamId: null,
    acknowledgementTemplates: {},
    isEnabled: true,
    defaultLanguage: 'en',
  });
  mailboxId = mailbox.id;
}, 60_000);
afterAll(async () => {
  await role?.stop();
  await testApp?.close();
  await dovecot?.stop();
});

describe('IMAP poller against a real Dovecot', () => {
  it('stores the mail waiting in the folder and moves it to the processed folder', async () => {
    await appendToInbox(buildMessage({ messageId: 'imap-1@example.lt', to: 'pagalba@imap.example' }));
    await appendToInbox(
      buildMessage({ messageId: 'imap-2@example.lt', to: 'pagalba@imap.example', subject: 'Antras' }),
    );
    role = await startRole();
    await eventually(async () => {
      expect(await storedCount('imap-1@example.lt')).toBe(1);
      expect(await storedCount('imap-2@example.lt')).toBe(1);
      expect(await folderCounts()).toEqual({ inbox: 0, processed: 2 });
    });
    // The admin list shows the poller is healthy.
    await eventually(async () => {
      const mailbox = (await requestAs(testApp, admin).get(`/api/v1/mailboxes/${mailboxId}`)).json();
      expect(mailbox.status).toMatchObject({
        lastCheckedAt: expect.any(String),
        lastReceivedAt: expect.any(String),
        lastError: null,
      });
    });
  });

  it('picks up new mail at once through IDLE, long before the next poll', async () => {
    await appendToInbox(buildMessage({ messageId: 'imap-idle@example.lt', to: 'pagalba@imap.example' }));
    await eventually(async () => expect(await storedCount('imap-idle@example.lt')).toBe(1), 5_000);
  });

  it('after a crash between storing and moving, the restarted poller stores no duplicate', async () => {
    await role?.stop();
    role = undefined;
    const raw = buildMessage({ messageId: 'imap-crash@example.lt', to: 'pagalba@imap.example' });
    await appendToInbox(raw);
    // The state a crash leaves: the mail committed, but still in the folder.
    const mailbox = await findMailbox(testApp.deps.db, mailboxId);
    await receiveInboundEmail(
      { ...testApp.deps, resolver: closedNetworkResolver },
      { raw: Buffer.from(raw), mailbox: mailbox!, recipients: ['pagalba@imap.example'] },
    );
    expect(await storedCount('imap-crash@example.lt')).toBe(1);
    role = await startRole();
    await eventually(async () => expect((await folderCounts()).inbox).toBe(0));
    expect(await storedCount('imap-crash@example.lt')).toBe(1);
  });

  it('re-reads the mailbox list: adding and removing a mailbox leaves the others polling', async () => {
    const response = await requestAs(testApp, admin).post('/api/v1/mailboxes', {
      name: 'Temporary',
      address: 'temp@imap.example',
      // Unreachable on purpose: its poller only retries until the mailbox is gone.
      inbound: { type: 'imap', host: '127.0.0.1', port: 1, secure: false, user: 'x', password: 'y' },
    });
    expect(response.statusCode).toBe(201);
    // Its poller's failure is shown to the admin in words they can act on.
    await eventually(async () => {
      const temporary = (
        await requestAs(testApp, admin).get(`/api/v1/mailboxes/${response.json().id}`)
      ).json();
      expect(temporary.status).toMatchObject({
        lastCheckedAt: null,
        lastError: '127.0.0.1:1: connection refused (nothing listens on that port)',
        lastErrorAt: expect.any(String),
      });
    });
    expect(
      (await requestAs(testApp, admin).delete(`/api/v1/mailboxes/${response.json().id}`)).statusCode,
    ).toBe(204);
    // The poller of the remaining mailbox still works after the reload.
    await appendToInbox(
      buildMessage({ messageId: 'imap-after-reload@example.lt', to: 'pagalba@imap.example' }),
    );
    await eventually(async () => expect(await storedCount('imap-after-reload@example.lt')).toBe(1));
    const stored = await testApp.deps.db
      .selectFrom('email_messages')
      .innerJoin('messages', 'messages.id', 'email_messages.message_id')
      .select('email_messages.mailbox_id')
      .where('messages.external_id', '=', 'imap-after-reload@example.lt')
      .executeTakeFirstOrThrow();
    expect(stored.mailbox_id).toBe(mailboxId);
  });
});

describe('switching an IMAP mailbox off and on', () => {
  /**
   * Proof that the mail role re-read the mailbox list: an unreachable sentinel mailbox is moved to
   * another closed port, and its poller's error names the new port only once a reload restarted it.
   */
  async function waitForReload(sentinelId: string, port: number) {
    await requestAs(testApp, admin).patch(`/api/v1/mailboxes/${sentinelId}`, {
      inbound: { type: 'imap', host: '127.0.0.1', port, secure: false, user: 'x' },
    });
    await eventually(async () => {
      const sentinel = (await requestAs(testApp, admin).get(`/api/v1/mailboxes/${sentinelId}`)).json();
      expect(sentinel.status.lastError).toContain(`127.0.0.1:${port}:`);
    });
  }

  it('a switched-off mailbox is not polled, its mail waits on the server; switched on, it is fetched', async () => {
    const sentinel = await requestAs(testApp, admin).post('/api/v1/mailboxes', {
      name: 'Sentinel',
      address: 'sentinel@imap.example',
      inbound: { type: 'imap', host: '127.0.0.1', port: 1, secure: false, user: 'x', password: 'y' },
    });
    const sentinelId = sentinel.json().id as string;
    await requestAs(testApp, admin).patch(`/api/v1/mailboxes/${mailboxId}`, { isEnabled: false });
    await waitForReload(sentinelId, 2);
    await appendToInbox(buildMessage({ messageId: 'imap-paused@example.lt', to: 'pagalba@imap.example' }));
    await waitForReload(sentinelId, 3);
    expect(await storedCount('imap-paused@example.lt')).toBe(0);
    expect((await folderCounts()).inbox).toBe(1);

    await requestAs(testApp, admin).patch(`/api/v1/mailboxes/${mailboxId}`, { isEnabled: true });
    await eventually(async () => expect(await storedCount('imap-paused@example.lt')).toBe(1));
    await requestAs(testApp, admin).delete(`/api/v1/mailboxes/${sentinelId}`);
  });
});

describe('IMAP connection test against a real Dovecot', () => {
  const settings = () => ({
    type: 'imap',
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    user: dovecot.user,
  });

  it('reports success with the folder’s message count', async () => {
    const response = await requestAs(testApp, admin).post(`/api/v1/mailboxes/${mailboxId}/connection-test`);
    expect(response.json().inbound).toMatchObject({
      ok: true,
      failedStep: null,
      message: expect.stringContaining('INBOX'),
    });
  });

  it.each([
    ['a wrong password', { password: 'wrong' }, 'auth'],
    ['a missing folder', { password: 'imap-secret-pw', folder: 'Nope' }, 'folder'],
  ])('names the failed step for %s', async (_case, change, step) => {
    const response = await requestAs(testApp, admin).post('/api/v1/mailboxes/connection-test', {
      inbound: { ...settings(), ...change },
    });
    expect(response.json().inbound).toMatchObject({ ok: false, failedStep: step });
  });
});
