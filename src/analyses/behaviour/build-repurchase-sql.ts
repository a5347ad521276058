/** Repurchase and second-purchase rates (issue 6), on purchase days (same-day orders merged). */
import { literal } from '../../sql/quote.ts';
import { asOfSql, mergeDays, scopedPurchasesSql, type PurchaseScope } from './scope.ts';

/**
 * One row: customers (with a purchase in the scope), repeat_customers (≥ 2 purchase days in the
 * scope), repurchase_rate (repeat / customers, NULL when there are no customers).
 */
export function buildRepurchaseRateSql(scope: PurchaseScope): string {
  return `WITH scoped AS (${scopedPurchasesSql(scope)}),
  per_customer AS (SELECT customer_id, count(${mergeDays(scope.purchaseUnit)} order_date) AS purchase_days FROM scoped GROUP BY customer_id)
SELECT count(*) AS customers,
  count(*) FILTER (WHERE purchase_days >= 2) AS repeat_customers,
  (count(*) FILTER (WHERE purchase_days >= 2))::DOUBLE / nullif(count(*), 0) AS repurchase_rate
FROM per_customer`;
}

export interface SecondPurchaseOptions extends PurchaseScope {
  /** Windows in days after the first purchase; default 30, 60, 90. */
  withinDays?: readonly number[];
  /** Observation end (YYYY-MM-DD); default the window's `to`, else the last order_date. */
  asOf?: string;
}

/**
 * Second-purchase rate within N days of the first purchase day (first = first in the scope). One row
 * per N: within_days, customers (all first-time buyers), eligible_customers (first purchase at least
 * N days before as-of, so the whole window is observed), second_purchasers (eligible customers whose
 * second purchase day is ≤ N days after the first, inclusive), second_purchase_rate
 * (second_purchasers / eligible_customers).
 */
export function buildSecondPurchaseSql(options: SecondPurchaseOptions): string {
  const within = options.withinDays ?? [30, 60, 90];
  if (within.length === 0) throw new Error('second purchase: withinDays is empty');
  for (const d of within) {
    if (!Number.isInteger(d) || d < 0) throw new Error(`second purchase: bad window ${d}`);
  }
  return `WITH scoped AS (${scopedPurchasesSql(options)}),
  params AS (SELECT ${asOfSql('scoped', options.asOf, options.to)} AS as_of),
  ranked AS (
    SELECT customer_id, order_date AS purchase_day,
      row_number() OVER (PARTITION BY customer_id ORDER BY order_date) AS n
    FROM (SELECT ${mergeDays(options.purchaseUnit)} customer_id, order_date FROM scoped)
  ),
  firsts AS (
    SELECT customer_id,
      max(purchase_day) FILTER (WHERE n = 1) AS first_day,
      max(purchase_day) FILTER (WHERE n = 2) AS second_day
    FROM ranked GROUP BY customer_id
  ),
  windows AS (SELECT * FROM (VALUES ${within.map((d) => `(${literal(d)})`).join(', ')}) AS w(within_days))
SELECT w.within_days,
  count(f.customer_id) AS customers,
  count(f.customer_id) FILTER (WHERE f.first_day + w.within_days <= params.as_of) AS eligible_customers,
  count(f.customer_id) FILTER (WHERE f.first_day + w.within_days <= params.as_of
    AND f.second_day - f.first_day <= w.within_days) AS second_purchasers,
  (count(f.customer_id) FILTER (WHERE f.first_day + w.within_days <= params.as_of
    AND f.second_day - f.first_day <= w.within_days))::DOUBLE
    / nullif(count(f.customer_id) FILTER (WHERE f.first_day + w.within_days <= params.as_of), 0) AS second_purchase_rate
FROM windows w CROSS JOIN params LEFT JOIN firsts f ON TRUE
GROUP BY w.within_days
ORDER BY w.within_days`;
}
