/**
 * npm run bench [-- --sizes 1m,10m --runs 3 --xlsx --no-browser --no-native --funnel 10m]
 * (`--sizes none --funnel 1m`: the funnel rows only)
 *
 * Generates seeded orders files with our own generator, then measures (median of --runs):
 * - browser: the real UI path in headless Chromium (file input → worker → cleaning → RFM overview
 *   rendered): engine start, ingest (drop → table), analysis (table → dashboard), time to first
 *   dashboard, peak renderer memory;
 * - native: @duckdb/node-api (same DuckDB core) through our code (what `customer-lens --engine
 *   native` runs) and as plain SQL, 1 thread.
 * Also runs on ../shared/datasets/online_retail when present, and the CLV fit (issue 16) on 100k
 * customers (the worker's code in Node; --no-clv skips it). --funnel SIZES (default 10m, `none` to skip):
 * a seeded events file of that many events through the funnel in the browser and the CLI (issue 14;
 * scripts/bench/funnel-run.ts). Prints a table and writes JSON to
 * bench-results/. Numbers belong in the README's performance section, never in timed unit tests.
 */
import { existsSync, mkdirSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { cpus, totalmem } from 'node:os';
import { preview } from 'vite';
import { browserRun, type BrowserRunResult } from './bench/browser-run.ts';
import { nativeRun, type NativeRunResult } from './bench/native-run.ts';
import { findChromium } from './ensure-chromium.mjs';
import { clvRun, type ClvRunResult } from './bench/clv-run.ts';
import {
  funnelBrowserRun,
  funnelCliRun,
  makeEventsFile,
  type FunnelBrowserResult,
} from './bench/funnel-run.ts';
import { modelsRun, type ModelsRunResult } from './bench/models-run.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1m,10m' },
    runs: { type: 'string', default: '3' },
    xlsx: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-native': { type: 'boolean', default: false },
    /** Skip issue 15's models (k-means on 100k customers, rules on 1M basket lines). */
    'no-models': { type: 'boolean', default: false },
    /** Print every statement the worker ran during each browser run, with its duration. */
    trace: { type: 'boolean', default: false },
    'no-clv': { type: 'boolean', default: false },
    funnel: { type: 'string', default: '10m' },
  },
});
const runs = Math.max(1, Number(values.runs));
const ROWS: Record<string, number> = { '100k': 100_000, '1m': 1_000_000, '5m': 5_000_000, '10m': 10_000_000 };

function dataset(size: string, xlsx: boolean): string {
  const rows = ROWS[size];
  if (!rows) throw new Error(`unknown size ${size} (use ${Object.keys(ROWS).join(', ')})`);
  const path = resolve(`bench-data/orders-${size}.${xlsx ? 'xlsx' : 'csv'}`);
  if (!existsSync(path)) {
    console.log(`generating ${path} …`);
    execFileSync(
      'npx',
      [
        'tsx',
        'scripts/make-bench-data.ts',
        '--rows',
        String(rows),
        '--out',
        path,
        ...(xlsx ? ['--xlsx'] : []),
      ],
      {
        stdio: 'inherit',
      },
    );
  }
  return path;
}

/** Online Retail's 13 monthly gz files as one CSV (the app takes one orders file). */
function onlineRetail(): string | null {
  const dir = resolve('../shared/datasets/online_retail');
  if (!existsSync(dir)) return null;
  const out = resolve('bench-data/online-retail.csv');
  if (!existsSync(out)) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.csv.gz'))
      .sort();
    const parts = files.map((f, i) => {
      const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
      return i === 0 ? text : text.slice(text.indexOf('\n') + 1);
    });
    writeFileSync(out, parts.join(''));
  }
  return out;
}

const median = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)]! : null;
};

interface Entry {
  name: string;
  file: string;
  browser: BrowserRunResult[];
  native: NativeRunResult[];
  errors: string[];
}

