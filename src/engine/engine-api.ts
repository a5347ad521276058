/**
 * What the engine worker offers the main thread (through comlink). Every call returns a Result:
 * errors cross as plain data, never as thrown objects, so the UI can translate them. The plain shapes
 * live in protocol.ts (imports nothing); the ones here complete them with domain types.
 */
import type * as v from 'valibot';
import type {
  CleanSourceInput,
  EngineInfo,
  LoadedTable,
  LoadProgress,
  ModulePlan,
  Plan,
  Result,
} from './protocol.ts';
import type { SourceMeta } from './readers/load-types.ts';
import type { ExportDisplay, ExportSheet } from './export-query.ts';
import type { TextEncoding } from '../ingest/detect-format.ts';
import type { CleaningSchema } from '../config/schema.ts';
import type { CleaningReport, CustomerCleaningReport } from '../ingest/cleaning/report.ts';
import type { CleaningTables } from '../ingest/cleaning/cleaning-plan.ts';
import type { CustomerTables } from '../ingest/cleaning/build-customers-cleaning-sql.ts';
import type { GenericRole } from '../ingest/cleaning/build-role-cleaning-sql.ts';
import type { RoleCleaningReport } from '../ingest/cleaning/role-cleaning-steps.ts';
import type { ComputeRequest, ComputeResult } from '../analyses/clv/fit-request.ts';
import type { ClvModel } from '../analyses/clv/compute.ts';
import type { JournalEntry } from '../analyses/sql-script.ts';

export type * from './protocol.ts';
export type { ExportDisplay, ExportSheet };
export type { CleaningReport, CustomerCleaningReport, RoleCleaningReport, GenericRole };
export type { ComputeRequest, ComputeResult, ClvModel };

export interface LoadFileOptions {
  table: string;
  encoding?: TextEncoding | 'auto';
  sheet?: string;
}

/** A loaded table with what its reader found (format, encoding, header row, notes). */
export interface TableProfile extends LoadedTable, SourceMeta {}

export interface CleanSourceOptions {
  /** Role → column (SourceConfig.mapping). */
  mapping: Readonly<Record<string, string>>;
  /** CleaningConfig (parsed) or its input form; defaults fill the gaps. */
  cleaning?: v.InferInput<typeof CleaningSchema>;
  /** YYYY-MM-DD for the future-date rule; defaults to the local date. */
  today?: string;
  tables?: Partial<CleaningTables>;
  /** Keep the `__clean_*` work tables (debugging). */
  keepWorkTables?: boolean;
  /**
   * Profile text columns first and skip repairs they cannot need, and build orders from the one
   * grouping that also gives the granularity statistics (issue 7; default true). Results are
   * identical either way; false runs every repair on every value and groups lines twice (tests
   * compare the two).
   */
  fastPaths?: boolean;
  /** Platform recognised from the headers: evidence for the currency (detect-currency.ts). */
  platform?: string | null | undefined;
}

export interface CustomerCleaningOptions {
  /** Role → column (the customers SourceConfig.mapping). */
  mapping: Readonly<Record<string, string>>;
  cleaning?: v.InferInput<typeof CleaningSchema>;
  /** YYYY-MM-DD for the birthday range; defaults to the local date. */
  today?: string;
  tables?: Partial<CustomerTables>;
  keepWorkTables?: boolean;
}

/** Cleaning a touches / experiment / leads table (issue 13). */
export interface RoleCleaningOptions {
  mapping: Readonly<Record<string, string>>;
  cleaning?: v.InferInput<typeof CleaningSchema>;
  tables?: Partial<{ clean: string; setAside: string }>;
  keepWorkTables?: boolean;
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
  /** Clean a loaded touches / experiment / leads table into `<role>_clean` / `<role>_set_aside`. */
  cleanRole(
    role: GenericRole,
    input: CleanSourceInput,
    options: RoleCleaningOptions,
  ): Promise<Result<RoleCleaningReport>>;
  /** Run a plan in one round trip, with DuckDB's progress (0..1) reported per statement. */
  runPlan(plan: Plan, onProgress?: (fraction: number) => void): Promise<Result<Uint8Array | null>>;
  /**
   * Run a module's plan in one round trip: the statements in order, then each named query; Arrow IPC
   * bytes per name come back transferred. Progress (0..1) counts statements and queries alike.
   */
  runQueries(
    plan: ModulePlan,
    onProgress?: (fraction: number) => void,
  ): Promise<Result<Record<string, Uint8Array>>>;
  /**
   * A module's TypeScript computation after SQL (issue 16: fit the CLV models and write their
   * predictions table), with progress; Cancel stops it between steps and during the fit.
   */
  compute<R extends ComputeRequest>(
    request: R,
    onProgress?: (fraction: number) => void,
  ): Promise<Result<ComputeResult<R>>>;
  /** Query → CSV (UTF-8 BOM) or XLSX bytes for download, formula-guarded. */
  exportQuery(
    sql: string,
    format: 'csv' | 'xlsx',
    sheetName?: string,
    headers?: Readonly<Record<string, string>>,
    display?: ExportDisplay,
  ): Promise<Result<Uint8Array>>;
  /** Several queries → one XLSX workbook, a sheet each (issue 18: all segments + a summary). */
  exportWorkbook(sheets: readonly ExportSheet[]): Promise<Result<Uint8Array>>;
  dropTable(table: string): Promise<Result<null>>;
  /** Cancel whatever runs now (file reading, decoding, a query). */
  /**
   * Issue 17 (Export as SQL): what the loads of `tables` and the cleanings of those tables ran, in
   * order, for the SQL script (src/analyses/sql-script.ts).
   */
  sqlJournal(tables: readonly string[]): Promise<Result<JournalEntry[]>>;
  cancel(): Promise<void>;
}
