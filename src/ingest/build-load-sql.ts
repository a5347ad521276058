/**
 * Pure SQL for loading a delimited text file that DuckDB can read (UTF-8): every column is read as
 * text first so nothing is lost (leading zeros, 19-digit order numbers), then each column gets the
 * narrowest type that every non-empty value fits, and the typed table is created in one pass.
 */
import { ident, literal, str } from '../sql/quote.ts';

export interface CsvReadOptions {
  /** Registered file name. */
  file: string;
  delimiter?: string;
  /** Quote and escape characters (RFC 4180: both '"'). */
  quote?: string;
  escape?: string;
  /** Rows to skip before the header (title rows). */
  skip?: number;
  header?: boolean;
  /**
   * false: DuckDB's single-threaded scanner, the only one that accepts null_padding together with
   * quoted newlines (multi-line cells).
   */
  parallel?: boolean;
  /**
   * Bytes DuckDB reads at a time. The default (32 MiB) suits a full scan; a query that only needs
   * the first rows (sniffing, type sampling) reads far less with a small buffer — in the browser
   * every read copies from the File, so this is what makes them fast (issue 7).
   */
  bufferSize?: number;
}

/** Buffer for reads that need only the top of a file (sniffer, sampled types). */
export const SAMPLE_BUFFER_BYTES = 2 * 1024 * 1024;

export type InferredType = 'BIGINT' | 'DECIMAL' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN' | 'VARCHAR';

/** read_csv(...) over the file with every column as VARCHAR. */
export function buildReadCsvSql(o: CsvReadOptions): string {
  const args = [
    str(o.file),
    'all_varchar = true',
    `header = ${o.header === false ? 'false' : 'true'}`,
    'null_padding = true',
    'strict_mode = false',
    'sample_size = 20480',
  ];
  if (o.delimiter) args.push(`delim = ${literal(o.delimiter)}`);
  if (o.parallel === false) args.push('parallel = false');
  if (o.bufferSize !== undefined) args.push(`buffer_size = ${Math.max(65536, Math.trunc(o.bufferSize))}`);
  if (o.quote) args.push(`quote = ${literal(o.quote)}`);
  if (o.escape) args.push(`escape = ${literal(o.escape)}`);
  // Always explicit: our header-row detection decides, not DuckDB's skip auto-detection.
  if (o.skip !== undefined) args.push(`skip = ${Math.max(0, Math.trunc(o.skip))}`);
  return `read_csv(${args.join(', ')})`;
}

/**
 * DuckDB's CSV sniffer over the file with our delimiter and skip. Output columns include `Delimiter`,
 * `Quote` (one character, or '(empty)' when the file has no quoting), `Escape` and `HasHeader`.
 * Strict by default: with strict_mode = false the sniffer settles for no escape character, and
 * RFC 4180 doubled quotes ("say ""hi""") then stay doubled.
 */
export function buildSniffCsvSql(
  o: Pick<CsvReadOptions, 'file' | 'delimiter' | 'skip'>,
  strict = true,
): string {
  // Dialect and header only: a few thousand rows settle them (a later quote still reads as RFC 4180).
  const args = [str(o.file), 'sample_size = 4096', `buffer_size = ${SAMPLE_BUFFER_BYTES}`];
  if (!strict) args.push('null_padding = true', 'strict_mode = false');
  if (o.delimiter) args.push(`delim = ${literal(o.delimiter)}`);
  if (o.skip !== undefined) args.push(`skip = ${Math.max(0, Math.trunc(o.skip))}`);
  return `SELECT Delimiter, Quote, Escape, HasHeader FROM sniff_csv(${args.join(', ')})`;
}

/** DESCRIBE the raw text columns (names in file order). */
export function buildDescribeSql(source: string): string {
  return `DESCRIBE SELECT * FROM ${source}`;
}

const INT_RE = `'^-?(0|[1-9][0-9]{0,14})$'`;
const DEC_RE = `'^-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,6})?$'`; // no leading zeros: 007 is an id
const TS_RE = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$'`;
const DATE_RE = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

/**
 * Rows read from the top of a file to choose column types; the typed load then verifies every row
 * (a value that does not fit sends the load to a full-file inference). Each sampled value costs
 * several regex tests, ≈ 0.5 µs each in wasm: 10,000 rows keep this near 0.2 s (issue 7).
 */
export const INFER_SAMPLE_ROWS = 10_000;

/**
 * Sampled rows for a file of `columns` columns: 10,000, fewer for a wide file so the sample stays
 * near 200,000 cells (an 80-column export: 2,500 rows), never under 2,000. A smaller sample loses
 * nothing: the typed load still checks every row against the chosen types.
 */
export function inferSampleRows(columns: number): number {
  return Math.max(2_000, Math.min(INFER_SAMPLE_ROWS, Math.floor(200_000 / Math.max(1, columns))));
}

