import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export type Dovecot = {
  host: string;
  port: number;
  user: string;
  password: string;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForGreeting(port: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const isUp = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (isUp) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A real IMAP server for the poller's tests: Debian's Dovecot (`apt-get install dovecot-imapd`)
 * with its whole configuration, state and mail in a temporary directory, on a free port,
 * plaintext on loopback, one user. Run as root it drops to Debian's dovecot users and keeps mail
 * as `mail`; run as anyone else everything runs as that user.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(path.join(tmpdir(), 'frontline-dovecot-'));
  chmodSync(dir, 0o755);
  const isRoot = process.getuid?.() === 0;
  const me = userInfo().username;
  for (const sub of ['run', 'state', 'home']) mkdirSync(path.join(dir, sub));
  if (isRoot) chownSync(path.join(dir, 'home'), 8, 8);
  const port = await freePort();
  const user = 'pagalba';
  const password = 'imap-secret-pw';
  writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  const accounts = isRoot
    ? 'userdb {\n  driver = static\n  args = uid=mail gid=mail home=%DIR%/home/%u\n}\n'
    : `default_internal_user = ${me}\ndefault_login_user = ${me}\nuserdb {\n  driver = static\n  args = uid=${me} gid=${userInfo().gid} home=%DIR%/home/%u\n}\n`;
  const config = `
base_dir = %DIR%/run
state_dir = %DIR%/state
log_path = %DIR%/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u %DIR%/passwd
}
${accounts}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`.replaceAll('%DIR%', dir);
  const configFile = path.join(dir, 'dovecot.conf');
  writeFileSync(configFile, config);
  const master = spawn('/usr/sbin/dovecot', ['-F', '-c', configFile], { stdio: 'ignore' });
  try {
    await waitForGreeting(port, 10_000);
  } catch (error) {
    master.kill();
    const log = (() => {
      try {
        return readFileSync(path.join(dir, 'dovecot.log'), 'utf8');
      } catch {
        return '';
      }
    })();
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    stop: async () => {
      if (master.exitCode === null && master.signalCode === null) {
        await new Promise<void>((resolve) => {
          master.once('exit', () => resolve());
          master.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
