/**
 * Revenue decomposition by period (issue 6): revenue, orders, customers and AOV per day / week
 * (Monday) / month / quarter, optionally split by channel, category or segment, with
 * period-over-period and year-over-year change.
 */
import { ident } from '../../sql/quote.ts';
import { scopedPurchasesSql, type PurchaseScope } from '../behaviour/scope.ts';
import { periodSeriesSql, periodStartSql, yearAgoSql, type PeriodGrain } from './period.ts';

export type RevenueSplit = 'none' | 'channel' | 'category' | 'segment';

export interface RevenueByPeriodOptions extends PurchaseScope {
  grain: PeriodGrain;
  splitBy?: RevenueSplit;
  /** Table `(customer_id, segment)`; required for splitBy 'segment'. */
  segments?: string;
}

function groupExpr(options: RevenueByPeriodOptions): { expr: string; join: string } {
  const split = options.splitBy ?? 'none';
  if (split === 'none') return { expr: 'NULL::VARCHAR', join: '' };
  if (split === 'channel') return { expr: 'p.channel::VARCHAR', join: '' };
  if (split === 'category') return { expr: 'p.category::VARCHAR', join: '' };
  if (split === 'segment') {
    if (!options.segments) throw new Error('revenue by segment needs a segments table');
    return {
      expr: 's.segment::VARCHAR',
      join: `LEFT JOIN ${ident(options.segments)} s ON s.customer_id = p.customer_id`,
    };
  }
  throw new Error(`unknown revenue split ${JSON.stringify(split)}`);
}

const change = (cur: string, prev: string) => `(${cur} - ${prev})::DOUBLE / nullif(${prev}, 0)`;

/**
 * One row per period (every period between the first and last purchase or return, empty ones with
 * zeros) and group. Columns: period_start (DATE), group_key (NULL without a split, or for orders
 * without a value / customers without a segment), revenue (net: paid minus refunds, credit notes
 * of `returns` on their own dates included), gross_revenue, refunds, orders, customers,
 * aov (revenue / orders, NULL without orders), new_customers (first purchase in scope falls in this
 * period), new_customer_revenue, returning_customer_revenue, revenue_prev_period, revenue_pop_change,
 * orders_pop_change, customers_pop_change, aov_pop_change, revenue_prev_year, revenue_yoy_change,
 * orders_yoy_change, customers_yoy_change, aov_yoy_change. Changes are fractions (0.1 = +10 %), NULL
 * when the earlier value is 0 or outside the data. Year ago = same calendar period a year earlier
 * (52 weeks for weeks). Sorted by period_start, group_key.
 */
export function buildRevenueByPeriodSql(options: RevenueByPeriodOptions): string {
  const g = groupExpr(options);
  const grain = options.grain;
  // Returns (issue 12, item 2) add money on their own dates but are neither orders nor customers.
  const returns = options.returns
    ? `\n    UNION ALL BY NAME SELECT *, FALSE AS is_order FROM (${scopedPurchasesSql({ ...options, purchases: options.returns })})`
    : '';
  return `WITH scoped AS (SELECT *, TRUE AS is_order FROM (${scopedPurchasesSql(options)})${returns}),
  firsts AS (SELECT customer_id, min(order_date) AS first_day FROM scoped WHERE is_order GROUP BY customer_id),
  tagged AS (
    SELECT ${periodStartSql(grain, 'p.order_date')} AS period_start, ${g.expr} AS group_key, p.customer_id,
      p.net_amount, p.gross_amount, p.refund_amount, p.is_order,
      coalesce(p.is_order AND ${periodStartSql(grain, 'f.first_day')} = ${periodStartSql(grain, 'p.order_date')}, FALSE) AS is_new
    FROM scoped p LEFT JOIN firsts f ON f.customer_id = p.customer_id ${g.join}
  ),
  periods AS (${periodSeriesSql(grain, '(SELECT min(order_date) FROM scoped)', '(SELECT max(order_date) FROM scoped)')}),
  groups AS (SELECT DISTINCT group_key FROM tagged),
  agg AS (
    SELECT period_start, group_key, sum(net_amount) AS revenue, sum(gross_amount) AS gross_revenue,
      sum(refund_amount) AS refunds, count(*) FILTER (WHERE is_order) AS orders,
      count(DISTINCT customer_id) FILTER (WHERE is_order) AS customers,
      count(DISTINCT customer_id) FILTER (WHERE is_new) AS new_customers,
      sum(net_amount) FILTER (WHERE is_new) AS new_customer_revenue,
      sum(net_amount) FILTER (WHERE NOT is_new) AS returning_customer_revenue
    FROM tagged GROUP BY ALL
  ),
  filled AS (
    SELECT p.period_start, g.group_key,
      coalesce(a.revenue, 0) AS revenue, coalesce(a.gross_revenue, 0) AS gross_revenue,
      coalesce(a.refunds, 0) AS refunds, coalesce(a.orders, 0) AS orders,
      coalesce(a.customers, 0) AS customers,
      (a.revenue / nullif(a.orders, 0))::DECIMAL(18,2) AS aov,
      coalesce(a.new_customers, 0) AS new_customers,
      coalesce(a.new_customer_revenue, 0) AS new_customer_revenue,
      coalesce(a.returning_customer_revenue, 0) AS returning_customer_revenue
    FROM periods p CROSS JOIN groups g
    LEFT JOIN agg a ON a.period_start = p.period_start AND a.group_key IS NOT DISTINCT FROM g.group_key
  ),
  with_prev AS (
    SELECT f.*,
      lag(f.revenue) OVER w AS revenue_prev_period, lag(f.orders) OVER w AS orders_prev_period,
      lag(f.customers) OVER w AS customers_prev_period, lag(f.aov) OVER w AS aov_prev_period,
      y.revenue AS revenue_prev_year, y.orders AS orders_prev_year,
      y.customers AS customers_prev_year, y.aov AS aov_prev_year
    FROM filled f
    LEFT JOIN filled y ON y.group_key IS NOT DISTINCT FROM f.group_key
      AND y.period_start = ${yearAgoSql(grain, 'f.period_start')}
    WINDOW w AS (PARTITION BY f.group_key ORDER BY f.period_start)
  )
SELECT period_start, group_key, revenue, gross_revenue, refunds, orders, customers, aov,
  new_customers, new_customer_revenue, returning_customer_revenue,
  revenue_prev_period,
  ${change('revenue', 'revenue_prev_period')} AS revenue_pop_change,
  ${change('orders', 'orders_prev_period')} AS orders_pop_change,
  ${change('customers', 'customers_prev_period')} AS customers_pop_change,
  ${change('aov', 'aov_prev_period')} AS aov_pop_change,
  revenue_prev_year,
  ${change('revenue', 'revenue_prev_year')} AS revenue_yoy_change,
  ${change('orders', 'orders_prev_year')} AS orders_yoy_change,
  ${change('customers', 'customers_prev_year')} AS customers_yoy_change,
  ${change('aov', 'aov_prev_year')} AS aov_yoy_change
FROM with_prev
ORDER BY period_start, group_key NULLS FIRST`;
}
