/**
 * Spreadsheet formula injection guard: a text cell that starts with = + - @, a tab or a carriage
 * return could run as a formula when the export is opened in Excel/WPS. Such cells get a leading
 * apostrophe (OWASP's recommendation); numbers stay numbers.
 */
// Full-width ＝＋－＠ too: spreadsheet apps (WPS, Excel with IME input) may fold them to ASCII (issue 19 §8).
const DANGEROUS_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function guardCell(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}

export type ExportCell = string | number | boolean | null;

export function guardRow(row: readonly ExportCell[]): ExportCell[] {
  return row.map((v) => (typeof v === 'string' ? guardCell(v) : v));
}
