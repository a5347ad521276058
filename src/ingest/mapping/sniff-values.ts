/**
 * Value sniffing: what a column's sample values look like, to confirm or question a header match
 * and to propose roles for columns whose header says nothing. Guards (`="…"`, tabs, apostrophes)
 * and full-width characters are removed first, as the repair step will.
 */
import { toHalfWidth } from '../repair/fullwidth.ts';

export type ValueKind = 'empty' | 'date' | 'money' | 'integer' | 'phone' | 'email' | 'id' | 'bool' | 'text';

/**
 * A column's samples judged once, in the engine worker when the table is loaded (issue 19 §2): the
 * shape ColumnProfile.sniff carries to the main thread (engine/protocol.ts), built by column-sniff.ts.
 */
export interface ColumnSniff extends Sniffed {
  /** Some samples, every one an Excel serial date or yyyymmdd[hhmmss]: fits a time role. */
  timeLike: boolean;
  /** The personal-data kind that ≥ 80 % of the non-empty samples have, if any. */
  pii: 'email' | 'id_card' | 'phone' | null;
}

export interface Sniffed {
  kind: ValueKind;
  /** Share of non-empty samples of that kind, 0–1. */
  share: number;
  /** Distinct non-empty values / non-empty values in the sample. */
  distinct: number;
}

const PLACEHOLDERS = new Set(['', '-', '--', 'none', 'nan', 'null', '#null!', 'n/a']);

/**
 * Values longer than this are text for sniffing: no date, amount, phone or id is that long, and
 * every pattern below then runs on a bounded string (a 60,000-character cell took seconds, issue 19).
 */
export const MAX_SNIFF_CHARS = 200;

/** Tabs and spaces trimmed from both ends, in linear time (a `[\t ]+$` regex is quadratic). */
function trimTabsSpaces(v: string): string {
  let start = 0;
  let end = v.length;
  while (start < end && (v[start] === ' ' || v[start] === '\t')) start++;
  while (end > start && (v[end - 1] === ' ' || v[end - 1] === '\t')) end--;
  return start === 0 && end === v.length ? v : v.slice(start, end);
}

/**
 * The sample value as the repair step would see it (TypeScript twin of the `cl_text` macro). A value
 * longer than MAX_SNIFF_CHARS is cut there (it is text whatever it holds).
 */
export function unguard(value: string): string | null {
  const bounded = value.length > MAX_SNIFF_CHARS * 2 ? value.slice(0, MAX_SNIFF_CHARS * 2) : value;
  let v = trimTabsSpaces(toHalfWidth(bounded));
  const guarded = /^="(.*)"$/s.exec(v) ?? /^"(.*)"$/s.exec(v);
  if (guarded) v = guarded[1]!;
  if (v.startsWith("'")) v = v.slice(1);
  v = trimTabsSpaces(v);
  if (v.length > MAX_SNIFF_CHARS) v = v.slice(0, MAX_SNIFF_CHARS + 1);
  return PLACEHOLDERS.has(v.toLowerCase()) ? null : v;
}

const RE = {
  email: /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/,
  phone: /^(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}$|^1\d{2}\*{4}\d{4}$|^1\d{2}\*+\d{2,4}$/,
  date: /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ T]+\d{1,2}[:时]\d{1,2}.*)?$|^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?: .*)?$|^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/,
  // No two `\s*` meet around an optional part: the match stays linear on long runs of spaces.
  money:
    /^\(?[-+]?\s*(?:(?:[¥$€£]|CNY|RMB)\s*)?[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:(?:万|亿)\s*)?元?\)?$/,
  integer: /^[-+]?\d{1,9}$/,
  scientific: /^[-+]?\d+(?:\.\d+)?[eE]([-+]?\d{1,3})$/,
  id: /^[A-Za-z#]*[-_]?\d[\dA-Za-z_-]{3,}$|^\d(?:\.\d+)?E\+\d+$/i,
  bool: /^(?:true|false|yes|no|是|否|y|n|0|1)$/i,
};

function classify(v: string): ValueKind {
  if (v.length > MAX_SNIFF_CHARS) return 'text';
  if (RE.email.test(v)) return 'email';
  if (RE.phone.test(v)) return 'phone';
  if (RE.date.test(v)) return 'date';
  if (RE.integer.test(v) && v.replace(/^[-+]/, '').length <= 6) return 'integer';
  if (RE.money.test(v) && (/[.,¥$元万]/.test(v) || v.length <= 9)) return 'money';
  // Excel's scientific notation of an amount (1.5E3); long ids turned into 1.23457E+17 stay ids.
  const sci = RE.scientific.exec(v);
  if (sci && Math.abs(Number(sci[1])) <= 9) return 'money';
  if (RE.id.test(v)) return 'id';
  if (RE.bool.test(v)) return 'bool';
  return 'text';
}

/** Classify a column from its DuckDB type and sample values; the majority kind wins. */
export function sniffValues(type: string, samples: readonly string[]): Sniffed {
  const values = samples.map(unguard).filter((v): v is string => v !== null);
  if (values.length === 0) return { kind: 'empty', share: 0, distinct: 0 };
  const distinct = new Set(values).size / values.length;
  const t = type.toUpperCase();
  if (t === 'DATE' || t.startsWith('TIMESTAMP')) return { kind: 'date', share: 1, distinct };
  if (t === 'BOOLEAN') return { kind: 'bool', share: 1, distinct };
  const counts = new Map<ValueKind, number>();
  for (const v of values) {
    let k = classify(v);
    // Excel serial dates (1990–2100) in an otherwise numeric column are judged by the caller's role.
    if (k === 'integer' && t.startsWith('DECIMAL') && /\./.test(v)) k = 'money';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: ValueKind = 'text';
  let bestN = -1;
  for (const [k, n] of counts) if (n > bestN) [best, bestN] = [k, n];
  return { kind: best, share: bestN / values.length, distinct };
}

/** Whether a number could be an Excel 1900-system serial date between 1990 and 2100. */
export function isExcelSerialLike(v: string): boolean {
  if (!/^\d{5}(?:\.\d+)?$/.test(v)) return false;
  const n = Number(v);
  return n >= 32874 && n < 73051;
}

/** Some samples, and every one an Excel serial date or a compact yyyymmdd[hhmmss] time. */
export function timeLikeValues(samples: readonly string[]): boolean {
  const vals = samples.map(unguard).filter((v): v is string => v !== null);
  return vals.length > 0 && vals.every((v) => isExcelSerialLike(v) || /^(?:19|20)\d{6}(?:\d{6})?$/.test(v));
}
