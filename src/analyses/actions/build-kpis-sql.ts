/**
 * Named KPIs an action can watch (issue 17, "Action plan"): a few numbers computed from the RFM
 * customer table, so an action's baseline can be compared with the value after the data is refreshed.
 *
 *   rfm.customers          customers with a purchase on or before the RFM as-of day
 *   revenue.total          their net revenue in the RFM window (returns netted, as RFM revenue)
 *   rfm.repurchase_rate    share of those customers with 2+ purchases in the window (0..1)
 *   rfm.aov                revenue / purchases in the window (average order value)
 *   rfm.segment.<id>       customers in one RFM segment
 *
 * Output of `buildKpisSql`: rows (kpi VARCHAR, value DOUBLE). `buildPeriodSql`: one row
 * (first_day, last_day) of the purchases, as YYYY-MM-DD text.
 */
import { ident, literal } from '../../sql/quote.ts';

export const BASE_KPIS = ['rfm.customers', 'revenue.total', 'rfm.repurchase_rate', 'rfm.aov'] as const;
export type BaseKpi = (typeof BASE_KPIS)[number];
export const SEGMENT_KPI_PREFIX = 'rfm.segment.';

/** The KPI rows over the RFM customer table (`rfm_customers`); every segment id listed gets a row. */
export function buildKpisSql(customers: string, segmentIds: readonly string[]): string {
  const t = ident(customers);
  const segments = segmentIds.map(
    (id) =>
      `SELECT ${literal(SEGMENT_KPI_PREFIX + id)} AS kpi, count(*) FILTER (WHERE segment = ${literal(id)})::DOUBLE AS value FROM ${t}`,
  );
  return [
    `SELECT 'rfm.customers' AS kpi, count(*)::DOUBLE AS value FROM ${t}`,
    `SELECT 'revenue.total' AS kpi, coalesce(sum(revenue), 0)::DOUBLE AS value FROM ${t}`,
    `SELECT 'rfm.repurchase_rate' AS kpi, (count(*) FILTER (WHERE frequency >= 2) / nullif(count(*), 0))::DOUBLE AS value FROM ${t}`,
    `SELECT 'rfm.aov' AS kpi, (sum(revenue) / nullif(sum(frequency), 0))::DOUBLE AS value FROM ${t}`,
    ...segments,
  ].join('\nUNION ALL\n');
}

/** The first and last purchase day of the analysed purchases (the report's data period). */
export function buildPeriodSql(purchases: string): string {
  return `SELECT strftime(min(order_date), '%Y-%m-%d') AS first_day, strftime(max(order_date), '%Y-%m-%d') AS last_day
FROM ${ident(purchases)} WHERE is_purchase`;
}
