/**
 * RFM per customer (issue 4 "Metrics", "Scoring", "Segments"). The plan materialises three tables
 * so overview, drill-down and export queries over them are cheap:
 *   rfm_base        per-customer metrics
 *   rfm_cut_points  the cut points / comparison values in use (see build-cut-points-sql.ts)
 *   rfm_customers   metrics + scores + RFM code + segment (the customers.csv columns first)
 *
 * Definitions:
 * - as_of: the config's (or the option's) date, else the latest purchase date (≤ range end).
 * - Customers: everyone with a purchase on or before as_of. recency_days = as_of − last purchase
 *   on or before as_of, in whole calendar days. frequency = distinct order_id in the window,
 *   revenue = sum of net_amount in the window, minus the customer's credit notes in the window that
 *   match no order (options.returns; issue 12, item 2); a customer whose purchases all lie before the window
 *   has frequency 0 and revenue 0 (the "F 0" level of value5).
 * - Window: all (≤ as_of) | last N months (as_of − N months, as_of] | range [from, to] (≤ as_of).
 * - monetary = revenue (sum) or revenue / frequency rounded to cents (aov; 0 when frequency is 0).
 */
import { dateLiteral, ident, literal } from '../../sql/quote.ts';
import { cutCount, cutPointRowsSql, pivotCutsSql, buildCutPointsSql } from './build-cut-points-sql.ts';
import { OTHER_LABEL } from './presets.ts';
import {
  OTHER_SEGMENT,
  RFM_DIMENSIONS,
  type DimensionCuts,
  resolveRfmConfig,
  type RfmConfig,
  type RfmDimension,
  type RfmSegment,
  type SegmentRule,
} from './rfm-config.ts';
import { RFM_BASE, RFM_CUSTOMERS, RFM_CUT_POINTS, RFM_FEATURES } from '../../ingest/tables.ts';

export type RfmLocale = 'zh-CN' | 'en';

export interface RfmTables {
  base: string;
  cutPoints: string;
  customers: string;
  /** Per-customer features joined to `customers` (issue 6; built by build-rfm-features-sql.ts, not by the plan). */
  features: string;
}
export const DEFAULT_RFM_TABLES: RfmTables = {
  base: RFM_BASE,
  cutPoints: RFM_CUT_POINTS,
  customers: RFM_CUSTOMERS,
  features: RFM_FEATURES,
};

export interface RfmBuildOptions {
  /** Table or view with the canonical purchases columns (src/ingest/canonical.ts). */
  purchases: string;
  /** Returns view (issue 12, item 2): its credit notes (`is_return`) are netted into revenue. */
  returns?: string | undefined;
  /** YYYY-MM-DD; overrides config.asOf (CLI --as-of). */
  asOf?: string;
  /**
   * A DATE expression built by this project's code (never from a config), overriding both: the RFM
   * findings score the customers a month before the current as-of date with it (issue 17).
   */
  asOfSql?: string;
  /** Locale of segment_label (default zh-CN). */
  locale?: RfmLocale;
  tables?: Partial<RfmTables>;
}

/** Statements to run in order, then `query` returns the cut points in use (buildCutPointsSql). */
export interface RfmPlan {
  statements: string[];
  query: string;
  tables: RfmTables;
}

