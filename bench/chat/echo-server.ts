import { parentPort } from 'node:worker_threads';
import { WebSocketServer } from 'ws';

/**
 * The baseline: a bare `ws` server that sends every frame straight back, in a worker thread like
 * the real server, so both are measured with the same client, machine and socket count.
 */
const server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 64 * 1024 });
server.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});
server.on('listening', () => {
  const address = server.address() as { port: number };
  parentPort!.postMessage({ type: 'ready', url: `ws://127.0.0.1:${address.port}` });
});
parentPort!.on('message', (message: { type: string }) => {
  if (message.type !== 'stop') return;
  for (const client of server.clients) client.terminate();
  server.close(() => parentPort!.postMessage({ type: 'stopped' }));
});
