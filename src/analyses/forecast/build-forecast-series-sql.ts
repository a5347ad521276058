/**
 * The history a demand forecast is fitted on (issue 16): one value per complete period and series,
 * gaps filled with 0, from the first purchase's period to the last complete one (a period the data
 * ends inside would look like a drop, so it is left out).
 */
import { ident } from '../../sql/quote.ts';
import { periodIntervalSql, periodSeriesSql, periodStartSql } from '../revenue/period.ts';
import type { ForecastConfig } from './forecast-config.ts';

const MEASURE = {
  revenue: 'sum(net_amount)::DOUBLE',
  orders: 'count(DISTINCT order_id)::DOUBLE',
  units: 'sum(quantity)::DOUBLE',
} as const;

const SERIES = {
  none: `'all'`,
  category: `coalesce(nullif(trim(category::VARCHAR), ''), '(unknown)')`,
  channel: `coalesce(nullif(trim(channel::VARCHAR), ''), '(unknown)')`,
} as const;

/**
 * Rows: series (text; 'all' without a split, '(unknown)' for purchases without a value), period_start
 * (YYYY-MM-DD), value (DOUBLE), plus last_day (the data's last purchase day) on every row. Only the
 * `maxSeries` largest series by revenue. Sorted by series, period_start.
 */
export function buildForecastSeriesSql(purchases: string, c: ForecastConfig): string {
  const grain = c.grain;
  return `WITH p AS (
    SELECT ${periodStartSql(grain, 'order_date')} AS period_start, ${SERIES[c.by]} AS series, *
    FROM ${ident(purchases)}
  ),
  bounds AS (SELECT min(order_date) AS lo, max(order_date) AS hi FROM p),
  top AS (
    SELECT series FROM p GROUP BY series ORDER BY sum(net_amount) DESC NULLS LAST, series LIMIT ${Math.floor(c.maxSeries)}
  ),
  periods AS (
    SELECT period_start FROM (${periodSeriesSql(grain, '(SELECT lo FROM bounds)', '(SELECT hi FROM bounds)')})
    WHERE period_start + ${periodIntervalSql(grain)} - INTERVAL '1 day' <= (SELECT hi FROM bounds)
  ),
  agg AS (SELECT series, period_start, ${MEASURE[c.measure]} AS value FROM p WHERE series IN (SELECT series FROM top) GROUP BY ALL)
  SELECT t.series, strftime(q.period_start, '%Y-%m-%d') AS period_start, coalesce(a.value, 0)::DOUBLE AS value,
    strftime((SELECT hi FROM bounds), '%Y-%m-%d') AS last_day
  FROM top t CROSS JOIN periods q LEFT JOIN agg a ON a.series = t.series AND a.period_start = q.period_start
  ORDER BY t.series, q.period_start`;
}
