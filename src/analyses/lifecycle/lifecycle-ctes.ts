/**
 * CTEs shared by the lifecycle builders (issue 6). Purchases after as-of are ignored; purchase days
 * are distinct (customer, order_date) as everywhere in behaviour analyses.
 *
 * Lost: a customer is lost on day `d + N` when they bought on day `d` and not again up to and
 * including `d + N` (N days idle, N = lostDays). A lost event is counted when `d + N <= as_of`.
 * Reactivated: a purchase more than N days after the previous one (the customer had been lost).
 */
import { dateLiteral, ident, literal } from '../../sql/quote.ts';
import { mergeDays, type PurchaseUnit } from '../behaviour/scope.ts';

export interface LifecycleScope {
  purchases: string;
  /** Observation end (YYYY-MM-DD); default the last order_date. Later purchases are ignored. */
  asOf?: string;
  /** What one purchase is (behaviour/scope.ts PurchaseScope.purchaseUnit); default purchase days. */
  purchaseUnit?: PurchaseUnit | undefined;
}

export function checkDays(name: string, days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > 36_500)
    throw new Error(`${name}: expected whole days ≥ 1, got ${days}`);
  return days;
}

/** `params(as_of)`, `src` (purchases up to as-of) and `days(customer_id, purchase_day, prev_day, next_day)`. */
export function purchaseDaysCtes(scope: LifecycleScope): string {
  const asOf =
    scope.asOf !== undefined
      ? dateLiteral(scope.asOf)
      : `(SELECT max(order_date) FROM ${ident(scope.purchases)})`;
  return `params AS (SELECT ${asOf} AS as_of),
  src AS (SELECT p.* FROM ${ident(scope.purchases)} p, params WHERE p.order_date <= params.as_of),
  days AS (
    SELECT customer_id, purchase_day,
      lag(purchase_day) OVER w AS prev_day, lead(purchase_day) OVER w AS next_day
    FROM (SELECT ${mergeDays(scope.purchaseUnit)} customer_id, order_date AS purchase_day FROM src)
    WINDOW w AS (PARTITION BY customer_id ORDER BY purchase_day)
  )`;
}

/** `lost(customer_id, last_day, lost_day)`: one row per lost event up to as-of (needs purchaseDaysCtes). */
export function lostEventsCte(lostDays: number): string {
  const n = literal(checkDays('lostDays', lostDays));
  return `lost AS (
    SELECT customer_id, purchase_day AS last_day, purchase_day + ${n} AS lost_day
    FROM days, params
    WHERE (next_day IS NULL OR next_day - purchase_day > ${n}) AND purchase_day + ${n} <= params.as_of
  )`;
}
