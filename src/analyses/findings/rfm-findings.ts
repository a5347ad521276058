/**
 * RFM findings (issue 17), read from the tables the RFM module's `prepare` builds (rfm_customers):
 * - `rfm.top-share`: the top TOP_SHARE of customers by revenue and their share of revenue;
 * - `rfm.segment-value`: the segment with the largest share of revenue among those bringing at least
 *   20 % of it and at least 1.5 × their share of customers (never the unmatched `other`);
 * - `rfm.overdue`: high spenders (the top TOP_SHARE by revenue) with two purchase days or more whose
 *   days since the last purchase exceed OVERDUE_FACTOR × their own average days between purchase days
 *   (the churn-risk group to win back).
 * - `rfm.segment-shrank.<segment>`: a segment (never `other`) smaller now than SHRINK_MONTHS before
 *   the as-of date, the customers then scored exactly as the RFM section would have scored them on
 *   that date (same config; only purchases up to it). Said when the segment held SHRINK_MIN_BEFORE
 *   customers or more then, lost SHRINK_MIN_FALL of them and MIN_GROUP or more, and its share of
 *   customers fell with p < ALPHA (two-proportion z-test); a risk when its customers spent more than
 *   the average customer then, else context. Its group: the customers who were in it then and are
 *   not now.
 * None below MIN_CUSTOMERS customers; a group below MIN_GROUP is not reported.
 */
import type { FindingsSpec, Locale, PlanContext, QueryRows } from '../contract.ts';
import { OTHER_SEGMENT, resolveRfmConfig, type RfmConfig, type RfmSegment } from '../rfm/rfm-config.ts';
import { configForCurrency } from '../rfm/money-cuts.ts';
import type { Finding } from './finding.ts';
import { readRow, readRows } from '../read-rows.ts';
import { ident, literal } from '../../sql/quote.ts';
import { RFM_CUSTOMERS } from '../../ingest/tables.ts';
import { FINDING_THRESHOLDS as T, score } from './thresholds.ts';
import { both, fmt } from './text.ts';
import { buildRfmSql } from '../rfm/build-rfm-sql.ts';
import { twoProportionP } from '../stats/intervals.ts';

const C = ident(RFM_CUSTOMERS);

/** The customers scored SHRINK_MONTHS before the as-of date (the comparison of `rfm.segment-shrank`). */
export const RFM_PREVIOUS = {
  base: 'rfm_previous_base',
  cutPoints: 'rfm_previous_cut_points',
  customers: 'rfm_previous_customers',
} as const;
const PREV = ident(RFM_PREVIOUS.customers);

/** The RFM plan on the comparison date: the current as-of date minus SHRINK_MONTHS months. */
function previousRfmStatements(config: RfmConfig, ctx: PlanContext): string[] {
  return buildRfmSql(resolveRfmConfig(configForCurrency(config, ctx.currency)), {
    purchases: ctx.purchases,
    returns: ctx.returns,
    locale: ctx.locale,
    asOfSql: `(SELECT max(as_of) FROM ${C}) - INTERVAL ${literal(T.SHRINK_MONTHS)} MONTH`,
    tables: RFM_PREVIOUS,
  }).statements;
}

/** Per segment then: size, revenue, customers no longer in it now; the base's totals then. */
function shrinkSql(): string {
  return `WITH b AS (SELECT segment, count(*) AS n, coalesce(sum(revenue), 0)::DOUBLE AS revenue FROM ${PREV} GROUP BY segment),
  a AS (SELECT segment, count(*) AS n FROM ${C} GROUP BY segment),
  gone AS (SELECT p.segment, count(*) AS n FROM ${PREV} p LEFT JOIN ${C} c ON c.customer_id = p.customer_id
    WHERE c.segment IS DISTINCT FROM p.segment GROUP BY p.segment)
SELECT b.segment, b.n AS before, coalesce(a.n, 0) AS after, coalesce(gone.n, 0) AS moved, b.revenue AS revenue_before,
  (SELECT count(*) FROM ${PREV}) AS total_before,
  (SELECT coalesce(sum(revenue), 0)::DOUBLE FROM ${PREV}) AS revenue_total_before,
  (SELECT strftime(max(as_of), '%Y-%m-%d') FROM ${PREV}) AS compare_to
FROM b LEFT JOIN a ON a.segment = b.segment LEFT JOIN gone ON gone.segment = b.segment
ORDER BY b.revenue DESC, b.segment`;
}

