/**
 * Several files of the same role (monthly or date-range exports) as one orders source (issue 12
 * item 1). Pure builders; src/engine/clean-combined.ts runs them around the ordinary cleaning.
 *
 * - Columns are matched by mapping, not by position: each role becomes one column of the combined
 *   table (named after the first file that maps it); a role a file does not map is NULL in its rows.
 *   Unmapped columns are kept by name, for the set-aside rows. A column whose type differs between
 *   files is read as text (the cleaning repairs text the same way it repairs typed values).
 * - Rows keep their order: file by file, in the order the files are given, each in its own order.
 * - Overlap: when the same order id (with the same customer) is in several files, the copy in the
 *   LATEST FILE (the last one in the list) is kept; the earlier copies are set aside, as
 *   `duplicate_across_files` when their lines are the same as the kept copy's, else as
 *   `replaced_by_later_file` (e.g. the status changed between two exports). An order id shared by
 *   different customers is not treated as one order (the cleaning decides on it as usual).
 *
 * Tables (from `target`): `<target>__all` every row with `__cl_part` (0-based file) and
 * `__cl_part_row`; `<target>__superseded` (order id, file, reason); `<target>` the rows that go to
 * the cleaning, with the same two hidden columns (the cleaning only reads the listed columns).
 */
import { ident, literal, str } from '../../sql/quote.ts';
import type { SourceColumn } from '../repair/repair-types.ts';
import { setAsideAliases } from './build-cleaning-sql.ts';
import { ROW_ROLES } from './cleaning-plan.ts';

/** Set-aside reasons of rows dropped because a later file holds the same order. */
export const OVERLAP_REASONS = ['duplicate_across_files', 'replaced_by_later_file'] as const;
export type OverlapReason = (typeof OVERLAP_REASONS)[number];

export interface CombinePart {
  /** A loaded table (its rowid is the row order). */
  table: string;
  columns: readonly SourceColumn[];
  /** Role → column of this file. */
  mapping: Readonly<Record<string, string>>;
  /** What the user calls it (the file name). */
  label: string;
}

export interface CombinePlan {
  parts: readonly CombinePart[];
  target: string;
  /** The combined table's columns, as the cleaning reads them (roles first). */
  columns: SourceColumn[];
  /** Role → combined column. */
  mapping: Record<string, string>;
  /** Per part, per combined column: the part's column or null (NULL in its rows). */
  sources: (string | null)[][];
}

