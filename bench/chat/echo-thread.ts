import { Worker } from 'node:worker_threads';

export type EchoThread = { url: string; stop: () => Promise<void> };

export function startEchoThread(): Promise<EchoThread> {
  const worker = new Worker(new URL('./echo-server.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { url: string }) => {
      resolve({
        url: message.url,
        stop: () =>
          new Promise<void>((stopped) => {
            worker.once('message', () => void worker.terminate().then(() => stopped()));
            worker.postMessage({ type: 'stop' });
          }),
      });
    });
  });
}
