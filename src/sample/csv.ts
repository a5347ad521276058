/** RFC 4180 CSV text: fields with a comma, quote, CR or LF are quoted, quotes doubled; '\n' line ends. */

export type CsvValue = string | number | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Header line plus one line per row (each line ends with '\n'); no BOM, the caller adds one if wanted. */
export function toCsv<H extends string>(
  rows: readonly Readonly<Record<H, CsvValue>>[],
  headers: readonly H[],
): string {
  const lines = [headers.map(field).join(',')];
  for (const row of rows) lines.push(headers.map((h) => field(row[h])).join(','));
  return `${lines.join('\n')}\n`;
}
