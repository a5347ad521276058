/**
 * Export as SQL in the app (issue 17, part D): the worker's journal of the loads and cleanings of the
 * tables in use, plus the modules' SQL for the current config, as one DuckDB script
 * (src/analyses/sql-script.ts). The script reads each file by a `<role>_path` variable whose default is
 * the file's name: the user sets the real paths at the top.
 */
import type { AnalysisConfig } from '../config/schema.ts';
import type { PlanContext } from '../analyses/contract.ts';
import { buildSqlScript, type ScriptSource } from '../analyses/sql-script.ts';
import type { EngineClient, Result } from './engine-client.ts';

export const SQL_SCRIPT_FILE = 'customer-lens.sql';

export interface SqlExportRequest {
  /** The loaded tables with the role each is used as (null: not used). */
  readonly tables: readonly Omit<ScriptSource, 'path'>[];
  readonly config: AnalysisConfig;
  readonly ctx: PlanContext;
  readonly roles: readonly string[];
}

export async function sqlScriptFor(engine: EngineClient, request: SqlExportRequest): Promise<Result<string>> {
  const journal = await engine.sqlJournal(request.tables.map((t) => t.table));
  if (!journal.ok) return journal;
  const script = buildSqlScript({
    journal: journal.value,
    sources: request.tables.map((t) => ({ ...t, path: t.fileName })),
    slices: request.config,
    ctx: request.ctx,
    roles: request.roles,
    generator: 'Customer Lens (客户透镜), Export as SQL',
  });
  return { ok: true, value: script };
}
