/**
 * Typed results of the revenue module's parts (issues 6, 11), columns as documented on
 * buildRevenueByPeriodSql and buildCategorySegmentMatrixSql.
 */
import type { RowOf } from '../read-rows.ts';
import type { RevenueSplit } from './build-revenue-by-period-sql.ts';

export const REVENUE_PERIOD = {
  period_start: 'text',
  group_key: 'text?',
  revenue: 'num',
  orders: 'num',
  customers: 'num',
  aov: 'num?',
  new_customers: 'num',
  new_customer_revenue: 'num',
  returning_customer_revenue: 'num',
  revenue_pop_change: 'num?',
  revenue_yoy_change: 'num?',
} as const;
export type RevenueRow = RowOf<typeof REVENUE_PERIOD>;

export interface RevenuePeriods {
  /** The split the rows have: 'none' when a segment split was asked for without segments. */
  split: RevenueSplit;
  /** Rows without a split (totals, PoP and YoY). */
  totals: RevenueRow[];
  /** Rows of the split (the totals again when there is none). */
  rows: RevenueRow[];
}

export const CATEGORY_SEGMENT = {
  category: 'text?',
  segment: 'text?',
  revenue: 'num',
  orders: 'num',
  customers: 'num',
  segment_revenue_share: 'num?',
} as const;
export type CategorySegmentRow = RowOf<typeof CATEGORY_SEGMENT>;
