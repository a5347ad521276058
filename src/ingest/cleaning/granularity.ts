/**
 * How rows relate to orders (issue 3 "order semantics"). Decided from the data, overridable in the
 * config (`cleaning.granularity`). The rule, over orders whose id appears on more than one row
 * (after exact duplicates are dropped):
 *
 * - `first_row`      (Shopify) in ≥ 80 % of those orders the first row has an amount and some other row
 *                    has none → order-level fields are filled down from each order's first row; a
 *                    later row with an amount starts another version of the order (overlapping exports).
 * - `repeated_total` line rows (product / price / quantity / category differ within ≥ 50 % of those
 *                    orders) whose amount is identical on every line in ≥ 90 % of them → the amount is
 *                    the order total repeated on each line: counted once.
 * - `line_sum`       line rows with per-line amounts → summed; also when only unit price (× quantity)
 *                    is mapped.
 * - `order_rows`     no repeated ids, or repeated rows that do not differ in line fields → each row is
 *                    a version of the order; the latest version is kept (dedupeOrderIds).
 */
import { ident } from '../../sql/quote.ts';

/** Roles whose difference between rows of one order makes them line items. */
export const LINE_ROLES = ['product', 'unit_price', 'quantity', 'category'] as const;
export type LineRole = (typeof LINE_ROLES)[number];

export const GRANULARITIES = ['order_rows', 'first_row', 'repeated_total', 'line_sum'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface GranularityStats {
  orders: number;
  /** Orders with more than one row. */
  multi: number;
  /** Rows beyond the first of multi-row orders, and how many of them have no amount. */
  extraRows: number;
  extraRowsWithoutAmount: number;
  /** Multi-row orders whose first row has an amount and some other row has none. */
  firstRowOnly: number;
  /** Multi-row orders with the same non-null amount on every row. */
  sameAmountEveryRow: number;
  /** Multi-row orders whose line fields differ between rows. */
  linesVary: number;
}

/**
 * Statistics over the typed rows table (`<prefix>_rows`), one row with GranularityStats' fields in
 * snake_case, plus `row_like_ids`: ids of the form `row-…` (they could meet the ids synthesised for
 * rows without one). Ids are counted first; only ids on several rows are grouped in detail (issue 7).
 */
export function buildGranularityStatsSql(
  rowsTable: string,
  dropExactDuplicates: boolean,
  /** Line roles that are mapped; the others are NULL on every row and cannot vary (issue 7). */
  lineRoles: readonly LineRole[] = LINE_ROLES,
): string {
  // Two different non-null values ⇔ min ≠ max: cheaper than counting distinct values.
  const varies = lineRoles.length
    ? lineRoles.map((r) => `coalesce(min(${ident(r)}) <> max(${ident(r)}), FALSE)`).join(' OR ')
    : 'FALSE';
  const where = dropExactDuplicates
    ? 'WHERE NOT is_exact_dup AND order_id_raw IS NOT NULL'
    : 'WHERE order_id_raw IS NOT NULL';
  return `WITH k AS (
  SELECT order_id_raw, count(*) AS n FROM ${ident(rowsTable)} ${where} GROUP BY order_id_raw),
o AS (
  SELECT order_id_raw, count(*) AS n, count(amount) AS n_amount,
    coalesce(min(amount) = max(amount), FALSE) AS one_amount,
    arg_min(amount IS NOT NULL, source_row) AS first_has_amount,
    ${varies} AS lines_vary
  FROM ${ident(rowsTable)} ${where} AND order_id_raw IN (SELECT order_id_raw FROM k WHERE n > 1)
  GROUP BY order_id_raw)
SELECT (SELECT count(*) FROM k) AS orders,
  (SELECT count(*) FROM k WHERE starts_with(order_id_raw, 'row-')) AS row_like_ids,
  count(*) AS multi,
  coalesce(sum(n - 1), 0) AS extra_rows,
  coalesce(sum(n - n_amount - CASE WHEN first_has_amount THEN 0 ELSE 1 END), 0) AS extra_rows_without_amount,
  count(*) FILTER (WHERE first_has_amount AND n_amount < n) AS first_row_only,
  count(*) FILTER (WHERE n_amount = n AND one_amount) AS same_amount_every_row,
  count(*) FILTER (WHERE lines_vary) AS lines_vary
FROM o`;
}

export interface GranularityDecision {
  mode: Granularity;
  decidedBy: 'config' | 'data';
  stats: GranularityStats | null;
}

/** Apply the rule above. `hasAmount` / `hasUnitPrice`: whether those roles are mapped. */
export function decideGranularity(
  stats: GranularityStats | null,
  configured: 'auto' | Granularity,
  hasAmount: boolean,
  hasUnitPrice: boolean,
): GranularityDecision {
  if (configured !== 'auto') return { mode: configured, decidedBy: 'config', stats };
  const mode = ((): Granularity => {
    if (!hasAmount && hasUnitPrice) return 'line_sum';
    if (!stats || stats.multi === 0) return 'order_rows';
    if (hasAmount && stats.firstRowOnly / stats.multi >= 0.8) return 'first_row';
    if (stats.linesVary / stats.multi >= 0.5) {
      return hasAmount && stats.sameAmountEveryRow / stats.multi >= 0.9 ? 'repeated_total' : 'line_sum';
    }
    return 'order_rows';
  })();
  return { mode, decidedBy: 'data', stats };
}
