/**
 * `customer-lens sql <files…> [--config cfg.json] [analyze's options]` (issue 17): print the analysis
 * as a DuckDB SQL script (src/analyses/sql-script.ts). The files are loaded and cleaned as `analyze`
 * does, on a database that records what it runs; the analyses are not run: their SQL is written out.
 * Nothing is written to disk (analyze's JSON reports go to a temporary folder, removed after).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type AnalyzeOptions } from './analyze.ts';
import { recordingDb, type RecordingDb } from '../engine/recording-db.ts';
import { buildSqlScript } from '../analyses/sql-script.ts';
import { presetConfig } from '../analyses/rfm/presets.ts';
import { splitRolePrefix } from './role-files.ts';

export async function sqlScript(options: Omit<AnalyzeOptions, 'outDir' | 'script'>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'customer-lens-sql-'));
  let recorder: RecordingDb | null = null;
  let script: string | null = null;
  try {
    await analyze({
      ...options,
      // A basket file is parsed in TypeScript and its rules are a model step: not part of a SQL script.
      files: options.files.filter((f) => splitRolePrefix(f).role !== 'baskets'),
      migrationPeriod: undefined,
      outDir: dir,
      script: {
        wrap(db) {
          recorder = recordingDb(db);
          return recorder;
        },
        async analyses(config, o, tables) {
          const rfm = o.preset ? { ...config.rfm, ...presetConfig(o.preset) } : config.rfm;
          script = buildSqlScript({
            journal: recorder?.journal ?? [],
            sources: tables.map((t) => ({
              table: t.table,
              role: t.role,
              fileName: t.profile.fileName,
              path: t.path,
              format: t.profile.format,
              encoding: t.profile.encoding ?? null,
            })),
            slices: { ...config, rfm },
            ctx: {
              locale: o.locale,
              purchases: o.purchases,
              currency: o.currency,
              returns: o.returns,
              purchaseUnit: config.cleaning.purchase,
              asOf: o.asOf,
              baskets: o.baskets,
            },
            roles: o.roles ?? ['orders'],
            generator: 'customer-lens sql',
          });
          return [];
        },
      },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (script === null) throw new Error('no analysis was planned');
  return script;
}
