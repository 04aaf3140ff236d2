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

// In development the API runs on its own port (`npm start`); in production the server serves
// this build on the same origin, so the client always calls relative `/api/...` URLs.
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), prefetchAtStartUp()],
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
