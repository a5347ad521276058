/**
 * Purchase behaviour as an analysis module (issues 6, 11): repurchase, intervals, preferences, price
 * sensitivity, purchase time and the customer features table, plus the behaviour.csv export (the
 * CLI's file and the features card's buttons run the same SQL). Every part reads the purchases on
 * its own, so `prepare` is empty; the segment parts read the table the RFM section materialises.
 */
import { defineModule, type PlanContext, type QueryRows } from '../contract.ts';
import { readRow, readRows } from '../read-rows.ts';
import type { BehaviourConfig } from './behaviour-config.ts';
import { buildBehaviourCsvSql } from './build-behaviour-csv-sql.ts';
import { buildCustomerFeaturesSql, CUSTOMER_FEATURE_COLUMNS } from './build-customer-features-sql.ts';
import {
  buildIntervalHistogramSql,
  buildIntervalStatsSql,
  type IntervalGrouping,
} from './build-intervals-sql.ts';
import { buildPreferenceMixSql } from './build-preference-sql.ts';
import { bandLabel, buildAovBandsSql, buildPriceSensitivitySql } from './build-price-sensitivity-sql.ts';
import { buildRepurchaseRateSql, buildSecondPurchaseSql } from './build-repurchase-sql.ts';
import {
  buildListTablesSql,
  buildSegmentLabelsSql,
  buildTableRowsSql,
  SEGMENTS_TABLE,
} from './build-segment-source-sql.ts';
import { buildTimeHeatmapSql } from './build-time-heatmap-sql.ts';
import {
  AOV_BAND,
  CUSTOMER_FEATURE,
  INTERVAL_HISTOGRAM,
  INTERVAL_STAT,
  PREFERENCE_DIMENSIONS,
  PREFERENCE_MIX,
  PRICE,
  REPURCHASE,
  SECOND_PURCHASE,
  SEGMENT_INFO,
  SEGMENT_TABLE_ROW,
  TIME_CELL,
  type CustomerFeatureRow,
  type Intervals,
  type Preferences,
  type Repurchase,
  type SegmentInfo,
} from './results.ts';
import { repurchaseFindings } from '../findings/repurchase-findings.ts';

// What the screens need besides the parts' results: names and pure helpers, one import away.
export { bandLabel, CUSTOMER_FEATURE_COLUMNS, SEGMENTS_TABLE, type IntervalGrouping };
export { PREFERENCE_DIMENSIONS } from './results.ts';
export type * from './results.ts';

/** The customer features table (kept in DuckDB for later analyses such as clustering). */
export const FEATURES_TABLE = 'customer_features';
/** Rows shown in the browser table; the export always has every customer. */
export const FEATURES_VIEW_LIMIT = 100_000;

// The features spec names exactly the builder's columns (a compile error here names the odd one).
type SpecColumn = keyof typeof CUSTOMER_FEATURE;
type BuilderColumn = (typeof CUSTOMER_FEATURE_COLUMNS)[number];
const _featureColumns: [SpecColumn, BuilderColumn] extends [BuilderColumn, SpecColumn] ? true : never = true;

export interface IntervalParams {
  grouping: IntervalGrouping;
  /** Table `(customer_id, segment)` for the segment grouping; default the RFM section's. */
  segments?: string;
}

const scope = (ctx: PlanContext) => ({ purchases: ctx.purchases, purchaseUnit: ctx.purchaseUnit });
const preferenceQuery = (d: string) => `mix_${d}`;

function intervalOptions(ctx: PlanContext, p: IntervalParams) {
  return {
    ...scope(ctx),
    groupBy: p.grouping,
    ...(p.grouping === 'segment' ? { segments: p.segments ?? SEGMENTS_TABLE } : {}),
  };
}

function readPreferences(rows: QueryRows): Preferences {
  const mix = (d: string) => readRows(rows[preferenceQuery(d)], PREFERENCE_MIX);
  return { category: mix('category'), channel: mix('channel'), payment_method: mix('payment_method') };
}