/**
 * One aggregate pass: per column, how many non-empty values there are and how many fit each type.
 * Output columns: `c<i>_n`, `c<i>_int`, `c<i>_dec`, `c<i>_scale`, `c<i>_date`, `c<i>_ts`, `c<i>_bool`
 * for column index i. With `sampleRows`, only the first rows are examined (fast path).
 */
export function buildInferTypesSql(source: string, columns: readonly string[], sampleRows?: number): string {
  if (sampleRows !== undefined) {
    source = `(SELECT * FROM ${source} LIMIT ${Math.max(1, Math.trunc(sampleRows))})`;
  }
  const parts = columns.flatMap((name, i) => {
    const v = `trim(${ident(name)})`;
    const nonEmpty = `${v} <> ''`;
    return [
      `count(*) FILTER (WHERE ${nonEmpty}) AS c${i}_n`,
      `count(*) FILTER (WHERE regexp_full_match(${v}, ${INT_RE})) AS c${i}_int`,
      `count(*) FILTER (WHERE regexp_full_match(${v}, ${DEC_RE})) AS c${i}_dec`,
      `coalesce(max(length(split_part(${v}, '.', 2))) FILTER (WHERE regexp_full_match(${v}, ${DEC_RE})), 0) AS c${i}_scale`,
      `count(*) FILTER (WHERE regexp_full_match(${v}, ${DATE_RE}) AND try_cast(${v} AS DATE) IS NOT NULL) AS c${i}_date`,
      `count(*) FILTER (WHERE regexp_full_match(${v}, ${TS_RE}) AND try_cast(${v} AS TIMESTAMP) IS NOT NULL) AS c${i}_ts`,
      `count(*) FILTER (WHERE lower(${v}) IN ('true', 'false')) AS c${i}_bool`,
    ];
  });
  return `SELECT count(*) AS row_count${parts.length ? ', ' + parts.join(', ') : ''} FROM ${source}`;
}

/**
 * Files wider than this are typed with `buildInferTypesLongSql`: the one-row aggregate above grows
 * with the square of its width in DuckDB's planner (80 columns took seconds, 200 ran out of memory,
 * issue 20); up to it the one-row form is the faster one.
 */
export const WIDE_FILE_COLUMNS = 24;

/**
 * The same counts as `buildInferTypesSql` for a wide file, in long form: the sampled rows unpivoted to
 * one (column, value) row per non-NULL cell, then one group per column. Rows: `col` (the column's
 * index in `columns`), `n`, `int`, `dec`, `scale`, `date`, `ts`, `bool`; a column with no non-NULL
 * value has no row (it counts as empty). The query's size does not grow with the width.
 */
export function buildInferTypesLongSql(
  source: string,
  columns: readonly string[],
  sampleRows?: number,
): string {
  if (columns.length === 0) throw new Error('columns: none given');
  const limit = sampleRows === undefined ? '' : ` LIMIT ${Math.max(1, Math.trunc(sampleRows))}`;
  const picked = columns.map((name, i) => `CAST(${ident(name)} AS VARCHAR) AS c${i}`).join(', ');
  return `WITH cells AS (
  SELECT CAST(substr(col, 2) AS INTEGER) AS col, trim(v) AS v
  FROM (UNPIVOT (SELECT ${picked} FROM ${source}${limit}) ON COLUMNS(*) INTO NAME col VALUE v))
SELECT col,
  count(*) FILTER (WHERE v <> '') AS n,
  count(*) FILTER (WHERE regexp_full_match(v, ${INT_RE})) AS int,
  count(*) FILTER (WHERE regexp_full_match(v, ${DEC_RE})) AS dec,
  coalesce(max(length(split_part(v, '.', 2))) FILTER (WHERE regexp_full_match(v, ${DEC_RE})), 0) AS scale,
  count(*) FILTER (WHERE regexp_full_match(v, ${DATE_RE}) AND try_cast(v AS DATE) IS NOT NULL) AS date,
  count(*) FILTER (WHERE regexp_full_match(v, ${TS_RE}) AND try_cast(v AS TIMESTAMP) IS NOT NULL) AS ts,
  count(*) FILTER (WHERE lower(v) IN ('true', 'false')) AS bool
FROM cells GROUP BY col ORDER BY col`;
}

export interface ColumnStats {
  n: number;
  int: number;
  dec: number;
  scale: number;
  date: number;
  ts: number;
  bool: number;
}

export interface TypedColumn {
  name: string;
  /** The column's name in the source when it is renamed at load (a reserved name, issue 19 §3). */
  from?: string;
  type: InferredType;
  /** Full SQL type, e.g. DECIMAL(18,2). */
  sqlType: string;
}

