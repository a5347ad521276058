/**
 * DbPort over duckdb-wasm's blocking Node build: the same wasm engine as the browser, used by Vitest
 * and the CLI. Calls are synchronous underneath; the async interface matches the browser port.
 */
import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { DbPort, FileRef } from './db-port.ts';
import { offlineSettings, REGISTERED_DIR } from './db-port.ts';

const require = createRequire(import.meta.url);

export async function openNodeDb(options: { memoryLimit?: string } = {}): Promise<DbPort> {
  const dist = (file: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true } });
  const conn = db.connect();
  if (options.memoryLimit) conn.query(`SET memory_limit = '${options.memoryLimit.replaceAll("'", '')}'`);
  for (const s of offlineSettings(null, [REGISTERED_DIR])) conn.query(s);

  const port: DbPort = {
    kind: 'node',
    async version() {
      return db.getVersion();
    },
    async exec(sql) {
      conn.query(sql);
    },
    async queryIpc(sql) {
      // Raw IPC bytes, never an Arrow Table: the CJS build carries its own apache-arrow instance and
      // handing its Table to ours loses data silently (engine-notes P1).
      return conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql)).slice();
    },
    async registerFile(name, ref: FileRef) {
      if (ref.kind !== 'node-path') throw new Error(`node db cannot register ${ref.kind}`);
      db.registerFileURL(name, ref.path, duckdb.DuckDBDataProtocol.NODE_FS, true);
    },
    async registerBytes(name, bytes) {
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async insertArrowIpc(table, bytes, create) {
      conn.insertArrowFromIPCStream(bytes, { name: table, create });
    },
    async cancel() {
      return false;
    },
    async close() {
      conn.close();
      db.reset();
    },
  };
  return port;
}
