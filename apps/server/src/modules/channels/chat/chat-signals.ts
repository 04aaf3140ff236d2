import { sql } from 'kysely';
import pg from 'pg';
import type { Queryable } from '../../../db/database.ts';

/**
 * Chat's own cross-instance signals on PostgreSQL LISTEN/NOTIFY, beside the platform's change
 * feed: what is chat-only and mostly ephemeral (typing, reading, the visitor's page, the queue
 * moving). The visitor's socket and the agent's may sit on different instances. Sent inside a
 * transaction, a signal goes out only if it commits.
 */
export const chatSignalChannel = 'frontline_chat';

export type ChatSignal =
  | {
      kind: 'typing';
      conversationId: string;
      side: 'visitor' | 'agent';
      isTyping: boolean;
      agent?: { id: string; name: string };
    }
  | { kind: 'read'; conversationId: string; side: 'visitor' | 'agent'; at: string }
  | { kind: 'page'; conversationId: string; url: string; title: string }
  | { kind: 'presence'; conversationId: string; isOnline: boolean }
  | { kind: 'ended'; conversationId: string; by: 'visitor' | 'agent' | 'system' }
  /** Availability, the settings or the line changed: recompute modes and waits. */
  | { kind: 'queue' }
  /** The visitor's profile or current chat changed: their other tabs reload their state. */
  | { kind: 'visitor'; visitorId: string };

export async function sendChatSignal(db: Queryable, signal: ChatSignal) {
  await sql`select pg_notify(${chatSignalChannel}, ${JSON.stringify(signal)})`.execute(db);
}

export type ChatSignalListener = { close: () => Promise<void> };

/**
 * Holds one connection of its own that LISTENs (outside the pool, so it never takes a slot
 * from queries); reconnects with back-off when it drops.
 */
export function listenForChatSignals(
  pool: pg.Pool,
  onSignal: (signal: ChatSignal) => void,
  log: { warn: (object: unknown, message: string) => void },
): ChatSignalListener {
  let client: pg.Client | undefined;
  let isClosed = false;
  let retryDelay = 250;
  let retryTimer: NodeJS.Timeout | undefined;

  const retry = () => {
    retryTimer = setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 10_000);
  };
  const connect = async () => {
    if (isClosed) return;
    const connection = new pg.Client({ ...pool.options, application_name: 'frontline-chat-listener' });
    connection.on('notification', (notification) => {
      if (notification.channel !== chatSignalChannel || !notification.payload) return;
      onSignal(JSON.parse(notification.payload) as ChatSignal);
    });
    connection.on('error', (error) => {
      log.warn({ err: error }, 'chat signal listener lost its connection; reconnecting');
      client = undefined;
      connection.end().catch(() => {});
      if (!isClosed) retry();
    });
    try {
      await connection.connect();
      if (isClosed) {
        await connection.end();
        return;
      }
      client = connection;
      await connection.query(`listen ${chatSignalChannel}`);
      retryDelay = 250;
    } catch (error) {
      log.warn({ err: error }, 'chat signal listener could not connect; retrying');
      connection.end().catch(() => {});
      retry();
    }
  };
  const ready = connect();

  return {
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      await ready;
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}