function baseSql(config: RfmConfig, o: RfmBuildOptions, table: string): string {
  const p = ident(o.purchases);
  const w = config.window;
  const asOfIso = o.asOf ?? config.asOf;
  const to = w.kind === 'range' && w.to !== undefined ? dateLiteral(w.to) : null;
  const asOf =
    o.asOfSql !== undefined
      ? `CAST(${o.asOfSql} AS DATE)`
      : asOfIso !== undefined
        ? dateLiteral(asOfIso)
        : `(SELECT max(order_date) FROM ${p} WHERE customer_id IS NOT NULL${to ? ` AND order_date <= ${to}` : ''})`;
  const inWindow: string[] = [];
  if (w.kind === 'lastMonths')
    inWindow.push(`p.order_date > CAST(b.as_of - to_months(${literal(w.months)}) AS DATE)`);
  if (w.kind === 'range' && w.from !== undefined) inWindow.push(`p.order_date >= ${dateLiteral(w.from)}`);
  if (to) inWindow.push(`p.order_date <= ${to}`);
  const filter = inWindow.length ? ` FILTER (WHERE ${inWindow.join(' AND ')})` : '';
  const monetary =
    config.monetary === 'aov'
      ? `CAST(coalesce(round(revenue / nullif(frequency, 0), 2), 0) AS DECIMAL(18,2))`
      : 'revenue';
  return `CREATE OR REPLACE TABLE ${ident(table)} AS
WITH b AS (SELECT ${asOf} AS as_of),
  per_customer AS (
    SELECT p.customer_id, b.as_of, max(p.order_date) AS last_purchase_date,
      (b.as_of - max(p.order_date))::INTEGER AS recency_days,
      count(DISTINCT p.order_id)${filter} AS frequency,
      CAST(coalesce(sum(p.net_amount)${filter}, 0) AS DECIMAL(18,2)) AS revenue
    FROM ${p} p CROSS JOIN b
    WHERE p.order_date <= b.as_of AND p.customer_id IS NOT NULL
    GROUP BY p.customer_id, b.as_of
  )${
    o.returns
      ? `,
  returned AS (
    SELECT p.customer_id, coalesce(sum(p.net_amount)${filter}, 0) AS amount
    FROM ${ident(o.returns)} p CROSS JOIN b
    WHERE p.is_return AND p.order_date <= b.as_of GROUP BY p.customer_id
  ),
  netted AS (
    SELECT pc.* REPLACE (CAST(pc.revenue + coalesce(r.amount, 0) AS DECIMAL(18,2)) AS revenue)
    FROM per_customer pc LEFT JOIN returned r ON r.customer_id = pc.customer_id
  )`
      : ''
  }
SELECT customer_id, as_of, last_purchase_date, recency_days, frequency, revenue, ${monetary} AS monetary
FROM ${o.returns ? 'netted' : 'per_customer'}`;
}

function bins(spec: DimensionCuts) {
  return spec.source === 'fixed' || spec.source === 'quantile' ? spec : spec.base;
}

/** 1..k score from the dimension's bin cut points (pivot columns `<d>_c<i>` of alias cl). */
function binScoreSql(d: RfmDimension, spec: DimensionCuts): string {
  const n = cutCount(bins(spec));
  const x = { r: 'b.recency_days', f: 'b.frequency', m: 'b.monetary' }[d];
  const steps = Array.from({ length: n }, (_, i) => `CASE WHEN ${x} >= cl.${d}_c${i + 1} THEN 1 ELSE 0 END`);
  const above = steps.length ? `(${steps.join(' + ')})` : '0';
  return d === 'r' ? `(${n + 1} - ${above})` : `(1 + ${above})`;
}

/** Final score expression of a dimension. */
function scoreSql(d: RfmDimension, spec: DimensionCuts): string {
  if (spec.source === 'fixed' || spec.source === 'quantile') return binScoreSql(d, spec);
  if (spec.basis === 'scores') return `CASE WHEN ${binScoreSql(d, spec)} > cl.${d}_cmp THEN 2 ELSE 1 END`;
  // Two levels on raw values: "high" only when strictly better than the mean/median (issue 4 cn8).
  if (d === 'r') return `CASE WHEN b.recency_days < cl.r_cmp THEN 2 ELSE 1 END`;
  const x = d === 'f' ? 'b.frequency' : 'b.monetary';
  return `CASE WHEN ${x} > cl.${d}_cmp THEN 2 ELSE 1 END`;
}

/** SQL condition of a segment rule over columns r_score, f_score, m_score, rfm_code. */
export function segmentConditionSql(rule: SegmentRule): string {
  if ('codes' in rule) {
    const codes = [...new Set(rule.codes)].map((c) => literal(c));
    return codes.length ? `rfm_code IN (${codes.join(', ')})` : 'FALSE';
  }
  const tests = RFM_DIMENSIONS.filter((d) => rule.ranges[d] !== undefined).map((d) => {
    const [lo, hi] = rule.ranges[d]!;
    return `${d}_score BETWEEN ${literal(lo)} AND ${literal(hi)}`;
  });
  if (tests.length === 0) return rule.any ? 'FALSE' : 'TRUE';
  return `(${tests.join(rule.any ? ' OR ' : ' AND ')})`;
}

