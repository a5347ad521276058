/**
 * Export as SQL (issue 17, part D): the analysis as one DuckDB SQL script that reproduces its output
 * files from the user's own files — the way to run the same analysis on native DuckDB, on much larger
 * files or in a warehouse job. Pure: the CLI (`customer-lens sql`) and the app's "Export as SQL" button
 * give it the journal of their load and cleaning (what they ran, src/engine/recording-db.ts) and the
 * config; the modules' `prepare` and export plans follow, each export written with COPY.
 *
 * Paths are parameters: one `SET VARIABLE <role>_path` per input file at the top and `out_dir` for the
 * outputs; the statements read `getvariable(...)`. What is not SQL is left out with a comment saying so:
 * model steps and fits computed in TypeScript (clusters, basket rules, CLV, forecast), JSON summaries.
 */
import type { AnalysisModule, PlanContext } from './contract.ts';
import { MODULES } from './registry.ts';
import { literal, str } from '../sql/quote.ts';
import { buildRepairMacrosSql } from '../ingest/repair/build-repair-macros-sql.ts';

/** What a recorded run did to the database, in order (src/engine/recording-db.ts keeps it). */
export type JournalEntry =
  | { kind: 'exec'; sql: string }
  /** A file SQL reads by `name`: the user's file as is (`file`) or bytes made in TypeScript (`bytes`). */
  | { kind: 'file'; name: string; source: 'file' | 'bytes' }
  /** A table filled from Arrow built in TypeScript: nothing to replay in SQL. */
  | { kind: 'arrow'; table: string };

/** One loaded input: its table, the role it was used as, its file and how it was read. */
export interface ScriptSource {
  /** The loaded table (t1, t1_2 for a workbook's second sheet, …). */
  readonly table: string;
  /** orders, customers, touches, … (null: loaded but not used). */
  readonly role: string | null;
  readonly fileName: string;
  /** The path the script reads by default (the CLI's argument; the file's name in the app). */
  readonly path: string;
  /** csv, xlsx, xls, parquet, json. */
  readonly format: string;
  /** Text encoding detected (csv), e.g. utf-8, gb18030. */
  readonly encoding: string | null;
}

export interface SqlScriptInput {
  readonly journal: readonly JournalEntry[];
  readonly sources: readonly ScriptSource[];
  /** Config slices by key (the effective AnalysisConfig, the RFM preset applied). */
  readonly slices: Readonly<Record<string, unknown>>;
  readonly ctx: PlanContext;
  /** Roles cleaned in the run: a module is in the script when it has what it needs. */
  readonly roles: readonly string[];
  /** Default of `out_dir`. */
  readonly outDir?: string;
  /** Who made it, for the header (e.g. `customer-lens 0.1.0`). */
  readonly generator?: string;
}

/** The registered file name a table's text is read under (src/engine/readers/load-source.ts). */
const sourceFileOf = (name: string) => /^cl-files\/(?:src_(.+)|raw_(.+)\.csv)$/.exec(name);

/** One statement ended by `;` (on a line of its own when the last line holds a `--` comment). */
function statement(sql: string): string {
  const body = sql.trim().replace(/;\s*$/, '');
  return body.slice(body.lastIndexOf('\n') + 1).includes('--') ? `${body}\n;` : `${body};`;
}

/** `<role>_path` for each table, numbered when a role has several files. */
function variables(sources: readonly ScriptSource[]): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const s of sources) {
    const base = (s.role ?? s.table).replace(/[^A-Za-z0-9_]/g, '_');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(s.table, n === 1 ? `${base}_path` : `${base}_${n}_path`);
  }
  return out;
}

/** How the script reads a table's file, and what the user must do first (a header comment). */
function readingNote(s: ScriptSource, source: 'file' | 'bytes' | undefined): string {
  if (s.format !== 'csv')
    return `${s.fileName} (${s.format}) was read by Customer Lens's own reader: save it as CSV (UTF-8, header on the first line, no title rows) and point ${s.role ?? s.table} at that CSV / 请先另存为 UTF-8 CSV（首行为表头）`;
  if (source === 'bytes')
    return `${s.fileName} is ${s.encoding ?? 'not plain UTF-8'}: convert it to UTF-8 first (e.g. iconv -f GB18030 -t UTF-8) / GBK 等编码请先转为 UTF-8`;
  return `${s.fileName}: CSV, UTF-8`;
}

