import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { createSecretBox, loadSecretBox, secretKeyFileName } from './secret-box.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('secret box', () => {
  const box = createSecretBox(Buffer.alloc(32, 1));

  it('seals a secret so that the stored text does not contain it, and opens it again', () => {
    const sealed = box.seal('imap-password-ĄČĘ');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('imap-password');
    expect(box.open(sealed)).toBe('imap-password-ĄČĘ');
  });

  it('seals the same secret differently each time', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered secret and one sealed with another key', () => {
    const sealed = box.seal('secret');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => box.open(tampered)).toThrow();
    expect(() => createSecretBox(Buffer.alloc(32, 2)).open(sealed)).toThrow();
  });

  it('generates a private key file in the data dir once and reuses it', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'frontline-secret-'));
    dirs.push(dataDir);
    const config = loadConfig({ FRONTLINE_DATA_DIR: dataDir });
    const sealed = loadSecretBox(config).seal('pw');
    const file = path.join(dataDir, secretKeyFileName);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const key = await readFile(file, 'utf8');
    // A fresh process would find the same file: simulate with a new box from it.
    expect(createSecretBox(Buffer.from(key.trim(), 'hex')).open(sealed)).toBe('pw');
  });

  it('uses FRONTLINE_SECRET_KEY when it is set, so instances can share it', () => {
    const hexKey = 'ab'.repeat(32);
    const a = loadSecretBox(
      loadConfig({ FRONTLINE_DATA_DIR: '/nonexistent-a', FRONTLINE_SECRET_KEY: hexKey }),
    );
    expect(createSecretBox(Buffer.from(hexKey, 'hex')).open(a.seal('shared'))).toBe('shared');
  });
});
