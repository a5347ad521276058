/**
 * The CLI's issue-14 files beyond the generic exports: the funnel's steps when --funnel-steps is not
 * given (the suggested steps of the events file, said on stderr), a warning for a named step that no
 * event has, and migration.csv (its period ends depend on the data, so it is planned after asking
 * for them). Kept apart from analyze.ts so the orders resolution can change without touching it.
 */
import { join } from 'node:path';
import type { DbPort } from '../engine/db-port.ts';
import type { AnalysisConfig } from '../config/schema.ts';
import type { PlanContext } from '../analyses/contract.ts';
import { decodeIpc } from '../client/decode.ts';
import { funnelModule, type FunnelConfig } from '../analyses/funnel/module.ts';
import { migrationCsvExport, migrationModule } from '../analyses/migration/module.ts';
import type { RfmConfig } from '../analyses/rfm/rfm-config.ts';
import type { QueryRows } from '../analyses/contract.ts';
import { translate, type Locale } from '../i18n/i18n.ts';
import { writeQueryCsv } from './write-query-csv.ts';

async function rowsOf(db: DbPort, queries: Readonly<Record<string, string>>): Promise<QueryRows> {
  const out: Record<string, QueryRows[string]> = {};
  for (const [name, sql] of Object.entries(queries)) out[name] = decodeIpc(await db.queryIpc(sql)).rows;
  return out;
}

/**
 * The funnel config the CLI runs: the given steps (each checked against the file's event names), or
 * the suggested ones (said in a notice); fewer than two event names → no steps and a warning.
 */
export async function resolveFunnel(
  db: DbPort,
  config: FunnelConfig,
  ctx: PlanContext,
  say: { warn: (line: string) => void; notice: (line: string) => void },
): Promise<FunnelConfig> {
  const part = funnelModule.parts.names;
  const names = part.read(await rowsOf(db, part.plan(config, ctx, undefined).queries));
  const locale = ctx.locale;
  if (config.steps.length >= 2) {
    const known = new Set(names.names.map((n) => n.event));
    for (const step of config.steps.filter((s) => !known.has(s)))
      say.warn(
        translate(locale, 'cli.funnelUnknownStep', {
          step,
          events: names.names
            .slice(0, 10)
            .map((n) => n.event)
            .join(', '),
        }),
      );
    return config;
  }
  if (names.suggested.length < 2) {
    say.warn(translate(locale, 'cli.funnelNoSteps'));
    return { ...config, steps: [] };
  }
  say.notice(translate(locale, 'cli.funnelSuggested', { steps: names.suggested.join(' → ') }));
  return { ...config, steps: names.suggested };
}

/** migration.csv: period ends from the data, the RFM preset at each, consecutive flows. */
export async function writeMigrationCsv(
  db: DbPort,
  config: AnalysisConfig,
  rfm: RfmConfig,
  ctx: PlanContext,
  outDir: string,
  warn: (line: string) => void,
): Promise<string | null> {
  const periods = migrationModule.parts.periods;
  const params = { rfm };
  const ends = periods.read(await rowsOf(db, periods.plan(config.migration, ctx, params).queries));
  if (ends.length < 2) warn(translate(ctx.locale, 'cli.migrationOnePeriod'));
  const plan = migrationCsvExport.plan(config.migration, ctx, { rfm, ends });
  for (const sql of plan.statements) await db.exec(sql);
  const path = join(outDir, migrationCsvExport.file);
  await writeQueryCsv(db, plan.query, path);
  return path;
}

export type { Locale };
