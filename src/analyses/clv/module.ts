/**
 * CLV as an analysis module (issue 16). Unlike the SQL-only modules it has a `compute` step: the
 * engine (worker or CLI) runs the summary SQL, fits BG/NBD + Gamma-Gamma in TypeScript and writes
 * the predictions table (src/engine/run-compute.ts); parts and exports then query that table.
 */
import { defineModule, type PlanContext } from '../contract.ts';
import { readRow, readRows } from '../read-rows.ts';
import type { ClvConfig } from './clv-config.ts';
import { clvFindings } from '../findings/clv-findings.ts';
import { CLV_TABLE, type ClvFitRequest } from './fit-request.ts';
import {
  buildClvBandsSql,
  buildClvCountSql,
  buildClvCsvSql,
  buildClvListSql,
  type ClvListOptions,
} from './build-clv-sql.ts';

export type ClvListParams = Omit<ClvListOptions, 'table'>;

const LIST_ROW = {
  customer_id: 'text',
  x: 'num',
  t_x: 'num',
  T: 'num',
  monetary_value: 'num?',
  p_alive: 'num?',
  expected_purchases: 'num?',
  expected_avg_value: 'num?',
  clv: 'num?',
  next_purchase_date: 'text?',
  alive_band: 'text?',
  past_value: 'num?',
} as const;

const BAND_ROW = {
  alive_band: 'text',
  purchase_band: 'text',
  customers: 'num',
  clv_total: 'num?',
  clv_mean: 'num?',
  p_alive_mean: 'num',
  expected_purchases: 'num',
} as const;

/** What the engine fits for this config and context. */
export function clvFitRequest(config: ClvConfig, ctx: PlanContext): ClvFitRequest {
  // A plain copy: the request crosses the worker boundary (a UI state proxy cannot be cloned).
  return {
    kind: 'clv',
    config: { ...config },
    purchases: ctx.purchases,
    asOf: ctx.asOf ?? null,
    table: CLV_TABLE,
  };
}

export const clvModule = defineModule({
  id: 'clv',
  needs: ['orders'],
  configKey: 'clv',
  prepare: () => [],
  compute: clvFitRequest,
  parts: {
    /** Customers by P(alive) band × expected-purchase band. */
    bands: {
      plan: (_config: ClvConfig, _ctx: PlanContext, _p: void) => ({
        statements: [],
        queries: { bands: buildClvBandsSql(CLV_TABLE) },
      }),
      read: (rows) => readRows(rows.bands, BAND_ROW),
    },
    /** The customer list (or the "likely churned but valuable" list), searched and sorted. */
    list: {
      plan: (_config: ClvConfig, _ctx: PlanContext, p: ClvListParams) => ({
        statements: [],
        queries: {
          count: buildClvCountSql({ ...p, table: CLV_TABLE }),
          page: buildClvListSql({ ...p, table: CLV_TABLE }),
        },
      }),
      read: (rows) => ({
        total: readRow(rows.count?.[0], { total: 'num' }).total,
        rows: readRows(rows.page, LIST_ROW),
      }),
    },
  },
  exports: [
    {
      id: 'clv',
      file: 'clv.csv',
      cli: true,
      plan: () => ({ statements: [], query: buildClvCsvSql(CLV_TABLE) }),
    },
  ],
  findings: clvFindings,
  section: { titleKey: 'nav.clv', order: 45 },
});

/** The "likely churned but valuable" list as a download (same columns as clv.csv). */
export const churnedValuableExport = {
  id: 'clv-churned-valuable',
  file: 'clv-churned-valuable.csv',
  cli: false,
  plan: () => ({ statements: [], query: buildClvCsvSql(CLV_TABLE, true) }),
} as const;

export { ALIVE_BANDS, PURCHASE_BANDS, CLV_SORT_COLUMNS, type ClvSortColumn } from './build-clv-sql.ts';
export type { ClvModel, FrequencyBin, TrackingPoint, ClvWarning } from './compute.ts';
export { ClvConfigSchema, DEFAULT_CLV_CONFIG, type ClvConfig } from './clv-config.ts';
