/** Customers per period by lifecycle status (issue 6). */
import { literal } from '../../sql/quote.ts';
import { periodEndSql, periodSeriesSql, periodStartSql, type PeriodGrain } from '../revenue/period.ts';
import { checkDays, lostEventsCte, purchaseDaysCtes, type LifecycleScope } from './lifecycle-ctes.ts';

export interface LifecycleOptions extends LifecycleScope {
  grain: PeriodGrain;
  /** Days without a purchase after which a customer counts as lost; default 90. */
  lostDays?: number;
}

/**
 * One row per period from the first purchase to as-of (the last period ends at as-of). Each customer
 * who bought in a period has one status, from their purchases in it: `new` (their first purchase
 * ever is in the period), else `reactivated` (a purchase in the period came more than N days after
 * the previous one), else `returning` (they also bought within the previous N days, in an earlier
 * period). Columns: period_start, period_end, active_customers (bought in the period),
 * new_customers, returning_customers, reactivated_customers, lost_customers (customers whose N-th
 * idle day falls in the period), net_change (new + reactivated − lost), active_base (customers with a
 * purchase in the N days up to period_end, i.e. not lost at period end). When a period is no longer
 * than N days, active_base = previous active_base + net_change. Sorted by period_start.
 */
export function buildLifecycleSql(options: LifecycleOptions): string {
  const n = literal(checkDays('lostDays', options.lostDays ?? 90));
  const grain = options.grain;
  return `WITH ${purchaseDaysCtes(options)},
  ${lostEventsCte(options.lostDays ?? 90)},
  periods AS (
    SELECT period_start, least(${periodEndSql(grain, 'period_start')}, params.as_of) AS period_end
    FROM (${periodSeriesSql(grain, '(SELECT min(purchase_day) FROM days)', '(SELECT as_of FROM params)')}), params
  ),
  statuses AS (
    SELECT customer_id, ${periodStartSql(grain, 'purchase_day')} AS period_start,
      CASE WHEN bool_or(prev_day IS NULL) THEN 'new'
        WHEN bool_or(purchase_day - prev_day > ${n}) THEN 'reactivated'
        ELSE 'returning' END AS status
    FROM days GROUP BY ALL
  ),
  status_counts AS (
    SELECT period_start, count(*) AS active_customers,
      count(*) FILTER (WHERE status = 'new') AS new_customers,
      count(*) FILTER (WHERE status = 'returning') AS returning_customers,
      count(*) FILTER (WHERE status = 'reactivated') AS reactivated_customers
    FROM statuses GROUP BY period_start
  ),
  lost_counts AS (
    SELECT ${periodStartSql(grain, 'lost_day')} AS period_start, count(DISTINCT customer_id) AS lost_customers
    FROM lost GROUP BY ALL
  ),
  bases AS (
    SELECT p.period_start, count(DISTINCT d.customer_id) AS active_base
    FROM periods p JOIN days d ON d.purchase_day <= p.period_end AND d.purchase_day > p.period_end - ${n}
    GROUP BY p.period_start
  )
SELECT p.period_start, p.period_end,
  coalesce(s.active_customers, 0) AS active_customers,
  coalesce(s.new_customers, 0) AS new_customers,
  coalesce(s.returning_customers, 0) AS returning_customers,
  coalesce(s.reactivated_customers, 0) AS reactivated_customers,
  coalesce(l.lost_customers, 0) AS lost_customers,
  coalesce(s.new_customers, 0) + coalesce(s.reactivated_customers, 0) - coalesce(l.lost_customers, 0) AS net_change,
  coalesce(b.active_base, 0) AS active_base
FROM periods p
LEFT JOIN status_counts s ON s.period_start = p.period_start
LEFT JOIN lost_counts l ON l.period_start = p.period_start
LEFT JOIN bases b ON b.period_start = p.period_start
ORDER BY p.period_start`;
}

/**
 * Lost customers per period and channel, the channel being that of the customer's last order before
 * they were lost (latest order_time that day, then order_id). Columns: period_start, channel (NULL
 * when unknown), lost_customers. Sorted by period_start, lost_customers descending, channel.
 */
export function buildLostByChannelSql(options: LifecycleOptions): string {
  const grain = options.grain;
  return `WITH ${purchaseDaysCtes(options)},
  ${lostEventsCte(options.lostDays ?? 90)},
  last_orders AS (
    SELECT customer_id, order_date, channel::VARCHAR AS channel FROM src
    QUALIFY row_number() OVER (PARTITION BY customer_id, order_date ORDER BY order_time DESC, order_id DESC) = 1
  )
SELECT ${periodStartSql(grain, 'l.lost_day')} AS period_start, o.channel, count(DISTINCT l.customer_id) AS lost_customers
FROM lost l JOIN last_orders o ON o.customer_id = l.customer_id AND o.order_date = l.last_day
GROUP BY ALL
ORDER BY period_start, lost_customers DESC, o.channel NULLS LAST`;
}

/** Totals of buildLostByChannelSql rows per channel, most lost first (ties by channel name). */
export function channelLosses(
  rows: readonly { channel: string | null; lost_customers: number }[],
): { channel: string | null; lost_customers: number }[] {
  const totals = new Map<string | null, number>();
  for (const r of rows) totals.set(r.channel, (totals.get(r.channel) ?? 0) + r.lost_customers);
  return [...totals]
    .map(([channel, lost_customers]) => ({ channel, lost_customers }))
    .sort((a, b) => b.lost_customers - a.lost_customers || byName(a.channel, b.channel));
}

function byName(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
