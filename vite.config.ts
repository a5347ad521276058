import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serviceWorkerSource } from './src/pwa/service-worker-source.ts';
import { lensIcon, webManifest } from './src/pwa/png-icon.ts';

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

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).replace(/\\/g, '/'));
}

/**
 * Offline install (issue 17): the web app manifest, its PNG icons and dist/sw.js, whose precache list
 * is every file this build emits plus public/ (the sample CSV included), and whose version is a hash of
 * their contents — a new build is a new worker, which the page offers to load (src/client/pwa.ts).
 */
function offlineInstall(): Plugin {
  let publicDir = '';
  return {
    name: 'customer-lens-offline',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: './manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: '#2454d6' }, injectTo: 'head' },
    ],
    generateBundle(_options, bundle) {
      const own: Record<string, string | Uint8Array> = {
        'manifest.webmanifest': webManifest(),
        'icon-192.png': lensIcon(192),
        'icon-512.png': lensIcon(512),
      };
      for (const [fileName, source] of Object.entries(own))
        this.emitFile({ type: 'asset', fileName, source });
      const hash = createHash('sha256');
      const files: string[] = Object.keys(own);
      for (const [name, out] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        files.push(name);
        hash.update(name).update(out.type === 'chunk' ? out.code : out.source);
      }
      const pub = publicDir ? filesUnder(publicDir).sort() : [];
      for (const name of pub) hash.update(name).update(readFileSync(join(publicDir, name)));
      const version = hash.digest('hex').slice(0, 16);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: serviceWorkerSource(
          ['index.html', ...files, ...pub],
          version,
          readFileSync(new URL('./src/engine/network-guard.js', import.meta.url), 'utf8'),
        ),
      });
    },
  };
}

// The app is a static site without COOP/COEP headers, so duckdb-wasm runs its single-threaded `eh`
// bundle (threads were slower on 2 cores and break BROWSER_FILEREADER: engine-notes §4).
export default defineConfig({
  base: './',
  plugins: [svelte(), contentSecurityPolicy(), offlineInstall()],
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
