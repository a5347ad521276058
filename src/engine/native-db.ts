/**
 * DbPort over native DuckDB (@duckdb/node-api, the same DuckDB core 1.4.3 as our duckdb-wasm) for the
 * CLI's big-data mode: no 4 GiB wasm ceiling, all cores. Registered names are links or files in a
 * private temp folder that DuckDB resolves relative paths against (file_search_path), so the SQL our
 * builders write (read_csv('src_t1')) runs unchanged.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import {
  Bool,
  DateDay,
  DateMillisecond,
  Float64,
  Table,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import type { DbPort, FileRef } from './db-port.ts';
import { offlineSettings, REGISTERED_DIR } from './db-port.ts';
import { EngineError } from './engine-error.ts';

const DAY_MS = 86_400_000;

function safeName(name: string): string {
  const base = name.startsWith(REGISTERED_DIR) ? name.slice(REGISTERED_DIR.length) : name;
  if (!/^[\w.-]+$/.test(base) || base === '..' || base === '.')
    throw new Error(`native db: unsafe registered name ${JSON.stringify(name)}`);
  return name.startsWith(REGISTERED_DIR) ? `${REGISTERED_DIR}${base}` : base;
}

type Column = { name: string; type: DuckDBType; values: unknown[] };

function toArrow(columns: Column[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const { name, type, values } of columns) {
    switch (type.typeId) {
      case DuckDBTypeId.DATE:
        vectors[name] = vectorFromArray(
          values.map((v) => (v == null ? null : Number((v as { days: number }).days) * DAY_MS)),
          new DateDay(),
        );
        break;
      case DuckDBTypeId.TIMESTAMP:
      case DuckDBTypeId.TIMESTAMP_S:
      case DuckDBTypeId.TIMESTAMP_MS:
        vectors[name] = vectorFromArray(
          values.map((v) => (v == null ? null : Number((v as { micros: bigint }).micros / 1000n))),
          new DateMillisecond(),
        );
        break;
      case DuckDBTypeId.BOOLEAN:
        vectors[name] = vectorFromArray(values as (boolean | null)[], new Bool());
        break;
      case DuckDBTypeId.TINYINT:
      case DuckDBTypeId.SMALLINT:
      case DuckDBTypeId.INTEGER:
      case DuckDBTypeId.BIGINT:
      case DuckDBTypeId.HUGEINT:
      case DuckDBTypeId.UTINYINT:
      case DuckDBTypeId.USMALLINT:
      case DuckDBTypeId.UINTEGER:
      case DuckDBTypeId.UBIGINT:
      case DuckDBTypeId.FLOAT:
      case DuckDBTypeId.DOUBLE:
      case DuckDBTypeId.DECIMAL:
        vectors[name] = vectorFromArray(
          values.map((v) => (v == null ? null : Number(typeof v === 'object' ? String(v) : v))),
          new Float64(),
        );
        break;
      default:
        vectors[name] = vectorFromArray(
          values.map((v) => (v == null ? null : String(v))),
          new Utf8(),
        );
    }
  }
  return tableToIPC(new Table(vectors), 'stream');
}

export async function openNativeDb(
  options: { threads?: number; memoryLimit?: string } = {},
): Promise<DbPort> {
  const dir = mkdtempSync(join(tmpdir(), 'customer-lens-native-'));
  const instance = await DuckDBInstance.create(':memory:', {
    ...(options.threads ? { threads: String(options.threads) } : {}),
    ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
  });
  const conn = await instance.connect();
  await conn.run(`SET file_search_path = '${dir.replaceAll("'", "''")}'`);
  mkdirSync(join(dir, REGISTERED_DIR));
  // A relative path is checked as written and again once resolved against file_search_path.
  for (const s of offlineSettings(null, [REGISTERED_DIR, join(dir, REGISTERED_DIR)])) await conn.run(s);

  return {
    kind: 'native',
    async version() {
      const r = await conn.runAndReadAll('SELECT version() AS v');
      return String(r.getRowObjects()[0]?.v);
    },
    async exec(sql) {
      await conn.run(sql);
    },
    async queryIpc(sql) {
      const reader = await conn.runAndReadAll(sql);
      const names = reader.columnNames();
      const types = reader.columnTypes();
      const data = reader.getColumns();
      return toArrow(names.map((name, i) => ({ name, type: types[i]!, values: data[i] ?? [] })));
    },
    async registerFile(name, ref: FileRef) {
      if (ref.kind !== 'node-path') throw new Error(`native db cannot register ${ref.kind}`);
      symlinkSync(ref.path, join(dir, safeName(name)));
    },
    async registerBytes(name, bytes) {
      writeFileSync(join(dir, safeName(name)), bytes);
    },
    async dropFile(name) {
      unlinkSync(join(dir, safeName(name)));
    },
    async insertArrowIpc() {
      throw new EngineError('unsupported_format', 'Arrow input is not supported by the native engine yet');
    },
    async cancel() {
      conn.interrupt();
      return true;
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
