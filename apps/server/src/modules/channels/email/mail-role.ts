import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import type { Deps } from '../../../deps.ts';
import type { DNSResolver } from './authentication.ts';
import { type ImapPoller, type Log, startImapPoller } from './imap-poller.ts';
import { listImapMailboxRows } from './mailboxes.repository.ts';
import { startSmtpListener } from './smtp-listener.ts';

export type MailRoleDeps = Pick<Deps, 'db' | 'pool' | 'clock' | 'config'> & { resolver?: DNSResolver };

export type MailRoleOptions = {
  logger: Log;
  /** How often IMAP folders are checked besides IDLE. */
  pollIntervalMs?: number;
  /** How often the mailbox list is re-read, so added, changed and removed IMAP mailboxes take effect. */
  reloadIntervalMs?: number;
};

export type MailRole = { smtpPort: number; stop: () => Promise<void> };

// Advisory-lock namespace of IMAP pollers (int4; the mailbox id's hash is the second key).
const pollerLockNamespace = 40_040;

/**
 * Runs one poller per IMAP mailbox across all instances of the mail role: each poller holds a
 * PostgreSQL advisory lock on its mailbox, so a second instance leaves that mailbox alone (and
 * takes over when the first one goes away, at its next reload).
 */
function startImapPollers(deps: MailRoleDeps, options: Required<MailRoleOptions>) {
  const log = options.logger;
  const running = new Map<string, { version: number; poller: ImapPoller }>();
  let lockClient: pg.PoolClient | undefined;
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;

  const stopPoller = async (id: string) => {
    const entry = running.get(id);
    running.delete(id);
    await entry?.poller.stop();
    await lockClient
      ?.query('select pg_advisory_unlock($1, hashtext($2))', [pollerLockNamespace, id])
      .catch(() => {});
  };

  const reconcile = async () => {
    if (!lockClient) {
      const client = await deps.pool.connect();
      client.on('error', (error) => {
        // Released by stop() already (shutdown ends the server's connections): nothing to do.
        if (lockClient !== client) return;
        log.error({ err: error }, 'IMAP: lock connection lost; pollers stop until it is back');
        lockClient = undefined;
        for (const id of [...running.keys()]) void stopPoller(id);
        client.release(error);
      });
      lockClient = client;
    }
    const mailboxes = await listImapMailboxRows(deps.db);
    for (const id of [...running.keys()]) {
      const row = mailboxes.find((mailbox) => mailbox.id === id);
      if (!row || new Date(row.updated_at).getTime() !== running.get(id)!.version) await stopPoller(id);
    }
    for (const mailbox of mailboxes) {
      if (running.has(mailbox.id) || isStopped) continue;
      const { rows } = await lockClient.query<{ locked: boolean }>(
        'select pg_try_advisory_lock($1, hashtext($2)) as locked',
        [pollerLockNamespace, mailbox.id],
      );
      if (!rows[0]?.locked) continue;
      running.set(mailbox.id, {
        version: new Date(mailbox.updated_at).getTime(),
        poller: startImapPoller(
          deps,
          mailbox,
          { pollIntervalMs: options.pollIntervalMs, maxMessageBytes: deps.config.email.maxMessageBytes },
          log,
        ),
      });
      log.info({ mailbox: mailbox.address }, 'IMAP: polling');
    }
  };

  const schedule = () => {
    if (isStopped) return;
    timer = setTimeout(() => {
      reconcile()
        .catch((error: unknown) => log.warn({ err: error }, 'IMAP: could not read the mailboxes; retrying'))
        .finally(schedule);
    }, options.reloadIntervalMs);
  };

  const ready = reconcile().catch((error: unknown) =>
    log.warn({ err: error }, 'IMAP: could not read the mailboxes; retrying'),
  );
  void ready.then(schedule);

  return {
    ready,
    stop: async () => {
      isStopped = true;
      clearTimeout(timer);
      await ready;
      for (const id of [...running.keys()]) await stopPoller(id);
      const client = lockClient;
      lockClient = undefined;
      client?.release();
    },
  };
}

/**
 * The `mail` role: the SMTP listener on FRONTLINE_SMTP_PORT and the IMAP pollers. Outbound mail
 * is not here: it is sent by the worker role's jobs (`emailTasks`).
 */
export async function startMailRole(deps: MailRoleDeps, options: MailRoleOptions): Promise<MailRole> {
  const settings: Required<MailRoleOptions> = {
    pollIntervalMs: 60_000,
    reloadIntervalMs: 30_000,
    ...options,
  };
  const tlsFiles = deps.config.email.smtpTls;
  const listener = await startSmtpListener(
    deps,
    {
      host: deps.config.email.smtpHost,
      port: deps.config.email.smtpPort,
      maxMessageBytes: deps.config.email.maxMessageBytes,
      // Read at start: a renewed certificate takes effect when the mail role restarts.
      tls: tlsFiles
        ? { cert: await readFile(tlsFiles.certFile), key: await readFile(tlsFiles.keyFile) }
        : null,
    },
    settings.logger,
  );
  const pollers = startImapPollers(deps, settings);
  await pollers.ready;
  return {
    smtpPort: listener.port,
    stop: async () => {
      await listener.close();
      await pollers.stop();
    },
  };
}
