/**
 * Revenue decomposition as an analysis module (issues 6, 11): revenue by period at
 * `behaviour.periodGrain`, optionally split by channel, category or segment, with the totals (PoP /
 * YoY) always at hand; the category × segment matrix; and periods.csv (the CLI's file and the
 * revenue card's buttons run the same SQL). Its cards show in the behaviour section.
 */
import { defineModule, type PlanContext } from '../contract.ts';
import { readRows } from '../read-rows.ts';
import type { BehaviourConfig } from '../behaviour/behaviour-config.ts';
import { SEGMENTS_TABLE } from '../behaviour/build-segment-source-sql.ts';
import { buildCategorySegmentMatrixSql } from './build-category-segment-matrix-sql.ts';
import { buildPeriodsCsvSql } from './build-periods-csv-sql.ts';
import { buildRevenueByPeriodSql, type RevenueSplit } from './build-revenue-by-period-sql.ts';
import { PERIOD_GRAINS, type PeriodGrain } from './period.ts';
import { CATEGORY_SEGMENT, REVENUE_PERIOD, type RevenuePeriods } from './results.ts';

export { PERIOD_GRAINS, type PeriodGrain, type RevenueSplit };
export type * from './results.ts';

export interface PeriodsParams {
  split: RevenueSplit;
  /** Whether the segment table exists; without it a segment split falls back to none. */
  segmentsAvailable: boolean;
}

const splitOf = (p: PeriodsParams): RevenueSplit =>
  p.split === 'segment' && !p.segmentsAvailable ? 'none' : p.split;

export const revenueModule = defineModule({
  id: 'revenue',
  needs: ['orders'],
  configKey: 'behaviour',
  prepare: () => [],
  parts: {
    /** Totals by period, and the split's rows when there is a split. */
    periods: {
      plan: (config: BehaviourConfig, ctx: PlanContext, p: PeriodsParams) => {
        const base = { purchases: ctx.purchases, returns: ctx.returns, grain: config.periodGrain };
        const split = splitOf(p);
        return {
          statements: [],
          queries: {
            totals: buildRevenueByPeriodSql({ ...base, splitBy: 'none' }),
            ...(split === 'none'
              ? {}
              : {
                  split: buildRevenueByPeriodSql({
                    ...base,
                    splitBy: split,
                    ...(split === 'segment' ? { segments: SEGMENTS_TABLE } : {}),
                  }),
                }),
          },
        };
      },
      read: (rows, p: PeriodsParams): RevenuePeriods => {
        const split = splitOf(p);
        const totals = readRows(rows.totals, REVENUE_PERIOD);
        return { split, totals, rows: split === 'none' ? totals : readRows(rows.split, REVENUE_PERIOD) };
      },
    },
    /** Revenue per category × segment (run only when the segment table exists). */
    matrix: {
      plan: (_config: BehaviourConfig, ctx: PlanContext, _params: void) => ({
        statements: [],
        queries: {
          cells: buildCategorySegmentMatrixSql({ purchases: ctx.purchases, segments: SEGMENTS_TABLE }),
        },
      }),
      read: (rows) => readRows(rows.cells, CATEGORY_SEGMENT),
    },
  },
  exports: [
    {
      id: 'periods',
      file: 'periods.csv',
      cli: true,
      plan: (config: BehaviourConfig, ctx: PlanContext) => ({
        statements: [],
        query: buildPeriodsCsvSql({
          purchases: ctx.purchases,
          returns: ctx.returns,
          grain: config.periodGrain,
        }),
      }),
    },
  ],
  section: null,
});

/** The periods.csv export (the revenue card's buttons). */
export const periodsExport = revenueModule.exports[0]!;
