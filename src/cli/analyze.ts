/**
 * `analyze`: load each file with the shared ingest code into duckdb-wasm (Node build) and write the
 * outputs. At this stage: DIR/profile.json (tables, columns, types, row counts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openNodeDb } from '../engine/node-db.ts';
import { openNativeDb } from '../engine/native-db.ts';
import { nodeSourceFile } from '../engine/node-source-file.ts';
import { loadSource, type TableProfile } from '../engine/ingest/load-source.ts';
import { EngineError } from '../engine/engine-error.ts';
import { translate, type Locale } from '../i18n/i18n.ts';
import { hasMessage } from '../i18n/i18n.ts';
import { formatIssues, parseConfigJson } from '../config/parse-config.ts';
import type { AnalysisConfig } from '../config/schema.ts';
import { CliError } from './cli-error.ts';

export interface AnalyzeOptions {
  files: string[];
  configPath?: string | undefined;
  outDir: string;
  locale: Locale;
  /** wasm: the app's engine (duckdb-wasm); native: @duckdb/node-api for files beyond the wasm ceiling. */
  engine?: 'wasm' | 'native';
}

async function readConfig(path: string | undefined): Promise<AnalysisConfig | null> {
  if (!path) return null;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read config ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const parsed = parseConfigJson(text);
  if (!parsed.ok) throw new CliError(`invalid config ${path}: ${formatIssues(parsed.issues)}`);
  return parsed.config;
}

function describeLoadError(e: unknown, file: string, locale: Locale): CliError {
  if (e instanceof EngineError) {
    const key = `error.${e.code}`;
    const text = hasMessage(key)
      ? translate(locale, key, { name: file, detail: e.message, ...e.params })
      : e.message;
    return new CliError(text);
  }
  return new CliError(`${file}: ${(e as Error).message}`);
}

export async function analyze(options: AnalyzeOptions): Promise<string[]> {
  await readConfig(options.configPath);
  const sources = [];
  for (const file of options.files) {
    try {
      sources.push(await nodeSourceFile(resolve(file)));
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const db = options.engine === 'native' ? await openNativeDb() : await openNodeDb();
  try {
    const profiles: Omit<TableProfile, 'preview'>[] = [];
    for (const [i, source] of sources.entries()) {
      try {
        const { preview: _preview, ...profile } = await loadSource(db, source, {
          table: `t${i + 1}`,
          previewRows: 0,
        });
        profiles.push(profile);
      } catch (e) {
        throw describeLoadError(e, source.name, options.locale);
      }
    }
    await mkdir(options.outDir, { recursive: true });
    const profilePath = join(options.outDir, 'profile.json');
    const profile = {
      tables: profiles.map((p) => ({
        table: p.table,
        file: p.fileName,
        file_size: p.fileSize,
        format: p.format,
        encoding: p.encoding,
        sheet: p.sheet,
        sheets: p.sheets,
        row_count: p.rowCount,
        columns: p.columns.map((c) => ({ name: c.name, type: c.type, non_null: c.nonNull })),
      })),
    };
    await writeFile(profilePath, JSON.stringify(profile, null, 2) + '\n');
    return [profilePath];
  } finally {
    await db.close();
  }
}
