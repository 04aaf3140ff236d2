import { Worker } from 'node:worker_threads';

export type ServerThread = { url: string; stop: () => Promise<void> };

/** Starts `server.ts` in a worker thread and waits until it listens. */
export function startServerThread(databaseUrl: string, dataDir: string): Promise<ServerThread> {
  const worker = new Worker(new URL('./server.ts', import.meta.url), {
    workerData: { databaseUrl, dataDir },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { type: string; url: string }) => {
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