/** Customers in `segment` on the comparison date and not now: where they are now. */
export function shrankGroupSql(segment: string): string {
  return `SELECT p.customer_id, p.segment_label AS segment_label_before, c.segment_label, c.recency_days, c.frequency,
  c.revenue, c.last_purchase_date
FROM ${PREV} p LEFT JOIN ${C} c ON c.customer_id = p.customer_id
WHERE p.segment = ${literal(segment)} AND c.segment IS DISTINCT FROM p.segment
ORDER BY p.revenue DESC, p.customer_id`;
}

/** Purchase days per repeat customer up to as_of, and the average days between them. */
function intervalsSql(purchases: string): string {
  return `SELECT customer_id, date_diff('day', min(order_date), max(order_date)) / (count(*) - 1) AS avg_interval_days
FROM (SELECT DISTINCT customer_id, order_date FROM ${ident(purchases)}
  WHERE customer_id IS NOT NULL AND order_date <= (SELECT max(as_of) FROM ${C}))
GROUP BY customer_id HAVING count(*) >= 2`;
}

/** The top TOP_SHARE of customers by revenue (ties by id), as `c`. */
function topSql(): string {
  return `(SELECT * FROM (SELECT *, row_number() OVER (ORDER BY revenue DESC, customer_id) AS rk, count(*) OVER () AS n
  FROM ${C}) WHERE rk <= ceil(n * ${literal(T.TOP_SHARE)}))`;
}

/** High spenders (top share by revenue) whose days since the last purchase exceed the factor × their interval. */
function overdueFromSql(purchases: string): string {
  return `${topSql()} c JOIN (${intervalsSql(purchases)}) iv USING (customer_id)
WHERE c.recency_days > ${literal(T.OVERDUE_FACTOR)} * iv.avg_interval_days`;
}

/** The overdue customers' list (the finding's group): id, segment, recency, interval, spend. */
export function overdueGroupSql(purchases: string): string {
  return `SELECT c.customer_id, c.segment_label, c.recency_days, round(iv.avg_interval_days, 1) AS avg_interval_days,
  c.frequency, c.revenue, c.last_purchase_date
FROM ${overdueFromSql(purchases)}
ORDER BY c.revenue DESC, c.customer_id`;
}

/** The top share of customers by revenue. */
export function topShareGroupSql(): string {
  return `SELECT customer_id, segment_label, recency_days, frequency, revenue, last_purchase_date
FROM ${topSql()} ORDER BY revenue DESC, customer_id`;
}

export function segmentGroupSql(segment: string): string {
  return `SELECT customer_id, segment_label, recency_days, frequency, revenue, last_purchase_date
FROM ${C} WHERE segment = ${literal(segment)} ORDER BY revenue DESC, customer_id`;
}

export function planRfmFindings(ctx: PlanContext, config?: RfmConfig) {
  return {
    statements: config ? previousRfmStatements(config, ctx) : [],
    queries: {
      ...(config ? { shrink: shrinkSql() } : {}),
      totals: `SELECT count(*) AS customers, coalesce(sum(revenue), 0)::DOUBLE AS revenue,
  strftime(max(as_of), '%Y-%m-%d') AS as_of,
  (SELECT strftime(min(order_date), '%Y-%m-%d') FROM ${ident(ctx.purchases)} WHERE customer_id IS NOT NULL) AS first_date,
  (SELECT count(*) FROM (${topShareGroupSql()})) AS top_customers,
  (SELECT coalesce(sum(revenue), 0)::DOUBLE FROM (${topShareGroupSql()})) AS top_revenue
FROM ${C}`,
      segments: `SELECT segment, any_value(segment_label) AS segment_label, count(*) AS customers,
  coalesce(sum(revenue), 0)::DOUBLE AS revenue
FROM ${C} GROUP BY segment ORDER BY revenue DESC, segment`,
      overdue: `SELECT count(*) AS customers, coalesce(sum(c.revenue), 0)::DOUBLE AS revenue,
  avg(c.recency_days)::DOUBLE AS recency, avg(iv.avg_interval_days)::DOUBLE AS interval
FROM ${overdueFromSql(ctx.purchases)}`,
    },
  };
}

