/**
 * One worksheet → a text table: cells as text (dates ISO via the cell's number format, numbers from
 * the raw value, text exactly as stored), merged ranges filled, the header row found below any title
 * rows, a two-level header joined as `upper_lower`, blank rows skipped, total rows at the bottom
 * dropped — each step reported as a note.
 */
import { SSF, utils, type CellObject, type Range, type WorkSheet } from '@e965/xlsx';
import { findHeaderRow, trailingSummaryRows, uniqueHeaderNames } from '../../ingest/header-row.ts';
import { dateFormatKind, excelSerialToIso } from './excel-date.ts';
import { EngineError } from '../engine-error.ts';
import type { IngestNote } from './load-types.ts';
import type { TextCell, TextTable } from './text-table.ts';

const ssf = SSF as { is_date(format: string): boolean };
const isDateFormat = (format: string): boolean => ssf.is_date(format);

/** More columns than this is not a customer export; refused before any work (issue 19 §8). */
export const MAX_COLUMNS = 2000;
/** Rows × columns of real content beyond this would not fit the tab as text cells (issue 19 §1). */
export const MAX_SHEET_CELLS = 30_000_000;

/** Refuse a table wider than MAX_COLUMNS or larger than MAX_SHEET_CELLS, with a clear message. */
export function assertTableSize(name: string, rows: number, columns: number): void {
  if (columns > MAX_COLUMNS) {
    throw new EngineError('too_many_columns', `${columns} columns`, {
      name,
      count: columns,
      max: MAX_COLUMNS,
    });
  }
  if (rows * columns > MAX_SHEET_CELLS) {
    throw new EngineError('too_many_cells', `${rows} rows × ${columns} columns`, {
      name,
      rows,
      columns,
      max: MAX_SHEET_CELLS,
    });
  }
}

/**
 * The extent of the cells that exist, not the range the sheet declares (a 2 KB file may declare
 * A1:XFD1048576): the last row holding a cell and the widest such row.
 */
export function realExtent(
  data: readonly (readonly (CellObject | undefined)[] | undefined)[],
  declared: Range,
): { lastRow: number; lastCol: number } {
  let lastRow = -1;
  let lastCol = -1;
  const rowEnd = Math.min(declared.e.r, data.length - 1);
  for (let r = declared.s.r; r <= rowEnd; r++) {
    const row = data[r];
    if (!row) continue;
    const colEnd = Math.min(declared.e.c, row.length - 1);
    for (let c = colEnd; c >= declared.s.c; c--) {
      if (row[c] !== undefined) {
        lastRow = r;
        if (c > lastCol) lastCol = c;
        break;
      }
    }
  }
  return { lastRow, lastCol };
}

export interface SheetTable {
  table: TextTable;
  /** 0-based sheet row of the header. */
  headerRow: number;
  notes: IngestNote[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function cellText(cell: CellObject | undefined, date1904: boolean): TextCell {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return cell.v == null ? null : String(cell.v);
    case 'n': {
      const v = Number(cell.v);
      const kind = dateFormatKind(cell.z == null ? undefined : String(cell.z), isDateFormat);
      return kind ? excelSerialToIso(v, kind, date1904) : String(v);
    }
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      if (Number.isNaN(d.getTime())) return null;
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    }
    case 'b':
      return cell.v ? 'true' : 'false';
    default:
      return null; // 'e' (#N/A, #DIV/0!) and 'z' (stub) carry no value
  }
}

function isBlank(row: readonly TextCell[]): boolean {
  return row.every((c) => c == null || c.trim() === '');
}

/** Copy each merged range's top-left value into every cell of the range; returns ranges filled. */
function fillMerges(grid: TextCell[][], merges: readonly Range[], r0: number, c0: number): number {
  let filled = 0;
  for (const m of merges) {
    const value = grid[m.s.r - r0]?.[m.s.c - c0] ?? null;
    if (value == null) continue;
    for (let r = m.s.r; r <= m.e.r; r++) {
      const row = grid[r - r0];
      if (!row) continue;
      for (let c = m.s.c; c <= m.e.c; c++) if (c - c0 >= 0) row[c - c0] = value;
    }
    filled++;
  }
  return filled;
}

