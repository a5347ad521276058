/** Category × segment matrix (issue 6), for the revenue heatmap. */
import { ident } from '../../sql/quote.ts';
import { scopedPurchasesSql, type PurchaseScope } from '../behaviour/scope.ts';

/**
 * One row per (category, segment) pair with orders: category (NULL = orders without one), segment
 * (NULL = customers missing from the segment table), revenue, orders, customers, revenue_share (of
 * all revenue in scope), segment_revenue_share (of the segment's revenue). Sorted by category, segment.
 */
export function buildCategorySegmentMatrixSql(options: PurchaseScope & { segments: string }): string {
  return `WITH scoped AS (${scopedPurchasesSql(options)}),
  cells AS (
    SELECT p.category::VARCHAR AS category, s.segment::VARCHAR AS segment,
      sum(p.net_amount) AS revenue, count(*) AS orders, count(DISTINCT p.customer_id) AS customers
    FROM scoped p LEFT JOIN ${ident(options.segments)} s ON s.customer_id = p.customer_id
    GROUP BY ALL
  )
SELECT category, segment, revenue, orders, customers,
  revenue::DOUBLE / nullif(sum(revenue) OVER (), 0) AS revenue_share,
  revenue::DOUBLE / nullif(sum(revenue) OVER (PARTITION BY segment), 0) AS segment_revenue_share
FROM cells
ORDER BY category NULLS LAST, segment NULLS LAST`;
}
