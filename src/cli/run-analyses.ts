/**
 * The analyses the CLI writes once the orders are cleaned: every registered module's CLI exports
 * (customers.csv, segments.csv, behaviour.csv, periods.csv, cohorts.csv, churn.csv), after the
 * module's `prepare` statements. Same module plans as the app's export buttons.
 */
import { join } from 'node:path';
import type { DbPort } from '../engine/db-port.ts';
import type { AnalysisConfig } from '../config/schema.ts';
import type { RfmConfig } from '../analyses/rfm/rfm-config.ts';
import { presetConfig } from '../analyses/rfm/presets.ts';
import type { AnalysisModule, PlanContext, ResultRow } from '../analyses/contract.ts';
import { MODULES } from '../analyses/registry.ts';
import { runCompute } from '../engine/run-compute.ts';
import { writeFile } from 'node:fs/promises';
import { writeQueryCsv, writeQueryJson } from './write-query-csv.ts';
import { runModelStep } from '../engine/run-model.ts';
import { EngineError } from '../engine/engine-error.ts';
import type { ModelStep } from '../analyses/models/model-types.ts';
import { translate } from '../i18n/i18n.ts';
import { CliError } from './cli-error.ts';
import type { ReportTable } from '../analyses/report/report-tables.ts';
import { writeReportWorkbook, type ReportFileInfo } from './report-file.ts';
import { findingJson, rankFindings, type FindingsModule } from '../analyses/findings/collect.ts';
import type { Finding } from '../analyses/findings/finding.ts';
import { decodeIpc } from '../client/decode.ts';
import { groupMembersExport, materialiseGroups } from '../analyses/groups/materialise.ts';
import { groupStateText } from '../analyses/groups/group-text.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { CLV_TABLE } from '../analyses/clv/fit-request.ts';
import type { ClvModel } from '../analyses/clv/compute.ts';

export interface AnalysisOptions {
  purchases: string;
  /** The returns view of the cleaned orders (issue 12, item 2). */
  returns?: string | undefined;
  outDir: string;
  locale: 'zh-CN' | 'en';
  preset?: 'value5' | 'cn8' | 'tier3' | 'intl11' | undefined;
  asOf?: string | undefined;
  /** Dataset roles cleaned in this run; a module runs when it has all it needs (default: orders). */
  roles?: readonly string[] | undefined;
  /** ISO code of the amounts from the cleaning report (null = not detected). */
  currency?: string | null | undefined;
  /**
   * Modules with a `compute` step to run (issue 16: `clv` with --clv); the others with one are skipped
   * (their exports read the table the computation writes).
   */
  compute?: readonly string[] | undefined;
  /** Modules marked `cliOptIn` to run (issue 15: clusters, basket); the others marked so are skipped. */
  optIn?: readonly string[] | undefined;
  /** The cleaned basket file's table (issue 15), when one was given. */
  baskets?: string | undefined;
  /** Issue 17: the report.xlsx cover's files and cleaning counts (absent: no report.xlsx). */
  report?: ReportFileInfo | undefined;
  /** A warning line for stderr (e.g. a saved customer group that is not available). */
  warn?: ((line: string) => void) | undefined;
}