export function sheetToTextTable(
  ws: WorkSheet,
  date1904: boolean,
  forcedHeaderRow?: number,
  name = '',
): SheetTable {
  const notes: IngestNote[] = [];
  const ref = ws['!ref'];
  if (!ref) return { table: { columns: [], rows: [] }, headerRow: 0, notes };
  const range = utils.decode_range(ref);
  const r0 = range.s.r;
  const c0 = range.s.c;
  const data = (ws['!data'] ?? []) as (CellObject[] | undefined)[];
  // Size by the cells that exist: the declared range may be a lie.
  const extent = realExtent(data, range);
  if (extent.lastRow < 0) return { table: { columns: [], rows: [] }, headerRow: 0, notes };
  const lastRow = extent.lastRow;
  const width = extent.lastCol - c0 + 1;
  assertTableSize(name, lastRow - r0 + 1, width);
  const grid: TextCell[][] = [];
  for (let r = r0; r <= lastRow; r++) {
    const src = data[r];
    const row = new Array<TextCell>(width).fill(null);
    if (src) for (let c = 0; c < width; c++) row[c] = cellText(src[c + c0], date1904);
    grid.push(row);
  }
  const merges = ws['!merges'] ?? [];
  // The header is found before merged ranges are filled: a title merged across the table is still
  // one cell wide then. A header row carrying horizontal merges is the upper level of a two-level
  // header whose lower level is the next row (客户 over ID | 姓名).
  let h =
    forcedHeaderRow !== undefined ? Math.max(0, forcedHeaderRow - r0) : findHeaderRow(grid.slice(0, 200));
  const groupRow = (r: number) => merges.some((m) => m.s.r === r + r0 && m.e.r === m.s.r && m.e.c > m.s.c);
  const twoLevel =
    forcedHeaderRow === undefined && groupRow(h) && h + 1 < grid.length && !isBlank(grid[h + 1]!);
  if (twoLevel) h++;
  const filledRanges = fillMerges(grid, merges, r0, c0);
  if (filledRanges > 0) notes.push({ kind: 'merged_cells_filled', count: filledRanges });
  const titleCount = twoLevel ? h - 1 : h;
  if (titleCount > 0) {
    const titles = grid.slice(0, titleCount).filter((row) => !isBlank(row));
    const sample = titles[0] ? [...new Set(titles[0].filter((c) => c))].join(' ') : '';
    notes.push({ kind: 'title_rows_skipped', count: titleCount, sample });
  }
  const header = grid[h] ?? [];
  let names: TextCell[] = header;
  if (twoLevel) {
    const upper = grid[h - 1]!;
    names = header.map((lower, c) => {
      const u = upper[c];
      if (u && lower && u !== lower) return `${u}_${lower}`;
      return lower ?? u ?? null;
    });
    notes.push({
      kind: 'two_level_header',
      count: 1,
      sample: names
        .filter((n) => n)
        .slice(0, 4)
        .join(', '),
    });
  }

  const body = grid.slice(h + 1);
  const summary = trailingSummaryRows(body);
  const kept = body.slice(0, body.length - summary.drop);
  const rows = kept.filter((row) => !isBlank(row));
  if (kept.length > rows.length) notes.push({ kind: 'blank_rows_skipped', count: kept.length - rows.length });
  if (summary.summaryRows > 0) {
    notes.push({ kind: 'summary_rows_dropped', count: summary.summaryRows, sample: summary.sample });
  }

  // Columns with no header and no value (stray formatting to the right) are dropped.
  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    if (names[c] != null && String(names[c]).trim() !== '') keep.push(c);
    else if (rows.some((row) => row[c] != null && row[c]!.trim() !== '')) keep.push(c);
  }
  if (keep.length < width) notes.push({ kind: 'empty_columns_dropped', count: width - keep.length });
  const columns = uniqueHeaderNames(keep.map((c) => names[c]));
  const projected = keep.length === width ? rows : rows.map((row) => keep.map((c) => row[c] ?? null));
  return { table: { columns, rows: projected }, headerRow: h + r0, notes };
}
