import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeTwilioRequest = {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
};

/**
 * Twilio's Messages API on a local port, as far as we use it: it checks HTTP basic auth against
 * one account, requires `To`, `Body` and `From` or `MessagingServiceSid`, answers 201 with a
 * message SID, and can be told to fail the next requests with a 500 (an outage).
 */
export async function startFakeTwilio(account: { sid: string; authToken: string }) {
  const requests: FakeTwilioRequest[] = [];
  const accepted: FakeTwilioRequest[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let failuresLeft = 0;
  const expectedAuth = `Basic ${Buffer.from(`${account.sid}:${account.authToken}`).toString('base64')}`;

  const readBody = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };

  const server = createServer(async (request, response) => {
    const form = Object.fromEntries(new URLSearchParams(await readBody(request)));
    const received: FakeTwilioRequest = {
      path: request.url ?? '',
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      form,
    };
    requests.push(received);
    const answer = (status: number, body: object) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST' || received.path !== `/2010-04-01/Accounts/${account.sid}/Messages.json`)
      return answer(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    if (received.authorization !== expectedAuth)
      return answer(401, { code: 20003, message: 'Authenticate', status: 401 });
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      return answer(500, { code: 20500, message: 'Internal Server Error', status: 500 });
    }
    if (!form.To || !form.Body || !(form.From || form.MessagingServiceSid))
      return answer(400, { code: 21604, message: "A 'To', 'Body' and 'From' are required", status: 400 });
    if (!/^\+[1-9]\d{6,14}$/.test(form.To))
      return answer(400, { code: 21211, message: `The 'To' number ${form.To} is not valid.`, status: 400 });
    accepted.push(received);
    for (const waiter of waiters.filter((entry) => accepted.length >= entry.count)) waiter.resolve();
    const sid = `SM${accepted.length.toString(16).padStart(32, '0')}`;
    return answer(201, { sid, status: 'queued', to: form.To, body: form.Body });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    /** Every request, including refused ones. */
    requests,
    /** Messages Twilio accepted (answered 201), in order. */
    accepted,
    /** The next `times` well-formed requests get a 500. */
    failNext: (times: number) => {
      failuresLeft = times;
    },
    /** Resolves once `count` messages have been accepted. */
    waitFor: (count: number) =>
      new Promise<void>((resolve) => {
        if (accepted.length >= count) return resolve();
        waiters.push({ count, resolve });
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
