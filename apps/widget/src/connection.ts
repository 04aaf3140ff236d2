import type { ChatAttachment, VisitorClientMessage, VisitorServerMessage } from '@frontline/contracts';

/** A message the visitor wrote that the server has not acknowledged yet (kept across reloads). */
export type PendingMessage = {
  clientId: string;
  body: string;
  attachments: ChatAttachment[];
  createdAt: string;
  /** Set when the server refused it for good (not for a temporary failure). */
  error?: string;
};

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'refused';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Errors after which the same message may simply be sent again later. */
const retryableErrors = new Set(['chat.unavailable', 'chat.too_fast']);

export function newClientId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
  );
}

/**
 * The outbox: messages are stored here before they are sent and removed only when the server
 * acknowledges them (after its commit). Whatever happens to the socket, the page or the device,
 * every message is re-sent until acknowledged; the server stores each client id once.
 */
export class Outbox {
  private items: PendingMessage[];
  constructor(
    private readonly storage: Storage | null,
    private readonly key: string,
  ) {
    this.items = this.load();
  }

  private load(): PendingMessage[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as PendingMessage[]) : [];
    } catch {
      return [];
    }
  }

  private save() {
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.items));
    } catch {
      // Storage full or blocked: the outbox still works for this page's life.
    }
  }

  all(): readonly PendingMessage[] {
    return this.items;
  }
  add(item: PendingMessage) {
    this.items.push(item);
    this.save();
  }
  /** Forgets messages the server has (acknowledged, or seen in the history after a reconnect). */
  remove(clientIds: Iterable<string>) {
    const gone = new Set(clientIds);
    const before = this.items.length;
    this.items = this.items.filter((item) => !gone.has(item.clientId));
    if (this.items.length !== before) this.save();
  }
  fail(clientId: string, error: string | undefined) {
    const item = this.items.find((candidate) => candidate.clientId === clientId);
    if (!item) return;
    item.error = error;
    this.save();
  }
  /** Messages to (re)send, oldest first; those refused for good wait for the visitor's retry. */
  sendable(): PendingMessage[] {
    return this.items.filter((item) => !item.error);
  }
}

/**
 * The widget's WebSocket: reconnects with back-off (and at once when the page wakes up or the
 * network returns), re-sends the outbox after every `welcome`, and keeps the visitor token.
 */
export class ChatConnection {
  private socket: WebSocket | null = null;
  private retryDelay = 1000;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private isStopped = false;
  readonly outbox: Outbox;

  constructor(
    private readonly serverUrl: string,
    private readonly storage: Storage | null,
    private readonly language: () => string,
    private readonly onEvent: (event: VisitorServerMessage) => void,
    private readonly onStatus: (status: ConnectionStatus) => void,
  ) {
    const scope = new URL(serverUrl).host;
    this.outbox = new Outbox(storage, `frontline:${scope}:outbox`);
    const wake = () => {
      if (document.visibilityState !== 'hidden' && !this.isOpen()) this.reconnectNow();
    };
    globalThis.addEventListener?.('online', wake);
    document.addEventListener('visibilitychange', wake);
  }

  private get tokenKey() {
    return `frontline:${new URL(this.serverUrl).host}:token`;
  }
  get token(): string | null {
    try {
      return this.storage?.getItem(this.tokenKey) ?? null;
    } catch {
      return null;
    }
  }
  private set token(value: string) {
    try {
      this.storage?.setItem(this.tokenKey, value);
    } catch {
      // Without storage the visitor simply starts fresh on the next page.
    }
  }

  isOpen() {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  connect() {
    if (this.socket || this.isStopped) return;
    const url = new URL('/api/v1/public/chat/stream', this.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const token = this.token;
    if (token) url.searchParams.set('token', token);
    url.searchParams.set('lang', this.language());
    this.onStatus(this.retryDelay > 1000 ? 'reconnecting' : 'connecting');
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener('message', (message) => {
      this.lastHeard = Date.now();
      let event: VisitorServerMessage;
      try {
        event = JSON.parse(String(message.data)) as VisitorServerMessage;
      } catch {
        return;
      }
      this.handle(event);
    });
    socket.addEventListener('close', (close) => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearInterval(this.heartbeat);
      if (close.code === 4403) {
        this.isStopped = true;
        this.onStatus('refused');
        return;
      }
      this.onStatus('reconnecting');
      this.retryTimer = setTimeout(() => this.connect(), this.retryDelay * (0.75 + Math.random() / 2));
      this.retryDelay = Math.min(this.retryDelay * 2, 30_000);
    });
    // A socket can die without a close (a sleeping laptop): no frame for 45 s means gone.
    this.lastHeard = Date.now();
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastHeard > 45_000) socket.close();
      else if (socket.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
    }, 20_000);
  }

  /** Drops the current socket (if any) and connects again without waiting. */
  reconnectNow() {
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.retryDelay = 1000;
    this.connect();
  }

  private handle(event: VisitorServerMessage) {
    if (event.type === 'welcome') {
      this.token = event.visitorToken;
      this.retryDelay = 1000;
      this.onStatus('online');
      const stored = (event.chat?.messages ?? [])
        .map((message) => message.clientId)
        .filter((id) => id !== null);
      this.outbox.remove(stored);
      this.onEvent(event);
      this.flush();
      return;
    }
    if (event.type === 'ack') this.outbox.remove([event.clientId]);
    if (event.type === 'error' && event.clientId) {
      if (retryableErrors.has(event.code)) setTimeout(() => this.flush(), 2000);
      else this.outbox.fail(event.clientId, event.message);
    }
    this.onEvent(event);
  }

  send(frame: VisitorClientMessage) {
    if (!this.isOpen()) return false;
    this.socket!.send(JSON.stringify(frame));
    return true;
  }

  /** Re-sends every unacknowledged message, in order. */
  flush() {
    for (const item of this.outbox.sendable()) {
      this.send({
        type: 'message',
        clientId: item.clientId,
        body: item.body,
        attachmentIds: item.attachments.map((attachment) => attachment.id),
      });
    }
  }

  sendMessage(body: string, attachments: ChatAttachment[]): PendingMessage {
    const item: PendingMessage = {
      clientId: newClientId(),
      body,
      attachments,
      createdAt: new Date().toISOString(),
    };
    this.outbox.add(item);
    this.send({
      type: 'message',
      clientId: item.clientId,
      body,
      attachmentIds: attachments.map((file) => file.id),
    });
    return item;
  }

  retry(clientId: string) {
    this.outbox.fail(clientId, undefined);
    this.flush();
  }
}
