/** Purchase time (issue 6): weekday × hour of order_time (wall-clock time as written in the file). */
import { scopedPurchasesSql, type PurchaseScope } from './scope.ts';

/**
 * The full 7 × 24 grid: weekday (ISO, 1 = Monday … 7 = Sunday), hour (0–23), orders, revenue; empty
 * cells carry 0. Sorted by weekday, hour.
 */
export function buildTimeHeatmapSql(scope: PurchaseScope): string {
  return `WITH scoped AS (${scopedPurchasesSql(scope)}),
  grid AS (SELECT w.weekday::INTEGER AS weekday, h.hour::INTEGER AS hour FROM range(1, 8) w(weekday), range(0, 24) h(hour)),
  cells AS (
    SELECT isodow(order_time)::INTEGER AS weekday, hour(order_time)::INTEGER AS hour,
      count(*) AS orders, sum(net_amount) AS revenue
    FROM scoped GROUP BY ALL
  )
SELECT g.weekday, g.hour, coalesce(c.orders, 0) AS orders, coalesce(c.revenue, 0) AS revenue
FROM grid g LEFT JOIN cells c ON c.weekday = g.weekday AND c.hour = g.hour
ORDER BY g.weekday, g.hour`;
}
