import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Content-Security-Policy for the built app, as a <meta> tag so it holds on any static host (no
 * server headers needed): only our own origin; `wasm-unsafe-eval` to compile DuckDB's wasm, `blob:`
 * for workers. No CDN, no remote fonts, no telemetry. Dev mode is left alone (Vite's HMR needs more).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'customer-lens-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The app is a static site without COOP/COEP headers, so duckdb-wasm runs its single-threaded `eh`
// bundle (threads were slower on 2 cores and break BROWSER_FILEREADER: engine-notes §4).
export default defineConfig({
  base: './',
  plugins: [svelte(), contentSecurityPolicy()],
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
