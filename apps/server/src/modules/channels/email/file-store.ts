import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files by content: `<data dir>/files/ab/cd/<sha256>`. The same attachment sent a hundred times
 * is stored once, and a file is never changed after it is written, so readers need no locks.
 * A write is durable (fsync, then an atomic rename) before the caller commits the row naming
 * it: a committed row never points at a missing file. A file whose transaction then failed is
 * an orphan — harmless, and collectable later by comparing against the tables.
 */
export function blobPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Not a sha256');
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export async function storeBlob(dataDir: string, content: Buffer): Promise<{ sha256: string; size: number }> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const target = blobPath(dataDir, sha256);
  const existing = await stat(target).catch(() => null);
  if (existing?.size === content.length) return { sha256, size: content.length };
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w', 0o640);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { sha256, size: content.length };
}