async function main() {
  mkdirSync('bench-data', { recursive: true });
  mkdirSync('bench-results', { recursive: true });
  const files: { name: string; file: string }[] = values
    .sizes!.split(',')
    .filter((s) => s.trim() !== '' && s.trim() !== 'none')
    .map((s) => ({ name: `${s} csv`, file: dataset(s.trim(), false) }));
  if (values.xlsx) files.push({ name: '1m xlsx', file: dataset('1m', true) });
  const retail = values.sizes === 'none' ? null : onlineRetail();
  if (retail) files.push({ name: 'online retail', file: retail });

  if (!existsSync('dist/index.html')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const chrome = findChromium();
  const server = values['no-browser']
    ? null
    : await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const baseUrl = server?.resolvedUrls?.local[0] ?? '';
  const entries: Entry[] = [];
  for (const { name, file } of files) {
    const entry: Entry = { name, file, browser: [], native: [], errors: [] };
    for (let i = 0; i < runs; i++) {
      if (server && chrome) {
        try {
          const r = await browserRun(chrome, baseUrl, file, {
            waitForDashboard: true,
            timeoutMs: 600_000,
            ...(values.trace ? { onTrace: (l: string) => console.log(`  ${l.slice(0, 160)}`) } : {}),
          });
          if (r.externalRequests.length)
            throw new Error(`external requests: ${r.externalRequests.join(', ')}`);
          entry.browser.push(r);
          console.log(`${name} browser #${i + 1}:`, JSON.stringify(r));
        } catch (e) {
          // A failed run (out of memory, timeout) is a result too: report it, keep measuring the rest.
          entry.errors.push(`browser #${i + 1}: ${(e as Error).message.split('\n')[0]}`);
          console.log(`${name} browser #${i + 1} failed:`, (e as Error).message.split('\n')[0]);
        }
      }
      if (!values['no-native'] && !file.endsWith('.xlsx')) {
        try {
          const n = await nativeRun(file, 1);
          entry.native.push(n);
          console.log(`${name} native #${i + 1}:`, JSON.stringify(n));
        } catch (e) {
          entry.errors.push(`native #${i + 1}: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    }
    entries.push(entry);
  }
  const funnelRows = await funnelBench(chrome, server ? baseUrl : null);
  await server?.close();
  const clv: ClvRunResult[] = [];
  if (!values['no-clv']) {
    for (let i = 0; i < runs; i++) {
      const r = await clvRun(100_000);
      clv.push(r);
      console.log(`clv fit 100k customers #${i + 1}:`, JSON.stringify(r));
    }
  }

  const gb = (b: number | null) => (b === null ? '–' : `${(b / 1024 ** 3).toFixed(2)} GB`);
  const s = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);
  const ratio = (a: number | null, b: number | null) =>
    a === null || b === null || b === 0 ? '–' : `${(a / b).toFixed(2)}×`;
  const rows = entries.map((e) => {
    const b = (k: keyof BrowserRunResult) => median(e.browser.map((r) => r[k] as number | null));
    const n = (k: keyof NativeRunResult) => median(e.native.map((r) => r[k]));
    const analysis = median(
      e.browser.map((r) => (r.dashboardMs === null ? null : r.dashboardMs - r.ingestMs)),
    );
    const nativeOurs = median(e.native.map((r) => r.ingestMs + (r.analysisMs ?? 0)));
    const nativePlain = median(e.native.map((r) => r.plainIngestMs + (r.plainAnalysisMs ?? 0)));
    return {
      dataset: e.name,
      engine_start: s(b('engineStartMs')),
      browser_ingest: s(b('ingestMs')),
      browser_analysis: s(analysis),
      first_dashboard: s(b('dashboardMs')),
      native_ingest: s(n('ingestMs')),
      native_analysis: s(n('analysisMs')),
      ingest_ratio: ratio(b('ingestMs'), n('plainIngestMs')),
      native_ours_vs_plain: ratio(nativeOurs, nativePlain),
      peak_renderer: gb(b('peakRendererBytes')),
      failed_runs: e.errors.length,
    };
  });
  console.log(
    `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM; median of ${runs}`,
  );
  console.table(rows);
  if (clv.length > 0) {
    console.table([
      {
        dataset: 'clv fit, 100k customers',
        purchase_days: clv[0]!.purchaseDays,
        compute: s(median(clv.map((r) => r.computeMs))),
        converged: clv.every((r) => r.converged),
      },
    ]);
  }
  if (funnelRows.length) console.table(funnelRows);
  // Issue 15: the models' pure code (what the worker runs), median of --runs.
  const models: ModelsRunResult[] = [];
  if (!values['no-models']) for (let i = 0; i < runs; i++) models.push(await modelsRun());
  const modelRows = models.length
    ? [
        {
          model: 'k-means + k chooser, 100k customers',
          time: s(median(models.map((m) => m.clusters100kMs))),
          result: `k = ${models[0]!.clustersK}`,
        },
        {
          model: 'itemsets + rules, 1M basket lines',
          time: s(median(models.map((m) => m.rules1mLinesMs))),
          result: `${models[0]!.rules} rules`,
        },
        {
          model: 'recommendations, 50k customers',
          time: s(median(models.map((m) => m.recommend50kCustomersMs))),
          result: 'top 3',
        },
      ]
    : [];
  if (modelRows.length) console.table(modelRows);
  const out = `bench-results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    out,
    JSON.stringify(
      {
        runs,
        machine: { cpus: cpus().length, model: cpus()[0]?.model, memGb: totalmem() / 1024 ** 3 },
        rows,
        entries,
        clv,
        funnel: funnelRows,
        models: modelRows,
      },
      null,
      2,
    ),
  );
  console.log(`wrote ${out}`);
  process.exit(0);
}

/** Issue 14: the funnel on seeded events files, browser (drop → clean → funnel shown) and CLI. */
async function funnelBench(chrome: string | null, baseUrl: string | null) {
  if (values.funnel === 'none' || !values.funnel) return [];
  const out = [];
  for (const size of values.funnel.split(',').map((x) => x.trim())) {
    const n = ROWS[size];
    if (!n) throw new Error(`unknown --funnel size ${size}`);
    const file = resolve(`bench-data/events-${size}.csv`);
    if (!existsSync(file)) console.log(`generating ${file} …`);
    await makeEventsFile(file, n);
    const browser: FunnelBrowserResult[] = [];
    const wasm: number[] = [];
    const native: number[] = [];
    const errors: string[] = [];
    for (let i = 0; i < runs; i++) {
      if (chrome && baseUrl) {
        try {
          const r = await funnelBrowserRun(chrome, baseUrl, file, 900_000);
          if (r.externalRequests.length)
            throw new Error(`external requests: ${r.externalRequests.join(', ')}`);
          browser.push(r);
          console.log(`events ${size} browser #${i + 1}:`, JSON.stringify(r));
        } catch (e) {
          errors.push(`browser #${i + 1}: ${(e as Error).message.split('\n')[0]}`);
          console.log(`events ${size} browser #${i + 1} failed:`, (e as Error).message.split('\n')[0]);
        }
      }
      const engines: ['wasm' | 'native', number[]][] = [['wasm', wasm]];
      if (!values['no-native']) engines.push(['native', native]);
      for (const [engine, list] of engines) {
        try {
          const ms = await funnelCliRun(file, engine);
          list.push(ms);
          console.log(`events ${size} cli ${engine} #${i + 1}: ${ms} ms`);
        } catch (e) {
          errors.push(`cli ${engine} #${i + 1}: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    }
    const b = (k: keyof FunnelBrowserResult) => median(browser.map((r) => r[k] as number));
    const s = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);
    out.push({
      dataset: `${size} events`,
      browser_ingest: s(b('ingestMs')),
      browser_clean_events: s(b('cleanMs')),
      browser_funnel: s(b('funnelMs')),
      peak_renderer:
        b('peakRendererBytes') === null ? '–' : `${(b('peakRendererBytes')! / 1024 ** 3).toFixed(2)} GB`,
      cli_wasm_total: s(median(wasm)),
      cli_native_total: s(median(native)),
      failed_runs: errors.length,
    });
  }
  return out;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