export const behaviourModule = defineModule({
  id: 'behaviour',
  needs: ['orders'],
  configKey: 'behaviour',
  prepare: () => [],
  parts: {
    /**
     * Whether the segment table exists (it does once the RFM section has run). Its own part: the
     * labels query fails to bind without the table, so `segments` runs only when this is true.
     */
    segmentTable: {
      plan: (_config: unknown, _ctx: PlanContext, _params: void) => ({
        statements: [],
        queries: { tables: buildListTablesSql() },
      }),
      read: (rows): boolean =>
        readRows(rows.tables, SEGMENT_TABLE_ROW).some((t) => t.name === SEGMENTS_TABLE),
    },
    /** Segment ids with their labels, biggest first; null when the table has none. */
    segments: {
      plan: (_config: unknown, _ctx: PlanContext, _params: void) => ({
        statements: [],
        queries: { segments: buildSegmentLabelsSql(SEGMENTS_TABLE) },
      }),
      read: (rows): SegmentInfo[] | null => {
        const segments = readRows(rows.segments, SEGMENT_INFO);
        return segments.length > 0 ? segments : null;
      },
    },
    /** Inter-purchase interval statistics and histogram (config.intervalBins), per group. */
    intervals: {
      plan: (config: BehaviourConfig, ctx: PlanContext, p: IntervalParams) => ({
        statements: [],
        queries: {
          stats: buildIntervalStatsSql(intervalOptions(ctx, p)),
          histogram: buildIntervalHistogramSql({ ...intervalOptions(ctx, p), bins: config.intervalBins }),
        },
      }),
      read: (rows): Intervals => ({
        stats: readRows(rows.stats, INTERVAL_STAT),
        histogram: readRows(rows.histogram, INTERVAL_HISTOGRAM),
      }),
    },
    /** Repurchase rate and the second purchase within each of config.secondPurchaseDays. */
    repurchase: {
      plan: (config: BehaviourConfig, ctx: PlanContext, _params: void) => ({
        statements: [],
        queries: {
          rate: buildRepurchaseRateSql(scope(ctx)),
          second: buildSecondPurchaseSql({ ...scope(ctx), withinDays: config.secondPurchaseDays }),
        },
      }),
      read: (rows): Repurchase => ({
        rate: rows.rate?.[0] ? readRow(rows.rate[0], REPURCHASE) : null,
        second: readRows(rows.second, SECOND_PURCHASE),
      }),
    },
    /** The mix of categories, channels and payment methods, and who prefers what. */
    preferences: {
      plan: (_config: BehaviourConfig, ctx: PlanContext, _params: void) => ({
        statements: [],
        queries: Object.fromEntries(
          PREFERENCE_DIMENSIONS.map((d) => [
            preferenceQuery(d),
            buildPreferenceMixSql({ ...scope(ctx), dimension: d }),
          ]),
        ),
      }),
      read: (rows) => readPreferences(rows),
    },
    /** Discount rate, promotion share and AOV over all orders; null when the query gave no row. */
    price: {
      plan: (_config: BehaviourConfig, ctx: PlanContext, _params: void) => ({
        statements: [],
        queries: { price: buildPriceSensitivitySql(scope(ctx)) },
      }),
      read: (rows) => (rows.price?.[0] ? readRow(rows.price[0], PRICE) : null),
    },
    /** Customers by AOV band (config.aovBands). */
    aovBands: {
      plan: (config: BehaviourConfig, ctx: PlanContext, _params: void) => ({
        statements: [],
        queries: { bands: buildAovBandsSql({ ...scope(ctx), bands: config.aovBands }) },
      }),
      read: (rows) => readRows(rows.bands, AOV_BAND),
    },
    /** Orders and revenue on the full weekday × hour grid. */
    time: {
      plan: (_config: BehaviourConfig, ctx: PlanContext, _params: void) => ({
        statements: [],
        queries: { cells: buildTimeHeatmapSql(scope(ctx)) },
      }),
      read: (rows) => readRows(rows.cells, TIME_CELL),
    },
    /** Builds customer_features (AOV band by config.aovBands); its first FEATURES_VIEW_LIMIT rows. */
    features: {
      plan: (config: BehaviourConfig, ctx: PlanContext, _params: void) => ({
        statements: [
          buildCustomerFeaturesSql({
            ...scope(ctx),
            returns: ctx.returns,
            aovBands: config.aovBands,
            target: FEATURES_TABLE,
          }),
        ],
        queries: { features: buildTableRowsSql(FEATURES_TABLE, FEATURES_VIEW_LIMIT) },
      }),
      read: (rows): CustomerFeatureRow[] => readRows(rows.features, CUSTOMER_FEATURE),
    },
  },
  exports: [
    {
      // One row per customer with every feature column; the features card downloads the same table.
      id: 'behaviour',
      file: 'behaviour.csv',
      cli: true,
      plan: (config: BehaviourConfig, ctx: PlanContext) => ({
        statements: [],
        query: buildBehaviourCsvSql({ ...scope(ctx), returns: ctx.returns, aovBands: config.aovBands }),
      }),
    },
  ],
  findings: repurchaseFindings,
  section: { titleKey: 'nav.behaviour', order: 20 },
});

/** The behaviour.csv export (the features card's buttons). */
export const behaviourExport = behaviourModule.exports[0]!;
