import { defineConfig } from 'vite';

/**
 * The CLI ships as built JavaScript: one Node ESM bundle of src/cli/main.ts in dist-cli/, with every
 * npm dependency left as an import (resolved from node_modules at run time), so no TypeScript compiler
 * runs when a user starts it. Built by `npm run build:cli` (and by `npm ci` through `prepare`).
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'customer-lens.js', chunkFileNames: '[name].js' } },
  },
  ssr: { target: 'node' },
});
