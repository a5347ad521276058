/**
 * The data that crosses the worker boundary, as types only. This file imports nothing, so the main
 * thread, the CLI and the worker can all depend on it without depending on each other. Shapes that
 * reference domain types (file formats, cleaning config and reports) are completed in engine-api.ts.
 */

/** Error codes the UI translates (i18n key `error.<code>`); engine-error.ts lists them at runtime. */
export type ErrorCode =
  | 'empty_file'
  | 'binary_file'
  | 'unsupported_format'
  | 'parquet_unsupported'
  | 'xlsx_invalid'
  | 'xlsx_no_sheet'
  | 'archive_invalid'
  | 'archive_empty'
  | 'archive_multiple'
  | 'json_invalid'
  | 'zip_bomb'
  | 'too_large'
  | 'needs_memory'
  | 'csv_invalid'
  | 'no_columns'
  | 'mapping_invalid'
  | 'cancelled'
  | 'out_of_memory'
  | 'engine_failed'
  | 'engine'
  | 'too_many_columns'
  | 'too_many_cells'
  | 'itemset_cap';

export interface EngineErrorData {
  code: ErrorCode;
  message: string;
  /** Values for the translated message, e.g. { name: 'orders.csv' }. */
  params?: Record<string, string | number>;
  sql?: string;
}

/** Every engine call returns a Result: errors cross as plain data, never as thrown objects. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: EngineErrorData };

export interface EngineInfo {
  duckdbVersion: string;
  bundle: 'eh';
  startMs: number;
}

/** SQL built by pure builders: statements run in order, then an optional final query returns rows. */
export interface Plan {
  statements: readonly string[];
  query?: string;
  /** Model steps run after the statements (issue 15; analyses/models/model-types.ts). */
  models?: readonly PlanModelStep[];
}

/** A model step as data (analyses/models/model-types.ts ModelStep). */
export interface PlanModelStep {
  readonly model: 'clusters' | 'rules' | 'recommend';
  readonly inputs: Readonly<Record<string, string>>;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * SQL for one analysis module: statements run in order, then each named query; the result holds one
 * Arrow IPC stream per name.
 */
export interface ModulePlan {
  statements: readonly string[];
  queries: Readonly<Record<string, string>>;
  models?: readonly PlanModelStep[];
}

/** One decoded cell: numbers stay numbers, dates are ISO text. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface DecodedResult {
  columns: { name: string; type: string }[];
  rows: Row[];
}

export type LoadPhase = 'detect' | 'read' | 'unpack' | 'decode' | 'parse' | 'load' | 'profile';

export interface LoadProgress {
  phase: LoadPhase;
  /** Units done and total for this phase (bytes or rows); total 0 = unknown. */
  done: number;
  total: number;
  unit: 'bytes' | 'rows' | 'percent';
}

export type IngestNoteKind =
  /** Rows above the header (report titles, export banners) that were skipped. */
  | 'title_rows_skipped'
  /** Total/summary rows at the bottom (合计/总计/Total) that were dropped. */
  | 'summary_rows_dropped'
  /** Characters that were invalid in the file's encoding and became U+FFFD. */
  | 'invalid_characters'
  /** Lines read in another encoding than the file's (UTF-8 lines in a GB18030 file, or the reverse). */
  | 'mixed_encoding'
  /** Lines holding a NUL byte, set aside (sample: their line numbers). */
  | 'nul_lines_set_aside'
  /** Merged cells whose value was copied into every cell of the merged range. */
  | 'merged_cells_filled'
  /** A two-level header whose levels were joined as `upper_lower`. */
  | 'two_level_header'
  /** Blank rows skipped in a workbook. */
  | 'blank_rows_skipped'
  /** Columns with neither a header nor any value, dropped. */
  | 'empty_columns_dropped'
  /** The file inside an archive that was loaded. */
  | 'archive_entry'
  /** Headers renamed because the engine reserves their name (rowid, __cl_…), issue 19 §3. */
  | 'reserved_column_renamed';

export interface IngestNote {
  kind: IngestNoteKind;
  count: number;
  /** A short sample of what was affected (the total row's cells, the entry name, …). */
  sample?: string;
}

export interface ColumnProfile {
  name: string;
  type: string;
  nonNull: number;
  /**
   * What the column's first values look like, judged in the worker when the table is loaded (issue 19
   * §2: the main thread sniffs no cell). Absent only on profiles built by hand (tests).
   */
  sniff?: ColumnSniff;
}

/** A column's sample values as mapping and PII detection read them (ingest/mapping/column-sniff.ts). */
export interface ColumnSniff {
  kind: 'empty' | 'date' | 'money' | 'integer' | 'phone' | 'email' | 'id' | 'bool' | 'text';
  /** Share of non-empty samples of that kind, 0–1. */
  share: number;
  /** Distinct non-empty values / non-empty values in the sample. */
  distinct: number;
  /** Some samples, every one an Excel serial date or yyyymmdd[hhmmss]: fits a time role. */
  timeLike: boolean;
  /** The personal-data kind that ≥ 80 % of the non-empty samples have, if any. */
  pii: 'email' | 'id_card' | 'phone' | null;
}

/** The loaded table's own facts; TableProfile (engine-api.ts) adds what the reader found (SourceMeta). */
export interface LoadedTable {
  table: string;
  fileName: string;
  fileSize: number;
  rowCount: number;
  columns: ColumnProfile[];
  /** First rows as Arrow IPC bytes. */
  preview: Uint8Array;
}

/** A column of a loaded table as cleaning reads it. */
export interface SourceColumnInfo {
  name: string;
  /** DuckDB type as loaded, e.g. VARCHAR, BIGINT, DECIMAL(18,2), DATE, TIMESTAMP. */
  type: string;
}

export interface CleanSourceInput {
  /** A table loaded by loadSource (a real table: its rowid is the source row order). */
  table: string;
  columns: readonly SourceColumnInfo[];
  /**
   * Several files of the same role (issue 12): each loaded table with its own mapping and file name,
   * in order (the latest file last). Cleaned as one dataset; `table`/`columns` are the first file.
   */
  parts?: readonly CleanSourcePart[];
}

export interface CleanSourcePart {
  table: string;
  columns: readonly SourceColumnInfo[];
  mapping: Readonly<Record<string, string>>;
  label: string;
}
