/**
 * DbPort over duckdb-wasm's blocking Node build: the same wasm engine as the browser, used by Vitest
 * and the CLI. Calls are synchronous underneath; the async interface matches the browser port.
 */
import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { DbPort, FileRef } from './db-port.ts';
import { offlineSettings, REGISTERED_DIR } from './db-port.ts';
import { statementShape } from '../sql/statement-shape.ts';

/**
 * `CUSTOMER_LENS_TRACE_SQL=1` logs each statement's duration on stderr (`[cl-sql] <ms> <shape>`), as
 * `?trace=sql` does in the app: statement shapes only, never a literal or a result.
 */
function traceFromEnv(port: DbPort): DbPort {
  if (process.env.CUSTOMER_LENS_TRACE_SQL !== '1') return port;
  const wrap =
    <A extends [string, ...unknown[]], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      try {
        return await f(...a);
      } finally {
        process.stderr.write(
          `[cl-sql] ${Math.round(performance.now() - t0)} ${statementShape(a[0]).slice(0, 160)}\n`,
        );
      }
    };
  return { ...port, exec: wrap(port.exec.bind(port)), queryIpc: wrap(port.queryIpc.bind(port)) };
}

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

  const port: DbPort = traceFromEnv({
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
  });
  return port;
}
