/** Price sensitivity (issue 6): discount rate, promotion share and AOV bands. */
import {
  binIndexSql,
  binsValuesSql,
  onPromoSql,
  paidRatioSql,
  scopedPurchasesSql,
  type PurchaseScope,
} from './scope.ts';

/** Default AOV band lower edges: 0–100, 100–500, 500+. */
export const DEFAULT_AOV_BANDS = [0, 100, 500] as const;

/**
 * One row over all orders in scope: orders, priced_orders (orders whose paid/list ratio is known),
 * avg_discount_rate (mean paid/list ratio over priced orders: 0.8 = 20 % off, see paidRatioSql),
 * promo_orders, promo_order_share (promo orders / orders whose promotion status is known), revenue,
 * aov (revenue / orders, DECIMAL(18,2)). When the dataset records no discounts (discountKnownSql)
 * priced_orders and promo_orders are 0 and both rates NULL: "not in the data".
 */
export function buildPriceSensitivitySql(scope: PurchaseScope): string {
  return `WITH scoped AS (${scopedPurchasesSql(scope)}),
  priced AS (
    SELECT net_amount, ${paidRatioSql(scope.purchases)} AS paid_ratio, ${onPromoSql(scope.purchases)} AS on_promo
    FROM scoped
  )
SELECT count(*) AS orders,
  count(paid_ratio) AS priced_orders,
  avg(paid_ratio) AS avg_discount_rate,
  count(*) FILTER (WHERE on_promo) AS promo_orders,
  (count(*) FILTER (WHERE on_promo))::DOUBLE / nullif(count(on_promo), 0) AS promo_order_share,
  sum(net_amount) AS revenue,
  (sum(net_amount) / nullif(count(*), 0))::DECIMAL(18,2) AS aov
FROM priced`;
}

/**
 * Customers by AOV band (customer AOV = their revenue / their orders). `bands` are ascending lower
 * edges; band i holds lower_i <= aov < lower_{i+1}, the last band is open, values below the first
 * edge count in band 0. Columns: band_index, band_lower, band_upper (NULL for the open band),
 * customers, orders, revenue, customer_share. Every band is present.
 */
export function buildAovBandsSql(options: PurchaseScope & { bands?: readonly number[] }): string {
  const bands = options.bands ?? DEFAULT_AOV_BANDS;
  return `WITH scoped AS (${scopedPurchasesSql(options)}),
  per_customer AS (
    SELECT customer_id, count(*) AS orders, sum(net_amount) AS revenue,
      sum(net_amount)::DOUBLE / count(*) AS aov
    FROM scoped GROUP BY customer_id
  ),
  bins AS (${binsValuesSql(bands)}),
  banded AS (SELECT *, ${binIndexSql('aov', bands)} AS bin_index FROM per_customer),
  counts AS (
    SELECT bin_index, count(*) AS customers, sum(orders) AS orders, sum(revenue) AS revenue
    FROM banded GROUP BY bin_index
  )
SELECT b.bin_index AS band_index, b.bin_lower AS band_lower, b.bin_upper AS band_upper,
  coalesce(c.customers, 0) AS customers,
  coalesce(c.orders, 0) AS orders,
  coalesce(c.revenue, 0) AS revenue,
  coalesce(c.customers, 0)::DOUBLE / nullif(sum(coalesce(c.customers, 0)) OVER (), 0) AS customer_share
FROM bins b LEFT JOIN counts c ON c.bin_index = b.bin_index
ORDER BY b.bin_index`;
}

/** Human label of a band from its edges: `0–100`, `500+` (locale-neutral, for exports). */
export function bandLabel(lower: number, upper: number | null): string {
  return upper === null ? `${lower}+` : `${lower}–${upper}`;
}
