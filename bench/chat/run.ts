import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';
import { connectDatabase } from '../../apps/server/src/db/database.ts';
import { migrateDatabase } from '../../apps/server/src/db/migrate.ts';
import { createAgent } from '../../apps/server/src/modules/agents/index.ts';
import { migrateJobQueue } from '../../apps/server/src/platform/jobs.ts';
import { openBenchDatabase } from '../api/database.ts';
import { percentile } from '../api/measure.ts';
import { type ServerThread, startServerThread } from '../api/server-thread.ts';
import { startEchoThread } from './echo-thread.ts';
import { clientAddress, connect, createPhase, openMany, type PhaseResult } from './load.ts';

/**
 * `npm run bench:chat`: 2,000 widget sockets connected to the real server (in a worker thread,
 * on a fresh database), 200 of them in chats claimed by 20 agents; visitors send at a steady
 * rate and a supervisor's `/api/v1/stream` receives each message — customer → agent delivery,
 * through the commit and PostgreSQL's LISTEN/NOTIFY. Then the same sockets and rates against a
 * bare `ws` echo server. Knobs: BENCH_DATABASE_URL, BENCH_SOCKETS (2000), BENCH_CHATS (200),
 * BENCH_RATES (messages per second per chat, comma-separated; 0.1,0.25,0.5,1), BENCH_SECONDS (20).
 */
const settings = {
  sockets: Number(process.env.BENCH_SOCKETS ?? 2000),
  chats: Number(process.env.BENCH_CHATS ?? 200),
  agents: 20,
  rates: (process.env.BENCH_RATES ?? '0.1,0.25,0.5,1').split(',').map(Number),
  seconds: Number(process.env.BENCH_SECONDS ?? 20),
  warmupSeconds: 3,
};
const password = 'bench-password-0123';
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

