import type { MailboxConnectionTest } from '@frontline/contracts';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';

export type ConnectionCheck = MailboxConnectionTest['inbound'];

export type ImapAccount = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
};

const ok = (message: string): ConnectionCheck => ({ ok: true, failedStep: null, message });
const failed = (failedStep: string, message: string): ConnectionCheck => ({ ok: false, failedStep, message });

/** Which step a network error belongs to, in words an admin can act on. */
function describeNetworkFailure(
  error: NodeJS.ErrnoException & { code?: string },
  target: string,
): ConnectionCheck {
  // nodemailer wraps socket errors (code ESOCKET), leaving the system code only in the message.
  const code = [error.code, /\b(E[A-Z_]+)\b/.exec(error.message)?.[1]].filter(Boolean).join(' ');
  if (/ENOTFOUND|EAI_AGAIN|EDNS/.test(code))
    return failed('dns', `${target}: the host name does not resolve`);
  if (/ECONNREFUSED/.test(code))
    return failed('connect', `${target}: connection refused (nothing listens on that port)`);
  if (/TIMEOUT|ETIMEDOUT/i.test(code)) return failed('connect', `${target}: no answer in time`);
  if (/TLS|SSL|CERT/i.test(code) || /certificate|ssl|tls/i.test(error.message)) {
    return failed('tls', `${target}: TLS failed (${error.message})`);
  }
  return failed('connect', `${target}: ${error.message || code || 'connection failed'}`);
}

export function openImapClient(account: Omit<ImapAccount, 'folder'>, timeoutMs = 10_000) {
  return new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.secure,
    auth: { user: account.user, pass: account.password },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: 5 * 60_000,
    disableAutoIdle: true,
  });
}

/** Why an IMAP connection or login failed, in words an admin can act on. */
export function describeImapFailure(error: unknown, target: string): ConnectionCheck {
  const imapError = error as Error & { authenticationFailed?: boolean; code?: string };
  if (imapError.authenticationFailed)
    return failed('auth', `${target}: the server refused the user name or password`);
  return describeNetworkFailure(imapError, target);
}

/** Logs in and opens the folder, read-only; reports the first step that failed. */
export async function checkImapAccount(account: ImapAccount): Promise<ConnectionCheck> {
  const target = `${account.host}:${account.port}`;
  const client = openImapClient(account);
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    return describeImapFailure(error, target);
  }
  try {
    const mailbox = await client.mailboxOpen(account.folder, { readOnly: true });
    return ok(`Signed in to ${target}; "${account.folder}" holds ${mailbox.exists} messages`);
  } catch {
    return failed('folder', `${target}: the folder "${account.folder}" does not exist or cannot be opened`);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Connects, says EHLO and authenticates when the URL carries credentials; sends nothing. */
export async function checkSmtpServer(url: string | null): Promise<ConnectionCheck> {
  if (!url)
    return failed(
      'config',
      'No outbound server: set SMTP_URL for the instance or an SMTP URL for this mailbox',
    );
  const parsed = new URL(url);
  const target = `${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)}`;
  const transport = nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
  } as object);
  try {
    await transport.verify();
    return ok(`${target} accepts connections${parsed.username ? ' and the credentials' : ''}`);
  } catch (error) {
    const smtpError = error as NodeJS.ErrnoException & { code?: string };
    if (smtpError.code === 'EAUTH') return failed('auth', `${target}: the server refused the credentials`);
    if (smtpError.code === 'ETLS') return failed('tls', `${target}: TLS failed (${smtpError.message})`);
    return describeNetworkFailure(smtpError, target);
  } finally {
    transport.close();
  }
}
