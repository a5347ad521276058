/**
 * Shared SQL pieces for the behaviour, revenue and lifecycle builders (issue 6). Every builder reads
 * the canonical `purchases` shape (src/ingest/canonical.ts) from a table name it is given.
 *
 * Definitions used throughout:
 * - One purchase (issue 12, item 10) is what the config's `cleaning.purchase` says, for every
 *   analysis: `orders` (default) — each order; intervals, repurchase, churn and lifecycle rules count
 *   orders too (`purchaseUnit: 'orders'`: two orders of one day are 0 days apart); `days` — cleaning
 *   merges a customer's orders of one day into one purchase row (the lifetimes/BTYD convention
 *   "same-day transactions are merged"), so RFM F, order counts and AOV count purchase days as well.
 *   Builders called without a unit merge purchase days (their convention before the setting).
 * - Revenue is `net_amount` (paid minus refunds); AOV = revenue / orders.
 * - `category` is stored per order in the canonical table; per-category metrics take an order's
 *   category as given (an order with a mixed basket counts under its recorded category only).
 */
import { dateLiteral, ident } from '../../sql/quote.ts';

/** Which purchases a builder reads: a table (or view) name and an optional inclusive date window. */
export interface PurchaseScope {
  /** Table or view with the canonical purchases columns, e.g. `purchases`. */
  purchases: string;
  /**
   * Returns view (issue 12, item 2): rows that count in revenue but are not purchases (credit notes,
   * orders cancelled by returns). Read by the revenue builders, RFM monetary, the churn lists' spend
   * and the customer features' revenue and AOV.
   */
  returns?: string | undefined;
  /**
   * What one purchase is (issue 12, item 10; config `cleaning.purchase`): `orders` counts every row
   * of `purchases` (two orders of one day are 0 days apart); `days` (the builders' default, as
   * lifetimes/BTYD) merges a customer's purchases of one day. With `cleaning.purchase: days` the
   * purchases view already has one row per customer and day, so both give the same result.
   */
  purchaseUnit?: PurchaseUnit | undefined;
  /** First order_date included (YYYY-MM-DD). */
  from?: string;
  /** Last order_date included (YYYY-MM-DD). */
  to?: string;
}

export type PurchaseUnit = 'orders' | 'days';

/** `DISTINCT` when same-day purchases are merged (purchase days), else nothing (every order). */
export function mergeDays(unit: PurchaseUnit | undefined): string {
  return unit === 'orders' ? '' : 'DISTINCT';
}

