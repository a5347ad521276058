/**
 * Overview queries over the materialised `rfm_customers` table (issue 4 "Views"): segment summary,
 * R×F heatmap, per-cell counts (live segment-editor counts), distributions, Pareto curve and the
 * revenue concentration headline. Each is one cheap SELECT.
 */
import { ident, literal } from '../../sql/quote.ts';
import { dimensionValueSql } from './build-cut-points-sql.ts';
import type { RfmLocale } from './build-rfm-sql.ts';
import { OTHER_LABEL } from './presets.ts';
import { OTHER_SEGMENT, type RfmDimension, type RfmSegment } from './rfm-config.ts';
import { RFM_CUSTOMERS } from '../../ingest/tables.ts';

const DEFAULT_CUSTOMERS = RFM_CUSTOMERS;

/**
 * One row per configured segment (rule order) then `other`, including empty ones: segment,
 * segment_label, customers, orders (sum of frequency), revenue (net, window), customer_share,
 * revenue_share (NULL when total revenue is 0), avg_monetary, aov (revenue / orders),
 * avg_recency_days, avg_frequency. Shares are fractions 0..1.
 */
export function buildSegmentSummarySql(
  segments: readonly RfmSegment[],
  options: { customers?: string; locale?: RfmLocale } = {},
): string {
  const locale = options.locale ?? 'zh-CN';
  const defs = [
    ...segments.map((s, i) => `(${i + 1}, ${literal(s.id)}, ${literal(s.label[locale])})`),
    `(${segments.length + 1}, ${literal(OTHER_SEGMENT)}, ${literal(OTHER_LABEL[locale])})`,
  ];
  return `WITH defs AS (SELECT * FROM (VALUES ${defs.join(', ')}) AS d(ord, segment, segment_label)),
  per_segment AS (
    SELECT segment, count(*) AS customers, sum(frequency) AS orders, sum(revenue) AS revenue,
      avg(monetary::DOUBLE) AS avg_monetary, avg(recency_days::DOUBLE) AS avg_recency_days,
      avg(frequency::DOUBLE) AS avg_frequency
    FROM ${ident(options.customers ?? DEFAULT_CUSTOMERS)} GROUP BY segment
  ),
  totals AS (SELECT sum(customers) AS customers, sum(revenue) AS revenue FROM per_segment)
SELECT d.segment, d.segment_label,
  coalesce(s.customers, 0) AS customers,
  coalesce(s.orders, 0) AS orders,
  CAST(coalesce(s.revenue, 0) AS DECIMAL(18,2)) AS revenue,
  coalesce(s.customers, 0)::DOUBLE / nullif(t.customers, 0) AS customer_share,
  coalesce(s.revenue, 0)::DOUBLE / nullif(t.revenue, 0)::DOUBLE AS revenue_share,
  s.avg_monetary,
  s.revenue::DOUBLE / nullif(s.orders, 0) AS aov,
  s.avg_recency_days,
  s.avg_frequency
FROM defs d CROSS JOIN totals t LEFT JOIN per_segment s USING (segment)
ORDER BY d.ord`;
}

/** Non-empty R×F cells: r_score, f_score, customers, avg_monetary. */
export function buildRfHeatmapSql(options: { customers?: string } = {}): string {
  return `SELECT r_score, f_score, count(*) AS customers, avg(monetary::DOUBLE) AS avg_monetary
FROM ${ident(options.customers ?? DEFAULT_CUSTOMERS)}
GROUP BY r_score, f_score ORDER BY r_score, f_score`;
}

/**
 * Non-empty R×F×M cells: r_score, f_score, m_score, rfm_code, customers, orders, revenue. Feed to
 * segmentCountsFromCells() for live counts while rules are edited.
 */
export function buildCodeCountsSql(options: { customers?: string } = {}): string {
  return `SELECT r_score, f_score, m_score, rfm_code, count(*) AS customers, sum(frequency) AS orders,
  sum(revenue)::DOUBLE AS revenue
FROM ${ident(options.customers ?? DEFAULT_CUSTOMERS)}
GROUP BY r_score, f_score, m_score, rfm_code ORDER BY rfm_code`;
}

/** One row: customers (all), other_customers (matched no rule), other_share. */
export function buildOtherCountSql(options: { customers?: string } = {}): string {
  return `SELECT count(*) AS customers, count(*) FILTER (WHERE segment = ${literal(OTHER_SEGMENT)}) AS other_customers,
  (count(*) FILTER (WHERE segment = ${literal(OTHER_SEGMENT)}))::DOUBLE / nullif(count(*), 0) AS other_share
FROM ${ident(options.customers ?? DEFAULT_CUSTOMERS)}`;
}

export interface DistributionOptions {
  customers?: string;
  /** Number of bins (default 20). */
  bins?: number;
  /** Values above this quantile share the last, open-ended bin (default 0.99; 1 = no clipping). */
  clip?: number;
}

/**
 * Histogram of one dimension's raw values: bin_index (0-based), bin_lower, bin_upper (bin holds
 * bin_lower ≤ x < bin_upper), open_ended (the last bin also holds every value ≥ bin_upper, when
 * clipped), customers. Recency and frequency use whole-number bin widths. Empty bins are omitted.
 */