export async function runAnalyses(db: DbPort, config: AnalysisConfig, o: AnalysisOptions): Promise<string[]> {
  const written: string[] = [];
  const out = (name: string) => {
    const path = join(o.outDir, name);
    written.push(path);
    return path;
  };
  // --preset replaces the preset's cut points and segments; otherwise the config's own (or value5).
  const rfm: RfmConfig = o.preset ? { ...config.rfm, ...presetConfig(o.preset) } : config.rfm;
  const slices: Record<string, unknown> = { ...config, rfm };
  const baseCtx: PlanContext = {
    locale: o.locale,
    purchases: o.purchases,
    currency: o.currency,
    returns: o.returns,
    purchaseUnit: config.cleaning.purchase,
    asOf: o.asOf,
    baskets: o.baskets,
  };
  const roles = o.roles ?? ['orders'];
  const runs = (MODULES as readonly AnalysisModule<unknown, unknown>[]).filter(
    (module) =>
      module.needs.every((r) => roles.includes(r)) &&
      !(module.needsAny && !module.needsAny.some((r) => roles.includes(r))) &&
      module.exports.some((e) => e.cli) &&
      !(module.compute && !(o.compute ?? []).includes(module.id)) &&
      !(module.cliOptIn && !(o.optIn ?? []).includes(module.id)),
  );
  // Computations first (issue 16): the CLV predictions then join customers.csv (RFM runs earlier).
  const computed = new Map<string, unknown>();
  for (const module of runs) {
    if (!module.compute) continue;
    const cfg = slices[module.configKey];
    for (const sql of module.prepare(cfg, baseCtx)) await db.exec(sql);
    computed.set(module.id, await runCompute(db, module.compute(cfg, baseCtx)));
  }
  const clv = computed.get('clv') as ClvModel | undefined;
  const ctx: PlanContext = clv?.bgnbd ? { ...baseCtx, clv: CLV_TABLE } : baseCtx;
  const reportTables: ReportTable[] = [];
  const findings: Finding[] = [];
  for (const module of runs) {
    const cfg = slices[module.configKey];
    const files = module.exports.filter((e) => e.cli);
    if (module.compute)
      await writeFile(
        out(`${module.id}_model.json`),
        JSON.stringify(computed.get(module.id), null, 2) + '\n',
      );
    else for (const sql of module.prepare(cfg, ctx)) await db.exec(sql);
    const modelsRun = new Set<string>();
    for (const file of files) {
      const { statements, query, models } = file.plan(cfg, ctx, undefined);
      for (const sql of statements) await db.exec(sql);
      for (const step of models ?? []) {
        await cliModelStep(db, step, o.locale);
        modelsRun.add(step.model);
      }
      if (file.format === 'json') await writeQueryJson(db, query, out(file.file));
      else {
        await writeQueryCsv(db, query, out(file.file));
        reportTables.push({
          module: module.id,
          id: file.id,
          file: file.file,
          statements,
          models: models ?? [],
          query,
        });
      }
    }
    if (module.findings)
      findings.push(...(await cliFindings(db, module as FindingsModule, cfg, ctx, modelsRun)));
  }
  if (o.report)
    await writeReportWorkbook(db, out('report.xlsx'), {
      config,
      rfm,
      ctx,
      tables: reportTables,
      info: o.report,
      orders: (o.roles ?? ['orders']).includes('orders'),
    });
  // Issue 17: findings in words, ranked (findings.json; an empty array when the data supports none).
  await writeFile(
    out('findings.json'),
    JSON.stringify(rankFindings(findings).map(findingJson), null, 2) + '\n',
  );

  // Issues 14–16: the config's saved customer groups, rebuilt from the analyses this run made.
  if (config.groups.length > 0) await writeGroupsCsv(db, { ...config, rfm }, out('groups.csv'), o);

  return written;
}

/**
 * groups.csv (group_id, group_name, customer_id): the members of the config's saved groups whose
 * source ran in this run with the saved settings; each other group is one warning line saying why.
 */
async function writeGroupsCsv(db: DbPort, config: AnalysisConfig, path: string, o: AnalysisOptions) {
  const states = await materialiseGroups(config, async (plan) => {
    for (const sql of plan.statements) await db.exec(sql);
    const rows: Record<string, readonly ResultRow[]> = {};
    for (const [name, sql] of Object.entries(plan.queries))
      rows[name] = decodeIpc(await db.queryIpc(sql)).rows;
    return rows;
  });
  const port = {
    locale: o.locale,
    t: (key: MessageKey, p?: Record<string, string | number>) => translate(o.locale, key, p),
  };
  for (const group of config.groups) {
    const state = states?.get(group.id);
    if (state && !('customers' in state))
      o.warn?.(
        translate(o.locale, 'groups.cliUnavailable', {
          name: group.name,
          reason: groupStateText(port, config, group, state),
        }),
      );
  }
  await writeQueryCsv(db, groupMembersExport.plan(config, null, {}).query, path);
}

/**
 * A module's findings after its exports: `prepare` already ran, so only the findings plan's own
 * statements, its model steps not run by an export (basket rules are mined once), then its queries.
 */
async function cliFindings(
  db: DbPort,
  module: FindingsModule,
  cfg: unknown,
  ctx: PlanContext,
  modelsRun: ReadonlySet<string>,
): Promise<readonly Finding[]> {
  const plan = module.findings.plan(cfg, ctx);
  for (const sql of plan.statements) await db.exec(sql);
  for (const step of plan.models ?? [])
    if (!modelsRun.has(step.model)) await cliModelStep(db, step, ctx.locale);
  const rows: Record<string, readonly ResultRow[]> = {};
  for (const [name, sql] of Object.entries(plan.queries)) rows[name] = decodeIpc(await db.queryIpc(sql)).rows;
  return module.findings.read(rows, cfg, ctx);
}

/** A model step for the CLI: a model's limit (e.g. the itemset cap) is one translated line. */
async function cliModelStep(db: DbPort, step: ModelStep, locale: 'zh-CN' | 'en'): Promise<void> {
  try {
    await runModelStep(db, step, new AbortController().signal);
  } catch (e) {
    if (e instanceof EngineError && e.code === 'itemset_cap')
      throw new CliError(translate(locale, 'error.itemset_cap', e.params));
    throw e;
  }
}
