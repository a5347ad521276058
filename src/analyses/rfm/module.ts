/**
 * RFM as an analysis module (issues 4, 11): the overview, the lazily built customer features, the
 * segment drill-down, and the customers.csv / segments.csv exports (the CLI's files and the UI's
 * buttons run the same SQL).
 */
import { defineModule, type PlanContext } from '../contract.ts';
import { readRow } from '../read-rows.ts';
import { buildRfmSql, DEFAULT_RFM_TABLES } from './build-rfm-sql.ts';
import { buildRfmFeaturesSql } from './build-rfm-features-sql.ts';
import { buildCustomersCsvSql, buildSegmentsActionSql, buildSegmentsCsvSql } from './build-rfm-csv-sql.ts';
import {
  buildSegmentCustomersCountSql,
  buildSegmentCustomersPageSql,
  buildSegmentExportSql,
  type RfmSortColumn,
  highValueAtRiskBand,
} from './build-segment-customers-sql.ts';
import { levelsOf, resolveRfmConfig, type RfmConfig } from './rfm-config.ts';
import { planOverview, readOverview } from './overview.ts';
import { configForCurrency } from './money-cuts.ts';
import { rfmFindings } from '../findings/rfm-findings.ts';

const tables = DEFAULT_RFM_TABLES;

function asOf(ctx: PlanContext) {
  return ctx.asOf ? { asOf: ctx.asOf } : {};
}

/** The feature table statement (issue 6): whole history up to the RFM cut-off. */
function featuresSql(config: RfmConfig, ctx: PlanContext): string {
  return buildRfmFeaturesSql(resolveRfmConfig(configForCurrency(config, ctx.currency)), {
    purchases: ctx.purchases,
    purchaseUnit: ctx.purchaseUnit,
    tables,
    ...asOf(ctx),
  });
}

export interface DrillParams {
  segment: string;
  search: string;
  /** Only members of this saved customer group (src/analyses/groups); absent = no group filter. */
  group?: string | null | undefined;
  /** The features table, or null when it could not be built (the list keeps its RFM columns). */
  features: string | null;
  sort: { column: RfmSortColumn; direction: 'asc' | 'desc' };
  limit: number;
}

export const rfmModule = defineModule({
  id: 'rfm',
  needs: ['orders'],
  configKey: 'rfm',
  prepare: (config: RfmConfig, ctx) =>
    buildRfmSql(resolveRfmConfig(configForCurrency(config, ctx.currency)), {
      purchases: ctx.purchases,
      returns: ctx.returns,
      locale: ctx.locale,
      ...asOf(ctx),
    }).statements,
  parts: {
    /** rfm_* tables, then the overview charts' queries. */
    overview: {
      plan: (config: RfmConfig, ctx: PlanContext, _params: void) =>
        planOverview(configForCurrency(config, ctx.currency), ctx),
      read: (rows, _params: void, config: RfmConfig) => readOverview(rows, config),
    },
    /** Builds the rfm_features table; its name as the result. */
    features: {
      plan: (config: RfmConfig, ctx: PlanContext, _params: void) => ({
        statements: [featuresSql(config, ctx)],
        queries: {},
      }),
      read: () => tables.features,
    },
    /** One segment's customers, searched and sorted in SQL, with the total count. */
    drill: {
      plan: (config: RfmConfig, ctx: PlanContext, p: DrillParams) => {
        const filter = {
          ...(p.segment !== ALL_CUSTOMERS ? { segment: p.segment } : {}),
          search: p.search,
          band: scoreBand(config),
          ...(p.group ? { group: p.group } : {}),
        };
        return {
          statements: [],
          queries: {
            count: buildSegmentCustomersCountSql(filter),
            page: buildSegmentCustomersPageSql({
              ...filter,
              ...(p.features !== null ? { features: p.features } : {}),
              ...(ctx.clv !== undefined ? { clv: ctx.clv } : {}),
              sort: p.sort,
              limit: p.limit,
              offset: 0,
            }),
          },
        };
      },
      read: (rows) => ({ total: readRow(rows.count?.[0], { total: 'num' }).total, rows: rows.page ?? [] }),
    },
  },
  exports: [
    {
      id: 'customers',
      file: 'customers.csv',
      cli: true,
      plan: (config: RfmConfig, ctx: PlanContext) => ({
        statements: [featuresSql(config, ctx)],
        query: buildCustomersCsvSql(tables.customers, tables.features, ctx.clv),
      }),
    },
    {
      id: 'segments',
      file: 'segments.csv',
      cli: true,
      plan: (config: RfmConfig, ctx: PlanContext) => ({
        statements: [],
        query: buildSegmentsCsvSql(resolveRfmConfig(config).segments, {
          customers: tables.customers,
          locale: ctx.locale,
        }),
      }),
    },
  ],
  findings: rfmFindings,
  section: { titleKey: 'nav.rfm', order: 10 },
});

/** The high-value-at-risk band on this config's score scales (issue 18). */
export function scoreBand(config: RfmConfig) {
  const { cuts } = resolveRfmConfig(config);
  return highValueAtRiskBand({ r: levelsOf(cuts.r), m: levelsOf(cuts.m) });
}

/** The segments' recommended actions in `locale` (issue 18), for the export's segment_action column. */
function segmentActions(config: RfmConfig, locale: PlanContext['locale']) {
  return resolveRfmConfig(config).segments.map((s) => ({ id: s.id, action: s.action[locale] }));
}

/**
 * A segment's target list (customers.csv columns, the segment's recommended action, optional contact
 * columns from the customer file, then the features) for the drill-down's and the workbook's export.
 */
export const segmentExport = {
  id: 'segment-customers',
  file: 'rfm-segment.csv',
  cli: false,
  plan: (
    config: RfmConfig,
    ctx: PlanContext,
    p: {
      segment: string;
      features: string;
      group?: string | null | undefined;
      contacts?: { mask: boolean } | undefined;
    },
  ) => ({
    statements: [],
    query: buildSegmentExportSql({
      ...(p.segment !== ALL_CUSTOMERS ? { segment: p.segment } : {}),
      features: p.features,
      band: scoreBand(config),
      actions: segmentActions(config, ctx.locale),
      ...(p.group ? { group: p.group } : {}),
      ...(p.contacts ? { contacts: p.contacts } : {}),
      ...(ctx.clv !== undefined ? { clv: ctx.clv } : {}),
    }),
  }),
} as const;

/** The segment summary with each segment's recommended action (the UI's summary sheet, issue 18). */
export const segmentSummaryExport = {
  id: 'segments-with-actions',
  file: 'segments.csv',
  cli: false,
  plan: (config: RfmConfig, ctx: PlanContext) => ({
    statements: [],
    query: buildSegmentsActionSql(resolveRfmConfig(config).segments, {
      customers: tables.customers,
      locale: ctx.locale,
    }),
  }),
} as const;

export { rfmFeaturesCutoff } from './build-rfm-features-sql.ts';
export { RFM_SORT_COLUMNS, type RfmSortColumn } from './build-segment-customers-sql.ts';
export { HIGH_VALUE_AT_RISK, highValueAtRiskBand } from './build-segment-customers-sql.ts';
/** The drill-down of every customer (no segment filter), e.g. a saved group opened from the Groups panel. */
export const ALL_CUSTOMERS = '@all';
export { RFM_FEATURE_COLUMNS } from './build-rfm-features-sql.ts';
export { RFM_CLV_COLUMNS } from './build-segment-customers-sql.ts';
export type { DimensionCutPoints, CutPointsInUse } from './build-cut-points-sql.ts';
