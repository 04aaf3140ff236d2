import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type CapturedMail = { envelope: { from: string; to: string[] }; raw: Buffer; parsed: ParsedMail };

/**
 * The outside world's mail server, in-process: accepts everything (or refuses with a chosen
 * code) and keeps what it received for the test to inspect.
 */
export async function startCaptureSmtp() {
  const received: CapturedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let refusal: { code: number; message: string; remaining: number } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (refusal && refusal.remaining > 0) {
          refusal.remaining -= 1;
          return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        }
        const raw = Buffer.concat(chunks);
        received.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
          },
          raw,
          parsed: await simpleParser(raw),
        });
        for (const waiter of waiters.filter((entry) => received.length >= entry.count)) waiter.resolve();
        callback(null, 'Captured');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The next `times` mails are refused with `code` (e.g. 451 temporary, 550 permanent). */
    refuse(code: number, message: string, times = 1) {
      refusal = { code, message, remaining: times };
    },
    waitFor(count: number, timeoutMs = 15_000) {
      if (received.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Only ${received.length} of ${count} mails arrived`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