const TOTALS = {
  customers: 'num',
  revenue: 'num',
  as_of: 'text?',
  first_date: 'text?',
  top_customers: 'num',
  top_revenue: 'num',
} as const;
const SEGMENT = { segment: 'text', segment_label: 'text?', customers: 'num', revenue: 'num' } as const;
const SHRINK = {
  segment: 'text',
  before: 'num',
  after: 'num',
  moved: 'num',
  revenue_before: 'num',
  total_before: 'num',
  revenue_total_before: 'num',
  compare_to: 'text?',
} as const;
const OVERDUE = {
  customers: 'num',
  revenue: 'num',
  recency: 'num?',
  interval: 'num?',
} as const;

/** A segment is reported when it brings this share of revenue or more … */
const SEGMENT_MIN_REVENUE_SHARE = 0.2;
/** … and at least this many times its share of customers. */
const SEGMENT_MIN_RATIO = 1.5;

export function readRfmFindings(
  rows: QueryRows,
  ctx: Pick<PlanContext, 'currency' | 'purchases'>,
  labels: readonly Pick<RfmSegment, 'id' | 'label'>[] = [],
): Finding[] {
  const t = readRow(rows.totals?.[0], TOTALS);
  if (t.customers < T.MIN_CUSTOMERS || t.revenue <= 0 || t.as_of === null) return [];
  const period = { from: t.first_date ?? t.as_of, to: t.as_of };
  const out: Finding[] = [];
  const cur = ctx.currency;

  const share = t.top_revenue / t.revenue;
  if (t.top_customers >= T.MIN_GROUP) {
    out.push({
      id: 'rfm.top-share',
      module: 'rfm',
      kind: share >= 0.8 ? 'risk' : 'info',
      score: score(share * 70),
      title: both('findings.rfm.topShare.title', () => ({})),
      text: both('findings.rfm.topShare.text', (l) => {
        const f = fmt(l, cur);
        return {
          top: f.pct(T.TOP_SHARE),
          n: f.int(t.top_customers),
          share: f.pct(share),
          revenue: f.money(t.top_revenue),
        };
      }),
      numbers: {
        top_share: T.TOP_SHARE,
        customers: t.top_customers,
        revenue_share: share,
        revenue: t.top_revenue,
      },
      period,
      link: { section: 'rfm' },
      group: { query: topShareGroupSql(), size: t.top_customers },
    });
  }

  const seg = readRows(rows.segments, SEGMENT).find(
    (s) =>
      s.segment !== OTHER_SEGMENT &&
      s.customers >= T.MIN_GROUP &&
      s.revenue / t.revenue >= SEGMENT_MIN_REVENUE_SHARE &&
      s.revenue / t.revenue >= SEGMENT_MIN_RATIO * (s.customers / t.customers),
  );
  const segmentLabel = (l: Locale, id: string) => labels.find((x) => x.id === id)?.label[l] ?? id;
  if (seg) {
    const rs = seg.revenue / t.revenue;
    const cs = seg.customers / t.customers;
    out.push({
      id: `rfm.segment-value.${seg.segment}`,
      module: 'rfm',
      kind: 'opportunity',
      score: score(rs * 80),
      title: both('findings.rfm.segmentValue.title', (l) => ({ segment: segmentLabel(l, seg.segment) })),
      text: both('findings.rfm.segmentValue.text', (l) => {
        const f = fmt(l, cur);
        return {
          segment: segmentLabel(l, seg.segment),
          customerShare: f.pct(cs),
          n: f.int(seg.customers),
          revenueShare: f.pct(rs),
          revenue: f.money(seg.revenue),
        };
      }),
      numbers: {
        segment: seg.segment,
        customers: seg.customers,
        customer_share: cs,
        revenue_share: rs,
        revenue: seg.revenue,
      },
      period,
      link: { section: 'rfm', view: { segment: seg.segment } },
      group: { query: segmentGroupSql(seg.segment), size: seg.customers },
    });
  }

  const o = readRow(rows.overdue?.[0], OVERDUE);
  if (o.customers >= T.MIN_GROUP && o.recency !== null && o.interval !== null) {
    const revenueShare = o.revenue / t.revenue;
    out.push({
      id: 'rfm.overdue',
      module: 'rfm',
      kind: 'risk',
      score: score(40 + 200 * revenueShare),
      title: both('findings.rfm.overdue.title', () => ({})),
      text: both('findings.rfm.overdue.text', (l) => {
        const f = fmt(l, cur);
        return {
          n: f.int(o.customers),
          top: f.pct(T.TOP_SHARE),
          factor: T.OVERDUE_FACTOR,
          recency: f.int(Math.round(o.recency!)),
          interval: f.int(Math.round(o.interval!)),
          revenue: f.money(o.revenue),
          share: f.pct(revenueShare),
        };
      }),
      numbers: {
        customers: o.customers,
        revenue: o.revenue,
        revenue_share: revenueShare,
        avg_recency_days: o.recency,
        avg_interval_days: o.interval,
        factor: T.OVERDUE_FACTOR,
      },
      period,
      link: { section: 'rfm' },
      group: { query: overdueGroupSql(ctx.purchases), size: o.customers },
    });
  }
  out.push(...shrankFindings(rows, t, period, cur, segmentLabel));
  return out;
}

