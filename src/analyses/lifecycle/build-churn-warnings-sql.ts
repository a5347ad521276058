/**
 * Churn warnings (issues 6, 12): idle, early churn and overdue-versus-own-cycle customer lists, with
 * what each customer is worth (spend, RFM segment and scores) so a list can be ranked by value.
 */
import { ident, literal } from '../../sql/quote.ts';
import { checkDays, purchaseDaysCtes, type LifecycleScope } from './lifecycle-ctes.ts';

export const CHURN_RULES = ['idle', 'early_churn', 'overdue'] as const;
export type ChurnRule = (typeof CHURN_RULES)[number];

export interface ChurnWarningOptions extends LifecycleScope {
  /** idle: days since the last purchase ≥ this; default 90. */
  idleDays?: number;
  /** early_churn: one purchase day only, at least this many days ago; default 30. */
  earlyChurnDays?: number;
  /** overdue: days since last purchase > median interval × factor; default 1.5. */
  overdueFactor?: number;
  /** overdue applies to customers with at least this many purchase days; default 3. */
  overdueMinPurchases?: number;
  /** Only these rules; default all. */
  rules?: readonly ChurnRule[];
  /**
   * The RFM customers table (rfm_customers) to take segment and scores from, LEFT JOINed; absent when
   * it does not exist (the RFM section has not run), and the segment and score columns are NULL.
   */
  segments?: string;
  /** Only customers of this RFM segment id (needs `segments`). */
  segment?: string;
  /**
   * The returns view (PlanContext.returns; issue 12 item 2): credit notes not matched to an order,
   * on their own date (net_amount ≤ 0). Those up to as-of are subtracted from `spend`.
   */
  returns?: string | undefined;
}

/** The value columns every warning row carries after the rule's own (churn.csv's added columns). */
export const CHURN_VALUE_COLUMNS = [
  'orders',
  'spend',
  'segment',
  'segment_label',
  'rfm_code',
  'r_score',
  'f_score',
  'm_score',
] as const;

function checkRules(options: ChurnWarningOptions) {
  const early = checkDays('earlyChurnDays', options.earlyChurnDays ?? 30);
  const rules = options.rules ?? CHURN_RULES;
  for (const r of rules)
    if (!CHURN_RULES.includes(r)) throw new Error(`unknown churn rule ${JSON.stringify(r)}`);
  if (options.segment !== undefined && options.segments === undefined)
    throw new Error('churn warnings: a segment filter needs the segments table');
  return { early, rules };
}

/** `customers`: one row per customer at as-of (needs purchaseDaysCtes). */
function customersCte(): string {
  return `customers AS (
    SELECT d.customer_id, count(*) AS purchase_days, min(d.purchase_day) AS first_day,
      min(d.next_day) FILTER (WHERE d.prev_day IS NULL) AS second_day,
      max(d.purchase_day) AS last_purchase,
      params.as_of - max(d.purchase_day) AS days_idle,
      quantile_cont(d.purchase_day - d.prev_day, 0.5)::DOUBLE AS median_interval,
      params.as_of AS as_of
    FROM days d, params GROUP BY d.customer_id, params.as_of
  )`;
}

/** `returned(customer_id, amount)`: unmatched credit notes up to as-of (≤ 0), or nothing without a returns view. */
function returnedCte(returns: string | undefined): string {
  if (returns === undefined) return '';
  return `returned AS (
    SELECT r.customer_id, sum(r.net_amount) AS amount
    FROM ${ident(returns)} r, params WHERE r.is_return AND r.order_date <= params.as_of
    GROUP BY r.customer_id
  ),`;
}

/**
 * One row per customer and rule that fires at as-of — the customers at risk now. Rules:
 * `idle` (days_idle ≥ idleDays); `early_churn` (one purchase day only, at least earlyChurnDays before
 * as-of: a customer who came back, however late, is not listed — buildEarlyChurnReturnsSql counts
 * those); `overdue` (≥ overdueMinPurchases purchase days and days_idle > median interval × factor,
 * strictly). Columns: customer_id, rule, days_idle (as-of − last purchase day), last_purchase,
 * threshold_days (the limit the rule compared with), detail (machine-readable `key=value;…`), then
 * CHURN_VALUE_COLUMNS: orders (distinct orders up to as-of), spend (net spend up to as-of,
 * less the unmatched credit notes of `returns` up to as-of, DECIMAL(18,2)), segment, segment_label, rfm_code, r_score, f_score, m_score (from `segments`, NULL
 * without it or for a customer it lacks). Sorted by rule (idle, early_churn, overdue), days_idle
 * descending, customer_id.
 */
