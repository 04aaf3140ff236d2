import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const adminEmail = 'owner@example.test';
const adminPassword = 'a long admin password';

type Started = { process: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Runs the real `npm start` on a data dir, as a user would. */
function npmStart(dataDir: string, port: number, smtpPort: number): Started {
  let output = '';
  const child = spawn('npm', ['start', '--silent'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      DATABASE_URL: '',
      FRONTLINE_DATA_DIR: dataDir,
      PORT: String(port),
      FRONTLINE_SMTP_PORT: String(smtpPort),
      HOST: '127.0.0.1',
      FRONTLINE_ADMIN_EMAIL: adminEmail,
      FRONTLINE_ADMIN_PASSWORD: adminPassword,
      FRONTLINE_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

async function waitForHealthy(baseUrl: string, started: Started) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
    if (response?.status === 200) return;
    if (started.process.exitCode !== null) throw new Error(`npm start exited early:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`npm start did not become healthy:\n${started.output()}`);
}

/**
 * SIGTERM as a process manager sends it. npm passes the signal on to the server and ends by it
 * itself, so "clean" is read from the server: it says so, and PostgreSQL left no pid file.
 */
async function stopCleanly(started: Started, dataDir: string) {
  started.process.kill('SIGTERM');
  await started.exited;
  const deadline = Date.now() + 30_000;
  while (!started.output().includes('stopped cleanly') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(started.output()).toContain('stopped cleanly');
  expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  expect(existsSync(path.join(dataDir, 'frontline.pid'))).toBe(false);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function logIn(baseUrl: string) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe('npm start with the embedded PostgreSQL', () => {
  let dataDir: string;
  let port: number;
  let smtpPort: number;
  let baseUrl: string;
  let running: Started | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'frontline-start-'));
    port = await freePort();
    smtpPort = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (running && running.process.exitCode === null && running.process.signalCode === null) {
      running.process.kill('SIGTERM');
      await running.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts with no configuration, keeps every row across a restart, and refuses a second start', async () => {
    running = npmStart(dataDir, port, smtpPort);
    await waitForHealthy(baseUrl, running);
    expect(await (await fetch(`${baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });

    const token = await logIn(baseUrl);
    const created = await fetch(`${baseUrl}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        customer: { email: 'restart@example.test', name: 'Restart Tester' },
        subject: 'Survives a restart',
        message: { body: 'Is my request still here after you restart?' },
      }),
    });
    expect(created.status).toBe(201);
    const { id, reference } = (await created.json()) as { id: string; reference: number };

    // A second Frontline on the same data dir must refuse, not corrupt anything.
    const second = npmStart(dataDir, await freePort(), await freePort());
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/already running on the data directory/);

    await stopCleanly(running, dataDir);

    running = npmStart(dataDir, port, smtpPort);
    await waitForHealthy(baseUrl, running);
    const tokenAfterRestart = await logIn(baseUrl);
    const found = await fetch(`${baseUrl}/api/v1/conversations/${id}`, {
      headers: { authorization: `Bearer ${tokenAfterRestart}` },
    });
    expect(found.status).toBe(200);
    const conversation = (await found.json()) as {
      reference: number;
      subject: string;
      messages: { body: string }[];
    };
    expect(conversation.reference).toBe(reference);
    expect(conversation.subject).toBe('Survives a restart');
    expect(conversation.messages[0]?.body).toBe('Is my request still here after you restart?');
    await stopCleanly(running, dataDir);
  }, 240_000);
});
