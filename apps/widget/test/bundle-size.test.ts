import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetBytes, buildWidget } from '../build.mjs';

let directory: string;
let built: Buffer;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'frontline-widget-'));
  const result = await buildWidget(path.join(directory, 'widget.js'));
  built = readFileSync(result.outfile);
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('the widget bundle', () => {
  it('is at most 60 KB gzipped, the whole first load', () => {
    expect(budgetBytes).toBe(60 * 1024);
    expect(gzipSync(built, { level: 9 }).length).toBeLessThanOrEqual(budgetBytes);
  });

  it('carries no validation library or framework (contracts are imported as types only)', () => {
    const code = built.toString('utf8');
    expect(code).not.toMatch(/ZodError|zod/);
    expect(code).not.toMatch(/react/i);
  });

  it('ships the texts of every language', () => {
    const code = built.toString('utf8');
    for (const text of [
      'Chat with us',
      'Pokalbis su mumis',
      'Napíšte nám v chate',
      'Porozmawiaj z nami',
      'Csevegjen velünk',
    ]) {
      expect(code).toContain(text);
    }
  });
});
