/**
 * Preferences (issue 6): each customer's shares of a dimension (category, channel, payment method…)
 * and the mix over all customers. A customer's preferred value is the one with most orders, then most
 * revenue, then the smallest value (so ties are reproducible). Orders with a NULL value are left out.
 */
import { ident } from '../../sql/quote.ts';
import { dimensionColumn, scopedPurchasesSql, type OrderDimension, type PurchaseScope } from './scope.ts';

export interface PreferenceOptions extends PurchaseScope {
  dimension: OrderDimension;
}

/**
 * CTE text ending in `<prefix>ranked(customer_id, value, orders, revenue, order_share, revenue_share,
 * rank)`, reading the CTE `source`. `prefix` lets several dimensions live in one query.
 */
export function rankedPreferenceCte(dimension: OrderDimension, source = 'scoped', prefix = ''): string {
  const col = dimensionColumn(dimension);
  if (!/^[a-z_]*$/.test(prefix)) throw new Error(`preference: bad CTE prefix ${JSON.stringify(prefix)}`);
  return `${prefix}per_value AS (
    SELECT customer_id, ${col}::VARCHAR AS value, count(*) AS orders, sum(net_amount) AS revenue
    FROM ${ident(source)} WHERE ${col} IS NOT NULL GROUP BY ALL
  ),
  ${prefix}ranked AS (
    SELECT customer_id, value, orders, revenue,
      orders::DOUBLE / sum(orders) OVER (PARTITION BY customer_id) AS order_share,
      revenue::DOUBLE / nullif(sum(revenue) OVER (PARTITION BY customer_id), 0) AS revenue_share,
      row_number() OVER (PARTITION BY customer_id ORDER BY orders DESC, revenue DESC, value) AS rank
    FROM ${prefix}per_value
  )`;
}

/**
 * Per customer and value: customer_id, value, orders, revenue, order_share (of the customer's orders
 * with a value), revenue_share (NULL when the customer's revenue is 0), rank (1 = preferred). With
 * `top`, only ranks ≤ top. Sorted by customer_id, rank.
 */
export function buildCustomerPreferenceSql(options: PreferenceOptions & { top?: number }): string {
  const top = options.top;
  if (top !== undefined && (!Number.isInteger(top) || top < 1)) throw new Error(`preference: bad top ${top}`);
  return `WITH scoped AS (${scopedPurchasesSql(options)}),
  ${rankedPreferenceCte(options.dimension)}
SELECT customer_id, value, orders, revenue, order_share, revenue_share, rank
FROM ranked${top === undefined ? '' : ` WHERE rank <= ${top}`}
ORDER BY customer_id, rank`;
}

/**
 * The mix over all customers, one row per value: value, orders, customers (who bought it), revenue,
 * order_share, revenue_share (of all orders / revenue with a value), preferring_customers (customers
 * whose preferred value it is), preferring_share (of customers with any value). Sorted by orders
 * descending, then value.
 */
export function buildPreferenceMixSql(options: PreferenceOptions): string {
  return `WITH scoped AS (${scopedPurchasesSql(options)}),
  ${rankedPreferenceCte(options.dimension)}
SELECT value,
  sum(orders) AS orders,
  count(*) AS customers,
  sum(revenue) AS revenue,
  sum(orders)::DOUBLE / sum(sum(orders)) OVER () AS order_share,
  sum(revenue)::DOUBLE / nullif(sum(sum(revenue)) OVER (), 0) AS revenue_share,
  count(*) FILTER (WHERE rank = 1) AS preferring_customers,
  (count(*) FILTER (WHERE rank = 1))::DOUBLE / sum(count(*) FILTER (WHERE rank = 1)) OVER () AS preferring_share
FROM ranked
GROUP BY value
ORDER BY orders DESC, value`;
}
