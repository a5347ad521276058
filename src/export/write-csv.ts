/**
 * CSV for Excel users: UTF-8 with a BOM (so Excel detects the encoding), CRLF line ends, RFC 4180
 * quoting, and the formula guard on every text cell.
 */
import { guardRow, type ExportCell } from './cell-guard.ts';

function quote(cell: ExportCell): string {
  if (cell === null) return '';
  // 15 significant digits drop binary noise from sums (3549709.3200000003 → 3549709.32).
  const text =
    typeof cell === 'number'
      ? Number.isFinite(cell)
        ? String(Number(cell.toPrecision(15)))
        : ''
      : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(row: readonly ExportCell[]): string {
  return guardRow(row).map(quote).join(',');
}

/** The whole file as UTF-8 bytes with BOM. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly ExportCell[]>): Uint8Array {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  const text = '\uFEFF' + lines.join('\r\n') + '\r\n';
  return new TextEncoder().encode(text);
}