export function buildSqlScript(input: SqlScriptInput): string {
  const vars = variables(input.sources);
  const byTable = new Map(input.sources.map((s) => [s.table, s]));
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);

  // Which registered file stands for which input (and how it was read).
  const files = new Map<string, { table: string; source: 'file' | 'bytes' }>();
  for (const e of input.journal) {
    if (e.kind !== 'file') continue;
    const m = sourceFileOf(e.name);
    const table = m?.[1] ?? m?.[2];
    if (table && byTable.has(table)) files.set(e.name, { table, source: e.source });
  }
  const howRead = new Map([...files.values()].map((f) => [f.table, f.source]));

  push(
    '-- Customer Lens (客户透镜): this analysis as a DuckDB SQL script.',
    `-- Made by ${input.generator ?? 'Customer Lens'}; runs on DuckDB 1.4 or later: duckdb < customer-lens.sql`,
    '-- It loads and cleans your files exactly as the app did (the decisions taken from the data — date order,',
    '-- order granularity, currency — are written into the statements) and writes each analysis as CSV.',
    '-- 本脚本按应用中的方式读取并清洗你的文件，并把每项分析写成 CSV；可在 DuckDB 或数据仓库任务中运行。',
    '--',
    '-- Inputs are read as CSV in UTF-8 / 输入文件须为 UTF-8 编码的 CSV:',
  );
  for (const s of input.sources) push(`--   ${vars.get(s.table)}: ${readingNote(s, howRead.get(s.table))}`);
  push(
    '-- Output CSV files go to out_dir (create the folder first). Text cells that start with = + - @ get a',
    "-- leading ' so a spreadsheet never runs them as formulas, as in the app's exports.",
    '-- Set the paths below (relative paths are from where duckdb runs) / 在下方填写文件路径:',
    '',
  );
  for (const s of input.sources) push(`SET VARIABLE ${vars.get(s.table)} = ${str(s.path)};`);
  push(`SET VARIABLE out_dir = ${str(input.outDir ?? 'customer-lens-out')};`, '');
  push(
    '-- Formula guard for text cells (the app: src/export/cell-guard.ts).',
    statement(
      "CREATE OR REPLACE TEMP MACRO cl_guard(x) AS CASE WHEN typeof(x) = 'VARCHAR' AND regexp_matches(CAST(x AS VARCHAR), '^[=+\\-@\\t\\r＝＋－＠]') THEN '''' || CAST(x AS VARCHAR) ELSE CAST(x AS VARCHAR) END",
    ),
    '',
    '-- 1. Load and clean / 读取与清洗',
    '-- Repair functions the cleaning uses (dates, numbers, ids, text).',
  );
  const macros = buildRepairMacrosSql();
  for (const sql of macros) push(statement(sql));
  for (const e of input.journal) {
    if (e.kind === 'arrow') {
      push(
        `-- Table ${e.table} was filled by Customer Lens in TypeScript and cannot be rebuilt here: load it yourself.`,
      );
      continue;
    }
    if (e.kind !== 'exec' || macros.includes(e.sql)) continue;
    let sql = e.sql;
    for (const [name, f] of files)
      sql = sql.replaceAll(literal(name), `getvariable(${str(vars.get(f.table)!)})`);
    push(statement(sql));
  }

  push('', '-- 2. Analyses / 分析');
  for (const module of MODULES as readonly AnalysisModule<unknown, unknown>[]) {
    if (!module.needs.every((r) => input.roles.includes(r))) continue;
    if (module.needsAny && !module.needsAny.some((r) => input.roles.includes(r))) continue;
    const exports = module.exports.filter((e) => e.cli);
    if (exports.length === 0) continue;
    const cfg = input.slices[module.configKey];
    push('', `-- ${module.id}`);
    if (module.compute) {
      push(
        `-- Left out: ${module.id} (${exports.map((e) => e.file).join(', ')}) is a model fitted in TypeScript, not SQL; run it in the app or with customer-lens analyze.`,
      );
      continue;
    }
    const plans = exports.map((e) => ({ spec: e, plan: e.plan(cfg, input.ctx, undefined) }));
    const sqlOnly = plans.filter((p) => !p.plan.models?.length && p.spec.format !== 'json');
    for (const p of plans.filter((x) => !sqlOnly.includes(x)))
      push(
        `-- Left out: ${p.spec.file} is computed in TypeScript (${p.spec.format === 'json' ? 'a JSON summary' : 'a model step'}), not SQL; run it in the app or with customer-lens analyze.`,
      );
    if (sqlOnly.length === 0) continue;
    for (const sql of module.prepare(cfg, input.ctx)) push(statement(sql));
    for (const { spec, plan } of sqlOnly) {
      for (const sql of plan.statements) push(statement(sql));
      push(
        statement(
          `COPY (SELECT cl_guard(COLUMNS(*)) FROM (${plan.query.trim().replace(/;\s*$/, '')})) TO (getvariable('out_dir') || ${str(`/${spec.file}`)}) (HEADER, DELIMITER ',')`,
        ),
      );
    }
  }
  return lines.join('\n') + '\n';
}
