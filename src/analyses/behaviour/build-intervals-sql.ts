/**
 * Inter-purchase intervals (issue 6): the days between a customer's consecutive purchase days,
 * overall, per category (repurchase cycle of the same category) or per segment.
 */
import { ident } from '../../sql/quote.ts';
import { binIndexSql, binsValuesSql, mergeDays, scopedPurchasesSql, type PurchaseScope } from './scope.ts';

export type IntervalGrouping = 'overall' | 'category' | 'segment';

export interface IntervalOptions extends PurchaseScope {
  groupBy?: IntervalGrouping;
  /** Table `(customer_id, segment)`, one row per customer; required when groupBy is 'segment'. */
  segments?: string;
}

/** Default histogram edges (lower bounds, days): 1–7, 8–14, 15–30, 31–60, 61–90, 91–180, 181–365, 366+. */
export const DEFAULT_INTERVAL_BINS = [1, 8, 15, 31, 61, 91, 181, 366] as const;

/**
 * CTE text ending in `intervals(customer_id, group_key, purchase_day, interval_days)`: one row per
 * purchase day after the customer's first (within the group). Per category, the interval runs from
 * one purchase day of that category to the next purchase day of the same category; orders without a
 * category are left out. Per segment, customers missing from the segment table are left out.
 */
export function intervalsCte(options: IntervalOptions): string {
  const groupBy = options.groupBy ?? 'overall';
  const d = mergeDays(options.purchaseUnit);
  let days: string;
  if (groupBy === 'overall') {
    days = `SELECT ${d} customer_id, NULL::VARCHAR AS group_key, order_date AS purchase_day FROM scoped`;
  } else if (groupBy === 'category') {
    days = `SELECT ${d} customer_id, category::VARCHAR AS group_key, order_date AS purchase_day
      FROM scoped WHERE category IS NOT NULL`;
  } else if (groupBy === 'segment') {
    if (!options.segments) throw new Error('intervals by segment need a segments table');
    days = `SELECT ${d} p.customer_id, s.segment::VARCHAR AS group_key, p.order_date AS purchase_day
      FROM scoped p JOIN ${ident(options.segments)} s ON s.customer_id = p.customer_id`;
  } else {
    throw new Error(`unknown interval grouping ${JSON.stringify(groupBy)}`);
  }
  return `scoped AS (${scopedPurchasesSql(options)}),
  purchase_days AS (${days}),
  intervals AS (
    SELECT customer_id, group_key, purchase_day,
      purchase_day - lag(purchase_day) OVER (PARTITION BY customer_id, group_key ORDER BY purchase_day) AS interval_days
    FROM purchase_days
  )`;
}

/**
 * Interval statistics per group. Columns: group_key (NULL for overall), customers (customers with at
 * least one interval), intervals (number of intervals, pooled over customers), avg_interval_days,
 * p25_days, median_days, p75_days, p90_days (linear interpolation, `quantile_cont`). Groups without
 * any interval are absent. Sorted by group_key.
 */
export function buildIntervalStatsSql(options: IntervalOptions): string {
  return `WITH ${intervalsCte(options)}
SELECT group_key,
  count(DISTINCT customer_id) AS customers,
  count(*) AS intervals,
  avg(interval_days)::DOUBLE AS avg_interval_days,
  quantile_cont(interval_days, 0.25)::DOUBLE AS p25_days,
  quantile_cont(interval_days, 0.5)::DOUBLE AS median_days,
  quantile_cont(interval_days, 0.75)::DOUBLE AS p75_days,
  quantile_cont(interval_days, 0.9)::DOUBLE AS p90_days
FROM intervals
WHERE interval_days IS NOT NULL
GROUP BY group_key
ORDER BY group_key NULLS FIRST`;
}

/**
 * Distribution of inter-purchase days. `bins` are ascending lower edges in days (bin i holds
 * lower_i <= days < lower_{i+1}; the last bin is open). Columns: group_key, bin_index, bin_lower,
 * bin_upper (exclusive, NULL for the open bin), intervals, share (of the group's intervals). Every
 * bin of every group that has intervals is present, empty bins with 0.
 */
export function buildIntervalHistogramSql(options: IntervalOptions & { bins?: readonly number[] }): string {
  const bins = options.bins ?? DEFAULT_INTERVAL_BINS;
  return `WITH ${intervalsCte(options)},
  bins AS (${binsValuesSql(bins)}),
  binned AS (
    SELECT group_key, ${binIndexSql('interval_days', bins)} AS bin_index
    FROM intervals WHERE interval_days IS NOT NULL
  ),
  groups AS (SELECT DISTINCT group_key FROM binned),
  counts AS (SELECT group_key, bin_index, count(*) AS intervals FROM binned GROUP BY ALL)
SELECT g.group_key, b.bin_index, b.bin_lower, b.bin_upper,
  coalesce(c.intervals, 0) AS intervals,
  coalesce(c.intervals, 0) / sum(coalesce(c.intervals, 0)) OVER (PARTITION BY g.group_key) AS share
FROM groups g CROSS JOIN bins b
LEFT JOIN counts c ON c.group_key IS NOT DISTINCT FROM g.group_key AND c.bin_index = b.bin_index
ORDER BY g.group_key NULLS FIRST, b.bin_index`;
}
