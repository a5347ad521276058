/**
 * The RFM overview as the screens read it (issue 4): the plan that materialises rfm_base /
 * rfm_cut_points / rfm_customers, the overview queries over rfm_customers, and their typed result.
 */
import type { ModulePlan, PlanContext, QueryRows } from '../contract.ts';
import { readRow, readRows } from '../read-rows.ts';
import { buildRfmSql } from './build-rfm-sql.ts';
import { cutPointsFromRows, type CutPointsInUse } from './build-cut-points-sql.ts';
import { buildRfmMetaSql } from './build-rfm-meta-sql.ts';
import {
  buildCodeCountsSql,
  buildConcentrationSql,
  buildDistributionSql,
  buildParetoSql,
  buildRfHeatmapSql,
  buildSegmentSummarySql,
} from './build-rfm-views-sql.ts';
import { RFM_DIMENSIONS, resolveRfmConfig, type RfmConfig, type RfmDimension } from './rfm-config.ts';
import { gridOf, type CellCount, type ScoreGrid } from './segment-rules.ts';

const SUMMARY = {
  segment: 'text',
  segment_label: 'text',
  customers: 'num',
  orders: 'num',
  revenue: 'num',
  customer_share: 'num?',
  revenue_share: 'num?',
  aov: 'num?',
  avg_monetary: 'num?',
} as const;
const HEATMAP = { r_score: 'num', f_score: 'num', customers: 'num', avg_monetary: 'num?' } as const;
const CELLS = {
  r_score: 'num',
  f_score: 'num',
  m_score: 'num',
  customers: 'num',
  orders: 'num',
  revenue: 'num',
} as const;
const BINS = {
  bin_index: 'num',
  bin_lower: 'num',
  bin_upper: 'num',
  open_ended: 'bool',
  customers: 'num',
} as const;
const PARETO = { point: 'num', customer_share: 'num', revenue_share: 'num?' } as const;
const CONCENTRATION = {
  revenue_share_target: 'num',
  customers_needed: 'num?',
  customer_share: 'num?',
} as const;
const META = {
  as_of: 'text?',
  first_purchase_date: 'text?',
  last_purchase_date: 'text?',
  customers: 'num',
} as const;

export interface SegmentSummary {
  segment: string;
  segment_label: string;
  customers: number;
  orders: number;
  revenue: number;
  customer_share: number | null;
  revenue_share: number | null;
  aov: number | null;
  avg_monetary: number | null;
}
export interface Concentration {
  target: number;
  customersNeeded: number | null;
  customerShare: number | null;
}
export interface DistributionBin {
  bin_index: number;
  bin_lower: number;
  bin_upper: number;
  open_ended: boolean;
  customers: number;
}

export interface RfmOverview {
  cutsInUse: CutPointsInUse;
  /** Score levels of the config the run used (live counts are only valid for this grid). */
  grid: ScoreGrid;
  summary: SegmentSummary[];
  heatmap: { r_score: number; f_score: number; customers: number; avg_monetary: number | null }[];
  cells: CellCount[];
  distributions: Record<RfmDimension, DistributionBin[]>;
  pareto: { point: number; customer_share: number; revenue_share: number | null }[];
  concentration: Concentration[];
  asOf: string | null;
  firstPurchase: string | null;
  lastPurchase: string | null;
  /** Distinct customers counted from the purchases (the segment totals must add up to it). */
  customers: number;
}

const distributionQuery = (d: RfmDimension) => `distribution_${d}`;

/** The RFM tables (statements) and every overview query over them. */
export function planOverview(config: RfmConfig, ctx: PlanContext): ModulePlan {
  const resolved = resolveRfmConfig(config);
  const plan = buildRfmSql(resolved, {
    purchases: ctx.purchases,
    returns: ctx.returns,
    locale: ctx.locale,
    ...(ctx.asOf ? { asOf: ctx.asOf } : {}),
  });
  const customers = plan.tables.customers;
  return {
    statements: plan.statements,
    queries: {
      cuts: plan.query,
      summary: buildSegmentSummarySql(resolved.segments, { customers, locale: ctx.locale }),
      heatmap: buildRfHeatmapSql({ customers }),
      cells: buildCodeCountsSql({ customers }),
      pareto: buildParetoSql({ customers }),
      concentration: buildConcentrationSql({ customers, targets: [0.5, 0.8] }),
      meta: buildRfmMetaSql({ purchases: ctx.purchases, customers }),
      ...Object.fromEntries(
        RFM_DIMENSIONS.map((d) => [distributionQuery(d), buildDistributionSql(d, { customers, bins: 30 })]),
      ),
    },
  };
}

export function readOverview(rows: QueryRows, config: RfmConfig): RfmOverview {
  const meta = readRow(rows.meta?.[0], META);
  const distribution = (d: RfmDimension) => readRows(rows[distributionQuery(d)], BINS);
  return {
    cutsInUse: cutPointsFromRows(rows.cuts ?? []),
    grid: gridOf(resolveRfmConfig(config).cuts),
    summary: readRows(rows.summary, SUMMARY),
    heatmap: readRows(rows.heatmap, HEATMAP),
    cells: readRows(rows.cells, CELLS).map((c) => ({
      r: c.r_score,
      f: c.f_score,
      m: c.m_score,
      customers: c.customers,
      orders: c.orders,
      revenue: c.revenue,
    })),
    distributions: { r: distribution('r'), f: distribution('f'), m: distribution('m') },
    pareto: readRows(rows.pareto, PARETO),
    concentration: readRows(rows.concentration, CONCENTRATION).map((c) => ({
      target: c.revenue_share_target,
      customersNeeded: c.customers_needed,
      customerShare: c.customer_share,
    })),
    asOf: meta.as_of,
    firstPurchase: meta.first_purchase_date,
    lastPurchase: meta.last_purchase_date,
    customers: meta.customers,
  };
}
