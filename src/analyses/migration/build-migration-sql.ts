/**
 * Segment migration (issue 14): the RFM preset re-run at the end of each month (or quarter), each
 * time with its own as-of date and only the purchases up to it (buildRfmSql with `asOf`), so a
 * customer's segment can be followed from period to period.
 *
 * Definitions (UI help and README say the same; migration.test.ts pins them):
 * - Period ends: the last day of every month (quarter) that ends before the as-of date, from the
 *   month of the first purchase; the last period ends at the as-of date itself (the RFM section's:
 *   the config's or --as-of, else the last purchase date). Only the latest `periods` ends are kept.
 * - At each end, the customers are those with a purchase on or before it, scored exactly as the RFM
 *   section would score them with that as-of date (same cuts, window, monetary, returns).
 * - A customer with no purchase yet at a period end is "not yet a customer" (`__not_yet`) there.
 * - Migration A → B: every customer of B by (segment at A or not yet, segment at B). Summed over the
 *   "to" segments it gives each segment's size at A (plus the new customers); over "from", B's sizes.
 *
 * Tables: `migration_scores` (period, period_end, customer_id, segment, segment_label).
 */
import { dateLiteral, ident, literal } from '../../sql/quote.ts';
import { buildRfmSql, type RfmLocale } from '../rfm/build-rfm-sql.ts';
import type { RfmConfig } from '../rfm/rfm-config.ts';
import type { MigrationPeriod } from './migration-config.ts';

export const MIGRATION_SCORES = 'migration_scores';
export const NOT_YET = '__not_yet';
export const NOT_YET_LABEL: Record<RfmLocale, string> = { 'zh-CN': '尚未成为客户', en: 'Not yet a customer' };

const WORK = {
  base: 'migration_rfm_base',
  cutPoints: 'migration_rfm_cut_points',
  customers: 'migration_rfm_customers',
};

export interface PeriodEndsOptions {
  purchases: string;
  period: MigrationPeriod;
  periods: number;
  /** The as-of date (ctx.asOf or the RFM config's); absent = the last purchase date (≤ rangeTo). */
  asOf?: string | undefined;
  /** The RFM window's range end, when the window is a range without an as-of date. */
  rangeTo?: string | undefined;
}

/** period_end (DATE text) ascending: month/quarter ends before the as-of date, then the as-of date. */
export function buildPeriodEndsSql(o: PeriodEndsOptions): string {
  const p = ident(o.purchases);
  const asOf =
    o.asOf !== undefined
      ? dateLiteral(o.asOf)
      : `(SELECT max(order_date) FROM ${p} WHERE customer_id IS NOT NULL${o.rangeTo ? ` AND order_date <= ${dateLiteral(o.rangeTo)}` : ''})`;
  const unit = o.period === 'quarter' ? 'quarter' : 'month';
  const step = o.period === 'quarter' ? 'INTERVAL 3 MONTH' : 'INTERVAL 1 MONTH';
  return `WITH b AS (
    SELECT (SELECT min(order_date) FROM ${p} WHERE customer_id IS NOT NULL) AS first, CAST(${asOf} AS DATE) AS as_of
  ),
  ends AS (
    SELECT CAST(d + ${step} - INTERVAL 1 DAY AS DATE) AS period_end
    FROM b, range(CAST(date_trunc(${literal(unit)}, b.first) AS TIMESTAMP), CAST(b.as_of AS TIMESTAMP), ${step}) AS r(d)
    WHERE b.first IS NOT NULL AND b.first <= b.as_of
  ),
  all_ends AS (
    SELECT period_end FROM ends, b WHERE period_end < b.as_of
    UNION SELECT as_of FROM b WHERE as_of IS NOT NULL AND first IS NOT NULL AND first <= as_of
  )
SELECT CAST(period_end AS VARCHAR) AS period_end FROM (
  SELECT period_end FROM all_ends ORDER BY period_end DESC LIMIT ${literal(o.periods)}
) ORDER BY period_end`;
}

export interface ScoresOptions {
  purchases: string;
  returns?: string | undefined;
  locale: RfmLocale;
  /** Period ends (YYYY-MM-DD) ascending, from buildPeriodEndsSql. */
  ends: readonly string[];
}

/** Statements filling migration_scores: the RFM plan at each period end. */
export function buildMigrationScoresSql(rfm: RfmConfig, o: ScoresOptions): string[] {
  const sorted = [...o.ends].sort();
  if (sorted.some((e, i) => e !== o.ends[i])) throw new Error('migration: period ends must be ascending');
  const out = [
    `CREATE OR REPLACE TABLE ${ident(MIGRATION_SCORES)} (period INTEGER, period_end DATE, customer_id VARCHAR, segment VARCHAR, segment_label VARCHAR)`,
  ];
  o.ends.forEach((end, i) => {
    out.push(
      ...buildRfmSql(rfm, {
        purchases: o.purchases,
        returns: o.returns,
        locale: o.locale,
        asOf: end,
        tables: WORK,
      }).statements,
      `INSERT INTO ${ident(MIGRATION_SCORES)} SELECT ${literal(i + 1)}, ${dateLiteral(end)}, CAST(customer_id AS VARCHAR), segment, segment_label FROM ${ident(WORK.customers)}`,
    );
  });
  out.push(...Object.values(WORK).map((t) => `DROP TABLE IF EXISTS ${ident(t)}`));
  return out;
}

