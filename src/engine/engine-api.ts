/**
 * What the engine worker offers the main thread (through comlink). Every call returns a Result:
 * errors cross as plain data, never as thrown objects, so the UI can translate them.
 */
import type { EngineErrorData } from './engine-error.ts';
import type { LoadProgress, TableProfile } from './readers/load-source.ts';
import type { TextEncoding } from '../ingest/detect-format.ts';
import type { CleanSourceInput, CleanSourceOptions } from './clean-source.ts';
import type { CleaningReport } from '../ingest/cleaning/report.ts';
import type { CustomerCleaningOptions, CustomerCleaningReport } from './clean-customers.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: EngineErrorData };

export interface EngineInfo {
  duckdbVersion: string;
  bundle: 'eh';
  startMs: number;
}

export interface LoadFileOptions {
  table: string;
  encoding?: TextEncoding | 'auto';
  sheet?: string;
}

/** SQL built by pure builders: statements run in order, then an optional final query returns rows. */
export interface Plan {
  statements: readonly string[];
  query?: string;
}

export interface EngineApi {
  /** Start DuckDB (idempotent); called while the landing page shows. */
  init(options?: { traceSql?: boolean }): Promise<Result<EngineInfo>>;
  loadFile(
    file: File,
    options: LoadFileOptions,
    onProgress: (p: LoadProgress) => void,
  ): Promise<Result<TableProfile>>;
  /** Run a query built by a pure builder; Arrow IPC bytes come back transferred. */
  query(sql: string): Promise<Result<Uint8Array>>;
  exec(sql: string): Promise<Result<null>>;
  /** Map and clean a loaded orders table into orders_clean / purchases / set_aside, with the report. */
  clean(input: CleanSourceInput, options: CleanSourceOptions): Promise<Result<CleaningReport>>;
  /** Clean a loaded customers table into customers_clean / customers_set_aside, with the report. */
  cleanCustomers(
    input: CleanSourceInput,
    options: CustomerCleaningOptions,
  ): Promise<Result<CustomerCleaningReport>>;
  /** Run a plan in one round trip, with DuckDB's progress (0..1) reported per statement. */
  runPlan(plan: Plan, onProgress?: (fraction: number) => void): Promise<Result<Uint8Array | null>>;
  /** Query → CSV (UTF-8 BOM) or XLSX bytes for download, formula-guarded. */
  exportQuery(sql: string, format: 'csv' | 'xlsx', sheetName?: string): Promise<Result<Uint8Array>>;
  dropTable(table: string): Promise<Result<null>>;
  /** Cancel whatever runs now (file reading, decoding, a query). */
  cancel(): Promise<void>;
}