export function buildChurnWarningsSql(options: ChurnWarningOptions): string {
  const idle = literal(checkDays('idleDays', options.idleDays ?? 90));
  const { early: earlyDays, rules } = checkRules(options);
  const early = literal(earlyDays);
  const factor = options.overdueFactor ?? 1.5;
  if (!Number.isFinite(factor) || factor <= 0 || factor > 100)
    throw new Error(`overdueFactor: bad value ${factor}`);
  const minPurchases = options.overdueMinPurchases ?? 3;
  if (!Number.isInteger(minPurchases) || minPurchases < 2)
    throw new Error(`overdueMinPurchases: bad value ${minPurchases}`);
  const parts: string[] = [];
  if (rules.includes('idle')) {
    parts.push(`SELECT customer_id, 'idle' AS rule, 1 AS rule_order, days_idle, last_purchase,
      ${idle}::DOUBLE AS threshold_days, 'last_purchase=' || strftime(last_purchase, '%Y-%m-%d') AS detail
    FROM customers WHERE days_idle >= ${idle}`);
  }
  if (rules.includes('early_churn')) {
    parts.push(`SELECT customer_id, 'early_churn' AS rule, 2 AS rule_order, days_idle, last_purchase,
      ${early}::DOUBLE AS threshold_days,
      'first_purchase=' || strftime(first_day, '%Y-%m-%d') || ';second_purchase=none' AS detail
    FROM customers
    WHERE second_day IS NULL AND first_day + ${early} <= as_of`);
  }
  if (rules.includes('overdue')) {
    parts.push(`SELECT customer_id, 'overdue' AS rule, 3 AS rule_order, days_idle, last_purchase,
      median_interval * ${literal(factor)} AS threshold_days,
      'median_interval_days=' || median_interval || ';factor=' || ${literal(String(factor))} AS detail
    FROM customers
    WHERE purchase_days >= ${literal(minPurchases)} AND days_idle > median_interval * ${literal(factor)}`);
  }
  if (parts.length === 0) throw new Error('churn warnings: no rule selected');
  const seg = options.segments;
  const rfm =
    seg === undefined
      ? `CAST(NULL AS VARCHAR) AS segment, CAST(NULL AS VARCHAR) AS segment_label,
  CAST(NULL AS INTEGER) AS rfm_code, CAST(NULL AS INTEGER) AS r_score, CAST(NULL AS INTEGER) AS f_score,
  CAST(NULL AS INTEGER) AS m_score`
      : `s.segment::VARCHAR AS segment, s.segment_label::VARCHAR AS segment_label,
  s.rfm_code::INTEGER AS rfm_code, s.r_score::INTEGER AS r_score, s.f_score::INTEGER AS f_score,
  s.m_score::INTEGER AS m_score`;
  const where =
    options.segment !== undefined ? `\nWHERE s.segment::VARCHAR = ${literal(options.segment)}` : '';
  return `WITH ${purchaseDaysCtes(options)},
  ${customersCte()},
${returnedCte(options.returns)}
  spend AS (
    SELECT s.customer_id, count(DISTINCT s.order_id) AS orders,
      (sum(s.net_amount) + ${options.returns ? 'coalesce(any_value(r.amount), 0)' : '0'})::DECIMAL(18,2) AS spend
    FROM src s${options.returns ? ' LEFT JOIN returned r ON r.customer_id = s.customer_id' : ''}
    GROUP BY s.customer_id
  ),
  warnings AS (${parts.join('\n    UNION ALL\n    ')})
SELECT w.customer_id, w.rule, w.days_idle, w.last_purchase, w.threshold_days, w.detail,
  v.orders, v.spend, ${rfm}
FROM warnings w
LEFT JOIN spend v ON v.customer_id = w.customer_id${seg === undefined ? '' : `\nLEFT JOIN ${ident(seg)} s ON s.customer_id = w.customer_id`}${where}
ORDER BY w.rule_order, w.days_idle DESC, w.customer_id`;
}

/**
 * One row: how many customers were early churners — first purchase at least earlyChurnDays before
 * as-of and no second purchase day within earlyChurnDays of it (inclusive) — and what became of them.
 * Columns: early_churners, returned (bought again later: not at risk as early churners, so not in the
 * warning list), not_returned (one purchase day only: the early_churn warning list), returned_share
 * (returned / early_churners, NULL when there are none).
 */
export function buildEarlyChurnReturnsSql(options: ChurnWarningOptions): string {
  const early = literal(checkDays('earlyChurnDays', options.earlyChurnDays ?? 30));
  return `WITH ${purchaseDaysCtes(options)},
  ${customersCte()},
  churned AS (
    SELECT second_day IS NOT NULL AS returned FROM customers
    WHERE first_day + ${early} <= as_of AND (second_day IS NULL OR second_day - first_day > ${early})
  )
SELECT count(*) AS early_churners,
  count(*) FILTER (WHERE returned) AS returned,
  count(*) FILTER (WHERE NOT returned) AS not_returned,
  (count(*) FILTER (WHERE returned))::DOUBLE / nullif(count(*), 0) AS returned_share
FROM churned`;
}
