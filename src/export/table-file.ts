/**
 * A table made on the UI side (issue 18: a comparison computed from query results) as a file: CSV
 * (UTF-8 with BOM, the formula guard) or XLSX (SheetJS, loaded when first needed; text cells typed
 * text). A `Percent` cell is a fraction shown as a percentage with one decimal: in CSV the text
 * `12.3%` (a Unicode minus when negative, so the formula guard leaves it as it is), in XLSX the number
 * formatted `0.0%`.
 */
import type { ExportCell } from './cell-guard.ts';
import { writeCsv } from './write-csv.ts';

export interface Percent {
  readonly percent: number;
}
export type TableCell = ExportCell | Percent;

const isPercent = (c: TableCell): c is Percent => typeof c === 'object' && c !== null;

export function percentText(fraction: number): string {
  const text = `${(Math.abs(fraction) * 100).toFixed(1)}%`;
  return fraction < 0 && text !== '0.0%' ? `−${text}` : text;
}

export function tableCsv(header: readonly string[], rows: readonly (readonly TableCell[])[]): Uint8Array {
  return writeCsv(
    header,
    rows.map((r) => r.map((c) => (isPercent(c) ? percentText(c.percent) : c))),
  );
}

export async function tableXlsx(
  sheet: string,
  header: readonly string[],
  rows: readonly (readonly TableCell[])[],
): Promise<Uint8Array> {
  const { utils, write } = await import('@e965/xlsx');
  // Text cells are typed text below (never a formula), so no apostrophe is added here.
  const plain = rows.map((r) => r.map((c) => (isPercent(c) ? c.percent : c)));
  const ws = utils.aoa_to_sheet([[...header], ...plain]);
  for (const [key, cell] of Object.entries(ws)) {
    if (key.startsWith('!') || typeof cell !== 'object' || cell === null) continue;
    if (cell.t === 's') {
      cell.z = '@';
      delete cell.f;
    }
  }
  rows.forEach((r, i) =>
    r.forEach((c, j) => {
      const cell = ws[utils.encode_cell({ r: i + 1, c: j })] as { t?: string; z?: string } | undefined;
      if (isPercent(c) && cell?.t === 'n') cell.z = '0.0%';
    }),
  );
  const book = utils.book_new();
  utils.book_append_sheet(book, ws, sheet.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'data');
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
