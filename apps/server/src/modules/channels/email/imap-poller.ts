import type { ImapFlow } from 'imapflow';
import type { MailboxRow } from '../../../db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { describeImapFailure, openImapClient } from './connection-test.ts';
import { type InboundDeps, receiveInboundEmail, UnacceptableEmailError } from './inbound.service.ts';
import { recordInboundStatus } from './mailboxes.repository.ts';
import { loadSecretBox } from './secret-box.ts';

export type Log = {
  info: (object: unknown, message: string) => void;
  warn: (object: unknown, message: string) => void;
  error: (object: unknown, message: string) => void;
};

export type ImapPollerOptions = {
  /** A safety net besides IDLE: servers and middleboxes drop IDLE notifications now and then. */
  pollIntervalMs: number;
  maxMessageBytes: number;
  /** First wait before reconnecting after a failure; doubles up to five minutes. */
  retryDelayMs?: number;
};

export type ImapPoller = { stop: () => Promise<void> };

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** The folder for processed mail, created if missing; answers its path in the server's hierarchy. */
async function ensureFolder(client: ImapFlow, folder: string): Promise<string> {
  const segments = folder.split('/').filter(Boolean);
  const existing = (await client.list()).find(
    (entry) => entry.path === folder || entry.path === segments.join(entry.delimiter || '/'),
  );
  if (existing) return existing.path;
  const created = await client.mailboxCreate(segments);
  return created.path;
}

/** A verdict on the mail itself (no sender, bad address): retrying will not help. */
const isPermanentRefusal = (error: unknown) =>
  error instanceof UnacceptableEmailError || (error instanceof AppError && error.status < 500);

/**
 * Polls one IMAP mailbox: every message in its folder is stored through the same inbound
 * pipeline as SMTP mail, and only after the commit moved to the processed folder. A crash
 * between the two leaves the message in place; fetched again after the restart, its Message-ID
 * is already stored and it is just moved — no duplicate. New mail is picked up at once through
 * IDLE, and every `pollIntervalMs` regardless. Connection failures reconnect with back-off.
 */
export function startImapPoller(
  deps: InboundDeps,
  mailbox: MailboxRow,
  options: ImapPollerOptions,
  log: Log,
): ImapPoller {
  const stopping = new AbortController();
  const password = loadSecretBox(deps.config).open(mailbox.imap_password_sealed ?? '');
  /** Messages we cannot take (too large, no sender): left in the folder, reported once. */
  const leftInFolder = new Set<number>();
  let client: ImapFlow | undefined;
  let wake: (() => void) | undefined;
  /** Set by the server's EXISTS, also while we are busy, so no notification is missed. */
  let hasNews = false;
  const target = `${mailbox.imap_host}:${mailbox.imap_port}`;

  /** For the admin screen; a failure to write it must not stop the polling. */
  const recordStatus = (error: string | null) =>
    recordInboundStatus(deps.db, mailbox.id, { error }).catch((failure: unknown) =>
      log.warn({ mailbox: mailbox.address, err: failure }, 'IMAP: could not record the mailbox status'),
    );

  async function processFolder(imap: ImapFlow, processedPath: string) {
    const lock = await imap.getMailboxLock(mailbox.imap_folder);
    try {
      const found = await imap.search({ all: true }, { uid: true });
      const uids = (Array.isArray(found) ? found : []).filter((uid) => !leftInFolder.has(uid));
      if (uids.length === 0) return;
      const sizes = new Map<number, number>();
      for await (const message of imap.fetch(uids.join(','), { uid: true, size: true }, { uid: true })) {
        sizes.set(message.uid, message.size ?? 0);
      }
      for (const uid of uids) {
        if (stopping.signal.aborted) return;
        if ((sizes.get(uid) ?? 0) > options.maxMessageBytes) {
          leftInFolder.add(uid);
          log.warn(
            { mailbox: mailbox.address, uid },
            'IMAP: message larger than FRONTLINE_MAIL_MAX_BYTES left in the folder',
          );
          continue;
        }
        const message = await imap.fetchOne(String(uid), { source: true }, { uid: true });
        if (message === false || !message.source) continue;
        try {
          await receiveInboundEmail(deps, { raw: message.source, mailbox, recipients: [mailbox.address] });
        } catch (error) {
          if (!isPermanentRefusal(error)) throw error;
          leftInFolder.add(uid);
          log.warn(
            { mailbox: mailbox.address, uid, err: error },
            'IMAP: message refused and left in the folder',
          );
          continue;
        }
        await imap.messageMove(String(uid), processedPath, { uid: true });
      }
    } finally {
      lock.release();
    }
  }

  async function session() {
    const imap = openImapClient({
      host: mailbox.imap_host ?? '',
      port: mailbox.imap_port ?? 993,
      secure: mailbox.imap_secure ?? true,
      user: mailbox.imap_user ?? '',
      password,
    });
    client = imap;
    const closed = new Promise<void>((resolve) => imap.once('close', () => resolve()));
    imap.on('error', (error: Error) =>
      log.warn({ mailbox: mailbox.address, err: error }, 'IMAP connection error'),
    );
    imap.on('exists', () => {
      hasNews = true;
      wake?.();
    });
    try {
      await imap.connect();
    } catch (error) {
      throw new Error(describeImapFailure(error, target).message, { cause: error });
    }
    const processedPath = await ensureFolder(imap, mailbox.imap_processed_folder);
    await imap.mailboxOpen(mailbox.imap_folder).catch((error: unknown) => {
      throw new Error(`${target}: the folder "${mailbox.imap_folder}" cannot be opened`, { cause: error });
    });
    while (!stopping.signal.aborted && imap.usable) {
      hasNews = false;
      await processFolder(imap, processedPath);
      await recordStatus(null);
      if (hasNews) continue;
      const woken = new Promise<void>((resolve) => {
        wake = resolve;
      });
      // IDLE until the server reports new mail; any next command ends it.
      imap.idle().catch(() => {});
      await Promise.race([woken, closed, sleep(options.pollIntervalMs, stopping.signal)]);
    }
    if (imap.usable) await imap.logout().catch(() => imap.close());
  }

  const running = (async () => {
    let delay = options.retryDelayMs ?? 1_000;
    while (!stopping.signal.aborted) {
      try {
        await session();
        delay = options.retryDelayMs ?? 1_000;
      } catch (error) {
        if (stopping.signal.aborted) break;
        await recordStatus(error instanceof Error ? error.message : String(error));
        log.warn({ mailbox: mailbox.address, err: error, retryInMs: delay }, 'IMAP polling failed; retrying');
      }
      client?.close();
      await sleep(delay, stopping.signal);
      delay = Math.min(delay * 2, 5 * 60_000);
    }
  })();

  return {
    stop: async () => {
      stopping.abort();
      wake?.();
      if (client?.usable) await client.logout().catch(() => client?.close());
      else client?.close();
      await running;
    },
  };
}
