/**
 * Typed results of the group comparison module (issues 6, 11): the groups a screen can pick, the
 * customer attributes offered as groups, and the metric rows of an A vs B comparison.
 */
import { readRows } from '../read-rows.ts';
import type { QueryRows } from '../contract.ts';
import { COMPARISON_METRICS } from './build-group-comparison-sql.ts';
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
   * `dataset:compare` or `compare-channel:<value>`.
   */
  key: string;
  kind: 'all' | 'segment' | 'channel' | 'attribute' | 'dataset' | 'compare-channel';
  value: string;
  /** For attributes: the customers_clean column. */
  attribute?: string;
  /** For attributes: customers with the value. */
  customers?: number;
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
} as const;
export interface ComparisonRow {
  metric: ComparisonMetric;
  value_a: number | null;
  value_b: number | null;
  diff_abs: number | null;
  diff_rel: number | null;
  flagged: boolean;
}

const isMetric = (m: string): m is ComparisonMetric => (COMPARISON_METRICS as readonly string[]).includes(m);

/** The comparison's metric rows, in COMPARISON_METRICS order. */
export function readComparison(rows: QueryRows): ComparisonRow[] {
  return readRows(rows.comparison, COMPARISON_ROW).flatMap((r) => {
    const metric = r.metric;
    return isMetric(metric) ? [{ ...r, metric }] : [];
  });
}
