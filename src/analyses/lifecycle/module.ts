/**
 * Lifecycle as an analysis module (issues 6, 11): customers per period by status with the lost
 * customers by channel, cohort retention, churn warning lists (with spend, RFM segment and scores
 * when rfm_customers exists) and the count of past early churners who came back, and the RFM
 * segments the section's group comparison offers. Every query stands alone on the purchases, so `prepare` is empty. Exports:
 * cohorts.csv and churn.csv (the CLI's files); churnListExport is one warning list (the churn card).
 */
import { defineModule, queriesPlan, type PlanContext } from '../contract.ts';
import { readRow, readRows } from '../read-rows.ts';
import { buildLifecycleSql, buildLostByChannelSql } from './build-lifecycle-sql.ts';
import { buildCohortsSql } from './build-cohorts-sql.ts';
import { buildCohortsCsvSql } from './build-cohorts-csv-sql.ts';
import {
  buildChurnWarningsSql,
  buildEarlyChurnReturnsSql,
  type ChurnRule,
  type ChurnWarningOptions,
} from './build-churn-warnings-sql.ts';
import { buildChurnCsvSql } from './build-churn-csv-sql.ts';
import {
  buildListTablesSql,
  buildSegmentLabelsSql,
  SEGMENTS_TABLE,
} from '../behaviour/build-segment-source-sql.ts';
import type { LifecycleConfig } from './lifecycle-config.ts';
import {
  COHORT_ROW,
  EARLY_RETURNS_ROW,
  readChurn,
  readPeriods,
  SEGMENT_ROW,
  type SegmentInfo,
} from './results.ts';
import { lifecycleFindings } from '../findings/lifecycle-findings.ts';

function asOf(ctx: PlanContext): { asOf?: string } {
  return ctx.asOf ? { asOf: ctx.asOf } : {};
}

/**
 * The warning rules' parameters from the config (all rules unless `rules` is given); with `segments`
 * the RFM customers table is joined for the segment and score columns (issue 12).
 */
function churnOptions(
  c: LifecycleConfig,
  ctx: PlanContext,
  rules?: readonly ChurnRule[],
  segments?: { segment?: string | undefined },
): ChurnWarningOptions {
  return {
    purchases: ctx.purchases,
    purchaseUnit: ctx.purchaseUnit,
    returns: ctx.returns,
    idleDays: c.lostDays,
    earlyChurnDays: c.earlyChurnDays,
    overdueFactor: c.overdueFactor,
    overdueMinPurchases: c.overdueMinPurchases,
    ...asOf(ctx),
    ...(rules ? { rules } : {}),
    ...(segments ? { segments: SEGMENTS_TABLE } : {}),
    ...(segments?.segment !== undefined ? { segment: segments.segment } : {}),
  };
}

export interface ChurnParams {
  /** Only these rules; default all. */
  rules?: readonly ChurnRule[];
  /**
   * The RFM customers table exists (the `segmentTable` part): join it for segment and RFM columns.
   * Without it those columns are NULL.
   */
  segments?: boolean;
}

export interface ChurnListParams {
  rule: ChurnRule;
  /** As in ChurnParams. */
  segments?: boolean;
  /** Only this RFM segment's customers (needs `segments`). */
  segment?: string;
}

/**
 * One warning list with every column of the builder (the churn card's buttons), optionally one
 * segment's part of it; the UI names the file after the rule. Not in `exports`: that list holds the
 * parameterless tables (as RFM's segmentExport).
 */
export const churnListExport = {
  id: 'churn-list',
  file: 'churn-list.csv',
  cli: false,
  plan: (config: LifecycleConfig, ctx: PlanContext, p: ChurnListParams) => ({
    statements: [],
    query: buildChurnWarningsSql(
      churnOptions(config, ctx, [p.rule], p.segments ? { segment: p.segment } : undefined),
    ),
  }),
} as const;

