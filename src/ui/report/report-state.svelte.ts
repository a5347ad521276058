/**
 * The report page's state (issue 17): the registered modules' report tables (first rows and row
 * count, through the runner), the action plan's KPIs, and the XLSX workbook (report-workbook.ts, the
 * same sheets as the CLI's report.xlsx).
 */
import type { AppState } from '../app-state.svelte.ts';
import type { AnalysisModule } from '../../analyses/contract.ts';
import type { ResultRow } from '../../analyses/read-rows.ts';
import { MODULES } from '../../analyses/registry.ts';
import { reportTablePagePlan, reportTables, type ReportTable } from '../../analyses/report/report-tables.ts';
import { FindingsState } from '../findings/findings-state.svelte.ts';
import { definitionLines, reportSheets, type ReportInfo } from '../../analyses/report/report-workbook.ts';

/** Rows shown per table on the page (the workbook has them all). */
export const PAGE_ROWS = 12;

export interface ShownTable {
  table: ReportTable;
  columns: string[];
  rows: readonly ResultRow[];
  total: number;
}

/** `YYYY-MM-DD HH:MM` (UTC) of a time. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export class ReportState {
  readonly #app: AppState;
  tables = $state.raw<ShownTable[]>([]);
  loaded = $state(false);
  readonly generatedAt = stamp(Date.now());

  constructor(app: AppState) {
    this.#app = app;
  }

  #tables(): ReportTable[] {
    const app = this.#app;
    return reportTables(
      MODULES as unknown as readonly AnalysisModule<unknown, unknown>[],
      app.analysis.config as unknown as Record<string, unknown>,
      app.planContext,
      app.cleanedRoles,
    );
  }

  async load(): Promise<void> {
    const app = this.#app;
    const shown: ShownTable[] = [];
    const steps = this.#tables().map((table) => async () => {
      const rows = await app.runner.rows(reportTablePagePlan(table, PAGE_ROWS));
      if (!rows) return;
      const head = rows.head ?? [];
      shown.push({
        table,
        columns: head[0] ? Object.keys(head[0]) : [],
        rows: head,
        total: Number(rows.total?.[0]?.n ?? 0),
      });
    });
    // The findings chapter, computed on the data and settings of this report (never a stale list).
    await new FindingsState(app).load();
    await app.runner.batch([() => app.actions.refreshKpis(true), ...steps]);
    this.tables = shown;
    this.loaded = true;
  }

  get files(): string[] {
    const names = this.#app.tables.map((t) => t.file.name);
    return names.filter((n, i) => names.indexOf(n) === i);
  }

  info(): ReportInfo {
    const app = this.#app;
    const report = app.analysis.report;
    return {
      generatedAt: this.generatedAt,
      period: app.actions.kpis?.period ?? { first: null, last: null },
      files: this.files,
      cleaning: report
        ? { rowsRead: report.rowsRead, rowsUsed: report.rowsUsed, rowsSetAside: report.rowsSetAside }
        : null,
      mask: !app.analysis.revealPii,
      definitions: this.definitions,
    };
  }

  get definitions(): string[] {
    return definitionLines(this.#app.analysis.config, this.#app.locale);
  }

  /** The workbook: README, the action plan, a sheet per table (their tables were built by `load`). */
  async downloadXlsx(): Promise<void> {
    const app = this.#app;
    if (!this.loaded) await this.load();
    const sheets = reportSheets({
      info: this.info(),
      tables: this.tables.map((t) => t.table),
      actions: app.actions.list,
      kpis: app.actions.currentValues(),
      locale: app.locale,
      segmentLabel: app.actions.segmentLabel,
    });
    await app.runner.downloadWorkbook(sheets, `${app.t('report.file')}.xlsx`);
  }
}