/** Pick the narrowest type every non-empty value fits; an empty column stays VARCHAR. */
export function chooseType(s: ColumnStats): { type: InferredType; sqlType: string } {
  if (s.n === 0) return { type: 'VARCHAR', sqlType: 'VARCHAR' };
  if (s.int === s.n) return { type: 'BIGINT', sqlType: 'BIGINT' };
  if (s.dec === s.n) {
    const scale = Math.min(6, Math.max(1, s.scale));
    return { type: 'DECIMAL', sqlType: `DECIMAL(${18}, ${scale})` };
  }
  if (s.date === s.n) return { type: 'DATE', sqlType: 'DATE' };
  if (s.ts + s.date === s.n && s.ts > 0) return { type: 'TIMESTAMP', sqlType: 'TIMESTAMP' };
  if (s.bool === s.n) return { type: 'BOOLEAN', sqlType: 'BOOLEAN' };
  return { type: 'VARCHAR', sqlType: 'VARCHAR' };
}

/** Marker in the error raised when a value does not fit the type chosen from the sample. */
export const TYPE_GUARD_ERROR = 'customer-lens: value does not fit the sampled type';

/**
 * The typed value of a text column. Numbers refuse leading zeros (an id such as 007 must stay text,
 * and CAST would silently drop the zero); any value that does not fit raises TYPE_GUARD_ERROR, so a
 * type chosen from a sample can never lose data: the caller then falls back to a full-file inference.
 */
function typedValue(c: TypedColumn): string {
  const raw = ident(c.from ?? c.name);
  const v = `nullif(trim(${raw}), '')`;
  const fail = `error(${str(TYPE_GUARD_ERROR)})`;
  // DuckDB's casts already skip ASCII spaces, so most values are cast untrimmed: trim() (Unicode
  // spaces) is the costliest step in wasm and only runs where the plain cast fails (issue 7).
  const cast = `coalesce(TRY_CAST(${raw} AS ${c.sqlType}), TRY_CAST(${v} AS ${c.sqlType}), CASE WHEN ${v} IS NULL THEN NULL ELSE ${fail} END)`;
  if (c.type === 'BIGINT' || c.type === 'DECIMAL' || c.type === 'DOUBLE') {
    const leadingZero = `regexp_matches(${raw}, '^\\p{Zs}*-?0[0-9]')`;
    return `CASE WHEN ${raw} IS NULL THEN NULL WHEN ${leadingZero} THEN ${fail} ELSE ${cast} END`;
  }
  if (c.type === 'BOOLEAN') {
    return `CASE WHEN ${v} IS NULL THEN NULL WHEN lower(${v}) IN ('true', 'false') THEN CAST(${v} AS BOOLEAN) ELSE ${fail} END`;
  }
  return `CASE WHEN ${raw} IS NULL THEN NULL ELSE ${cast} END`;
}

/** CREATE TABLE with each column cast to its chosen type (empty strings become NULL for typed columns). */
export function buildCreateTypedTableSql(
  table: string,
  source: string,
  columns: readonly TypedColumn[],
): string {
  const select = columns.map((c) =>
    c.type === 'VARCHAR'
      ? c.from === undefined
        ? ident(c.name)
        : `${ident(c.from)} AS ${ident(c.name)}`
      : `${typedValue(c)} AS ${ident(c.name)}`,
  );
  return `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${select.join(', ')} FROM ${source}`;
}

export function buildPreviewSql(table: string, limit: number): string {
  return `SELECT * FROM ${ident(table)} LIMIT ${Math.max(0, Math.trunc(limit))}`;
}

/** Row count (`row_count`) and non-null count per column (`n<i>` for column index i). */
export function buildColumnCountsSql(table: string, columns: readonly string[]): string {
  const counts = columns.map((c, i) => `, count(${ident(c)}) AS n${i}`).join('');
  return `SELECT count(*) AS row_count${counts} FROM ${ident(table)}`;
}

/**
 * Names the cleaning SQL relies on that a header must not take: DuckDB's `rowid` pseudo-column (a
 * column named rowid shadows it, and every row looked like a duplicate of the first) and our own
 * `__cl_` working columns. Compared case-insensitively, as DuckDB does.
 */
export function isReservedColumnName(name: string): boolean {
  return /^rowid$/i.test(name) || /^__cl_/i.test(name);
}

/** New names for reserved headers (`rowid` → `rowid_1`), unique among all the columns. */
export function renameReservedColumns(columns: readonly string[]): Map<string, string> {
  const taken = new Set(columns.map((c) => c.toLowerCase()));
  const renamed = new Map<string, string>();
  for (const c of columns) {
    if (!isReservedColumnName(c)) continue;
    const base = c.replace(/^_+/, '') || 'column';
    let i = 1;
    while (taken.has(`${base}_${i}`.toLowerCase()) || isReservedColumnName(`${base}_${i}`)) i++;
    const name = `${base}_${i}`;
    taken.add(name.toLowerCase());
    renamed.set(c, name);
  }
  return renamed;
}
