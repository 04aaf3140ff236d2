import { parseArgs } from 'node:util';
import { agentRole } from '@frontline/contracts';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config.ts';
import { connectDatabase, type DatabaseHandle } from './db/database.ts';
import {
  DataDirInUseError,
  type EmbeddedDatabase,
  findRunningEmbeddedDatabase,
  startEmbeddedDatabase,
} from './db/embedded.ts';
import { migrateDatabase } from './db/migrate.ts';
import { createAgent, createApiToken } from './modules/agents/index.ts';
import { findAgentByEmail } from './modules/auth/index.ts';
import { systemClock } from './platform/clock.ts';
import { AppError } from './platform/errors.ts';
import { migrateJobQueue } from './platform/jobs.ts';
import { seedDemoData } from './seed/index.ts';

const usage = `Usage: frontline <command> [options]

Commands:
  migrate                                  Apply database migrations
  create-agent --email E --name N [--role agent|supervisor|admin] [--password P] [--languages en,lt]
                                           Create an agent (a password is generated when none is given)
  create-token --agent EMAIL --name NAME   Create an API token acting as that agent (shown once)
  seed-demo                                Load demo teams, agents, customers and conversations
                                           in English, Lithuanian, Slovak, Polish and Hungarian

The database is DATABASE_URL, or the embedded one in FRONTLINE_DATA_DIR (default ./data) —
also while \`npm start\` is running on it.`;

type Connection = { database: DatabaseHandle; embedded: EmbeddedDatabase | undefined };

async function connect(config: ReturnType<typeof loadConfig>): Promise<Connection> {
  if (config.databaseUrl)
    return { database: connectDatabase(config.databaseUrl, { max: 4 }), embedded: undefined };
  try {
    const embedded = await startEmbeddedDatabase(config.dataDir, () => {});
    return { database: connectDatabase(embedded.connectionString, { max: 4 }), embedded };
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    // Frontline is running on this data dir: talk to its database instead of starting another.
    const running = await findRunningEmbeddedDatabase(config.dataDir);
    if (!running) throw error;
    return { database: connectDatabase(running, { max: 4 }), embedded: undefined };
  }
}

const createAgentOptions = z.object({
  email: z.email(),
  name: z.string().min(1),
  role: agentRole.default('agent'),
  password: z.string().min(10).optional(),
  languages: z
    .string()
    .default('en')
    .transform((value) =>
      value
        .split(',')
        .map((language) => language.trim())
        .filter(Boolean),
    ),
});

async function run(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      languages: { type: 'string' },
      agent: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (!command || values.help || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (!['migrate', 'create-agent', 'create-token', 'seed-demo'].includes(command)) {
    throw new UsageError(`Unknown command "${command}".`);
  }
  const config = loadConfig();
  const { database, embedded } = await connect(config);
  try {
    await migrateDatabase(database.pool).then((result) => {
      if (result.applied.length > 0)
        process.stdout.write(`Applied migrations: ${result.applied.join(', ')}\n`);
    });
    await migrateJobQueue(database.pool);
    const deps = { db: database.db, config, clock: systemClock };
    switch (command) {
      case 'migrate':
        process.stdout.write('The database is up to date.\n');
        break;
      case 'create-agent': {
        const parsed = createAgentOptions.safeParse(values);
        if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
        const agent = await createAgent(deps, { ...parsed.data, skills: [], uiLanguage: 'en', teamIds: [] });
        process.stdout.write(`Created ${agent.role} ${agent.name} <${agent.email}> (${agent.id})\n`);
        if (agent.initialPassword) process.stdout.write(`Password (shown once): ${agent.initialPassword}\n`);
        break;
      }
      case 'create-token': {
        if (!values.agent || !values.name)
          throw new UsageError('create-token needs --agent EMAIL and --name NAME.');
        const agent = await findAgentByEmail(deps.db, values.agent.trim().toLowerCase());
        if (!agent) throw new UsageError(`No agent has the email ${values.agent}.`);
        const token = await createApiToken(deps, null, { name: values.name, agentId: agent.id });
        process.stdout.write(`API token "${token.name}" for ${values.agent} (shown once):\n${token.token}\n`);
        break;
      }
      case 'seed-demo': {
        const result = await seedDemoData(deps);
        process.stdout.write(
          result.alreadySeeded
            ? 'The demo data is already there; nothing was added.\nDemo agents:\n'
            : `Demo data: ${result.customers} customers, ${result.conversations} conversations.\nDemo agents:\n`,
        );
        for (const agent of result.agents) {
          process.stdout.write(`  ${agent.role.padEnd(10)} ${agent.email.padEnd(36)} ${agent.password}\n`);
        }
        break;
      }
    }
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

class UsageError extends Error {}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    process.exit(2);
  }
  if (error instanceof AppError || error instanceof ConfigError || error instanceof DataDirInUseError) {
    process.stderr.write(
      `${error.message}${error instanceof AppError && error.detail ? `: ${error.detail}` : ''}\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