async function api(
  baseUrl: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  ip = '10.255.0.1',
) {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      'x-forwarded-for': ip,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

type Frame = { type: string; [key: string]: unknown };

async function setUpChats(baseUrl: string, staff: { email: string; id: string }[]) {
  const tokens: string[] = [];
  for (const [index, member] of staff.entries()) {
    const login = (await api(
      baseUrl,
      'POST',
      '/api/v1/auth/login',
      null,
      { email: member.email, password },
      `10.254.0.${index + 1}`,
    )) as { token: string };
    tokens.push(login.token);
  }
  const [supervisorToken, ...agentTokens] = tokens;
  for (const [index, token] of agentTokens.entries()) {
    await api(baseUrl, 'PUT', '/api/v1/me/availability', token, { status: 'online' });
    await api(baseUrl, 'PUT', `/api/v1/chats/agents/${staff[index + 1]!.id}/limit`, supervisorToken!, {
      maxChats: Math.ceil(settings.chats / settings.agents),
    });
  }

  const phase = createPhase();
  const welcomes = new Map<number, (frame: Frame) => void>();
  const streamUrl = `${baseUrl.replace(/^http/, 'ws')}/api/v1/public/chat/stream`;
  const connectStarted = performance.now();
  const visitors: WebSocket[] = await openMany(settings.sockets, 50, (index) =>
    connect(streamUrl, { 'x-forwarded-for': clientAddress(index) }, (frame) => {
      const event = frame as Frame & { message?: { body: string } };
      if (event.type === 'ack' && event.message) phase.acked(event.message.body);
      welcomes.get(index)?.(event);
    }),
  );
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  log(`${settings.sockets} widget sockets connected in ${fixed(connectSeconds)} s`);

  // Each of the first `chats` visitors writes a first message; the refreshed welcome names the chat.
  const conversationIds = await openMany(settings.chats, 20, (index) => {
    return new Promise<string>((resolve) => {
      const start = () =>
        visitors[index]!.send(
          JSON.stringify({
            type: 'message',
            clientId: `bench-start-${index}`,
            body: `Hello from visitor ${index}`,
          }),
        );
      welcomes.set(index, (frame) => {
        const chat = (frame as { chat?: { conversationId: string } | null }).chat;
        if (frame.type === 'welcome' && chat) {
          welcomes.delete(index);
          resolve(chat.conversationId);
        }
        // As the widget does: a message the server could not take now is sent again (stored once).
        if (frame.type === 'error') setTimeout(start, 1000);
      });
      start();
    });
  });
  for (const [index, conversationId] of conversationIds.entries()) {
    await api(
      baseUrl,
      'POST',
      `/api/v1/chats/${conversationId}/claim`,
      agentTokens[index % agentTokens.length]!,
    );
  }
  log(`${settings.chats} chats started and claimed by ${settings.agents} agents`);

  // The receiving side: a supervisor's stream sees every conversation's new messages.
  await connect(
    `${baseUrl.replace(/^http/, 'ws')}/api/v1/stream`,
    { authorization: `Bearer ${supervisorToken}` },
    (frame) => {
      const event = frame as { type: string; message?: { body: string; authorType: string } };
      if (event.type === 'message.created' && event.message?.authorType === 'customer')
        phase.delivered(event.message.body);
    },
  );
  let clientSequence = 0;
  const send = (sender: number, key: string) => {
    clientSequence += 1;
    visitors[sender]!.send(
      JSON.stringify({ type: 'message', clientId: `bench-${clientSequence}`, body: key }),
    );
  };
  return {
    phase,
    send,
    connectSeconds,
    closeAll: () => {
      for (const socket of visitors) socket.terminate();
    },
  };
}

async function setUpEcho(url: string) {
  const phase = createPhase();
  const sockets = await openMany(settings.sockets, 50, () =>
    connect(url, {}, (frame) => phase.delivered((frame as { body: string }).body)),
  );
  const send = (sender: number, key: string) =>
    sockets[sender]!.send(JSON.stringify({ type: 'message', body: key }));
  return {
    phase,
    send,
    closeAll: () => {
      for (const socket of sockets) socket.terminate();
    },
  };
}

function describe(result: PhaseResult) {
  return {
    perSecond: result.delivered / result.elapsedSeconds,
    p50: percentile(result.latencies, 0.5),
    p99: percentile(result.latencies, 0.99),
    ackP50: percentile(result.ackLatencies, 0.5),
    ackP99: percentile(result.ackLatencies, 0.99),
    lost: result.lost,
  };
}

async function main() {
  const database = await openBenchDatabase(log);
  let server: ServerThread | undefined;
  try {
    const setup = connectDatabase(database.url, { max: 2 });
    await migrateDatabase(setup.pool);
    await migrateJobQueue(setup.pool);
    const staff: { email: string; id: string }[] = [];
    for (let index = 0; index <= settings.agents; index += 1) {
      const email = `bench-${index}@bench.example`;
      const created = await createAgent(setup, {
        email,
        name: index === 0 ? 'Bench Supervisor' : `Bench Agent ${index}`,
        role: index === 0 ? 'supervisor' : 'agent',
        password,
        languages: ['en'],
        skills: [],
        uiLanguage: 'en',
        teamIds: [],
      });
      staff.push({ email, id: created.id });
    }
    await setup.close();
    server = await startServerThread(database.url, database.scratchDir);
    const chat = await setUpChats(server.url, staff);
    const chatResults: PhaseResult[] = [];
    for (const rate of settings.rates) {
      log(`chat: ${fixed(rate * settings.chats, 0)} messages/s offered for ${settings.seconds} s…`);
      chatResults.push(
        await chat.phase.run({
          senders: settings.chats,
          perSenderPerSecond: rate,
          seconds: settings.seconds,
          warmupSeconds: settings.warmupSeconds,
          send: chat.send,
        }),
      );
    }
    chat.closeAll();
    await server.stop();
    server = undefined;

    const echoServer = await startEchoThread();
    const echo = await setUpEcho(echoServer.url);
    const echoResults: PhaseResult[] = [];
    for (const rate of settings.rates) {
      log(`echo: ${fixed(rate * settings.chats, 0)} messages/s offered for ${settings.seconds} s…`);
      echoResults.push(
        await echo.phase.run({
          senders: settings.chats,
          perSenderPerSecond: rate,
          seconds: settings.seconds,
          warmupSeconds: settings.warmupSeconds,
          send: echo.send,
        }),
      );
    }
    echo.closeAll();
    await echoServer.stop();

    const lines = [
      `Chat delivery (customer → agent) vs a bare ws echo server — ${settings.sockets} sockets, ${settings.chats} active chats`,
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os
        .loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}; Node ${process.version}; ${database.description}`,
      `connecting ${settings.sockets} widget sockets (welcome included): ${fixed(chat.connectSeconds)} s`,
      '',
      '| offered msg/s | chat delivered msg/s | chat p50 ms | chat p99 ms | ack p50 ms | ack p99 ms | not delivered | echo msg/s | echo p50 ms | echo p99 ms | p50 ratio | p99 ratio |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ];
    settings.rates.forEach((rate, index) => {
      const real = describe(chatResults[index]!);
      const bare = describe(echoResults[index]!);
      lines.push(
        `| ${fixed(rate * settings.chats, 0)} | ${fixed(real.perSecond)} | ${fixed(real.p50, 2)} | ${fixed(real.p99, 2)} | ${fixed(real.ackP50, 2)} | ${fixed(real.ackP99, 2)} | ${real.lost} | ${fixed(bare.perSecond)} | ${fixed(bare.p50, 2)} | ${fixed(bare.p99, 2)} | ${fixed(real.p50 / bare.p50, 0)} | ${fixed(real.p99 / bare.p99, 0)} |`,
      );
    });
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await server?.stop();
    await database.drop();
  }
}

await main();
