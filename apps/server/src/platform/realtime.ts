import { sql } from 'kysely';
import type pg from 'pg';
import type { Queryable } from '../db/database.ts';

/**
 * Cross-instance change feed on PostgreSQL LISTEN/NOTIFY. A use case publishes inside its
 * transaction, so the notification is delivered only if (and when) the transaction commits, to
 * every instance listening on the database — including the one that made the change.
 */
export const changeChannel = 'frontline_changes';

export type Change = {
  type: 'conversation.created' | 'conversation.updated' | 'message.created';
  conversationId: string;
  messageId?: string;
  /** Fields that changed, for `conversation.updated`. */
  changes?: string[];
};

export async function publishChange(db: Queryable, change: Change) {
  // Only ids travel: NOTIFY payloads are capped at 8000 bytes and rows may hold anything.
  await sql`select pg_notify(${changeChannel}, ${JSON.stringify(change)})`.execute(db);
}

export type ChangeListener = {
  subscribe: (handler: (change: Change) => void) => () => void;
  close: () => Promise<void>;
};

export type ChannelListener = {
  /** Settles after the first attempt to LISTEN, successful or not. */
  ready: Promise<void>;
  close: () => Promise<void>;
};

type WarnLog = { warn: (object: unknown, message: string) => void };

/**
 * Holds one dedicated connection that LISTENs on `channel` and hands each payload to `onPayload`;
 * reconnects with back-off when the connection drops. Any module's cross-instance signal (changes,
 * presence, chat) uses this rather than its own connection handling.
 */
export function listenToChannel(
  pool: pg.Pool,
  channel: string,
  onPayload: (payload: string) => void,
  log: WarnLog,
): ChannelListener {
  let client: pg.PoolClient | undefined;
  let isClosed = false;
  let retryDelay = 250;
  let retryTimer: NodeJS.Timeout | undefined;

  const scheduleRetry = () => {
    if (isClosed) return;
    retryTimer = setTimeout(connect, retryDelay);
    retryTimer.unref();
    retryDelay = Math.min(retryDelay * 2, 10_000);
  };
  // A connection is given back to the pool exactly once, whichever comes first: close or error.
  const releaseOnce = (connection: pg.PoolClient, error?: Error) => {
    if (client !== connection) return;
    client = undefined;
    connection.release(error ?? true);
  };

  async function connect() {
    if (isClosed) return;
    try {
      const connection = await pool.connect();
      if (isClosed) {
        connection.release();
        return;
      }
      client = connection;
      connection.on('notification', (notification) => {
        if (notification.channel === channel && notification.payload) onPayload(notification.payload);
      });
      connection.on('error', (error) => {
        if (isClosed || client !== connection) return;
        log.warn({ err: error, channel }, 'listener connection lost; reconnecting');
        releaseOnce(connection, error);
        scheduleRetry();
      });
      await connection.query(`listen ${channel}`);
      retryDelay = 250;
    } catch (error) {
      if (isClosed) return;
      log.warn({ err: error, channel }, 'listener could not connect; retrying');
      scheduleRetry();
    }
  }
  const ready = connect();

  return {
    ready,
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      await ready;
      const connection = client;
      if (!connection) return;
      await connection.query(`unlisten ${channel}`).catch(() => {});
      // The server may have dropped it meanwhile; destroy rather than reuse a listening connection.
      releaseOnce(connection);
    },
  };
}

/** The change feed: every committed `publishChange`, from every instance. */
export function listenForChanges(pool: pg.Pool, log: WarnLog): ChangeListener {
  const handlers = new Set<(change: Change) => void>();
  const listener = listenToChannel(
    pool,
    changeChannel,
    (payload) => {
      const change = JSON.parse(payload) as Change;
      for (const handler of handlers) handler(change);
    },
    log,
  );
  return {
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    close: () => listener.close(),
  };
}