/** SELECT of the purchases inside the scope's window (all columns). */
export function scopedPurchasesSql(scope: PurchaseScope): string {
  const where: string[] = [];
  if (scope.from !== undefined) where.push(`order_date >= ${dateLiteral(scope.from)}`);
  if (scope.to !== undefined) where.push(`order_date <= ${dateLiteral(scope.to)}`);
  return `SELECT * FROM ${ident(scope.purchases)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}

/**
 * The as-of date expression: the explicit `asOf`, else the window's `to`, else the last order_date
 * in `fromCte` (a CTE name already defined in the query).
 */
export function asOfSql(fromCte: string, asOf: string | undefined, to?: string): string {
  if (asOf !== undefined) return dateLiteral(asOf);
  if (to !== undefined) return dateLiteral(to);
  return `(SELECT max(order_date) FROM ${ident(fromCte)})`;
}

/** Columns that may serve as a grouping dimension of orders. */
export const ORDER_DIMENSIONS = [
  'category',
  'channel',
  'payment_method',
  'product',
  'region',
  'store',
] as const;
export type OrderDimension = (typeof ORDER_DIMENSIONS)[number];

export function dimensionColumn(dimension: OrderDimension): string {
  if (!(ORDER_DIMENSIONS as readonly string[]).includes(dimension)) {
    throw new Error(`unknown order dimension ${JSON.stringify(dimension)}`);
  }
  return ident(dimension);
}

/**
 * Whether the dataset records discounts at all (issue 12, item 9), decided once per dataset, never per
 * order: some order has a discount amount, or a list amount that differs from what was paid. When the
 * paid amount is computed from the unit price (no amount column, as in UCI Online Retail) list = paid on
 * every order, which says nothing about discounts: the discount features are then NULL ("not in the
 * data") instead of a full price and no promotion for everyone. `purchases`: the dataset's
 * canonical purchases (the whole table, whatever window a builder reads).
 */
export function discountKnownSql(purchases: string): string {
  return `EXISTS (SELECT 1 FROM ${ident(purchases)}
    WHERE discount_amount IS NOT NULL OR (list_amount > 0 AND gross_amount <> list_amount))`;
}

/**
 * Paid / list ratio of one order (折扣率: 0.8 = 20 % off = 8折, 1 = full price): gross / list when the
 * list amount is known and positive, else gross / (gross + discount) when the discount is known, else
 * NULL; NULL on every order when the dataset records no discounts (discountKnownSql). Capped at 1:
 * paying more than list means shipping or fees, treated as full price.
 */
export function paidRatioSql(purchases: string): string {
  return `CASE WHEN ${discountKnownSql(purchases)} THEN CASE
    WHEN list_amount > 0 AND gross_amount IS NOT NULL THEN least(1.0, gross_amount::DOUBLE / list_amount::DOUBLE)
    WHEN discount_amount IS NOT NULL AND gross_amount + discount_amount > 0
      THEN least(1.0, gross_amount::DOUBLE / (gross_amount + discount_amount)::DOUBLE)
  END END`;
}

/**
 * Whether an order was bought on promotion: paid below list, or a positive discount; NULL when
 * unknown, and on every order when the dataset records no discounts (discountKnownSql).
 */
export function onPromoSql(purchases: string): string {
  return `CASE WHEN ${discountKnownSql(purchases)} THEN CASE
    WHEN list_amount > 0 AND gross_amount IS NOT NULL THEN gross_amount < list_amount
    WHEN discount_amount IS NOT NULL THEN discount_amount > 0
  END END`;
}

/** Share of orders on promotion among those whose status is known (NULL when none is). */
export function promoShareSql(purchases: string): string {
  const promo = onPromoSql(purchases);
  return `avg(CASE WHEN ${promo} THEN 1.0 WHEN NOT ${promo} THEN 0.0 END)`;
}

/** Check that numeric edges are finite and strictly ascending (a programmer's error otherwise). */
export function checkAscending(name: string, edges: readonly number[]): void {
  if (edges.length === 0) throw new Error(`${name}: at least one edge is needed`);
  for (let i = 0; i < edges.length; i++) {
    if (!Number.isFinite(edges[i])) throw new Error(`${name}: non-finite edge ${edges[i]}`);
    if (i > 0 && edges[i]! <= edges[i - 1]!)
      throw new Error(`${name}: edges must ascend, got ${edges.join(',')}`);
  }
}

/**
 * A VALUES table `(bin_index, bin_lower, bin_upper)` from ascending lower edges; the last bin is open
 * (bin_upper NULL). Bin i holds lower_i <= x < lower_{i+1}.
 */
export function binsValuesSql(edges: readonly number[]): string {
  checkAscending('bins', edges);
  const rows = edges.map((lo, i) => {
    const hi = edges[i + 1];
    return `(${i}, ${lo}::DOUBLE, ${hi === undefined ? 'NULL' : `${hi}::DOUBLE`})`;
  });
  return `SELECT * FROM (VALUES ${rows.join(', ')}) AS b(bin_index, bin_lower, bin_upper)`;
}

/** Index of the bin holding `x` (values below the first edge fall in bin 0). */
export function binIndexSql(x: string, edges: readonly number[]): string {
  checkAscending('bins', edges);
  const steps = edges.slice(1).map((e) => `CASE WHEN ${x} >= ${e} THEN 1 ELSE 0 END`);
  return steps.length === 0 ? '0' : `(${steps.join(' + ')})`;
}
