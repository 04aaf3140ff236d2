import type { AgentChatEvent, VisitorClientMessage, VisitorServerMessage } from '@frontline/contracts';
import { WebSocket } from 'ws';
import { requestAs, type SignedInAgent, type TestApp } from '../../../../test/support/app.ts';

/** Test-only: a widget's socket and an agent's chat socket, recording what arrives. */

type Predicate<T> = (event: T) => boolean;

/**
 * Records what arrives. `waitFor` looks at events after the last one a `waitFor` matched (or
 * after `since`), so an event that lands while the test awaits its own action is not missed.
 */
function recorder<T>(socket: WebSocket) {
  const events: T[] = [];
  let cursor = 0;
  const waiters: { predicate: Predicate<T>; resolve: (index: number) => void; from: number }[] = [];
  socket.on('message', (data) => {
    const event = JSON.parse(data.toString()) as T;
    events.push(event);
    for (const waiter of [...waiters]) {
      if (events.length - 1 >= waiter.from && waiter.predicate(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(events.length - 1);
      }
    }
  });
  return {
    events,
    waitFor<E extends T>(
      predicate: Predicate<T>,
      options: { since?: number; timeoutMs?: number } = {},
    ): Promise<E> {
      const from = options.since ?? cursor;
      const found = events.findIndex((event, index) => index >= from && predicate(event));
      // Only waits from the cursor move it: a wait with its own `since` (like `say`) leaves
      // earlier events for the next plain wait, whatever order they arrived in.
      const advance = (index: number) => {
        if (options.since === undefined) cursor = index + 1;
      };
      if (found >= 0) {
        advance(found);
        return Promise.resolve(events[found] as E);
      }
      return new Promise<E>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out; got ${JSON.stringify(events.slice(-5))}`)),
          options.timeoutMs ?? 5_000,
        );
        waiters.push({
          predicate,
          from,
          resolve: (index) => {
            clearTimeout(timer);
            advance(index);
            resolve(events[index] as E);
          },
        });
      });
    },
    /** The current position, to wait only for what an action causes from now on. */
    mark: () => events.length,
  };
}

export type VisitorClient = Awaited<ReturnType<typeof openVisitor>>;

export function visitorEvent<K extends VisitorServerMessage['type']>(
  type: K,
  predicate: (event: Extract<VisitorServerMessage, { type: K }>) => boolean = () => true,
) {
  return (event: VisitorServerMessage) =>
    event.type === type && predicate(event as Extract<VisitorServerMessage, { type: K }>);
}

/** Opens the widget socket and waits for `welcome`. */
export async function openVisitor(
  baseUrl: string,
  options: { token?: string; lang?: string; origin?: string } = {},
) {
  const url = new URL('/api/v1/public/chat/stream', baseUrl.replace(/^http/, 'ws'));
  if (options.token) url.searchParams.set('token', options.token);
  if (options.lang) url.searchParams.set('lang', options.lang);
  const socket = new WebSocket(url, { headers: options.origin ? { origin: options.origin } : {} });
  const record = recorder<VisitorServerMessage>(socket);
  const welcome = record.waitFor<Extract<VisitorServerMessage, { type: 'welcome' }>>(visitorEvent('welcome'));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const first = await welcome;
  return {
    socket,
    ...record,
    welcome: first,
    token: first.visitorToken,
    send: (message: VisitorClientMessage | Record<string, unknown>) => socket.send(JSON.stringify(message)),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === socket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

export async function openAgentChatStream(baseUrl: string, agent: SignedInAgent) {
  const socket = new WebSocket(new URL('/api/v1/chats/stream', baseUrl.replace(/^http/, 'ws')), {
    headers: { authorization: `Bearer ${agent.token}` },
  });
  const record = recorder<AgentChatEvent>(socket);
  const hello = record.waitFor((event) => event.type === 'hello');
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  await hello;
  return { socket, ...record, close: () => socket.close() };
}

let clientCounter = 0;
export function newClientId() {
  clientCounter += 1;
  return `client-${Date.now().toString(36)}-${clientCounter}`;
}

/** Sends a chat message and waits for its ack. */
export async function say(visitor: VisitorClient, body: string, clientId = newClientId()) {
  const since = visitor.mark();
  visitor.send({ type: 'message', clientId, body });
  const ack = await visitor.waitFor<Extract<VisitorServerMessage, { type: 'ack' }>>(
    visitorEvent('ack', (event) => event.clientId === clientId),
    { since },
  );
  return { clientId, ack };
}

/** `PUT` as an agent (the shared `requestAs` has no PUT). */
export function putAs(testApp: TestApp, agent: SignedInAgent, url: string, payload: unknown) {
  return testApp.app.inject({
    method: 'PUT',
    url,
    payload: payload as object,
    headers: { authorization: `Bearer ${agent.token}` },
  });
}

export async function setStatus(
  testApp: TestApp,
  agent: SignedInAgent,
  status: 'online' | 'away' | 'offline',
) {
  const response = await putAs(testApp, agent, '/api/v1/me/availability', { status });
  if (response.statusCode !== 200) throw new Error(response.body);
}

export { requestAs };
