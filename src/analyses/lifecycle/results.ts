/**
 * Typed results of the lifecycle module (issues 6, 11): the row specs its parts read with, the row
 * types the screens show, and the constants the screens need (re-exported so no screen imports a
 * builder).
 */
import { readRows, type RowOf } from '../read-rows.ts';
import type { QueryRows } from '../contract.ts';
import { channelLosses } from './build-lifecycle-sql.ts';
import { CHURN_RULES, type ChurnRule } from './build-churn-warnings-sql.ts';

export { CHURN_RULES, type ChurnRule } from './build-churn-warnings-sql.ts';
export type { CohortGrain } from './build-cohorts-sql.ts';

/** Rows of buildLifecycleSql. */
export const PERIOD_ROW = {
  period_start: 'text',
  period_end: 'text',
  active_customers: 'num',
  new_customers: 'num',
  returning_customers: 'num',
  reactivated_customers: 'num',
  lost_customers: 'num',
  net_change: 'num',
  active_base: 'num',
} as const;
export type LifecyclePeriodRow = RowOf<typeof PERIOD_ROW>;

/** Rows of buildLostByChannelSql (channel NULL when unknown). */
export const LOST_BY_CHANNEL_ROW = { period_start: 'text', channel: 'text?', lost_customers: 'num' } as const;
export interface ChannelLoss {
  channel: string | null;
  lost_customers: number;
}

/** Rows of buildCohortsSql. */
export const COHORT_ROW = {
  cohort: 'text',
  cohort_size: 'num',
  period_index: 'num',
  customers: 'num',
  retention: 'num',
  revenue: 'num',
  cumulative_revenue: 'num',
  cumulative_revenue_per_customer: 'num',
} as const;
export type CohortResultRow = RowOf<typeof COHORT_ROW>;

/** Rows of buildChurnWarningsSql. */
export const CHURN_ROW = {
  customer_id: 'text',
  rule: 'text',
  days_idle: 'num',
  last_purchase: 'text',
  threshold_days: 'num',
  detail: 'text',
  orders: 'num',
  spend: 'num',
  segment: 'text?',
  segment_label: 'text?',
  rfm_code: 'num?',
  r_score: 'num?',
  f_score: 'num?',
  m_score: 'num?',
} as const;
export type ChurnRow = Omit<RowOf<typeof CHURN_ROW>, 'rule'> & { rule: ChurnRule };
export type ChurnLists = Record<ChurnRule, ChurnRow[]>;

/** The row of buildEarlyChurnReturnsSql: past early churners, and how many came back. */
export const EARLY_RETURNS_ROW = {
  early_churners: 'num',
  returned: 'num',
  not_returned: 'num',
  returned_share: 'num?',
} as const;
export type EarlyChurnReturns = RowOf<typeof EARLY_RETURNS_ROW>;

/** Rows of buildSegmentLabelsSql: the RFM segments with their stored label. */
export const SEGMENT_ROW = { segment: 'text', segment_label: 'text?', customers: 'num' } as const;
export type SegmentInfo = RowOf<typeof SEGMENT_ROW>;

/** The lifecycle card's result: customers per period by status, and lost customers per channel. */
export interface LifecyclePeriods {
  periods: LifecyclePeriodRow[];
  /** Totals over all periods, most lost first. */
  lostByChannel: ChannelLoss[];
}

export function readPeriods(rows: QueryRows): LifecyclePeriods {
  return {
    periods: readRows(rows.periods, PERIOD_ROW),
    lostByChannel: channelLosses(readRows(rows.lost, LOST_BY_CHANNEL_ROW)),
  };
}

const isRule = (rule: string): rule is ChurnRule => (CHURN_RULES as readonly string[]).includes(rule);

/** Warning rows split into one list per rule (in the builder's order within each). */
export function readChurn(rows: QueryRows): ChurnLists {
  const lists: ChurnLists = { idle: [], early_churn: [], overdue: [] };
  for (const r of readRows(rows.churn, CHURN_ROW)) {
    const rule = r.rule;
    if (isRule(rule)) lists[rule].push({ ...r, rule });
  }
  return lists;
}
