/** Cohort retention by first-purchase month or week (issue 6). */
import { ident } from '../../sql/quote.ts';
import { periodSeriesSql, periodStartSql } from '../revenue/period.ts';
import { purchaseDaysCtes, type LifecycleScope } from './lifecycle-ctes.ts';

export type CohortGrain = 'week' | 'month';

export interface CohortOptions extends LifecycleScope {
  grain?: CohortGrain;
  /**
   * The returns view (PlanContext.returns; issue 12 item 2): credit notes not matched to an order are
   * subtracted from their cohort's revenue in the period of their own date (a credit note dated
   * before the customer's first purchase counts in the cohort's own period), up to as-of.
   */
  returns?: string | undefined;
}

function periodIndexSql(grain: CohortGrain, cohort: string, period: string): string {
  if (grain === 'month') return `datediff('month', ${cohort}, ${period})`;
  if (grain === 'week') return `(datediff('day', ${cohort}, ${period}) // 7)`;
  throw new Error(`unknown cohort grain ${JSON.stringify(grain)}`);
}

/**
 * One row per cohort and period index from 0 to the period of as-of (empty periods with 0). A
 * customer's cohort is the month (or Monday week) of their first purchase. Columns: cohort (DATE,
 * first day of the cohort period), cohort_size, period_index (0 = the cohort's own period),
 * customers (cohort members who bought in that period), retention (customers / cohort_size),
 * revenue (net of refunds: matched ones inside the orders, unmatched credit notes of `returns` in the
 * period of their date), cumulative_revenue, cumulative_revenue_per_customer
 * (cumulative_revenue / cohort_size). Sorted by cohort, period_index.
 */
export function buildCohortsSql(options: CohortOptions): string {
  const grain = options.grain ?? 'month';
  if (grain !== 'month' && grain !== 'week') throw new Error(`unknown cohort grain ${JSON.stringify(grain)}`);
  return `WITH ${purchaseDaysCtes(options)},
  firsts AS (
    SELECT customer_id, ${periodStartSql(grain, 'min(order_date)')} AS cohort FROM src GROUP BY customer_id
  ),
  sizes AS (SELECT cohort, count(*) AS cohort_size FROM firsts GROUP BY cohort),
  cells AS (
    SELECT f.cohort, ${periodStartSql(grain, 's.order_date')} AS period_start,
      count(DISTINCT s.customer_id) AS customers, sum(s.net_amount) AS revenue
    FROM src s JOIN firsts f ON f.customer_id = s.customer_id
    GROUP BY ALL
  ),
  refunds AS (
    ${
      options.returns === undefined
        ? 'SELECT NULL::DATE AS cohort, NULL::DATE AS period_start, 0 AS refund WHERE false'
        : `SELECT f.cohort, greatest(f.cohort, ${periodStartSql(grain, 'r.order_date')}) AS period_start,
      sum(r.net_amount) AS refund
    FROM ${ident(options.returns)} r JOIN firsts f ON f.customer_id = r.customer_id, params
    WHERE r.is_return AND r.order_date <= params.as_of
    GROUP BY ALL`
    }
  ),
  grid AS (
    SELECT z.cohort, z.cohort_size, p.period_start
    FROM sizes z JOIN (${periodSeriesSql(grain, '(SELECT min(order_date) FROM src)', '(SELECT as_of FROM params)')}) p
      ON p.period_start >= z.cohort
  ),
  filled AS (
    SELECT g.cohort, g.cohort_size, ${periodIndexSql(grain, 'g.cohort', 'g.period_start')} AS period_index,
      coalesce(c.customers, 0) AS customers, coalesce(c.revenue, 0) + coalesce(rf.refund, 0) AS revenue
    FROM grid g LEFT JOIN cells c ON c.cohort = g.cohort AND c.period_start = g.period_start
      LEFT JOIN refunds rf ON rf.cohort = g.cohort AND rf.period_start = g.period_start
  )
SELECT cohort, cohort_size, period_index, customers,
  customers::DOUBLE / cohort_size AS retention,
  revenue,
  sum(revenue) OVER w AS cumulative_revenue,
  (sum(revenue) OVER w)::DOUBLE / cohort_size AS cumulative_revenue_per_customer
FROM filled
WINDOW w AS (PARTITION BY cohort ORDER BY period_index)
ORDER BY cohort, period_index`;
}
