/**
 * Day/month order of `10/05/2023`-style dates, decided per column from the data: a first part above
 * 12 proves day-first, a second part above 12 proves month-first. When no value decides it (or the
 * column contradicts itself) the UI asks, and cleaning proceeds with the fallback meanwhile.
 */
import { ident, str } from '../../sql/quote.ts';
import { AB_Y_RE } from './patterns.ts';
import type { SourceColumn } from './repair-exprs.ts';

export interface DateOrderStats {
  column: string;
  /** Values in `a/b/yyyy` form. */
  values: number;
  firstOver12: number;
  secondOver12: number;
}

/** One row; per column index i: `n<i>` values of the a/b/yyyy form, `f<i>` / `s<i>` with first / second part > 12. */
export function buildDateOrderStatsSql(table: string, columns: readonly SourceColumn[]): string {
  const parts = columns.flatMap((c, i) => {
    const s = `cl_text(cl_hw(CAST(${ident(c.name)} AS VARCHAR)))`;
    const m = `regexp_full_match(${s}, ${str(AB_Y_RE)})`;
    const part = (n: number) => `TRY_CAST(regexp_extract(${s}, ${str(AB_Y_RE)}, ${n}) AS INTEGER)`;
    return [
      `count(*) FILTER (WHERE ${m}) AS n${i}`,
      `count(*) FILTER (WHERE ${m} AND ${part(1)} > 12) AS f${i}`,
      `count(*) FILTER (WHERE ${m} AND ${part(2)} > 12) AS s${i}`,
    ];
  });
  return `SELECT count(*) AS row_count${parts.length ? ', ' + parts.join(', ') : ''} FROM ${ident(table)}`;
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
