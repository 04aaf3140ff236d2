import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../../config.ts';

/**
 * Secrets at rest (IMAP passwords, SMTP URLs with credentials) are sealed with AES-256-GCM. The
 * master key is FRONTLINE_SECRET_KEY (64 hex chars, base64 of 32 bytes, or a long passphrase),
 * else `secret.key` in the data dir, generated on first use. Instances sharing one database must
 * share the key: set FRONTLINE_SECRET_KEY for them. Reply tokens are signed with a key derived
 * from the same master, so they survive restarts and work across instances.
 */
export type SecretBox = {
  seal: (plain: string) => string;
  open: (sealed: string) => string;
  replyTokenKey: Buffer;
};

export const secretKeyFileName = 'secret.key';

function masterKeyFrom(value: string): Buffer {
  const trimmed = value.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const decoded = Buffer.from(trimmed, 'base64');
  if (decoded.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(trimmed)) return decoded;
  return createHash('sha256').update(trimmed).digest();
}

function readOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, secretKeyFileName);
  try {
    return masterKeyFrom(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx`: if two processes race, one writes and the other reads what it wrote.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return masterKeyFrom(readFileSync(file, 'utf8'));
}

const derive = (master: Buffer, purpose: string) =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `frontline ${purpose} v1`, 32));

export function createSecretBox(master: Buffer): SecretBox {
  const encryptionKey = derive(master, 'secrets');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join(':');
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split(':');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('Not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
    replyTokenKey: derive(master, 'reply tokens'),
  };
}

const boxes = new Map<string, SecretBox>();

/** The instance's secret box, from its configuration; loaded once per process. */
export function loadSecretBox(config: Pick<Config, 'dataDir' | 'email'>): SecretBox {
  const cacheKey = config.email.secretKey
    ? `key:${createHash('sha256').update(config.email.secretKey).digest('hex')}`
    : `dir:${config.dataDir}`;
  let box = boxes.get(cacheKey);
  if (!box) {
    box = createSecretBox(
      config.email.secretKey ? masterKeyFrom(config.email.secretKey) : readOrCreateKeyFile(config.dataDir),
    );
    boxes.set(cacheKey, box);
  }
  return box;
}
