import type { InjectOptions as FastifyInjectOptions, FastifyInstance, HTTPMethods } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Deps } from '../../src/deps.ts';
import { createAgent } from '../../src/modules/agents/index.ts';
import { logIn } from '../../src/modules/auth/index.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createJobQueue } from '../../src/platform/jobs.ts';
import { listenForChanges } from '../../src/platform/realtime.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export type TestApp = {
  app: FastifyInstance;
  deps: Deps;
  database: TestDatabase;
  close: () => Promise<void>;
};

const silentLog = { warn: () => {} };

/**
 * The real app on a fresh database, driven in-process with `app.inject`. Given a `database`, the
 * app runs on it and leaves it in place when closed (a restart test starts a second app on the
 * same rows).
 */
export async function startTestApp(
  overrides: Partial<Deps> = {},
  options: { database?: TestDatabase } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({ FRONTLINE_DATA_DIR: '/tmp/frontline-unused', FRONTLINE_LOG_LEVEL: 'silent' });
  const jobs = await createJobQueue(database.pool);
  const changes = listenForChanges(database.pool, silentLog);
  const deps: Deps = {
    db: database.db,
    pool: database.pool,
    clock: systemClock,
    config,
    jobs,
    changes,
    ...overrides,
  };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await changes.close();
      await jobs.close();
      if (!options.database) await database.drop();
    },
  };
}

export type SignedInAgent = {
  id: string;
  email: string;
  token: string;
  role: 'admin' | 'supervisor' | 'agent';
};

let agentCounter = 0;

/** Creates an agent with the given role and logs them in; requests then use their bearer token. */
export async function signInAgent(
  testApp: TestApp,
  role: 'admin' | 'supervisor' | 'agent',
  extra: { name?: string; teamIds?: string[]; languages?: string[] } = {},
): Promise<SignedInAgent> {
  agentCounter += 1;
  const email = `${role}${agentCounter}-${Date.now()}@example.test`;
  const password = 'correct horse battery staple';
  const agent = await createAgent(testApp.deps, {
    email,
    name: extra.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${agentCounter}`,
    role,
    password,
    languages: extra.languages ?? ['en'],
    skills: [],
    uiLanguage: 'en',
    teamIds: extra.teamIds ?? [],
  });
  // The service, not the route: the route's rate limit would trip over a file's many sign-ins.
  const session = await logIn(testApp.deps, { email, password, userAgent: 'vitest' });
  return { id: agent.id, email, token: session.token, role };
}

type InjectOptions = { payload?: unknown; headers?: Record<string, string>; query?: Record<string, string> };

/** `app.inject` as an agent, with JSON in and out. */
export function requestAs(testApp: TestApp, agent: SignedInAgent | null) {
  const send = (method: HTTPMethods, url: string, options: InjectOptions = {}) =>
    testApp.app.inject({
      method,
      url,
      query: options.query,
      payload: options.payload as FastifyInjectOptions['payload'],
      headers: { ...(agent ? { authorization: `Bearer ${agent.token}` } : {}), ...options.headers },
    });
  return {
    get: (url: string, options?: InjectOptions) => send('GET', url, options),
    post: (url: string, payload?: unknown, options?: InjectOptions) =>
      send('POST', url, { ...options, payload }),
    patch: (url: string, payload?: unknown, options?: InjectOptions) =>
      send('PATCH', url, { ...options, payload }),
    delete: (url: string, options?: InjectOptions) => send('DELETE', url, options),
  };
}
