import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

/** Sockets, senders and the timing of one load phase; shared by the chat and the echo runs. */

/** Runs `open` for indexes 0..count-1, `concurrency` at a time. */
export async function openMany<T>(
  count: number,
  concurrency: number,
  open: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        results[index] = await open(index);
      }
    }),
  );
  return results;
}

/** A WebSocket whose JSON frames go to `onFrame`; resolves once open. */
export function connect(url: string, headers: Record<string, string>, onFrame: (frame: unknown) => void) {
  return new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(url, { headers, perMessageDeflate: false });
    socket.on('message', (data) => onFrame(JSON.parse(data.toString())));
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** A distinct client address per socket, as a load balancer would forward it (`X-Forwarded-For`). */
export const clientAddress = (index: number) =>
  `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;

export type PhaseResult = {
  offeredPerSecond: number;
  sent: number;
  delivered: number;
  lost: number;
  elapsedSeconds: number;
  /** Milliseconds, ascending. */
  latencies: number[];
  /** Send → the sender's own acknowledgement (chat: after the commit), ms ascending; empty for echo. */
  ackLatencies: number[];
};

/**
 * An open-loop phase: each sender sends at its own steady rate (start times spread), whatever
 * the answers do — the way visitors type, not the way a benchmark client waits. `send` gets a
 * unique key; `deliveries` is where the receiving side reports it. Latency is send → delivery.
 */
export function createPhase() {
  const sentAt = new Map<string, number>();
  const ackSentAt = new Map<string, number>();
  let latencies: number[] = [];
  let ackLatencies: number[] = [];
  let isMeasuring = false;
  return {
    /** Called by whoever receives a key (the agent's stream, the echoing socket). */
    delivered(key: string) {
      const at = sentAt.get(key);
      if (at === undefined) return;
      sentAt.delete(key);
      if (isMeasuring) latencies.push(performance.now() - at);
    },
    /** Called when the sender hears its message was stored. */
    acked(key: string) {
      const at = ackSentAt.get(key);
      if (at === undefined) return;
      ackSentAt.delete(key);
      if (isMeasuring) ackLatencies.push(performance.now() - at);
    },
    async run(options: {
      senders: number;
      perSenderPerSecond: number;
      seconds: number;
      warmupSeconds: number;
      send: (sender: number, key: string) => void;
    }): Promise<PhaseResult> {
      const interval = 1000 / options.perSenderPerSecond;
      let sequence = 0;
      let sent = 0;
      const timers: NodeJS.Timeout[] = [];
      const fire = (sender: number) => {
        sequence += 1;
        const key = `m:${sender}:${sequence}`;
        sentAt.set(key, performance.now());
        ackSentAt.set(key, performance.now());
        if (isMeasuring) sent += 1;
        options.send(sender, key);
      };
      for (let sender = 0; sender < options.senders; sender += 1) {
        const offset = (interval * sender) / options.senders;
        timers.push(
          setTimeout(() => {
            fire(sender);
            timers.push(setInterval(() => fire(sender), interval));
          }, offset),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, options.warmupSeconds * 1000));
      sentAt.clear();
      ackSentAt.clear();
      latencies = [];
      ackLatencies = [];
      isMeasuring = true;
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
      for (const timer of timers) clearInterval(timer);
      const stoppedSending = performance.now();
      // Let what is in flight arrive (up to 10 s), then count what never did.
      for (let waited = 0; sentAt.size > 0 && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      isMeasuring = false;
      const lost = sentAt.size;
      sentAt.clear();
      ackSentAt.clear();
      return {
        offeredPerSecond: options.senders * options.perSenderPerSecond,
        sent,
        delivered: latencies.length,
        lost,
        elapsedSeconds: (stoppedSending - started) / 1000,
        latencies: latencies.sort((a, b) => a - b),
        ackLatencies: ackLatencies.sort((a, b) => a - b),
      };
    },
  };
}
