/**
 * Writes the app's built-in sample, public/sample/orders-sample.csv (UTF-8 with BOM), from the seeded
 * generator with its default options. Idempotent: an unchanged file is left alone.
 * Run: npx tsx scripts/make-sample.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSampleOrders, SAMPLE_HEADERS, sampleStats, toCsv } from '../src/sample/generate-orders.ts';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../public/sample/orders-sample.csv');
const started = performance.now();
const rows = generateSampleOrders();
const bytes = Buffer.from(`\uFEFF${toCsv(rows, SAMPLE_HEADERS)}`, 'utf8');
const unchanged = existsSync(out) && readFileSync(out).equals(bytes);
if (!unchanged) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
}
const s = sampleStats(rows);
console.log(
  `${relative(process.cwd(), out)} ${unchanged ? 'unchanged' : 'written'}: ${s.rows} rows, ${s.orders} orders, ` +
    `${s.customers} customers, ${bytes.length} bytes, ${s.firstOrderTime} .. ${s.lastOrderTime} ` +
    `(${Math.round(performance.now() - started)} ms)`,
);
