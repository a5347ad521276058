/**
 * report.xlsx for the CLI (issue 17): the app's report workbook (analyses/report/report-workbook.ts)
 * over the tables the run just wrote as CSV — their tables are built already, so this costs one
 * query per sheet plus the data period and, when the config has actions, the KPI query.
 */
import { writeFile } from 'node:fs/promises';
import type { DbPort } from '../engine/db-port.ts';
import { exportWorkbook } from '../engine/export-query.ts';
import { queryRows } from '../engine/query-rows.ts';
import type { AnalysisConfig } from '../config/schema.ts';
import type { PlanContext } from '../analyses/contract.ts';
import type { ReportTable } from '../analyses/report/report-tables.ts';
import { definitionLines, reportSheets } from '../analyses/report/report-workbook.ts';
import { buildKpisSql, buildPeriodSql } from '../analyses/actions/build-kpis-sql.ts';
import { resolveRfmConfig, type RfmConfig } from '../analyses/rfm/rfm-config.ts';
import { RFM_CUSTOMERS } from '../ingest/tables.ts';

export interface ReportFileInfo {
  files: readonly string[];
  cleaning: { rowsRead: number; rowsUsed: number; rowsSetAside: number } | null;
}

export async function writeReportWorkbook(
  db: DbPort,
  path: string,
  input: {
    config: AnalysisConfig;
    rfm: RfmConfig;
    ctx: PlanContext;
    tables: readonly ReportTable[];
    info: ReportFileInfo;
    /** The orders were analysed (the purchases table and, with RFM, rfm_customers exist). */
    orders: boolean;
  },
): Promise<void> {
  const { config, ctx } = input;
  const period = input.orders ? ((await queryRows(db, buildPeriodSql(ctx.purchases)))[0] ?? {}) : {};
  let kpis: Record<string, number | null> | null = null;
  if (input.orders && config.actions.length > 0 && input.tables.some((t) => t.module === 'rfm')) {
    const ids = resolveRfmConfig(input.rfm).segments.map((s) => s.id);
    kpis = {};
    for (const r of await queryRows(db, buildKpisSql(RFM_CUSTOMERS, ids)))
      kpis[String(r.kpi)] = typeof r.value === 'number' ? r.value : null;
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const sheets = reportSheets({
    info: {
      generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
      period: { first: text(period.first_day), last: text(period.last_day) },
      files: input.info.files,
      cleaning: input.info.cleaning,
      mask: config.view.maskPii !== false,
      definitions: definitionLines(config, ctx.locale),
    },
    tables: input.tables,
    actions: config.actions,
    kpis,
    locale: ctx.locale,
    segmentLabel: (id) =>
      resolveRfmConfig(input.rfm).segments.find((s) => s.id === id)?.label[ctx.locale] ?? null,
  });
  await writeFile(path, await exportWorkbook(db, sheets));
}