function uniqueName(name: string, taken: Set<string>): string {
  let out = name;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${name}_${i}`;
  taken.add(out.toLowerCase());
  return out;
}

/** Match the parts' columns: one combined column per role, then unmapped columns by name. */
export function planCombine(parts: readonly CombinePart[], target: string): CombinePlan {
  const taken = new Set<string>(['__cl_part', '__cl_part_row']);
  const columns: { name: string; types: string[] }[] = [];
  const sources: (string | null)[][] = parts.map(() => []);
  const mapping: Record<string, string> = {};
  const roles = [
    ...ROW_ROLES.filter((r) => parts.some((p) => p.mapping[r] !== undefined)),
    ...[...new Set(parts.flatMap((p) => Object.keys(p.mapping)))].filter(
      (r) => !(ROW_ROLES as readonly string[]).includes(r),
    ),
  ];
  for (const role of roles) {
    const first = parts.find((p) => p.mapping[role] !== undefined)!;
    const name = uniqueName(first.mapping[role]!, taken);
    mapping[role] = name;
    const types: string[] = [];
    parts.forEach((p, i) => {
      const col = p.mapping[role];
      sources[i]!.push(col ?? null);
      const type = col === undefined ? undefined : p.columns.find((c) => c.name === col)?.type;
      if (type) types.push(type);
    });
    columns.push({ name, types });
  }
  // Unmapped columns, unified by exact name (kept for the set-aside rows and exact duplicates).
  const extra = new Map<string, number>();
  parts.forEach((p, i) => {
    const mapped = new Set(Object.values(p.mapping));
    for (const c of p.columns) {
      if (mapped.has(c.name)) continue;
      let at = extra.get(c.name);
      if (at === undefined || sources[i]![at] !== null) {
        at = columns.length;
        extra.set(c.name, at);
        columns.push({ name: uniqueName(c.name, taken), types: [] });
        sources.forEach((s) => s.push(null));
      }
      sources[i]![at] = c.name;
      columns[at]!.types.push(c.type);
    }
  });
  return {
    parts,
    target,
    mapping,
    sources,
    columns: columns.map((c) => ({
      name: c.name,
      type: c.types.length > 0 && c.types.every((t) => t === c.types[0]) ? c.types[0]! : 'VARCHAR',
    })),
  };
}

export function combineTables(target: string) {
  return { all: `${target}__all`, superseded: `${target}__superseded` };
}

const textOf = (x: string) => `nullif(trim(CAST(${x} AS VARCHAR)), '')`;

/** Statements that build `<target>__all`, `<target>__superseded` and `<target>`. */
export function buildCombineSql(plan: CombinePlan): string[] {
  const t = combineTables(plan.target);
  const selects = plan.parts.map((p, i) => {
    const cols = plan.columns.map((c, j) => {
      const src = plan.sources[i]![j];
      const value = src == null ? 'NULL' : ident(src);
      return `CAST(${value} AS ${c.type}) AS ${ident(c.name)}`;
    });
    return `SELECT ${literal(i)} AS __cl_part, rowid + 1 AS __cl_part_row, ${cols.join(', ')} FROM ${ident(p.table)}`;
  });
  const orderCol = plan.mapping.order_id;
  const custCol = plan.mapping.customer_id;
  const oid = orderCol ? textOf(ident(orderCol)) : null;
  const cust = custCol ? textOf(ident(custCol)) : 'NULL';
  // "The same order" compares the mapped values only: an export with an extra column still matches.
  const all = Object.values(plan.mapping)
    .map((c) => ident(c))
    .join(', ');
  // Only files that map an order id can share orders.
  const withIds = plan.parts.flatMap((p, i) => (p.mapping.order_id !== undefined ? [i] : []));
  const superseded =
    oid && withIds.length > 1
      ? `CREATE OR REPLACE TEMP TABLE ${ident(t.superseded)} AS
WITH copies AS (
  SELECT ${oid} AS oid, __cl_part AS part, count(*) AS n, sum(CAST(hash(${all}) AS HUGEINT)) AS h,
    min(${cust}) AS cust
  FROM ${ident(t.all)} WHERE __cl_part IN (${withIds.join(', ')}) AND ${oid} IS NOT NULL GROUP BY ALL),
latest AS (SELECT oid, max(part) AS part FROM copies GROUP BY oid HAVING count(*) > 1)
SELECT c.oid, c.part,
  CASE WHEN c.n = k.n AND c.h = k.h THEN 'duplicate_across_files' ELSE 'replaced_by_later_file' END AS reason
FROM copies c JOIN latest l ON c.oid = l.oid AND c.part < l.part
JOIN copies k ON k.oid = l.oid AND k.part = l.part
WHERE c.cust IS NOT DISTINCT FROM k.cust`
      : `CREATE OR REPLACE TEMP TABLE ${ident(t.superseded)} (oid VARCHAR, part INTEGER, reason VARCHAR)`;
  const keep = oid
    ? `SELECT a.* FROM ${ident(t.all)} a LEFT JOIN ${ident(t.superseded)} s
  ON s.part = a.__cl_part AND s.oid = ${textOf(`a.${ident(orderCol!)}`)}
WHERE s.oid IS NULL`
    : `SELECT * FROM ${ident(t.all)}`;
  return [
    `CREATE OR REPLACE TEMP TABLE ${ident(t.all)} AS
SELECT * FROM (${selects.join('\nUNION ALL\n')}) ORDER BY __cl_part, __cl_part_row`,
    superseded,
    `CREATE OR REPLACE TABLE ${ident(plan.target)} AS
SELECT * FROM (${keep}) ORDER BY __cl_part, __cl_part_row`,
  ];
}

/**
 * The set-aside columns of a combined dataset: the file, the row in that file, the reason, then the
 * combined columns (renamed where they clash, as setAsideAliases does).
 */
export function combinedSetAsideColumns(plan: CombinePlan): string[] {
  const aliases = setAsideAliases(plan.columns);
  const taken = new Set(['source_row', 'reason', ...aliases].map((a) => a.toLowerCase()));
  return [uniqueName('source_file', taken), 'source_row', 'reason', ...aliases];
}

/**
 * After cleaning: the set-aside table rewritten file by file — each row with its file and its row
 * in that file — with the rows superseded by a later file added.
 */
export function buildCombinedSetAsideSql(plan: CombinePlan, setAside: string): string {
  const t = combineTables(plan.target);
  const [fileCol, ...rest] = combinedSetAsideColumns(plan);
  const aliases = rest.slice(2);
  const label = (part: string) =>
    `CASE ${part} ${plan.parts.map((p, i) => `WHEN ${literal(i)} THEN ${str(p.label)}`).join(' ')} END`;
  const kept = `SELECT k.__cl_part AS __cl_p, ${label('k.__cl_part')} AS ${ident(fileCol!)},
    k.__cl_part_row AS source_row, s.reason${aliases.map((a) => `, s.${ident(a)}`).join('')}
  FROM ${ident(setAside)} s JOIN (SELECT rowid + 1 AS __cl_r, __cl_part, __cl_part_row FROM ${ident(plan.target)}) k
    ON k.__cl_r = s.source_row`;
  const orderCol = plan.mapping.order_id;
  const superseded = orderCol
    ? `UNION ALL
  SELECT a.__cl_part, ${label('a.__cl_part')}, a.__cl_part_row, sup.reason${plan.columns
    .map((c, i) => `, CAST(a.${ident(c.name)} AS VARCHAR) AS ${ident(aliases[i]!)}`)
    .join('')}
  FROM ${ident(t.all)} a JOIN ${ident(t.superseded)} sup
    ON sup.part = a.__cl_part AND sup.oid = ${textOf(`a.${ident(orderCol)}`)}`
    : '';
  return `CREATE OR REPLACE TABLE ${ident(setAside)} AS
SELECT ${[fileCol!, 'source_row', 'reason', ...aliases].map((c) => ident(c)).join(', ')}
FROM (${kept}
  ${superseded}) ORDER BY __cl_p, source_row`;
}

/**
 * Per file: rows read, rows set aside by the cleaning, rows set aside because a later file holds the
 * order (by reason). Run after the cleaning, BEFORE the superseded rows are appended to set_aside.
 */
export function buildFileCountsSql(plan: CombinePlan, setAside: string): string {
  const t = combineTables(plan.target);
  const orderCol = plan.mapping.order_id;
  const overlap = orderCol
    ? `SELECT a.__cl_part AS part,
    count(*) FILTER (WHERE s.reason = 'duplicate_across_files') AS dup,
    count(*) FILTER (WHERE s.reason = 'replaced_by_later_file') AS rep
  FROM ${ident(t.all)} a JOIN ${ident(t.superseded)} s
    ON s.part = a.__cl_part AND s.oid = ${textOf(`a.${ident(orderCol)}`)} GROUP BY 1`
    : `SELECT CAST(NULL AS INTEGER) AS part, 0 AS dup, 0 AS rep WHERE FALSE`;
  return `WITH rd AS (SELECT __cl_part AS part, count(*) AS n FROM ${ident(t.all)} GROUP BY 1),
cl AS (
  SELECT k.__cl_part AS part, count(*) AS n
  FROM ${ident(setAside)} s JOIN (SELECT rowid + 1 AS r, __cl_part FROM ${ident(plan.target)}) k ON k.r = s.source_row
  GROUP BY 1),
ov AS (${overlap})
SELECT rd.part, rd.n AS rows_read, coalesce(cl.n, 0) AS cleaning_set_aside,
  coalesce(ov.dup, 0) AS dup_rows, coalesce(ov.rep, 0) AS rep_rows
FROM rd LEFT JOIN cl ON cl.part = rd.part LEFT JOIN ov ON ov.part = rd.part ORDER BY rd.part`;
}

/** Orders whose earlier copies were identical (de-duplicated) or different (replaced by the latest). */
export function buildOverlapOrdersSql(plan: CombinePlan): string {
  const t = combineTables(plan.target);
  return `SELECT count(*) FILTER (WHERE NOT replaced) AS deduplicated, count(*) FILTER (WHERE replaced) AS replaced
FROM (SELECT oid, bool_or(reason = 'replaced_by_later_file') AS replaced FROM ${ident(t.superseded)} GROUP BY oid)`;
}

export function buildDropCombineWorkSql(plan: CombinePlan): string[] {
  const t = combineTables(plan.target);
  return [t.superseded, t.all].map((x) => `DROP TABLE IF EXISTS ${ident(x)}`);
}