/** CASE giving the segment id: rules in order, first match wins, else 'other'. */
export function segmentCaseSql(segments: readonly RfmSegment[]): string {
  const whens = segments.map((s) => `WHEN ${segmentConditionSql(s.rule)} THEN ${literal(s.id)}`);
  return whens.length ? `CASE ${whens.join(' ')} ELSE ${literal(OTHER_SEGMENT)} END` : literal(OTHER_SEGMENT);
}

/** CASE mapping a segment id column to its label in `locale`. */
export function segmentLabelSql(
  segments: readonly RfmSegment[],
  locale: RfmLocale,
  column = 'segment',
): string {
  const whens = segments.map((s) => `WHEN ${literal(s.id)} THEN ${literal(s.label[locale])}`);
  const other = literal(OTHER_LABEL[locale]);
  return whens.length ? `CASE ${ident(column)} ${whens.join(' ')} ELSE ${other} END` : other;
}

/**
 * The plan computing RFM for `config`. After it runs, `tables.customers` holds one row per
 * customer: customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_code
 * (R·100 + F·10 + M), segment (stable id, 'other' when no rule matches), segment_label (in the
 * locale), then revenue (net, in the window), last_purchase_date, as_of. Sorted by customer_id.
 */
export function buildRfmSql(input: RfmConfig, options: RfmBuildOptions): RfmPlan {
  const config = resolveRfmConfig(input);
  const t: RfmTables = { ...DEFAULT_RFM_TABLES, ...options.tables };
  const locale = options.locale ?? 'zh-CN';
  const cuts = config.cuts;
  const statements = [baseSql(config, options, t.base)];
  const cutSelects = RFM_DIMENSIONS.map((d) => cutPointRowsSql(d, cuts[d], t.base, config.quantileMethod));
  statements.push(`CREATE OR REPLACE TABLE ${ident(t.cutPoints)} AS
SELECT dimension::VARCHAR AS dimension, kind::VARCHAR AS kind, position::INTEGER AS position,
  value::DOUBLE AS value, source::VARCHAR AS source, basis::VARCHAR AS basis
FROM (${cutSelects.join('\nUNION ALL\n')})`);
  // Two levels on scores: the comparison is the mean/median of the base scores, known only now.
  for (const d of RFM_DIMENSIONS) {
    const spec = cuts[d];
    if ((spec.source === 'mean' || spec.source === 'median') && spec.basis === 'scores') {
      const agg = spec.source === 'mean' ? 'avg' : 'median';
      statements.push(`INSERT INTO ${ident(t.cutPoints)}
SELECT ${literal(d)}, 'comparison', 1, ${agg}(${binScoreSql(d, spec)})::DOUBLE, ${literal(spec.source)}, 'scores'
FROM ${ident(t.base)} b CROSS JOIN (${pivotCutsSql(t.cutPoints)}) cl`);
    }
  }
  statements.push(`CREATE OR REPLACE TABLE ${ident(t.customers)} AS
WITH scored AS (
    SELECT b.*, ${scoreSql('r', cuts.r)} AS r_score, ${scoreSql('f', cuts.f)} AS f_score, ${scoreSql('m', cuts.m)} AS m_score
    FROM ${ident(t.base)} b CROSS JOIN (${pivotCutsSql(t.cutPoints)}) cl
  ),
  coded AS (SELECT *, r_score * 100 + f_score * 10 + m_score AS rfm_code FROM scored),
  segmented AS (SELECT *, ${segmentCaseSql(config.segments)} AS segment FROM coded)
SELECT customer_id, recency_days, frequency, monetary, r_score::INTEGER AS r_score, f_score::INTEGER AS f_score,
  m_score::INTEGER AS m_score, rfm_code::INTEGER AS rfm_code, segment, ${segmentLabelSql(config.segments, locale)} AS segment_label,
  revenue, last_purchase_date, as_of
FROM segmented
ORDER BY customer_id`);
  return { statements, query: buildCutPointsSql(t.cutPoints), tables: t };
}
