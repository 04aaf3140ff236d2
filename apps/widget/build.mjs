// Builds dist/widget.js (one self-contained script) and reports its gzipped size, which must stay
// within the budget: the widget loads on every page of a customer's site.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const budgetBytes = 60 * 1024;
const here = path.dirname(fileURLToPath(import.meta.url));

export async function buildWidget(outfile = path.join(here, 'dist', 'widget.js')) {
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [path.join(here, 'src', 'main.ts')],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  const content = readFileSync(outfile);
  const gzipped = gzipSync(content, { level: 9 }).length;
  writeFileSync(
    `${outfile}.size.json`,
    JSON.stringify({ bytes: content.length, gzipBytes: gzipped, budgetBytes }),
  );
  return { outfile, bytes: content.length, gzipBytes: gzipped };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await buildWidget();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`widget.js: ${kb(result.bytes)} (${kb(result.gzipBytes)} gzipped; budget ${kb(budgetBytes)})`);
  if (result.gzipBytes > budgetBytes) {
    console.error('widget.js is over its size budget');
    process.exit(1);
  }
}
