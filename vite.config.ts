import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The app is a static site: no COOP/COEP headers, so duckdb-wasm runs its single-threaded `eh` bundle
// (threads were slower on 2 cores and break BROWSER_FILEREADER; see shared/reference/engine-notes.md §4).
export default defineConfig({
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    assetsInlineLimit: 0,
  },
  preview: { port: 4173, strictPort: false },
  server: { port: 5173 },
});
