/**
 * Group comparison (issue 6): two groups of customers side by side on the same metrics, with
 * absolute and relative differences and a flag where the difference is large.
 */
import { dateLiteral, ident, literal, str } from '../../sql/quote.ts';
import { mergeDays, onPromoSql, paidRatioSql, promoShareSql, type PurchaseUnit } from '../behaviour/scope.ts';
import { checkDays } from './lifecycle-ctes.ts';
import { buildTagRowsSql } from './build-group-choices-sql.ts';

/** Which purchases belong to a group. */
export type GroupFilter =
  | { kind: 'all' }
  /** Customers of one segment in a `(customer_id, segment)` table. */
  | { kind: 'segment'; table: string; value: string }
  /** Orders bought through one channel. */
  | { kind: 'channel'; value: string }
  /**
   * Customers whose `column` in a customer table (customer_id + attributes) equals `value` (compared
   * as text), or with match `contains`: whose tag list in that column holds `value` (a cell such as
   * "高价值,复购;VIP" is split on TAG_SEPARATORS and trimmed).
   */
  | { kind: 'tag'; table: string; column: string; value: string; match?: 'equals' | 'contains' }
  /** Members of a saved customer group in a `(group_id, customer_id)` table (src/analyses/groups). */
  | { kind: 'group'; table: string; value: string };

export interface GroupSpec {
  /** Purchases table of this group (two different uploads compare own vs panel customers). */
  purchases: string;
  filter?: GroupFilter;
}

export interface GroupComparisonOptions {
  a: GroupSpec;
  b: GroupSpec;
  /** Observation end for idle_share; default the last order_date over both groups. */
  asOf?: string;
  /** Days idle counted as lost for idle_share; default 90. */
  lostDays?: number;
  /** |relative difference| at or above which a metric is flagged; default 0.2. */
  flagThreshold?: number;
  /** What one purchase is (behaviour/scope.ts PurchaseScope.purchaseUnit); default purchase days. */
  purchaseUnit?: PurchaseUnit | undefined;
}

/** The metrics, in output order. */
export const COMPARISON_METRICS = [
  'customers',
  'orders',
  'revenue',
  'aov',
  'orders_per_customer',
  'revenue_per_customer',
  'repurchase_rate',
  'avg_interval_days',
  'median_interval_days',
  'avg_discount_rate',
  'promo_order_share',
  'idle_share',
] as const;

/**
 * How a metric's difference is tested (issue 18: "significant" only when a test says so): Welch's t on
 * the unit values behind a mean (orders, customers, intervals), a two-proportion z test on a share, none
 * on totals and on the median. The SQL gives each tested metric its n and, for means, the sample sd.
 */
export const METRIC_TESTS = {
  customers: null,
  orders: null,
  revenue: null,
  aov: 'welch',
  orders_per_customer: 'welch',
  revenue_per_customer: 'welch',
  repurchase_rate: 'two_proportion',
  avg_interval_days: 'welch',
  median_interval_days: null,
  avg_discount_rate: 'welch',
  promo_order_share: 'two_proportion',
  idle_share: 'two_proportion',
} as const satisfies Record<(typeof COMPARISON_METRICS)[number], 'welch' | 'two_proportion' | null>;

function filterSql(filter: GroupFilter | undefined): string {
  if (!filter || filter.kind === 'all') return 'TRUE';
  switch (filter.kind) {
    case 'segment':
      return `customer_id IN (SELECT customer_id FROM ${ident(filter.table)} WHERE segment::VARCHAR = ${str(filter.value)})`;
    case 'channel':
      return `channel::VARCHAR = ${str(filter.value)}`;
    case 'tag':
      if (filter.match === 'contains')
        return `customer_id IN (SELECT customer_id FROM (${buildTagRowsSql(filter.table, filter.column)}) WHERE tag = ${str(filter.value)})`;
      return `customer_id IN (SELECT customer_id FROM ${ident(filter.table)} WHERE ${ident(filter.column)}::VARCHAR = ${str(filter.value)})`;
    case 'group':
      return `customer_id IN (SELECT customer_id FROM ${ident(filter.table)} WHERE group_id = ${str(filter.value)})`;
    default:
      throw new Error(`unknown group filter ${JSON.stringify(filter)}`);
  }
}

