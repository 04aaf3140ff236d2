import type { StreamEvent } from '@frontline/contracts';
import { WebSocket } from 'ws';
import type { TestApp } from '../../../test/support/app.ts';
import { buildApp } from '../../app.ts';
import { connectDatabase } from '../../db/database.ts';
import { createJobQueue } from '../../platform/jobs.ts';
import { listenForChanges } from '../../platform/realtime.ts';

/** Stream test steps (test-only code; not imported by the app). */

/** A second server instance on the first one's database: its own pool, listener and app. */
export async function startSecondInstance(first: TestApp) {
  const database = connectDatabase(first.database.url, { max: 5 });
  const changes = listenForChanges(database.pool, { warn: () => {} });
  const jobs = await createJobQueue(database.pool);
  const app = await buildApp({ ...first.deps, db: database.db, pool: database.pool, changes, jobs });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url,
    close: async () => {
      await app.close();
      await changes.close();
      await jobs.close();
      await database.close();
    },
  };
}

export type StreamClient = {
  socket: WebSocket;
  events: StreamEvent[];
  /** Resolves with the first event (already received or arriving) that matches. */
  waitFor: <T extends StreamEvent>(
    predicate: (event: StreamEvent) => event is T,
    timeoutMs?: number,
  ) => Promise<T>;
  send: (message: unknown) => void;
  close: () => Promise<void>;
};

export function connectStream(
  baseUrl: string,
  options: { token?: string; query?: string; headers?: Record<string, string> },
) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/v1/stream${options.query ?? ''}`;
  const socket = new WebSocket(url, {
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
  });
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    events.push(JSON.parse(data.toString()));
    for (const wake of waiters) wake();
  });
  const client: StreamClient = {
    socket,
    events,
    waitFor: (predicate, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching stream event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    send: (message) => socket.send(JSON.stringify(message)),
    close: async () => {
      if (socket.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      });
    },
  };
  return client;
}

/** Opens a stream and waits for `hello`. */
export async function openStream(baseUrl: string, options: Parameters<typeof connectStream>[1]) {
  const client = connectStream(baseUrl, options);
  await client.waitFor((event): event is Extract<StreamEvent, { type: 'hello' }> => event.type === 'hello');
  return client;
}

/** The HTTP status a refused handshake was answered with. */
export function handshakeStatus(baseUrl: string, options: Parameters<typeof connectStream>[1]) {
  const { socket } = connectStream(baseUrl, options);
  return new Promise<number>((resolve, reject) => {
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => reject(new Error('the handshake was accepted')));
    socket.on('error', () => {});
  });
}

export const isType =
  <K extends StreamEvent['type']>(
    type: K,
    where: (event: Extract<StreamEvent, { type: K }>) => boolean = () => true,
  ) =>
  (event: StreamEvent): event is Extract<StreamEvent, { type: K }> =>
    event.type === type && where(event as Extract<StreamEvent, { type: K }>);
