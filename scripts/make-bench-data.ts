/**
 * Benchmark data (engine-notes §4 schema) written by streaming generated chunks to disk.
 *   npx tsx scripts/make-bench-data.ts --rows 1000000 --out bench-data/orders-1m.csv [--seed 42]
 *   npx tsx scripts/make-bench-data.ts --rows 1000000 --xlsx --out bench-data/orders-1m.xlsx
 * The .xlsx variant holds the whole sheet in memory (SheetJS cannot stream a write): 1M rows need a
 * few GB of heap, so for big files the script re-runs itself with --max-old-space-size.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import * as XLSX from '@e965/xlsx';
import { BENCH_HEADERS, generateBenchCsvChunks } from '../src/sample/generate-orders.ts';

const XLSX_MAX_ROWS = 1_048_575; // Excel's sheet limit minus the header row
const XLSX_HEAP_MB = 8192;

const options = {
  rows: { type: 'string', default: '1000000' },
  out: { type: 'string' },
  seed: { type: 'string', default: '42' },
  xlsx: { type: 'boolean', default: false },
} as const;
const values = (() => {
  try {
    return parseArgs({ options }).values;
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
})();
const rows = Number(values.rows);
const seed = Number(values.seed);
if (!Number.isInteger(rows) || rows < 0) fail(`--rows must be a non-negative integer, got ${values.rows}`);
if (!Number.isInteger(seed)) fail(`--seed must be an integer, got ${values.seed}`);
if (values.xlsx && rows > XLSX_MAX_ROWS)
  fail(`--xlsx holds at most ${XLSX_MAX_ROWS} rows (Excel's limit), got ${rows}`);
const out = values.out ?? `bench-data/orders-${rows}.${values.xlsx ? 'xlsx' : 'csv'}`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const heapMb = getHeapStatistics().heap_size_limit / 2 ** 20;
if (values.xlsx && rows > 200_000 && heapMb < XLSX_HEAP_MB / 2) {
  const again = [...process.execArgv, `--max-old-space-size=${XLSX_HEAP_MB}`, ...process.argv.slice(1)];
  process.exit(spawnSync(process.execPath, again, { stdio: 'inherit' }).status ?? 1);
}

const started = performance.now();
fs.mkdirSync(dirname(out), { recursive: true });
if (values.xlsx) writeXlsx();
else writeCsv();
const size = fs.statSync(out).size;
console.log(`${out}: ${rows} rows, ${size} bytes, ${((performance.now() - started) / 1000).toFixed(1)} s`);

function writeCsv(): void {
  const fd = fs.openSync(out, 'w');
  try {
    for (const chunk of generateBenchCsvChunks(rows, seed)) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

function writeXlsx(): void {
  const aoa: (string | number)[][] = [[...BENCH_HEADERS]];
  for (const chunk of generateBenchCsvChunks(rows, seed)) {
    for (const line of chunk.split('\n')) {
      if (!line || line.startsWith('customer_id,')) continue;
      const [customer = '', order = '', time = '', amount = '', category = '', channel = ''] =
        line.split(',');
      aoa.push([customer, order, time, Number(amount), category, channel]);
    }
  }
  const sheet = XLSX.utils.aoa_to_sheet(aoa, { dense: true });
  aoa.length = 0;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'orders');
  XLSX.set_fs(fs);
  XLSX.writeFile(book, out, { compression: true });
}