function metricsCte(
  name: string,
  group: string,
  purchases: string,
  lostDays: string,
  unit: PurchaseUnit | undefined,
): string {
  return `${name} AS (
    WITH per_customer AS (
      SELECT customer_id, count(*) AS orders, sum(net_amount) AS revenue,
        count(${mergeDays(unit)} order_date) AS purchase_days, max(order_date) AS last_day
      FROM ${group} GROUP BY customer_id
    ),
    intervals AS (
      SELECT order_date - lag(order_date) OVER (PARTITION BY customer_id ORDER BY order_date) AS d
      FROM (SELECT ${mergeDays(unit)} customer_id, order_date FROM ${group})
    )
    SELECT
      (SELECT count(*) FROM per_customer)::DOUBLE AS customers,
      (SELECT sum(orders) FROM per_customer)::DOUBLE AS orders,
      (SELECT sum(revenue) FROM per_customer)::DOUBLE AS revenue,
      (SELECT sum(revenue)::DOUBLE / nullif(sum(orders), 0) FROM per_customer) AS aov,
      (SELECT sum(orders)::DOUBLE / nullif(count(*), 0) FROM per_customer) AS orders_per_customer,
      (SELECT sum(revenue)::DOUBLE / nullif(count(*), 0) FROM per_customer) AS revenue_per_customer,
      (SELECT (count(*) FILTER (WHERE purchase_days >= 2))::DOUBLE / nullif(count(*), 0) FROM per_customer) AS repurchase_rate,
      (SELECT avg(d)::DOUBLE FROM intervals) AS avg_interval_days,
      (SELECT quantile_cont(d, 0.5)::DOUBLE FROM intervals) AS median_interval_days,
      (SELECT avg(${paidRatioSql(purchases)}) FROM ${group}) AS avg_discount_rate,
      (SELECT ${promoShareSql(purchases)} FROM ${group}) AS promo_order_share,
      (SELECT (count(*) FILTER (WHERE as_of - last_day >= ${lostDays}))::DOUBLE / nullif(count(*), 0)
        FROM per_customer, params) AS idle_share,
      -- n and sample sd of the unit values behind each tested metric (METRIC_TESTS)
      (SELECT count(net_amount)::DOUBLE FROM ${group}) AS aov__n,
      (SELECT stddev_samp(net_amount)::DOUBLE FROM ${group}) AS aov__sd,
      (SELECT count(*)::DOUBLE FROM per_customer) AS orders_per_customer__n,
      (SELECT stddev_samp(orders)::DOUBLE FROM per_customer) AS orders_per_customer__sd,
      (SELECT count(*)::DOUBLE FROM per_customer) AS revenue_per_customer__n,
      (SELECT stddev_samp(revenue)::DOUBLE FROM per_customer) AS revenue_per_customer__sd,
      (SELECT count(*)::DOUBLE FROM per_customer) AS repurchase_rate__n,
      NULL::DOUBLE AS repurchase_rate__sd,
      (SELECT count(d)::DOUBLE FROM intervals) AS avg_interval_days__n,
      (SELECT stddev_samp(d)::DOUBLE FROM intervals) AS avg_interval_days__sd,
      (SELECT count(${paidRatioSql(purchases)})::DOUBLE FROM ${group}) AS avg_discount_rate__n,
      (SELECT stddev_samp(${paidRatioSql(purchases)})::DOUBLE FROM ${group}) AS avg_discount_rate__sd,
      (SELECT count(CASE WHEN ${onPromoSql(purchases)} THEN 1 WHEN NOT ${onPromoSql(purchases)} THEN 0 END)::DOUBLE
        FROM ${group}) AS promo_order_share__n,
      NULL::DOUBLE AS promo_order_share__sd,
      (SELECT count(*)::DOUBLE FROM per_customer) AS idle_share__n,
      NULL::DOUBLE AS idle_share__sd
  )`;
}

/**
 * One row per metric (COMPARISON_METRICS order): metric, value_a, value_b, diff_abs (b − a),
 * diff_rel ((b − a) / |a|, NULL when a is 0 or NULL), flagged (|diff_rel| ≥ flagThreshold, or a = 0
 * while b is not; never when either is NULL). Metrics
 * follow the behaviour definitions: revenue is net, intervals are between purchase days (pooled),
 * discount rate is paid/list, idle_share is the share of customers idle ≥ lostDays at as-of.
 * n_a, n_b, sd_a, sd_b: the sample behind a tested metric (METRIC_TESTS; NULL for untested ones, sd
 * NULL for shares).
 */
export function buildGroupComparisonSql(options: GroupComparisonOptions): string {
  const lostDays = literal(checkDays('lostDays', options.lostDays ?? 90));
  const threshold = options.flagThreshold ?? 0.2;
  if (!Number.isFinite(threshold) || threshold < 0) throw new Error(`flagThreshold: bad value ${threshold}`);
  const asOf =
    options.asOf !== undefined
      ? dateLiteral(options.asOf)
      : `greatest((SELECT max(order_date) FROM group_a), (SELECT max(order_date) FROM group_b))`;
  const rows = COMPARISON_METRICS.map((m, i) => {
    const tested = METRIC_TESTS[m] !== null;
    const stat = (side: 'a' | 'b', s: 'n' | 'sd') =>
      tested ? `${side}.${ident(`${m}__${s}`)}` : 'NULL::DOUBLE';
    return `SELECT ${str(m)} AS metric, ${i} AS metric_order, a.${ident(m)} AS value_a, b.${ident(m)} AS value_b,
      ${stat('a', 'n')} AS n_a, ${stat('b', 'n')} AS n_b, ${stat('a', 'sd')} AS sd_a, ${stat('b', 'sd')} AS sd_b
    FROM metrics_a a, metrics_b b`;
  });
  return `WITH group_a AS (SELECT * FROM ${ident(options.a.purchases)} WHERE ${filterSql(options.a.filter)}),
  group_b AS (SELECT * FROM ${ident(options.b.purchases)} WHERE ${filterSql(options.b.filter)}),
  params AS (SELECT ${asOf} AS as_of),
  ${metricsCte('metrics_a', 'group_a', options.a.purchases, lostDays, options.purchaseUnit)},
  ${metricsCte('metrics_b', 'group_b', options.b.purchases, lostDays, options.purchaseUnit)},
  long AS (${rows.join('\n    UNION ALL\n    ')})
SELECT metric, value_a, value_b, value_b - value_a AS diff_abs,
  (value_b - value_a) / nullif(abs(value_a), 0) AS diff_rel,
  coalesce(CASE WHEN value_a = 0 THEN value_b <> 0
    ELSE abs(value_b - value_a) / abs(value_a) >= ${literal(threshold)} END, FALSE) AS flagged,
  n_a, n_b, sd_a, sd_b
FROM long
ORDER BY metric_order`;
}
