/**
 * The report's tables (issue 17, "Report"): every registered module's file exports (the CLI's
 * `cli: true` CSV tables) whose inputs are loaded, with the statements that build them. The print page
 * shows them, the XLSX workbook gives each a sheet, and the CLI's report.xlsx holds the same tables.
 * Modules with a computation (CLV, forecast) join only when it ran (`computed`).
 */
import type { AnalysisModule, ModulePlan, PlanContext } from '../contract.ts';
import type { ModelStep } from '../models/model-types.ts';

export interface ReportTable {
  module: string;
  /** The export's id and file name (`segments`, `segments.csv`). */
  id: string;
  file: string;
  /** Run before the query: the module's `prepare`, then the export's own statements. */
  statements: readonly string[];
  models: readonly ModelStep[];
  query: string;
}

/** Whether a module's inputs are among the cleaned roles. */
export function moduleRunsOn(module: Pick<AnalysisModule, 'needs' | 'needsAny'>, roles: readonly string[]) {
  return (
    module.needs.every((r) => roles.includes(r)) &&
    (!module.needsAny || module.needsAny.some((r) => roles.includes(r)))
  );
}

export function reportTables(
  modules: readonly AnalysisModule<unknown, unknown>[],
  slices: Readonly<Record<string, unknown>>,
  ctx: PlanContext,
  roles: readonly string[],
  computed: readonly string[] = [],
): ReportTable[] {
  const out: ReportTable[] = [];
  for (const module of modules) {
    if (!moduleRunsOn(module, roles)) continue;
    if (module.compute && !computed.includes(module.id)) continue;
    const files = module.exports.filter((e) => e.cli && e.format !== 'json');
    if (files.length === 0) continue;
    const cfg = slices[module.configKey];
    const prepare = module.prepare(cfg, ctx);
    for (const file of files) {
      const plan = file.plan(cfg, ctx, undefined);
      out.push({
        module: module.id,
        id: file.id,
        file: file.file,
        statements: [...prepare, ...plan.statements],
        models: plan.models ?? [],
        query: plan.query,
      });
    }
  }
  return out;
}

/** The report page's view of a table: its statements and models, its first `limit` rows and its row count. */
export function reportTablePagePlan(table: ReportTable, limit: number): ModulePlan {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`report table: bad limit ${limit}`);
  return {
    statements: table.statements,
    models: table.models,
    queries: {
      head: `SELECT * FROM (${table.query}) LIMIT ${limit}`,
      total: `SELECT count(*) AS n FROM (${table.query})`,
    },
  };
}