/** Segment × period: period, period_end, segment, segment_label, customers. */
export function buildSegmentSizesSql(): string {
  return `SELECT period, CAST(period_end AS VARCHAR) AS period_end, segment, min(segment_label) AS segment_label, count(*) AS customers
FROM ${ident(MIGRATION_SCORES)} GROUP BY period, period_end, segment ORDER BY period, customers DESC, segment`;
}

/** Customers of period `to` (and of `from`) by segment at `from` (not yet = NOT_YET) and at `to`. */
function pairSql(from: string, to: string, locale: RfmLocale): string {
  const s = ident(MIGRATION_SCORES);
  return `SELECT coalesce(f.segment, ${literal(NOT_YET)}) AS from_segment,
    coalesce(f.segment_label, ${literal(NOT_YET_LABEL[locale])}) AS from_label,
    coalesce(t.segment, ${literal(NOT_YET)}) AS to_segment,
    coalesce(t.segment_label, ${literal(NOT_YET_LABEL[locale])}) AS to_label,
    coalesce(t.customer_id, f.customer_id) AS customer_id
  FROM (SELECT * FROM ${s} WHERE period = ${from}) f
  FULL JOIN (SELECT * FROM ${s} WHERE period = ${to}) t ON t.customer_id = f.customer_id`;
}

const checkPeriod = (p: number) => {
  if (!Number.isInteger(p) || p < 1) throw new Error(`migration: bad period ${p}`);
};

/**
 * The matrix between periods `from` and `to` (1-based): from_segment, from_label, to_segment,
 * to_label, customers, row_share (customers / the from segment's customers).
 */
export function buildMatrixSql(from: number, to: number, locale: RfmLocale): string {
  checkPeriod(from);
  checkPeriod(to);
  return `SELECT *, customers / sum(customers) OVER (PARTITION BY from_segment) AS row_share FROM (
  SELECT from_segment, from_label, to_segment, to_label, count(*) AS customers
  FROM (${pairSql(literal(from), literal(to), locale)}) GROUP BY from_segment, from_label, to_segment, to_label)
ORDER BY from_segment = ${literal(NOT_YET)}, from_segment, to_segment`;
}

/**
 * Every pair of consecutive periods: period (the later one), period_end (its end), from_segment,
 * from_label, to_segment, to_label, customers. Feeds the Sankey and migration.csv.
 */
export function buildFlowsSql(locale: RfmLocale): string {
  const s = ident(MIGRATION_SCORES);
  const notYet = `${literal(NOT_YET)}, ${literal(NOT_YET_LABEL[locale])}`;
  // Customers never leave (a purchase up to an end stays up to the next), so the anti-join is empty;
  // it is there so that the counts would still add up if they did.
  return `SELECT period, CAST(period_end AS VARCHAR) AS period_end, from_segment, from_label, to_segment, to_label, count(*) AS customers
FROM (
  SELECT t.period, t.period_end, coalesce(f.segment, ${literal(NOT_YET)}) AS from_segment,
    coalesce(f.segment_label, ${literal(NOT_YET_LABEL[locale])}) AS from_label, t.segment AS to_segment, t.segment_label AS to_label
  FROM ${s} t LEFT JOIN ${s} f ON f.customer_id = t.customer_id AND f.period = t.period - 1
  WHERE t.period > 1
  UNION ALL
  SELECT f.period + 1, n.period_end, f.segment, f.segment_label, ${notYet}
  FROM ${s} f JOIN (SELECT DISTINCT period, period_end FROM ${s}) n ON n.period = f.period + 1
  WHERE NOT EXISTS (SELECT 1 FROM ${s} t WHERE t.period = f.period + 1 AND t.customer_id = f.customer_id)
) GROUP BY ALL ORDER BY period, from_segment, to_segment`;
}

/** migration.csv: period_end, from_segment, to_segment (labels in the locale), customers. */
export function buildMigrationCsvSql(locale: RfmLocale): string {
  return `SELECT period_end, from_label AS from_segment, to_label AS to_segment, customers
FROM (${buildFlowsSql(locale)})`;
}

/**
 * The customers of one cell (from `from` segment at period a to `to` segment at period b), for export:
 * customer_id (masked when a phone or e-mail and `mask`), from_segment, to_segment (labels),
 * from_period_end, to_period_end.
 */
export function buildCellCustomersSql(
  cell: { from: number; to: number; fromSegment: string; toSegment: string },
  locale: RfmLocale,
  maskId: (expr: string) => string,
): string {
  checkPeriod(cell.from);
  checkPeriod(cell.to);
  const ends = (p: number) =>
    `(SELECT CAST(max(period_end) AS VARCHAR) FROM ${ident(MIGRATION_SCORES)} WHERE period = ${literal(p)})`;
  return `SELECT ${maskId('customer_id')} AS customer_id, from_label AS from_segment, to_label AS to_segment,
  ${ends(cell.from)} AS from_period_end, ${ends(cell.to)} AS to_period_end
FROM (${pairSql(literal(cell.from), literal(cell.to), locale)})
WHERE from_segment = ${literal(cell.fromSegment)} AND to_segment = ${literal(cell.toSegment)}
ORDER BY customer_id`;
}
