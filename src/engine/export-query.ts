/**
 * Run a query and write its rows as a download: CSV (UTF-8 with BOM) or XLSX (SheetJS, loaded only
 * when first needed). Every text cell passes the formula guard in both formats.
 */
import type { DbPort } from './db-port.ts';
import { queryDecoded } from './query-rows.ts';
import { writeCsv } from '../export/write-csv.ts';
import { guardRow, type ExportCell } from '../export/cell-guard.ts';

export type ExportFormat = 'csv' | 'xlsx';

export async function exportQuery(
  db: DbPort,
  sql: string,
  format: ExportFormat,
  sheetName = 'data',
): Promise<Uint8Array> {
  const { columns, rows } = await queryDecoded(db, sql);
  const header = columns.map((c) => c.name);
  const matrix: ExportCell[][] = rows.map((r) => header.map((h) => r[h] ?? null));
  if (format === 'csv') return writeCsv(header, matrix);
  const { utils, write } = await import('@e965/xlsx');
  const sheet = utils.aoa_to_sheet([header.map(String), ...matrix.map(guardRow)]);
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, '_') || 'data');
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
