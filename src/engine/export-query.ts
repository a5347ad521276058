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
import { MASKED_ID_COLUMNS, maskId } from '../export/mask-id.ts';
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

/** A sheet's name as spreadsheets allow it: 31 characters, none of \\ / ? * [ ] :, unique in the book. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'data';
  let candidate = base;
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) candidate = `${base.slice(0, 27)} (${k})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** One sheet of a workbook export: its query, and display headers by column name (issue 18). */
export interface ExportSheet {
  name: string;
  sql: string;
  /** Column name → header shown (the UI language); columns not listed keep their name. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Mask customer ids that are phones or e-mails (export/mask-id.ts; the report workbook, issue 17). */
  maskIds?: boolean | undefined;
  /**
   * A note on the sheet (issue 18: "含未脱敏个人信息" when contact columns go out unmasked): a comment
   * on the first header cell, and the workbook's comments property.
   */
  note?: string | undefined;
}

async function sheetRows(
  db: DbPort,
  sql: string,
  headers?: Readonly<Record<string, string>>,
  maskIds = false,
) {
  const { columns, rows } = await queryDecoded(db, sql);
  const names = columns.map((c) => c.name);
  const masked = new Set<string>(maskIds ? MASKED_ID_COLUMNS : []);
  const cell = (h: string, v: unknown): ExportCell =>
    masked.has(h) && typeof v === 'string' ? maskId(v) : ((v ?? null) as ExportCell);
  const matrix: ExportCell[][] = rows.map((r) => names.map((h) => cell(h, r[h])));
  return { header: names.map((n) => headers?.[n] ?? n), matrix };
}

export async function exportQuery(
  db: DbPort,
  sql: string,
  format: ExportFormat,
  sheet = 'data',
  headers?: Readonly<Record<string, string>>,
): Promise<Uint8Array> {
  if (format === 'csv') {
    const { header, matrix } = await sheetRows(db, sql, headers);
    return writeCsv(header, matrix);
  }
  return exportWorkbook(db, [{ name: sheet, sql, headers }]);
}

/** Several queries → one XLSX workbook, a sheet each (all segments and their summary, issue 18). */
export async function exportWorkbook(db: DbPort, sheets: readonly ExportSheet[]): Promise<Uint8Array> {
  const { utils, write } = await import('@e965/xlsx');
  const book = utils.book_new();
  const taken = new Set<string>();
  for (const s of sheets) {
    const { header, matrix } = await sheetRows(db, s.sql, s.headers, s.maskIds ?? false);
    const ws = utils.aoa_to_sheet([header.map(String), ...matrix]);
    markTextCells(ws);
    if (s.note && ws.A1) {
      ws.A1.c = [{ a: 'Customer Lens', t: s.note }];
      ws.A1.c.hidden = false;
    }
    utils.book_append_sheet(book, ws, sheetName(s.name, taken));
  }
  const notes = [...new Set(sheets.flatMap((s) => (s.note ? [s.note] : [])))];
  if (notes.length > 0) book.Props = { ...book.Props, Comments: notes.join('; ') };
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
