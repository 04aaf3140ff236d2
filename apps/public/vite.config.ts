import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves this build under /public-app/ and its pages at /kiosk, /display and /visit;
// in development the API runs on its own port (`npm start`).
export default defineConfig({
  base: '/public-app/',
  plugins: [react()],
  server: { proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
