/**
 * Pure decisions on a table's first and last rows, shared by CSV and Excel: which row is the header
 * when title rows sit above it (exports.md §3.2: `订单报表 2024-01`, `导出时间：…`), which rows at the
 * bottom are totals (`合计`, `总计`, `Total`) to drop and report, and unique column names.
 */

export type Cells = readonly (string | null | undefined)[];

function filled(row: Cells): number {
  let n = 0;
  for (const c of row) if (c != null && String(c).trim() !== '') n++;
  return n;
}

/**
 * Index of the header row among `rows` (a sample from the top of the table). Title, banner and
 * key-value rows are narrow; the header is the first row at least half as wide as the table's usual
 * width (the most common count of filled cells among rows with two or more). 0 when unsure.
 */
export function findHeaderRow(rows: readonly Cells[], maxScan = 30): number {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const f = filled(row);
    if (f >= 2) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  if (counts.size === 0) return 0;
  let usual = 0;
  let usualRows = 0;
  for (const [width, n] of counts) {
    if (n > usualRows || (n === usualRows && width > usual)) {
      usual = width;
      usualRows = n;
    }
  }
  const threshold = Math.max(2, Math.ceil(usual / 2));
  const limit = Math.min(rows.length, maxScan);
  for (let i = 0; i < limit; i++) if (filled(rows[i]!) >= threshold) return i;
  return 0;
}

/** First cells that mark a total / summary row (compared after removing spaces and a trailing colon). */
export const SUMMARY_LABELS = [
  '合计',
  '总计',
  '小计',
  '汇总',
  '总合计',
  '合計',
  '總計',
  '小計',
  '彙總',
  'total',
  'grandtotal',
  'subtotal',
  'totals',
  'sum',
];

function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** True when the row's first filled cell is a summary label such as `合计`, `总计：` or `Grand Total`. */
export function hasSummaryLabel(row: Cells): boolean {
  const first = row.find((c) => c != null && String(c).trim() !== '');
  if (first == null) return false;
  const label = normaliseLabel(String(first));
  return SUMMARY_LABELS.some((s) => label === s || (/^[\u4e00-\u9fff]/.test(s) && label.startsWith(s)));
}

/** A cell's number when it reads as one (currency signs, thousands separators and 元 allowed). */
export function cellNumber(cell: string | null | undefined): number | null {
  if (cell == null) return null;
  const t = String(cell)
    .normalize('NFKC')
    .replace(/[\s,¥$€£元]/g, '')
    .replace(/^\((.*)\)$/, '-$1');
  if (t === '' || t.length > 40 || !/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?%?$/.test(t)) return null;
  const n = Number(t.replace(/%$/, ''));
  return Number.isFinite(n) ? n : null;
}

/**
 * A summary row by its shape (issue 19 §7), not by its label alone: a label such as 合计 / Total in
 * the first filled cell, and every other filled cell a number — ids, dates, names and other text
 * empty. A real customer called "Total" has an order id or a date beside the name and stays.
 */
export function isSummaryRow(row: Cells): boolean {
  if (!hasSummaryLabel(row)) return false;
  const firstIndex = row.findIndex((c) => c != null && String(c).trim() !== '');
  return row.every(
    (c, i) => i === firstIndex || c == null || String(c).trim() === '' || cellNumber(c) !== null,
  );
}

export interface TrailingSummary {
  /** Rows to remove from the end (summary rows and the blank rows among and after them). */
  drop: number;
  /** Summary rows among them. */
  summaryRows: number;
  /** The first summary row's filled cells, for the report. */
  sample: string;
}

/**
 * Summary rows at the bottom of `rows` (blank rows between or after them are included in `drop`),
 * recognised by their shape (isSummaryRow). A label-and-numbers row is a total whether or not its
 * numbers add up: kept, it would become a customer with the whole file's spend. Callers report them.
 */
export function trailingSummaryRows(rows: readonly Cells[]): TrailingSummary {
  let i = rows.length - 1;
  let summaryRows = 0;
  let drop = 0;
  let sampleRow: Cells | null = null;
  while (i >= 0) {
    const row = rows[i]!;
    if (filled(row) === 0) {
      i--;
      continue;
    }
    if (!isSummaryRow(row)) break;
    summaryRows++;
    sampleRow = row;
    i--;
    drop = rows.length - 1 - i;
  }
  const sample = sampleRow
    ? sampleRow
        .filter((c) => c != null && String(c).trim() !== '')
        .slice(0, 6)
        .join(' | ')
    : '';
  return { drop, summaryRows, sample };
}

/** Trimmed header names; blanks become `column<n>` (1-based), duplicates get `_2`, `_3`… */
export function uniqueHeaderNames(cells: Cells): string[] {
  const seen = new Set<string>();
  return cells.map((c, i) => {
    const base = c == null || String(c).trim() === '' ? `column${i + 1}` : String(c).trim();
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
