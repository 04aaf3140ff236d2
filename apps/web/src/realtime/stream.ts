import { type StreamEvent, streamCloseCodes, streamEventSchema } from '@frontline/contracts';

export type ConnectionState = 'connecting' | 'open' | 'lost';

type StreamOptions = {
  onEvent: (event: StreamEvent) => void;
  onStateChange: (state: ConnectionState) => void;
  /** Called after a reconnect, when events may have been missed while the socket was down. */
  onResync: () => void;
  /** The server closed the stream because the session is no longer valid. */
  onUnauthenticated: () => void;
};

// Why these numbers: a ping every 20 s keeps proxies (which often cut idle sockets at 30–60 s)
// from closing the stream; no pong within 10 s more means the link is dead even if TCP says not.
const pingIntervalMs = 20_000;
const pongTimeoutMs = 10_000;
const maxBackoffMs = 10_000;
// A handshake that has not finished by then is treated as failed (a proxy may hold it forever).
const connectTimeoutMs = 10_000;

/**
 * The realtime stream (`/api/v1/stream`, authenticated by the session cookie). Reconnects with
 * back-off for as long as it is open, so a lost connection recovers without a reload.
 */
export function openStream(options: StreamOptions) {
  let socket: WebSocket | null = null;
  let isClosed = false;
  let hasConnectedBefore = false;
  let backoffMs = 500;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;

  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api/v1/stream`;

  const clearTimers = () => {
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
  };

  const scheduleReconnect = () => {
    if (isClosed) return;
    options.onStateChange('lost');
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(connect, backoffMs);
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
  };

  function connect() {
    if (isClosed) return;
    options.onStateChange(hasConnectedBefore ? 'lost' : 'connecting');
    const current = new WebSocket(url);
    socket = current;
    const connectTimer = setTimeout(() => {
      if (current.readyState === WebSocket.CONNECTING) current.close();
    }, connectTimeoutMs);
    current.onopen = () => {
      clearTimeout(connectTimer);
      backoffMs = 500;
      options.onStateChange('open');
      if (hasConnectedBefore) options.onResync();
      hasConnectedBefore = true;
      pingTimer = setInterval(() => {
        send({ type: 'ping' });
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => current.close(), pongTimeoutMs);
      }, pingIntervalMs);
    };
    current.onmessage = (message) => {
      clearTimeout(pongTimer);
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const event = streamEventSchema.safeParse(parsed);
      // Events this client does not know yet (a newer server) are skipped, not fatal.
      if (event.success) options.onEvent(event.data);
    };
    current.onclose = (event) => {
      clearTimeout(connectTimer);
      clearTimers();
      if (socket === current) socket = null;
      if (event.code === streamCloseCodes.unauthenticated) options.onUnauthenticated();
      scheduleReconnect();
    };
    current.onerror = () => current.close();
  }

  function send(message: { type: string } & Record<string, unknown>) {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  // The browser knows before the socket does: reconnect as soon as the network is back.
  const handleOnline = () => {
    if (!socket || socket.readyState === WebSocket.CLOSED) {
      backoffMs = 500;
      clearTimeout(reconnectTimer);
      connect();
    }
  };
  window.addEventListener('online', handleOnline);

  connect();

  return {
    send,
    close() {
      isClosed = true;
      window.removeEventListener('online', handleOnline);
      clearTimers();
      clearTimeout(reconnectTimer);
      socket?.close();
    },
  };
}

export type Stream = ReturnType<typeof openStream>;
