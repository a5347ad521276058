/**
 * Segment migration as an analysis module (issue 14): the period ends, the RFM preset re-run at each
 * (migration_scores), segment sizes per period, flows between consecutive periods (Sankey,
 * migration.csv), the matrix between two chosen periods and the customers of a cell. Definitions:
 * build-migration-sql.ts. The RFM config comes in as a parameter (it is the RFM section's slice).
 */
import { defineModule, type PlanContext } from '../contract.ts';
import { readRows } from '../read-rows.ts';
import { maskedIdSql } from '../campaigns/build-campaigns-sql.ts';
import { configForCurrency } from '../rfm/money-cuts.ts';
import { resolveRfmConfig, type RfmConfig } from '../rfm/rfm-config.ts';
import {
  buildCellCustomersSql,
  buildFlowsSql,
  buildMatrixSql,
  buildMigrationCsvSql,
  buildMigrationScoresSql,
  buildPeriodEndsSql,
  buildSegmentSizesSql,
} from './build-migration-sql.ts';
import type { MigrationConfig } from './migration-config.ts';
import { FLOW_ROW, MATRIX_ROW, SIZE_ROW, type MigrationScores } from './results.ts';

export type * from './results.ts';
export type { MigrationConfig };
export { migrationHeadlines } from './results.ts';
export { MIGRATION_PERIODS } from './migration-config.ts';
export { NOT_YET } from './build-migration-sql.ts';

export interface PeriodsParams {
  rfm: RfmConfig;
}
export interface ScoresParams {
  rfm: RfmConfig;
  /** Period ends (YYYY-MM-DD) ascending: the `periods` part's result. */
  ends: readonly string[];
}
export interface MatrixParams {
  /** 1-based periods, from < to. */
  from: number;
  to: number;
}
export interface CellParams extends MatrixParams {
  fromSegment: string;
  toSegment: string;
  mask: boolean;
}

function periodEndsSql(config: MigrationConfig, ctx: PlanContext, rfm: RfmConfig): string {
  const r = resolveRfmConfig(rfm);
  return buildPeriodEndsSql({
    purchases: ctx.purchases,
    period: config.period,
    periods: config.periods,
    asOf: ctx.asOf ?? r.asOf,
    rangeTo: r.window.kind === 'range' ? r.window.to : undefined,
  });
}

function scoresSql(ctx: PlanContext, p: ScoresParams): string[] {
  return buildMigrationScoresSql(configForCurrency(p.rfm, ctx.currency), {
    purchases: ctx.purchases,
    returns: ctx.returns,
    locale: ctx.locale,
    ends: p.ends,
  });
}

export const migrationModule = defineModule({
  id: 'migration',
  needs: ['orders'],
  configKey: 'migration',
  prepare: () => [],
  parts: {
    /** The period ends (the last one is the as-of date). */
    periods: {
      plan: (config: MigrationConfig, ctx: PlanContext, p: PeriodsParams) => ({
        statements: [],
        queries: { ends: periodEndsSql(config, ctx, p.rfm) },
      }),
      read: (rows) => readRows(rows.ends, { period_end: 'text' } as const).map((r) => r.period_end),
    },
    /** migration_scores for the ends, then sizes per period and consecutive flows. */
    scores: {
      plan: (_config: MigrationConfig, ctx: PlanContext, p: ScoresParams) => ({
        statements: scoresSql(ctx, p),
        queries: { sizes: buildSegmentSizesSql(), flows: buildFlowsSql(ctx.locale) },
      }),
      read: (rows): MigrationScores => ({
        sizes: readRows(rows.sizes, SIZE_ROW),
        flows: readRows(rows.flows, FLOW_ROW),
      }),
    },
    /** The matrix between two periods (migration_scores must exist: run `scores` first). */
    matrix: {
      plan: (_config: MigrationConfig, ctx: PlanContext, p: MatrixParams) => ({
        statements: [],
        queries: { rows: buildMatrixSql(p.from, p.to, ctx.locale) },
      }),
      read: (rows) => readRows(rows.rows, MATRIX_ROW),
    },
  },
  exports: [],
  section: { titleKey: 'nav.migration', order: 15 },
});

/** migration.csv (period_end, from_segment, to_segment, customers): the CLI writes it after `periods`. */
export const migrationCsvExport = {
  id: 'migration',
  file: 'migration.csv',
  cli: false as const,
  plan: (_config: MigrationConfig, ctx: PlanContext, p: ScoresParams) => ({
    statements: scoresSql(ctx, p),
    query: buildMigrationCsvSql(ctx.locale),
  }),
};

/** The customers of one matrix cell (migration_scores must exist). */
export const migrationCellExport = {
  id: 'migration_cell',
  file: 'migration_customers.csv',
  cli: false as const,
  plan: (_config: MigrationConfig, ctx: PlanContext, p: CellParams) => ({
    statements: [],
    query: buildCellCustomersSql(p, ctx.locale, (e) => maskedIdSql(e, p.mask)),
  }),
};
