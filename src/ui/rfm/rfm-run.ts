/**
 * One RFM run in the browser: the plan (materialises rfm_base / rfm_cut_points / rfm_customers on
 * `purchases`), then the overview queries over rfm_customers, decoded into typed rows for the chart
 * builders. All SQL comes from the pure builders in analyses/rfm.
 */
import type { EngineClient, Result, Row } from '../../client/engine-client.ts';
import { buildRfmSql, type RfmLocale } from '../../analyses/rfm/build-rfm-sql.ts';
import { cutPointsFromRows, type CutPointsInUse } from '../../analyses/rfm/build-cut-points-sql.ts';
import { buildRfmMetaSql } from '../../analyses/rfm/build-rfm-meta-sql.ts';
import {
  buildCodeCountsSql,
  buildConcentrationSql,
  buildDistributionSql,
  buildParetoSql,
  buildRfHeatmapSql,
  buildSegmentSummarySql,
} from '../../analyses/rfm/build-rfm-views-sql.ts';
import { RFM_DIMENSIONS, type ResolvedRfmConfig, type RfmDimension } from '../../analyses/rfm/rfm-config.ts';
import { gridOf, type CellCount, type ScoreGrid } from '../../analyses/rfm/segment-rules.ts';
import type { SegmentSummaryRow } from '../../charts/rfm/segment-bar-option.ts';
import type { RfCell } from '../../charts/rfm/rf-heatmap-option.ts';
import type { DistributionBin } from '../../charts/rfm/distribution-option.ts';
import type { ParetoPoint } from '../../charts/rfm/pareto-option.ts';

export const PURCHASES = 'purchases';

export interface SummaryRow extends SegmentSummaryRow {
  aov: number | null;
  avg_monetary: number | null;
}
export interface Concentration {
  target: number;
  customersNeeded: number | null;
  customerShare: number | null;
}
export interface RfmResults {
  cutsInUse: CutPointsInUse;
  /** Score levels of the config the run used (live counts are only valid for this grid). */
  grid: ScoreGrid;
  summary: SummaryRow[];
  heatmap: RfCell[];
  cells: CellCount[];
  distributions: Record<RfmDimension, DistributionBin[]>;
  pareto: ParetoPoint[];
  concentration: Concentration[];
  asOf: string | null;
  firstPurchase: string | null;
  lastPurchase: string | null;
  /** Distinct customers counted from the purchases (the segment totals must add up to it). */
  customers: number;
  ms: number;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function toSummary(r: Row): SummaryRow {
  return {
    segment: String(r.segment),
    segment_label: String(r.segment_label),
    customers: num(r.customers),
    orders: num(r.orders),
    revenue: num(r.revenue),
    customer_share: numOrNull(r.customer_share),
    revenue_share: numOrNull(r.revenue_share),
    aov: numOrNull(r.aov),
    avg_monetary: numOrNull(r.avg_monetary),
  };
}

/** Run the plan and every overview query; the first failure is returned as the error. */
export async function runRfm(
  engine: EngineClient,
  config: ResolvedRfmConfig,
  locale: RfmLocale,
  onProgress?: (fraction: number) => void,
): Promise<Result<RfmResults>> {
  const t0 = performance.now();
  const plan = buildRfmSql(config, { purchases: PURCHASES, locale });
  const planned = await engine.runPlan(plan, onProgress);
  if (!planned.ok) return planned;
  const customers = plan.tables.customers;
  const sql = [
    buildSegmentSummarySql(config.segments, { customers, locale }),
    buildRfHeatmapSql({ customers }),
    buildCodeCountsSql({ customers }),
    buildParetoSql({ customers }),
    buildConcentrationSql({ customers, targets: [0.5, 0.8] }),
    buildRfmMetaSql({ purchases: PURCHASES, customers }),
    ...RFM_DIMENSIONS.map((d) => buildDistributionSql(d, { customers, bins: 30 })),
  ];
  // One after another: a streaming result on the shared connection ends when the next query starts.
  const rows: Row[][] = [];
  for (const q of sql) {
    const r = await engine.query(q);
    if (!r.ok) return r;
    rows.push(r.value.rows);
  }
  const [summary, heatmap, cells, pareto, concentration, meta, dr, df, dm] = rows;
  const bins = (rs: Row[]): DistributionBin[] =>
    rs.map((b) => ({
      bin_index: num(b.bin_index),
      bin_lower: num(b.bin_lower),
      bin_upper: num(b.bin_upper),
      open_ended: b.open_ended === true,
      customers: num(b.customers),
    }));
  const m = meta![0] ?? {};
  return {
    ok: true,
    value: {
      cutsInUse: cutPointsFromRows(planned.value?.rows ?? []),
      grid: gridOf(config.cuts),
      summary: summary!.map(toSummary),
      heatmap: heatmap!.map((c) => ({
        r_score: num(c.r_score),
        f_score: num(c.f_score),
        customers: num(c.customers),
        avg_monetary: numOrNull(c.avg_monetary),
      })),
      cells: cells!.map((c) => ({
        r: num(c.r_score),
        f: num(c.f_score),
        m: num(c.m_score),
        customers: num(c.customers),
        orders: num(c.orders),
        revenue: num(c.revenue),
      })),
      distributions: { r: bins(dr!), f: bins(df!), m: bins(dm!) },
      pareto: pareto!.map((p) => ({
        point: num(p.point),
        customer_share: num(p.customer_share),
        revenue_share: numOrNull(p.revenue_share),
      })),
      concentration: concentration!.map((c) => ({
        target: num(c.revenue_share_target),
        customersNeeded: numOrNull(c.customers_needed),
        customerShare: numOrNull(c.customer_share),
      })),
      asOf: text(m.as_of),
      firstPurchase: text(m.first_purchase_date),
      lastPurchase: text(m.last_purchase_date),
      customers: num(m.customers),
      ms: Math.round(performance.now() - t0),
    },
  };
}
