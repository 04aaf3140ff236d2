import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../apps/server/src/config.ts';
import { connectDatabase } from '../../apps/server/src/db/database.ts';
import { startSmtpListener } from '../../apps/server/src/modules/channels/email/smtp-listener.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';

/**
 * The mail role's SMTP listener, in a worker thread: its own event loop, as in production, so
 * the bench's SMTP clients in the main thread do not steal its time. Same pool size as the
 * runtime (20). DNS fails at once, as on a closed network: SPF/DMARC lookups are not measured.
 */
const { databaseUrl, dataDir, mode } = workerData as {
  databaseUrl: string;
  dataDir: string;
  mode: 'frontline' | 'bare';
};

/**
 * The reference point: smtp-server with the same options, only parsing each mail with mailparser
 * and answering 250 — the protocol and parsing cost without anything stored.
 */
async function startBareListener() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        () => callback(null, 'Parsed'),
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const config = loadConfig({
  FRONTLINE_DATA_DIR: dataDir,
  FRONTLINE_SECRET_KEY: 'b'.repeat(64),
  FRONTLINE_LOG_LEVEL: 'warn',
});
const database = connectDatabase(databaseUrl, { max: 20 });
const log = { info: () => {}, error: (object: unknown, message: string) => console.error(message, object) };
const listener =
  mode === 'bare'
    ? await startBareListener()
    : await startSmtpListener(
        {
          db: database.db,
          clock: systemClock,
          config,
          resolver: async (name) => {
            throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
          },
        },
        { host: '127.0.0.1', port: 0, maxMessageBytes: config.email.maxMessageBytes },
        log,
      );

parentPort!.postMessage({ type: 'ready', port: listener.port });
parentPort!.on('message', async (message: { type: string }) => {
  if (message.type !== 'stop') return;
  await listener.close();
  await database.close();
  parentPort!.postMessage({ type: 'stopped' });
});
