/** Churn warnings (issue 6): idle, early churn and overdue-versus-own-cycle customer lists. */
import { literal } from '../../sql/quote.ts';
import { checkDays, purchaseDaysCtes, type LifecycleScope } from './lifecycle-ctes.ts';

export const CHURN_RULES = ['idle', 'early_churn', 'overdue'] as const;
export type ChurnRule = (typeof CHURN_RULES)[number];

export interface ChurnWarningOptions extends LifecycleScope {
  /** idle: days since the last purchase ≥ this; default 90. */
  idleDays?: number;
  /** early_churn: no second purchase day within this many days of the first; default 30. */
  earlyChurnDays?: number;
  /** overdue: days since last purchase > median interval × factor; default 1.5. */
  overdueFactor?: number;
  /** overdue applies to customers with at least this many purchase days; default 3. */
  overdueMinPurchases?: number;
  /** Only these rules; default all. */
  rules?: readonly ChurnRule[];
}

/**
 * One row per customer and rule that fires at as-of. Rules: `idle` (days_idle ≥ idleDays);
 * `early_churn` (first purchase at least earlyChurnDays before as-of and no second purchase day
 * within earlyChurnDays of it, inclusive — customers who came back later are still listed);
 * `overdue` (≥ overdueMinPurchases purchase days and days_idle > median interval × factor, strictly).
 * Columns: customer_id, rule, days_idle (as-of − last purchase day), last_purchase, threshold_days
 * (the limit the rule compared with), detail (machine-readable `key=value;…`). Sorted by rule
 * (idle, early_churn, overdue), days_idle descending, customer_id.
 */
export function buildChurnWarningsSql(options: ChurnWarningOptions): string {
  const idle = literal(checkDays('idleDays', options.idleDays ?? 90));
  const early = literal(checkDays('earlyChurnDays', options.earlyChurnDays ?? 30));
  const factor = options.overdueFactor ?? 1.5;
  if (!Number.isFinite(factor) || factor <= 0 || factor > 100)
    throw new Error(`overdueFactor: bad value ${factor}`);
  const minPurchases = options.overdueMinPurchases ?? 3;
  if (!Number.isInteger(minPurchases) || minPurchases < 2)
    throw new Error(`overdueMinPurchases: bad value ${minPurchases}`);
  const rules = options.rules ?? CHURN_RULES;
  for (const r of rules)
    if (!CHURN_RULES.includes(r)) throw new Error(`unknown churn rule ${JSON.stringify(r)}`);
  const parts: string[] = [];
  if (rules.includes('idle')) {
    parts.push(`SELECT customer_id, 'idle' AS rule, 1 AS rule_order, days_idle, last_purchase,
      ${idle}::DOUBLE AS threshold_days, 'last_purchase=' || strftime(last_purchase, '%Y-%m-%d') AS detail
    FROM customers WHERE days_idle >= ${idle}`);
  }
  if (rules.includes('early_churn')) {
    parts.push(`SELECT customer_id, 'early_churn' AS rule, 2 AS rule_order, days_idle, last_purchase,
      ${early}::DOUBLE AS threshold_days,
      'first_purchase=' || strftime(first_day, '%Y-%m-%d') || ';second_purchase='
        || coalesce(strftime(second_day, '%Y-%m-%d'), 'none') AS detail
    FROM customers
    WHERE first_day + ${early} <= as_of AND (second_day IS NULL OR second_day - first_day > ${early})`);
  }
  if (rules.includes('overdue')) {
    parts.push(`SELECT customer_id, 'overdue' AS rule, 3 AS rule_order, days_idle, last_purchase,
      median_interval * ${literal(factor)} AS threshold_days,
      'median_interval_days=' || median_interval || ';factor=' || ${literal(String(factor))} AS detail
    FROM customers
    WHERE purchase_days >= ${literal(minPurchases)} AND days_idle > median_interval * ${literal(factor)}`);
  }
  if (parts.length === 0) throw new Error('churn warnings: no rule selected');
  return `WITH ${purchaseDaysCtes(options)},
  customers AS (
    SELECT d.customer_id, count(*) AS purchase_days, min(d.purchase_day) AS first_day,
      min(d.next_day) FILTER (WHERE d.prev_day IS NULL) AS second_day,
      max(d.purchase_day) AS last_purchase,
      params.as_of - max(d.purchase_day) AS days_idle,
      quantile_cont(d.purchase_day - d.prev_day, 0.5)::DOUBLE AS median_interval,
      params.as_of AS as_of
    FROM days d, params GROUP BY d.customer_id, params.as_of
  ),
  warnings AS (${parts.join('\n    UNION ALL\n    ')})
SELECT customer_id, rule, days_idle, last_purchase, threshold_days, detail
FROM warnings
ORDER BY rule_order, days_idle DESC, customer_id`;
}
