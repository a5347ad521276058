/**
 * Rows of text (from Excel, Parquet or JSON) → a DuckDB staging table of VARCHAR columns, through
 * Arrow IPC bytes in batches. Everything is text at this point, so the same type inference as for CSV
 * decides the column types afterwards (ids with leading zeros stay text, dates become DATE, …).
 */
import { Table, Utf8, vectorFromArray, tableToIPC, type Vector } from 'apache-arrow';
import type { DbPort } from '../db-port.ts';
import { ident, str } from '../../sql/quote.ts';

export type TextCell = string | null;

export interface TextTable {
  /** Unique column names. */
  columns: string[];
  /** Row-major cells; a row may be shorter than `columns` (missing cells are NULL). */
  rows: TextCell[][];
}

const BATCH_ROWS = 100_000;

/** Arrow IPC stream bytes for rows [from, to) of the table, every column Utf8. */
export function textRowsToIpc(table: TextTable, from = 0, to = table.rows.length): Uint8Array {
  const vectors: Record<string, Vector<Utf8>> = {};
  table.columns.forEach((_, c) => {
    const values = new Array<TextCell>(to - from);
    for (let r = from; r < to; r++) values[r - from] = table.rows[r]![c] ?? null;
    // Positional names keep the order (an object key such as "2023" would move first) and avoid
    // Arrow/DuckDB edge cases with blank or odd names; stagedReaderSql restores the real names.
    vectors[stagedColumn(c)] = vectorFromArray(values, new Utf8());
  });
  return tableToIPC(new Table(vectors), 'stream');
}

function stagedColumn(i: number): string {
  return `c${i}`;
}

/** A SQL source over the staging table with the real column names, for the shared typed load. */
export function stagedReaderSql(name: string, columns: readonly string[]): string {
  const select = columns.map((c, i) => `${ident(stagedColumn(i))} AS ${ident(c)}`);
  return `(SELECT ${select.join(', ')} FROM ${ident(name)})`;
}

function csvField(v: TextCell): string {
  return v == null ? '' : `"${v.replaceAll('"', '""')}"`;
}

/** RFC 4180 CSV of the table (header = positional names); NULL unquoted-empty, text always quoted. */
export function textRowsToCsv(table: TextTable): Uint8Array {
  const lines = [table.columns.map((_, i) => stagedColumn(i)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((_, c) => csvField(row[c] ?? null)).join(','));
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

/**
 * Create (or replace) the staging table `name` holding the text table (zero rows still creates the
 * columns) and return a SQL source reading it under the real column names.
 */
export async function stageTextTable(
  db: DbPort,
  name: string,
  table: TextTable,
  via: 'arrow' | 'csv' = db.kind === 'native' ? 'csv' : 'arrow',
): Promise<string> {
  await db.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
  if (via === 'csv') {
    // The native engine takes no Arrow input: the same text as a strictly quoted CSV file.
    const file = `${name}.csv`;
    await db.registerBytes(file, textRowsToCsv(table));
    const types = table.columns.map((_, i) => `${str(stagedColumn(i))}: 'VARCHAR'`).join(', ');
    await db.exec(
      `CREATE TABLE ${ident(name)} AS SELECT * FROM read_csv(${str(file)}, auto_detect = false, header = true, ` +
        `delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${types}})`,
    );
    await db.dropFile(file);
    return stagedReaderSql(name, table.columns);
  }
  const total = table.rows.length;
  for (let from = 0; from === 0 || from < total; from += BATCH_ROWS) {
    await db.insertArrowIpc(name, textRowsToIpc(table, from, Math.min(total, from + BATCH_ROWS)), from === 0);
  }
  return stagedReaderSql(name, table.columns);
}
