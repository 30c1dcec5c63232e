import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API the dev server proxies to (`npm run dev` runs it on 127.0.0.1:1250). */
const API = process.env.MEETBRIDGE_API_URL ?? 'http://127.0.0.1:1250';
/** Paths the server answers itself (packages/server/src/lib/reserved-paths.ts); everything else is the app. */
const proxied = ['/v1', '/docs', '/openapi.json', '/health', '/ready', '/mock'];

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    // dist/.vite/manifest.json: scripts/bundle-report.ts measures the shell and each provider from it.
    manifest: true,
    target: 'es2022',
    sourcemap: true,
    // The daily-js chunk is ~250 kB before gzip, on purpose in its own lazy chunk; the budget check is ours.
    chunkSizeWarningLimit: 300,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: API, changeOrigin: false }])),
  },
});