export function buildDistributionSql(dimension: RfmDimension, options: DistributionOptions = {}): string {
  const bins = options.bins ?? 20;
  const clip = options.clip ?? 0.99;
  if (!Number.isInteger(bins) || bins < 1 || bins > 200)
    throw new Error(`distribution: bad bin count ${bins}`);
  if (!(clip > 0 && clip <= 1)) throw new Error(`distribution: clip must be in (0, 1], got ${clip}`);
  const integral = dimension !== 'm';
  const width = integral
    ? `greatest(1, ceil((hi - lo + 1) / ${bins}))`
    : `CASE WHEN hi > lo THEN (hi - lo) / ${bins} ELSE 1 END`;
  return `WITH vals AS (SELECT ${dimensionValueSql(dimension)} AS x FROM ${ident(options.customers ?? DEFAULT_CUSTOMERS)}),
  range_ AS (SELECT min(x) AS lo, quantile_disc(x, ${literal(clip)}) AS hi, max(x) AS mx FROM vals),
  spec AS (SELECT lo, hi, mx, ${width} AS w FROM range_),
  binned AS (SELECT least(${bins - 1}, floor((x - lo) / w))::INTEGER AS bin_index FROM vals CROSS JOIN spec)
SELECT bin_index, lo + bin_index * w AS bin_lower, lo + (bin_index + 1) * w AS bin_upper,
  (bin_index = ${bins - 1} AND mx >= lo + ${bins} * w) AS open_ended, count(*) AS customers
FROM binned CROSS JOIN spec
GROUP BY bin_index, lo, w, mx ORDER BY bin_index`;
}

/**
 * Pareto curve: customers sorted by revenue (desc, ties by customer_id), point 0 = (0, 0), then
 * at most `maxPoints` evenly spaced ranks including the last: point, customer_share,
 * revenue_share (cumulative fractions; NULL revenue_share when total revenue is 0).
 */
export function buildParetoSql(options: { customers?: string; maxPoints?: number } = {}): string {
  const maxPoints = options.maxPoints ?? 200;
  if (!Number.isInteger(maxPoints) || maxPoints < 3)
    throw new Error(`pareto: maxPoints must be ≥ 3, got ${maxPoints}`);
  const steps = maxPoints - 1;
  return `WITH ranked AS (
    SELECT row_number() OVER (ORDER BY revenue DESC, customer_id) AS rn,
      sum(revenue) OVER (ORDER BY revenue DESC, customer_id ROWS UNBOUNDED PRECEDING) AS cum_revenue
    FROM ${ident(options.customers ?? DEFAULT_CUSTOMERS)}
  ),
  totals AS (SELECT count(*) AS n, sum(revenue) AS revenue FROM ${ident(options.customers ?? DEFAULT_CUSTOMERS)}),
  picked AS (
    SELECT rn, cum_revenue FROM ranked CROSS JOIN totals
    WHERE rn % greatest(1, ceil(totals.n / ${steps})::BIGINT) = 0 OR rn = totals.n
  )
SELECT 0 AS point, 0.0::DOUBLE AS customer_share, 0.0::DOUBLE AS revenue_share
UNION ALL
SELECT rn AS point, rn::DOUBLE / totals.n AS customer_share, cum_revenue::DOUBLE / nullif(totals.revenue, 0)::DOUBLE
FROM picked CROSS JOIN totals
ORDER BY point`;
}

/**
 * Revenue concentration ("15% of customers bring 50% of revenue"): one row per target revenue
 * share: revenue_share_target, customers_needed, customer_share (smallest share of top customers
 * whose revenue reaches the target); NULL when total revenue is not positive.
 */
export function buildConcentrationSql(
  options: { customers?: string; targets?: readonly number[] } = {},
): string {
  const targets = options.targets ?? [0.5, 0.8];
  for (const t of targets) if (!(t > 0 && t <= 1)) throw new Error(`concentration: bad target ${t}`);
  const table = ident(options.customers ?? DEFAULT_CUSTOMERS);
  return `WITH ranked AS (
    SELECT row_number() OVER (ORDER BY revenue DESC, customer_id) AS rn,
      sum(revenue) OVER (ORDER BY revenue DESC, customer_id ROWS UNBOUNDED PRECEDING)::DOUBLE AS cum_revenue
    FROM ${table}
  ),
  totals AS (SELECT count(*) AS n, sum(revenue)::DOUBLE AS revenue FROM ${table}),
  targets AS (SELECT * FROM (VALUES ${targets.map((t) => `(${literal(t)}::DOUBLE)`).join(', ')}) AS v(target))
SELECT g.target AS revenue_share_target,
  CASE WHEN t.revenue > 0 THEN min(r.rn) FILTER (WHERE r.cum_revenue >= g.target * t.revenue) END AS customers_needed,
  CASE WHEN t.revenue > 0 THEN min(r.rn) FILTER (WHERE r.cum_revenue >= g.target * t.revenue)::DOUBLE / t.n END AS customer_share
FROM targets g CROSS JOIN totals t LEFT JOIN ranked r ON TRUE
GROUP BY g.target, t.revenue, t.n ORDER BY g.target`;
}
