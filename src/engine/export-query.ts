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

/**
 * How a file exported from the UI shows its values (issue 18; the CLI writes raw numbers): shares and
 * rates (columns named `share`, `*_share`, `*_rate`; fractions) as percentages with one decimal (XLSX:
 * the number kept, formatted `0.0%`; CSV: `30.9%`), ISO weekdays (`weekday`, `peak_weekday`, 1–7) as
 * names, and their headers without the "(1 = Monday)" legend.
 */
export interface ExportDisplay {
  /** Weekday names, Monday first. */
  weekdays: readonly string[];
  /**
   * Words for codes: `reason.<code>` (a set-aside row's `reason` column) and `detail.<key>` /
   * `detail.<key>.<value>` (a churn warning's `detail` column, `key=value;…`: "最近购买 2025-01-01").
   * A code without words stays as it is.
   */
  words?: Readonly<Record<string, string>> | undefined;
}

/** `last_purchase=2025-01-01;factor=1.5` in words, or the text unchanged when a key has none. */
function detailWords(text: string, words: Readonly<Record<string, string>>, sep: string): string {
  const parts = text.split(';').map((kv) => {
    const i = kv.indexOf('=');
    if (i < 0) return null;
    const [k, v] = [kv.slice(0, i), kv.slice(i + 1)];
    const exact = words[`detail.${k}.${v}`];
    if (exact !== undefined) return exact;
    const label = words[`detail.${k}`];
    return label === undefined ? null : label.replace('{v}', v);
  });
  return parts.every((p) => p !== null) ? parts.join(sep) : text;
}

const PERCENT_COLUMN = /^(?:share|.+_share|.+_rate)$/;
const WEEKDAY_COLUMN = /^(?:weekday|peak_weekday)$/;

function displayCell(display: ExportDisplay | undefined, format: ExportFormat, h: string, v: ExportCell) {
  if (display === undefined) return v;
  if (typeof v === 'string' && display.words) {
    if (h === 'reason') return display.words[`reason.${v}`] ?? v;
    if (h === 'detail') return detailWords(v, display.words, display.words['detail.separator'] ?? '; ');
    return v;
  }
  if (typeof v !== 'number') return v;
  if (WEEKDAY_COLUMN.test(h)) return Number.isInteger(v) && v >= 1 && v <= 7 ? display.weekdays[v - 1]! : v;
  if (format === 'csv' && PERCENT_COLUMN.test(h) && Number.isFinite(v)) return `${(v * 100).toFixed(1)}%`;
  return v;
}

function displayHeader(display: ExportDisplay | undefined, h: string, shown: string): string {
  return display !== undefined && WEEKDAY_COLUMN.test(h)
    ? shown.replace(/\s*[（(]1\s*=\s*[^)）]*[)）]\s*$/, '')
    : shown;
}

/** XLSX: share and rate columns keep their numbers, shown as percentages (one decimal). */
function markPercentColumns(
  sheet: WorkSheet,
  names: readonly string[],
  utils: typeof import('@e965/xlsx').utils,
): void {
  const columns = names.flatMap((n, i) => (PERCENT_COLUMN.test(n) ? [i] : []));
  if (columns.length === 0 || !sheet['!ref']) return;
  const range = utils.decode_range(sheet['!ref']);
  for (let r = range.s.r + 1; r <= range.e.r; r++) {
    for (const c of columns) {
      const cell = sheet[utils.encode_cell({ r, c })] as { t?: string; z?: string } | undefined;
      if (cell?.t === 'n') cell.z = '0.0%';
    }
  }
}

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
  /** Values as the UI shows them (percentages, weekday names); absent = raw (the CLI). */
  display?: ExportDisplay | undefined;
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
  display?: ExportDisplay,
  format: ExportFormat = 'xlsx',
) {
  const { columns, rows } = await queryDecoded(db, sql);
  const names = columns.map((c) => c.name);
  const masked = new Set<string>(maskIds ? MASKED_ID_COLUMNS : []);
  const cell = (h: string, v: unknown): ExportCell =>
    masked.has(h) && typeof v === 'string'
      ? maskId(v)
      : displayCell(display, format, h, (v ?? null) as ExportCell);
  const matrix: ExportCell[][] = rows.map((r) => names.map((h) => cell(h, r[h])));
  return { names, header: names.map((n) => displayHeader(display, n, headers?.[n] ?? n)), matrix };
}

export async function exportQuery(
  db: DbPort,
  sql: string,
  format: ExportFormat,
  sheet = 'data',
  headers?: Readonly<Record<string, string>>,
  display?: ExportDisplay,
): Promise<Uint8Array> {
  if (format === 'csv') {
    const { header, matrix } = await sheetRows(db, sql, headers, false, display, 'csv');
    return writeCsv(header, matrix);
  }
  return exportWorkbook(db, [{ name: sheet, sql, headers, display }]);
}

/** Several queries → one XLSX workbook, a sheet each (all segments and their summary, issue 18). */
export async function exportWorkbook(db: DbPort, sheets: readonly ExportSheet[]): Promise<Uint8Array> {
  const { utils, write } = await import('@e965/xlsx');
  const book = utils.book_new();
  const taken = new Set<string>();
  for (const s of sheets) {
    const { names, header, matrix } = await sheetRows(db, s.sql, s.headers, s.maskIds ?? false, s.display);
    const ws = utils.aoa_to_sheet([header.map(String), ...matrix]);
    markTextCells(ws);
    if (s.display) markPercentColumns(ws, names, utils);
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