/** The download name of one warning list (`churn-early-churn.xlsx`), as the UI has always named it. */
export function churnListFile(rule: ChurnRule, format: 'csv' | 'xlsx'): string {
  return `churn-${rule.replace('_', '-')}.${format}`;
}

export const lifecycleModule = defineModule({
  id: 'lifecycle',
  needs: ['orders'],
  configKey: 'lifecycle',
  prepare: () => [],
  parts: {
    /** Customers per period by status, and lost customers per channel (totals). */
    periods: {
      plan: (config: LifecycleConfig, ctx: PlanContext, _params: void) => {
        const options = {
          purchases: ctx.purchases,
          purchaseUnit: ctx.purchaseUnit,
          grain: config.periodGrain,
          lostDays: config.lostDays,
          ...asOf(ctx),
        };
        return queriesPlan({ periods: buildLifecycleSql(options), lost: buildLostByChannelSql(options) });
      },
      read: (rows) => readPeriods(rows),
    },
    /** Cohort retention and revenue by first-purchase month or week. */
    cohorts: {
      plan: (config: LifecycleConfig, ctx: PlanContext, _params: void) =>
        queriesPlan({
          cohorts: buildCohortsSql({
            purchases: ctx.purchases,
            returns: ctx.returns,
            grain: config.cohortGrain,
            ...asOf(ctx),
          }),
        }),
      read: (rows) => readRows(rows.cohorts, COHORT_ROW),
    },
    /** The warning lists, one per rule: the customers at risk now, with spend, segment and scores. */
    churn: {
      plan: (config: LifecycleConfig, ctx: PlanContext, p: ChurnParams) =>
        queriesPlan({
          churn: buildChurnWarningsSql(churnOptions(config, ctx, p.rules, p.segments ? {} : undefined)),
        }),
      read: (rows) => readChurn(rows),
    },
    /** Past early churners and how many of them came back (not in the warning list). */
    earlyReturns: {
      plan: (config: LifecycleConfig, ctx: PlanContext, _params: void) =>
        queriesPlan({ returns: buildEarlyChurnReturnsSql(churnOptions(config, ctx)) }),
      read: (rows) => readRow(rows.returns?.[0], EARLY_RETURNS_ROW),
    },
    /**
     * Whether the RFM segment table exists (once the RFM section has run). Its own part: the labels
     * query does not bind without the table, so `segments` runs only when this is true.
     */
    segmentTable: {
      plan: (_config: LifecycleConfig, _ctx: PlanContext, _params: void) =>
        queriesPlan({ tables: buildListTablesSql() }),
      read: (rows) => readRows(rows.tables, { name: 'text' }).some((t) => t.name === SEGMENTS_TABLE),
    },
    /** Segment ids with their stored labels, biggest first; null when the table has none. */
    segments: {
      plan: (_config: LifecycleConfig, _ctx: PlanContext, _params: void) =>
        queriesPlan({ segments: buildSegmentLabelsSql(SEGMENTS_TABLE) }),
      read: (rows): SegmentInfo[] | null => {
        const segments = readRows(rows.segments, SEGMENT_ROW);
        return segments.length > 0 ? segments : null;
      },
    },
  },
  exports: [
    {
      id: 'cohorts',
      file: 'cohorts.csv',
      cli: true,
      plan: (config: LifecycleConfig, ctx: PlanContext) => ({
        statements: [],
        query: buildCohortsCsvSql({
          purchases: ctx.purchases,
          returns: ctx.returns,
          grain: config.cohortGrain,
          ...asOf(ctx),
        }),
      }),
    },
    {
      id: 'churn',
      file: 'churn.csv',
      cli: true,
      // The CLI runs the RFM module first, so rfm_customers exists for the segment and score columns.
      plan: (config: LifecycleConfig, ctx: PlanContext) => ({
        statements: [],
        query: buildChurnCsvSql(churnOptions(config, ctx, undefined, {})),
      }),
    },
  ],
  findings: lifecycleFindings((config, ctx) => churnOptions(config, ctx)),
  section: { titleKey: 'nav.lifecycle', order: 30 },
});
