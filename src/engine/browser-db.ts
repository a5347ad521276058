/**
 * DbPort in the browser: duckdb-wasm's `eh` bundle, single-threaded, in its own worker nested inside
 * our engine worker. Every artifact is bundled by Vite and served from our origin (no CDN). Queries go
 * through `send` (a pending query polled chunk by chunk) so they can be cancelled and report progress.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { Table, tableToIPC } from 'apache-arrow';
import type { DbPort, FileRef, QueryProgressHandler } from './db-port.ts';
import { offlineSettings, REGISTERED_DIR } from './db-port.ts';

/** AsyncDuckDB with a public hook for the PROGRESS_UPDATE messages its worker already sends. */
class ProgressDuckDB extends duckdb.AsyncDuckDB {
  onProgress(handler: (p: duckdb.ProgressEntry) => void): void {
    this._onExecutionProgress.push(handler);
  }
}

export async function openBrowserDb(): Promise<DbPort> {
  // DuckDB's own worker is loaded from its URL, outside the page's CSP: its emscripten glue evaluates
  // EM_ASM snippets (eval), which the page policy forbids. Its only network path, DuckDB's HTTP file
  // system, is closed by enable_external_access = false (offlineSettings); our code runs in the
  // engine worker, which is under the page's CSP (engine-client.ts, issue 19 §4).
  const worker = new Worker(new URL(ehWorker, import.meta.url).href);
  const db = new ProgressDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(new URL(ehWasm, import.meta.url).href, null);
  await db.open({
    maximumThreads: 1,
    query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
  });
  const conn = await db.connect();
  // DuckDB's progress bar feeds duckdb-wasm's PROGRESS_UPDATE messages (our progress bars).
  await conn.query('SET enable_progress_bar = true');
  await conn.query('SET enable_progress_bar_print = true');
  await conn.query('SET progress_bar_time = 200');
  for (const s of offlineSettings(new URL(import.meta.url).origin, [REGISTERED_DIR])) await conn.query(s);

  let progressHandler: QueryProgressHandler | null = null;
  db.onProgress((p) => {
    const pct = Number(p.percentage);
    if (progressHandler && Number.isFinite(pct)) progressHandler(Math.max(0, Math.min(1, pct / 100)));
  });

  return {
    kind: 'browser',
    version: () => db.getVersion(),
    async exec(sql) {
      await conn.query(sql);
    },
    async queryIpc(sql, onProgress) {
      progressHandler = onProgress ?? null;
      try {
        const reader = await conn.send(sql, true);
        const batches = [];
        for await (const batch of reader) batches.push(batch);
        // A fresh table → IPC bytes owned by this worker, safe to transfer onwards.
        return tableToIPC(new Table(reader.schema, batches), 'stream');
      } finally {
        progressHandler = null;
      }
    },
    async registerFile(name, ref: FileRef) {
      if (ref.kind !== 'browser-file') throw new Error(`browser db cannot register ${ref.kind}`);
      await db.registerFileHandle(name, ref.file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    },
    async registerBytes(name, bytes) {
      await db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      await db.dropFile(name);
    },
    async insertArrowIpc(table, bytes, create) {
      await conn.insertArrowFromIPCStream(bytes, { name: table, create });
    },
    cancel: () => conn.cancelSent(),
    async close() {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
