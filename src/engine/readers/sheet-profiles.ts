/**
 * Every sheet of a workbook profiled from its first rows (issue 21): cells read as the reader reads
 * them (cellText), hidden sheets flagged, rows below the header counted. The decisions (kind, role,
 * which sheet to open) are in ingest/sheet-choice.ts.
 */
import type { CellObject, WorkBook } from '@e965/xlsx';
import { utils } from '@e965/xlsx';
import { cellText } from './sheet-table.ts';
import { profileSheet, type SheetProfile } from '../../ingest/sheet-choice.ts';
import { trailingSummaryRows } from '../../ingest/header-row.ts';
import type { TextCell } from './text-table.ts';

const HEAD_ROWS = 200;
const TAIL_ROWS = 10;

function isBlankRow(row: readonly (CellObject | undefined)[] | undefined, c0: number, c1: number): boolean {
  if (!row) return true;
  for (let c = c0; c <= c1; c++) {
    const cell = row[c];
    if (cell && cell.v != null && String(cell.v).trim() !== '' && cell.t !== 'e' && cell.t !== 'z')
      return false;
  }
  return true;
}

export function profileSheets(wb: WorkBook, rowsOf: (name: string) => number): SheetProfile[] {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const hidden = Number(wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) > 0;
    const rows = rowsOf(name);
    const ref = ws?.['!ref'];
    const data = (ws?.['!data'] ?? []) as (CellObject[] | undefined)[];
    const head: TextCell[][] = [];
    let range: ReturnType<typeof utils.decode_range> | null = null;
    if (ref || data.length > 0) {
      range = utils.decode_range(ref ?? 'A1');
      // The cells as stored, not only the declared range (a writer may declare it too small).
      for (let r = 0; r < data.length; r++) {
        const row = data[r];
        if (!row || row.length === 0) continue;
        if (r > range.e.r) range.e.r = r;
        if (row.length - 1 > range.e.c) range.e.c = row.length - 1;
      }
      const width = range.e.c - range.s.c + 1;
      for (let r = range.s.r; r <= range.e.r && head.length < HEAD_ROWS; r++) {
        const src = data[r];
        const row = new Array<TextCell>(width).fill(null);
        if (src) for (let c = 0; c < width; c++) row[c] = cellText(src[c + range.s.c], date1904);
        head.push(row);
      }
    }
    return profileSheet(name, head, {
      rows,
      hidden,
      countRowsBelow: (headerRow) => {
        if (!range) return 0;
        let n = 0;
        const last = Math.min(range.e.r, data.length - 1);
        const tail: number[] = [];
        for (let r = range.s.r + headerRow + 1; r <= last; r++) {
          if (isBlankRow(data[r], range.s.c, range.e.c)) continue;
          n++;
          tail.push(r);
          if (tail.length > TAIL_ROWS) tail.shift();
        }
        // Total rows at the bottom (合计) are dropped by the reader: not counted here either.
        const width = range.e.c - range.s.c + 1;
        const tailCells = tail.map((r) =>
          Array.from({ length: width }, (_, c) => cellText(data[r]?.[c + range!.s.c], date1904)),
        );
        return n - trailingSummaryRows(tailCells).summaryRows;
      },
    });
  });
}
