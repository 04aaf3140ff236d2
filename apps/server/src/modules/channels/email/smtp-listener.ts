import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { AppError } from '../../../platform/errors.ts';
import { type InboundDeps, receiveInboundEmail, UnacceptableEmailError } from './inbound.service.ts';
import { findMailboxForRecipients } from './mailboxes.repository.ts';
import { splitPlusAddress } from './threading.ts';

export type SmtpListener = { port: number; close: () => Promise<void> };

export type SmtpListenerOptions = {
  host: string;
  port: number;
  maxMessageBytes: number;
  /** PEM certificate and key: STARTTLS is offered only with them. */
  tls?: { cert: Buffer; key: Buffer } | null;
};

type Log = {
  info: (object: unknown, message: string) => void;
  error: (object: unknown, message: string) => void;
};

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

/** Anything but a verdict on the mail itself (database down, disk full) asks the sender to retry. */
const temporaryFailure = () =>
  smtpError(451, '4.3.0 Temporary failure storing the message; please try again later');

function readMessage(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit, keep draining so the client reaches the end of DATA and reads our 552.
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('end', () =>
      resolve(stream.sizeExceeded || size > maxBytes ? null : Buffer.concat(chunks, size)),
    );
    stream.on('error', reject);
  });
}

function mebibytes(bytes: number) {
  return `${Math.floor(bytes / 1_048_576)} MB`;
}

/**
 * The inbound SMTP listener: mail for any mailbox address (plus-addresses included) is parsed,
 * threaded and committed before we answer 250, so a mail is never acknowledged and then lost.
 * Mail too large gets 552 with a notice the sender's server passes on; a database failure gets
 * 451, and the sender's server retries later.
 *
 * Per-connection cost, decided here: smtp-server holds every greeting ~100 ms to catch clients
 * that talk before it (a cheap spam-bot tell), and by default resolves the client's reverse DNS
 * for up to 1.5 s. We keep the greeting pause — it costs latency, not CPU, and concurrent
 * connections overlap it — but turn the reverse lookup off: we use the name for nothing, and on
 * a closed network every lookup would wait for its timeout. A busy site should put an MTA in
 * front (Postfix, the cloud's relay) that keeps connections open and sends many mails over
 * each: then the greeting cost is paid once per connection, not per mail (see docs/benchmarks.md).
 */
export async function startSmtpListener(
  deps: InboundDeps,
  options: SmtpListenerOptions,
  log: Log,
): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: options.host,
    banner: 'Frontline ESMTP',
    size: options.maxMessageBytes,
    authOptional: true,
    // An inbound MX: nobody logs in. Without a configured certificate STARTTLS would only offer
    // smtp-server's built-in self-signed one, so it is not advertised at all.
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    disableReverseLookup: true,
    logger: false,
    maxClients: 500,
    onRcptTo(address, _session, callback) {
      findMailboxForRecipients(deps.db, [splitPlusAddress(address.address).base])
        .then((mailbox) => {
          if (!mailbox) return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
          // Switched off by an admin for a while: the sender's server keeps the mail and retries.
          if (!mailbox.is_enabled)
            return callback(smtpError(450, `4.2.1 <${address.address}>: mailbox disabled, try again later`));
          callback(null);
        })
        .catch((error: unknown) => {
          log.error({ err: error }, 'SMTP: mailbox lookup failed');
          callback(temporaryFailure());
        });
    },
    onData(stream, session, callback) {
      handleData(deps, options, stream, session, log).then(
        (message) => callback(null, message),
        (error: Error) => callback(error),
      );
    },
  });
  server.on('error', (error) => log.error({ err: error }, 'SMTP listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  log.info(
    { port, starttls: Boolean(options.tls) },
    `SMTP listener accepting mail on ${options.host}:${port}${options.tls ? ' (STARTTLS offered)' : ''}`,
  );
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handleData(
  deps: InboundDeps,
  options: SmtpListenerOptions,
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  log: Log,
): Promise<string> {
  const raw = await readMessage(stream, options.maxMessageBytes);
  if (!raw) {
    throw smtpError(
      552,
      `5.3.4 Message too big: this mailbox accepts messages up to ${mebibytes(options.maxMessageBytes)} including attachments; please send large files as a link`,
    );
  }
  const recipients = session.envelope.rcptTo.map((recipient) => recipient.address);
  try {
    const mailbox = await findMailboxForRecipients(
      deps.db,
      recipients.map((address) => splitPlusAddress(address).base),
    );
    // Removed between RCPT and DATA: the sender should not keep retrying.
    if (!mailbox) throw smtpError(550, '5.1.1 No such mailbox here');
    if (!mailbox.is_enabled) throw smtpError(450, '4.2.1 Mailbox disabled, try again later');
    const result = await receiveInboundEmail(deps, {
      raw,
      mailbox,
      recipients,
      session: {
        ip: session.remoteAddress,
        helo: session.hostNameAppearsAs ?? '',
        sender: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      },
    });
    return result.outcome === 'duplicate'
      ? '2.0.0 Already received'
      : `2.0.0 Stored as ${result.messageId ?? 'bounce report'}`;
  } catch (error) {
    if ((error as { responseCode?: number }).responseCode) throw error;
    if (error instanceof UnacceptableEmailError) throw smtpError(550, `5.6.0 ${error.message}`);
    if (error instanceof AppError && error.status < 500) throw smtpError(550, `5.6.0 ${error.message}`);
    log.error({ err: error }, 'SMTP: could not store a message; answered 451');
    throw temporaryFailure();
  }
}
