/**
 * Typed results of the group comparison module (issues 6, 11): the groups a screen can pick, the
 * customer attributes offered as groups, and the metric rows of an A vs B comparison.
 */
import { readRows } from '../read-rows.ts';
import type { QueryRows } from '../contract.ts';
import { COMPARISON_METRICS, METRIC_TESTS } from './build-group-comparison-sql.ts';
import { twoProportionP, welch } from '../stats/intervals.ts';
import type { GroupAttribute } from './build-group-choices-sql.ts';

export { COMPARISON_METRICS } from './build-group-comparison-sql.ts';
export type ComparisonMetric = (typeof COMPARISON_METRICS)[number];

/** The cleaned customer file (src/ingest/cleaning/build-customers-cleaning-sql.ts). */
export const CUSTOMERS_TABLE = 'customers_clean';
/** Attribute columns of customers_clean offered as groups, in this order. */
export const CUSTOMER_ATTRIBUTES: readonly GroupAttribute[] = [
  { column: 'member_level' },
  { column: 'gender' },
  { column: 'region' },
  { column: 'tags', split: true },
];
/** Values offered per attribute, the most frequent first. */
export const ATTRIBUTE_LIMIT = 30;

export interface GroupChoice {
  /**
   * Stable key for a <select>: `all`, `segment:<id>`, `channel:<value>`, `attr:<column>:<value>`,
   * `dataset:compare`, `compare-channel:<value>` or `group:<id>` (a saved customer group).
   */
  key: string;
  kind: 'all' | 'segment' | 'channel' | 'attribute' | 'dataset' | 'compare-channel' | 'group';
  value: string;
  /** For attributes: the customers_clean column. */
  attribute?: string;
  /** For attributes: customers with the value; for saved groups: their members. */
  customers?: number;
  /** For saved customer groups (`group:<id>`, value = the group id): the group's name. */
  name?: string;
}

export const ATTRIBUTE_ROW = { attribute: 'text', value: 'text', customers: 'num' } as const;
export interface AttributeValue {
  attribute: string;
  value: string;
  customers: number;
}

export const COMPARISON_ROW = {
  metric: 'text',
  value_a: 'num?',
  value_b: 'num?',
  diff_abs: 'num?',
  diff_rel: 'num?',
  flagged: 'bool',
  n_a: 'num?',
  n_b: 'num?',
  sd_a: 'num?',
  sd_b: 'num?',
} as const;
/** Below this p-value a tested difference is called significant. */
export const SIGNIFICANCE_LEVEL = 0.05;
export interface ComparisonRow {
  metric: ComparisonMetric;
  value_a: number | null;
  value_b: number | null;
  diff_abs: number | null;
  diff_rel: number | null;
  /** |relative difference| at or above the threshold ("large difference"), whatever the test says. */
  flagged: boolean;
  /** The test used on this metric; null for totals and the median (not tested). */
  test: 'welch' | 'two_proportion' | null;
  /** Two-sided p-value; null when untested or the sample is too small (n < 2, no variance). */
  p_value: number | null;
  /** p_value < SIGNIFICANCE_LEVEL. */
  significant: boolean;
}

/** The test's p-value for one metric row (see METRIC_TESTS). */
export function comparisonP(
  test: ComparisonRow['test'],
  r: {
    value_a: number | null;
    value_b: number | null;
    n_a: number | null;
    n_b: number | null;
    sd_a: number | null;
    sd_b: number | null;
  },
): number | null {
  const { value_a: a, value_b: b, n_a: na, n_b: nb } = r;
  if (test === null || a === null || b === null || na === null || nb === null) return null;
  if (test === 'two_proportion') return twoProportionP(Math.round(a * na), na, Math.round(b * nb), nb);
  if (r.sd_a === null || r.sd_b === null) return null;
  return welch(a, r.sd_a ** 2, na, b, r.sd_b ** 2, nb)?.p ?? null;
}

const isMetric = (m: string): m is ComparisonMetric => (COMPARISON_METRICS as readonly string[]).includes(m);

/** The comparison's metric rows, in COMPARISON_METRICS order. */
export function readComparison(rows: QueryRows): ComparisonRow[] {
  return readRows(rows.comparison, COMPARISON_ROW).flatMap((r) => {
    const metric = r.metric;
    if (!isMetric(metric)) return [];
    const test = METRIC_TESTS[metric];
    const p = comparisonP(test, r);
    return [
      {
        metric,
        value_a: r.value_a,
        value_b: r.value_b,
        diff_abs: r.diff_abs,
        diff_rel: r.diff_rel,
        flagged: r.flagged,
        test,
        p_value: p,
        significant: p !== null && p < SIGNIFICANCE_LEVEL,
      },
    ];
  });
}