function shrankFindings(
  rows: QueryRows,
  t: { customers: number; as_of: string | null },
  period: { from: string; to: string },
  cur: string | null | undefined,
  segmentLabel: (l: Locale, id: string) => string,
): Finding[] {
  const out: Finding[] = [];
  for (const s of readRows(rows.shrink, SHRINK)) {
    if (s.segment === OTHER_SEGMENT || s.compare_to === null) continue;
    if (s.total_before < T.MIN_CUSTOMERS || s.before < T.SHRINK_MIN_BEFORE) continue;
    const drop = s.before - s.after;
    const fall = drop / s.before;
    if (drop < T.MIN_GROUP || fall < T.SHRINK_MIN_FALL) continue;
    const shareBefore = s.before / s.total_before;
    const shareAfter = s.after / t.customers;
    const p = twoProportionP(s.after, t.customers, s.before, s.total_before);
    if (p === null || p >= T.ALPHA || shareAfter >= shareBefore) continue;
    const perCustomer = s.revenue_before / s.before;
    const valuable = s.revenue_total_before > 0 && perCustomer > s.revenue_total_before / s.total_before;
    const revenueShare = s.revenue_total_before > 0 ? s.revenue_before / s.revenue_total_before : 0;
    const compareTo = s.compare_to;
    out.push({
      id: `rfm.segment-shrank.${s.segment}`,
      module: 'rfm',
      kind: valuable ? 'risk' : 'info',
      score: valuable ? score(25 + 60 * fall + 60 * revenueShare) : score(10 + 30 * fall),
      title: both('findings.rfm.shrank.title', (l) => ({ segment: segmentLabel(l, s.segment) })),
      text: both(valuable ? 'findings.rfm.shrank.text.valuable' : 'findings.rfm.shrank.text', (l) => {
        const f = fmt(l, cur);
        return {
          segment: segmentLabel(l, s.segment),
          date: compareTo,
          drop: f.int(drop),
          before: f.int(s.before),
          after: f.int(s.after),
          fall: f.pct(fall),
          shareBefore: f.pct(shareBefore, 1),
          shareAfter: f.pct(shareAfter, 1),
          p: f.p(p),
          moved: f.int(s.moved),
          revenueShare: f.pct(revenueShare),
        };
      }),
      numbers: {
        segment: s.segment,
        customers_before: s.before,
        customers: s.after,
        fall,
        share_before: shareBefore,
        share: shareAfter,
        p_value: p,
        moved_out: s.moved,
        revenue_share_before: revenueShare,
        months: T.SHRINK_MONTHS,
      },
      period: { ...period, compareFrom: period.from, compareTo },
      link: { section: 'rfm', view: { segment: s.segment } },
      ...(s.moved > 0 ? { group: { query: shrankGroupSql(s.segment), size: s.moved } } : {}),
    });
  }
  return out;
}

export const rfmFindings: FindingsSpec<RfmConfig> = {
  plan: (config, ctx) => planRfmFindings(ctx, config),
  read: (rows, config, ctx) =>
    readRfmFindings(rows, ctx, resolveRfmConfig(configForCurrency(config, ctx.currency)).segments),
};
