import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared corpus of real replies (`../shared/corpora/email-replies/` beside the repository),
 * read in place: it is not ours to copy. Each `NAME.eml` expects `NAME_reply_text` or "Hello".
 */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../..');
export const replyCorpusDir = path.resolve(repositoryRoot, '../shared/corpora/email-replies/talon');

export type CorpusReply = { name: string; raw: Buffer; expectedText: string };

export function readReplyCorpus(): CorpusReply[] {
  if (!existsSync(replyCorpusDir)) throw new Error(`The reply corpus is missing at ${replyCorpusDir}`);
  return readdirSync(replyCorpusDir)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.eml'.length);
      const expectedFile = path.join(replyCorpusDir, `${name}_reply_text`);
      return {
        name,
        raw: readFileSync(path.join(replyCorpusDir, file)),
        expectedText: existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8').trim() : 'Hello',
      };
    });
}
