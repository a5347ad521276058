/**
 * .xlsx → UTF-8 CSV with SheetJS, inside the worker (or Node). Every sheet is listed with its row
 * count; the chosen (or first non-empty) sheet is converted. Dates are written as ISO text via the
 * cell format, which avoids SheetJS's ±1 ms cellDates rounding (engine-notes P12).
 */
import { read, utils, type WorkBook } from '@e965/xlsx';
import type { SourceFile } from '../source-file.ts';
import { readAll } from '../source-file.ts';
import { EngineError } from '../engine-error.ts';
import type { LoadProgress } from './load-source.ts';

/** Refuse workbooks whose unpacked cells would not fit comfortably in the tab. */
export const MAX_XLSX_BYTES = 300 * 1024 * 1024;

export interface XlsxCsv {
  csv: Uint8Array;
  sheet: string;
  sheets: { name: string; rows: number }[];
}

function sheetRows(wb: WorkBook, name: string): number {
  const ref = wb.Sheets[name]?.['!ref'];
  if (!ref) return 0;
  const range = utils.decode_range(ref);
  return range.e.r - range.s.r + 1;
}

export async function xlsxToCsv(
  source: SourceFile,
  options: { sheet?: string | undefined; onProgress: (p: LoadProgress) => void; signal?: AbortSignal | undefined },
): Promise<XlsxCsv> {
  if (source.size > MAX_XLSX_BYTES) {
    throw new EngineError('too_large', 'workbook too large', { name: source.name, size: source.size });
  }
  const bytes = await readAll(
    source,
    (done) => options.onProgress({ phase: 'read', done, total: source.size, unit: 'bytes' }),
    options.signal,
  );
  options.onProgress({ phase: 'parse', done: 0, total: 0, unit: 'rows' });
  let wb: WorkBook;
  try {
    wb = read(bytes, { type: 'array', dense: true, cellDates: false, dateNF: 'yyyy-mm-dd hh:mm:ss' });
  } catch (e) {
    throw new EngineError('xlsx_invalid', (e as Error).message, { name: source.name });
  }
  options.signal?.throwIfAborted();
  const sheets = wb.SheetNames.map((name) => ({ name, rows: sheetRows(wb, name) }));
  const chosen = options.sheet ?? sheets.find((s) => s.rows > 0)?.name;
  if (!chosen || !wb.Sheets[chosen]) {
    throw new EngineError('xlsx_no_sheet', 'no sheet with data', { name: source.name });
  }
  const csv = utils.sheet_to_csv(wb.Sheets[chosen]!, { blankrows: false, strip: false });
  options.onProgress({ phase: 'parse', done: sheetRows(wb, chosen), total: sheetRows(wb, chosen), unit: 'rows' });
  return { csv: new TextEncoder().encode(csv), sheet: chosen, sheets };
}
