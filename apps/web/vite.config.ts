import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { renderPrefetchScript } from './src/boot/prefetch.ts';

/** Puts the start-up prefetch (src/boot/prefetch.ts) inline at the top of index.html. */
function prefetchAtStartUp(): Plugin {
  return {
    name: 'frontline-prefetch',
    transformIndexHtml: () => [{ tag: 'script', children: renderPrefetchScript(), injectTo: 'head' }],
  };
}

const compressWithBrotli = promisify(brotliCompress);
const compressWithGzip = promisify(gzip);

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each script and stylesheet; the server
 * sends one of them when the browser accepts it (a first visit moves about a quarter of the bytes).
 */
function precompressAssets(): Plugin {
  return {
    name: 'frontline-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((name) => /\.(js|css)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(outDir, name);
          const content = await readFile(file);
          const [brotli, gzipped] = await Promise.all([
            compressWithBrotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
            compressWithGzip(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, brotli), writeFile(`${file}.gz`, gzipped)]);
        }),
      );
    },
  };
}

// In development the API runs on its own port (`npm start`); in production the server serves
// this build on the same origin, so the client always calls relative `/api/...` URLs.
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), prefetchAtStartUp(), precompressAssets()],
  server: {
    proxy: {
      '/api': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
