/**
 * The action plan as a module (issue 17): its section is the board (src/ui/actions/Section.svelte) and
 * its one part computes the named KPIs actions watch (build-kpis-sql.ts) after the RFM tables are
 * built, so the board never builds SQL. It reads the RFM slice (segments name the segment KPIs).
 */
import { defineModule, type PlanContext } from '../contract.ts';
import { readRow, readRows } from '../read-rows.ts';
import { rfmModule } from '../rfm/module.ts';
import { resolveRfmConfig, type RfmConfig } from '../rfm/rfm-config.ts';
import { RFM_CUSTOMERS } from '../../ingest/tables.ts';
import { buildKpisSql, buildPeriodSql } from './build-kpis-sql.ts';

export { BASE_KPIS, SEGMENT_KPI_PREFIX, type BaseKpi } from './build-kpis-sql.ts';

export interface KpiResult {
  /** KPI id → current value (null: not defined on this data, e.g. no purchases). */
  values: Readonly<Record<string, number | null>>;
  /** The purchases' first and last day (YYYY-MM-DD), null when there are none. */
  period: { first: string | null; last: string | null };
}

export const actionsModule = defineModule({
  id: 'actions',
  needs: ['orders'],
  configKey: 'rfm',
  prepare: (config: RfmConfig, ctx: PlanContext) => rfmModule.prepare(config, ctx),
  parts: {
    /** The RFM tables, then every named KPI and the data period. */
    kpis: {
      plan: (config: RfmConfig, ctx: PlanContext, _p: void) => ({
        statements: rfmModule.prepare(config, ctx),
        queries: {
          kpis: buildKpisSql(
            RFM_CUSTOMERS,
            resolveRfmConfig(config).segments.map((s) => s.id),
          ),
          period: buildPeriodSql(ctx.purchases),
        },
      }),
      read: (rows): KpiResult => {
        const values: Record<string, number | null> = {};
        for (const r of readRows(rows.kpis ?? [], { kpi: 'text', value: 'num?' })) values[r.kpi] = r.value;
        const p = readRow(rows.period?.[0], { first_day: 'text?', last_day: 'text?' });
        return { values, period: { first: p.first_day, last: p.last_day } };
      },
    },
  },
  exports: [],
  section: { titleKey: 'nav.actions', order: 900 },
});
