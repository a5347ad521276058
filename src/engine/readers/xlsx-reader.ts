/**
 * .xlsx / .xls (BIFF, or the HTML tables Chinese back-ends name .xls) → a text table with SheetJS,
 * inside the worker (or Node). Zip bombs are refused from the zip directory before SheetJS inflates
 * anything; every sheet is listed with its row count and the chosen (or first non-empty) sheet read.
 */
import { read, utils, type WorkBook } from '@e965/xlsx';
import type { SourceFile } from '../source-file.ts';
import { readAll } from '../source-file.ts';
import { EngineError } from '../engine-error.ts';
import { checkZipDirectory, checkZipInflation, zipDirectory } from './archive.ts';
import { sheetToTextTable, type SheetTable } from './sheet-table.ts';
import type { LoadProgress } from './load-types.ts';
import { profileSheets } from './sheet-profiles.ts';
import { chooseSheet, type SheetChoiceReason, type SheetProfile } from '../../ingest/sheet-choice.ts';

/** Refuse workbooks whose unpacked cells would not fit comfortably in the tab (engine-notes §5). */
export const MAX_XLSX_BYTES = 300 * 1024 * 1024;

export interface WorkbookTable extends SheetTable {
  sheet: string;
  sheets: { name: string; rows: number }[];
  /** Every sheet profiled (issue 21): kind, role, header row, rows below it. */
  sheetProfiles: SheetProfile[];
  /** Why `sheet` was opened, and the sheets of the same shape that can be appended to it. */
  sheetChoice: { reason: SheetChoiceReason; sameShape: string[] };
}

function sheetRows(wb: WorkBook, name: string): number {
  const ref = wb.Sheets[name]?.['!ref'];
  if (!ref) return 0;
  const range = utils.decode_range(ref);
  return range.e.r - range.s.r + 1;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

export async function readWorkbook(
  source: SourceFile,
  options: {
    sheet?: string | undefined;
    headerRow?: number | undefined;
    onProgress: (p: LoadProgress) => void;
    signal?: AbortSignal | undefined;
  },
): Promise<WorkbookTable> {
  if (source.size > MAX_XLSX_BYTES) {
    throw new EngineError('too_large', 'workbook too large', { name: source.name, size: source.size });
  }
  const bytes = await readAll(
    source,
    (done) => options.onProgress({ phase: 'read', done, total: source.size, unit: 'bytes' }),
    options.signal,
  );
  if (isZip(bytes)) {
    let entries;
    try {
      entries = zipDirectory(bytes, source.name);
    } catch (e) {
      throw new EngineError('xlsx_invalid', (e as Error).message, { name: source.name });
    }
    checkZipDirectory(entries, source.size, source.name);
    checkZipInflation(bytes, source.name, options.signal);
  }
  options.onProgress({ phase: 'parse', done: 0, total: 0, unit: 'rows' });
  let wb: WorkBook;
  try {
    wb = read(bytes, {
      type: 'array',
      dense: true,
      cellDates: false,
      cellNF: true,
      cellText: false,
      cellHTML: false,
    });
  } catch (e) {
    throw new EngineError('xlsx_invalid', (e as Error).message, { name: source.name });
  }
  options.signal?.throwIfAborted();
  const sheets = wb.SheetNames.map((name) => ({ name, rows: sheetRows(wb, name) }));
  // Issue 21: every sheet profiled, the one best for its role opened (not merely the first with rows).
  const sheetProfiles = profileSheets(wb, (name) => sheetRows(wb, name));
  const choice = chooseSheet(sheetProfiles, options.sheet);
  const chosen = choice?.sheet;
  const ws = chosen === undefined ? undefined : wb.Sheets[chosen];
  if (chosen === undefined || !ws) {
    throw new EngineError('xlsx_no_sheet', `no sheet ${chosen ?? ''}`, {
      name: source.name,
      sheet: chosen ?? '',
    });
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const result = sheetToTextTable(ws, date1904, options.headerRow, source.name);
  const rows = sheetRows(wb, chosen);
  options.onProgress({ phase: 'parse', done: rows, total: rows, unit: 'rows' });
  const sheetChoice = { reason: choice!.reason, sameShape: choice!.sameShape };
  return { ...result, sheet: chosen, sheets, sheetProfiles, sheetChoice };
}
