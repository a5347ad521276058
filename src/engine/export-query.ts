/**
 * Run a query and write its rows as a download: CSV (UTF-8 with BOM) or XLSX (SheetJS, loaded only
 * when first needed). CSV text cells pass the formula guard (a leading apostrophe). XLSX text cells are
 * written as typed text cells (shared strings in the Text number format, issue 18): a spreadsheet
 * never evaluates a stored text cell, so `+8613800000000` and `=cmd…` stay exactly as they are, with
 * no visible apostrophe; numbers stay numbers.
 */
import type { DbPort } from './db-port.ts';
import { queryDecoded } from './query-rows.ts';
import { writeCsv } from '../export/write-csv.ts';
import type { ExportCell } from '../export/cell-guard.ts';
import type { WorkSheet } from '@e965/xlsx';

/** Every text cell of a sheet typed as text (`s`, format `@`), never a formula. */
function markTextCells(sheet: WorkSheet): void {
  for (const [key, cell] of Object.entries(sheet)) {
    if (key.startsWith('!') || typeof cell !== 'object' || cell === null) continue;
    if (cell.t === 's') {
      cell.z = '@';
      delete cell.f;
    }
  }
}

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
  const sheet = utils.aoa_to_sheet([header.map(String), ...matrix]);
  markTextCells(sheet);
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, '_') || 'data');
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
