// Builds the browser UI into dist/web, which the Fastify server serves at / with an SPA fallback.
// In development the Vite server proxies the API and the probes to the Node process on port 3000.
// The proxy matches by prefix, and Vite serves source modules at their path under src/web, so no
// folder here may be named like a proxied path (the API hooks live in server-api/, not api/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
      '/metrics': api,
    },
  },
});
