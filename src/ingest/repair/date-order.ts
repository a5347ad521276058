/**
 * Day/month order of `10/05/2023`-style dates, decided per column from the data: a first part above
 * 12 proves day-first, a second part above 12 proves month-first. When no value decides it (or the
 * column contradicts itself) the UI asks, and cleaning proceeds with the fallback meanwhile.
 */
import { ident, str } from '../../sql/quote.ts';
import { AB_Y_RE } from './patterns.ts';
import type { SourceColumn } from './repair-exprs.ts';
import type { CleanText } from './text-profile.ts';

export interface DateOrderStats {
  column: string;
  /** Values in `a/b/yyyy` form. */
  values: number;
  firstOver12: number;
  secondOver12: number;
}

/**
 * One row; per column index i: `n<i>` values of the a/b/yyyy form, `f<i>` / `s<i>` with first / second
 * part > 12. Only text columns can hold that form: typed ones (DATE, TIMESTAMP, numbers) count 0
 * without being read. `clean[i]` (text-profile.ts) skips the guard and full-width steps.
 */
export function buildDateOrderStatsSql(
  table: string,
  columns: readonly SourceColumn[],
  clean: readonly (CleanText | null | undefined)[] = [],
): string {
  const parts: string[] = [];
  const inner: string[] = [];
  columns.forEach((c, i) => {
    if (!/^(VARCHAR|TEXT)/i.test(c.type.trim())) {
      parts.push(`0 AS n${i}`, `0 AS f${i}`, `0 AS s${i}`);
      return;
    }
    const s = clean[i] ? ident(c.name) : `cl_text(cl_hw(${ident(c.name)}))`;
    inner.push(`regexp_extract(${s}, ${str(AB_Y_RE)}, ['a', 'b']) AS __p${i}`);
    const part = (g: 'a' | 'b') => `TRY_CAST(__p${i}.${g} AS INTEGER) > 12`;
    parts.push(
      `count(*) FILTER (WHERE __p${i}.a <> '') AS n${i}`,
      `count(*) FILTER (WHERE ${part('a')}) AS f${i}`,
      `count(*) FILTER (WHERE ${part('b')}) AS s${i}`,
    );
  });
  const from = inner.length ? `(SELECT ${inner.join(', ')} FROM ${ident(table)})` : ident(table);
  return `SELECT count(*) AS row_count${parts.length ? ', ' + parts.join(', ') : ''} FROM ${from}`;
}

export type DateOrder = 'dmy' | 'mdy';

export interface DateOrderDecision {
  column: string;
  order: DateOrder;
  decidedBy: 'config' | 'data' | 'default' | 'not_needed';
  /** Set when the user should choose (config field `cleaning.dateOrder`). */
  question: { kind: 'ambiguous_date_order'; column: string; values: number; conflicting: boolean } | null;
}

/** Decide one column's order. `configured` comes from the config; `fallback` is used while asking. */
export function decideDateOrder(
  stats: DateOrderStats,
  configured: 'auto' | DateOrder,
  fallback: DateOrder = 'mdy',
): DateOrderDecision {
  const base = { column: stats.column, question: null };
  if (configured !== 'auto') return { ...base, order: configured, decidedBy: 'config' };
  if (stats.values === 0) return { ...base, order: fallback, decidedBy: 'not_needed' };
  if (stats.firstOver12 > 0 && stats.secondOver12 === 0) return { ...base, order: 'dmy', decidedBy: 'data' };
  if (stats.secondOver12 > 0 && stats.firstOver12 === 0) return { ...base, order: 'mdy', decidedBy: 'data' };
  const conflicting = stats.firstOver12 > 0 && stats.secondOver12 > 0;
  return {
    column: stats.column,
    order: fallback,
    decidedBy: 'default',
    question: { kind: 'ambiguous_date_order', column: stats.column, values: stats.values, conflicting },
  };
}
