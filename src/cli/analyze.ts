/**
 * `analyze`: load each file with the shared ingest code, clean the orders, run the analyses and write
 * profile.json, cleaning.json (and customers_cleaning.json when a customer file is given), customers.csv, segments.csv, behaviour.csv, periods.csv, cohorts.csv and
 * churn.csv — the same code and config as the app, on duckdb-wasm (Node) or native DuckDB.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openNodeDb } from '../engine/node-db.ts';
import { openNativeDb } from '../engine/native-db.ts';
import { nodeSourceFile } from '../engine/node-source-file.ts';
import { EngineError } from '../engine/engine-error.ts';
import { CleaningInputError } from '../engine/clean-source.ts';
import { toCleaningJson } from '../ingest/cleaning/report.ts';
import { hasMessage, translate, type Locale, type MessageKey } from '../i18n/i18n.ts';
import { defaultConfig, formatIssues } from '../config/parse-config.ts';
import { parseConfigFile } from '../config/config-file.ts';
import { MAX_CONFIG_BYTES } from '../config/parse-config.ts';
import type { AnalysisConfig } from '../config/schema.ts';
import { CliError } from './cli-error.ts';
import { toCustomerCleaningJson } from '../engine/clean-customers.ts';
import {
  combinedCleanRequest,
  findDataset,
  findDatasets,
  type LoadedDataset,
  type SavedMapping,
} from '../client/dataset-flow.ts';
import { nodeDatasetPort } from './node-datasets.ts';
import { runAnalyses as runAll, type AnalysisOptions } from './run-analyses.ts';
import { loadBasketFile } from './basket-file.ts';
import {
  cleanRoleDatasets,
  experimentOutcomes,
  guessedOtherThanOrders,
  resolveRoleDatasets,
  splitRolePrefix,
  touchesMatchWarnings,
  type ExperimentFlags,
  type ForcedRole,
} from './role-files.ts';
import type { CurrencyCode } from '../ingest/currency/currency.ts';
import { resolveFunnel, writeMigrationCsv } from './funnel-files.ts';
import { presetConfig } from '../analyses/rfm/presets.ts';
import { describeSheet, hasDataSheet, type SheetProfile } from '../ingest/sheet-choice.ts';
import type { DbPort } from '../engine/db-port.ts';

export interface AnalyzeOptions {
  files: string[];
  configPath?: string | undefined;
  outDir: string;
  locale: Locale;
  /** wasm: the app's engine (duckdb-wasm); native: @duckdb/node-api for files beyond the wasm ceiling. */
  engine?: 'wasm' | 'native';
  preset?: 'value5' | 'cn8' | 'tier3' | 'intl11' | undefined;
  asOf?: string | undefined;
  /** Issue 13: --attribution-days, --margin, and the experiment's --arm / --control / --outcomes. */
  attributionDays?: number | undefined;
  margin?: number | undefined;
  experiment?: ExperimentFlags | undefined;
  /** A warning line for stderr (e.g. touches that match no order). */
  warn?: ((line: string) => void) | undefined;
  /** ISO code forcing the amounts' currency (`--currency`); absent = the config's or detected. */
  currency?: CurrencyCode | undefined;
  /** One-line notices for the user (stderr in the CLI). */
  notice?: ((line: string) => void) | undefined;
  /** --ignore-returns: credit notes set aside instead of netted (config `cleaning.returns: ignore`). */
  ignoreReturns?: boolean;
  /** --report (issue 17): also write report.xlsx, the app's report workbook. */
  report?: boolean;
  /** --purchase: what one purchase is for every analysis (config `cleaning.purchase`). */
  purchase?: 'orders' | 'days' | undefined;
  /** Issue 16: fit the CLV models (--clv), with these settings over the config's `clv`. */
  clv?: { calibrationEnd?: string; timeUnit?: 'day' | 'week'; horizonDays?: number } | undefined;
  /** Issue 16: demand forecast (--forecast-periods, --forecast-grain, --forecast-by). */
  forecast?:
    { periods?: number; grain?: 'day' | 'week' | 'month'; by?: 'category' | 'channel' | 'none' } | undefined;
  /** Issue 14: --funnel-steps (event names in order), --funnel-days, --migration-period. */
  funnelSteps?: string[] | undefined;
  funnelDays?: number | undefined;
  migrationPeriod?: 'month' | 'quarter' | undefined;
  /** --sheet NAME (repeatable, issue 21): the workbooks' sheets to read; absent = chosen from the headers. */
  sheets?: string[] | undefined;
  /**
   * Issue 15: --clusters K or auto (the suggested k, or the config's k). Clusters and basket rules
   * run k-means / itemset mining for seconds, so the CLI writes them only when asked.
   */
  clusters?: number | 'auto' | undefined;
  /** Issue 15: --basket or any basket setting: write rules.csv and recommendations.csv from the orders. */
  basketRules?: boolean | undefined;
  /** Issue 15: --min-support, --min-confidence, --max-len, --basket-level. */
  basket?:
    | {
        minSupport?: number | undefined;
        minConfidence?: number | undefined;
        maxLen?: number | undefined;
        level?: 'product' | 'category' | undefined;
        unit?: 'order' | 'customer' | undefined;
      }
    | undefined;
  /**
   * Issue 17 (`customer-lens sql`): wrap the database (to record the load and cleaning) and hand the
   * analyses to the hook instead of running them.
   */
  script?: ScriptHook | undefined;
}

/** A loaded table, the role it was used as (null: not used) and the path it was read from. */
export interface ScriptTable {
  table: string;
  role: string | null;
  path: string;
  profile: LoadedDataset['profile'];
}

/** See AnalyzeOptions.script (src/cli/sql-command.ts). */
export interface ScriptHook {
  wrap(db: DbPort): DbPort;
  analyses(
    config: AnalysisConfig,
    options: AnalysisOptions,
    tables: readonly ScriptTable[],
  ): Promise<string[]>;
}

async function readConfig(path: string | undefined): Promise<AnalysisConfig | null> {
  if (!path) return null;
  let text: string;
  try {
    // The size is checked before reading: a 30 MB "config" is refused without loading it (issue 19 §5).
    const size = (await stat(path)).size;
    if (size > MAX_CONFIG_BYTES) {
      throw new CliError(`config ${path} is ${size} bytes, over the ${MAX_CONFIG_BYTES} byte limit`);
    }
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(
      `cannot read config ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const parsed = parseConfigFile(text);
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

/** The config's mapping for a kind of source, matched to each file by column name (issue 5). */
function savedMapping(config: AnalysisConfig | null, kind: 'orders' | 'customers'): SavedMapping | null {
  const source = config?.sources.find((s) => s.kind === kind);
  return source ? { mapping: source.mapping, match: 'by_name', platform: source.platform } : null;
}

/** Cleaning errors that are the input's fault become CLI errors with the same message. */
async function cliCleaning<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof CleaningInputError) throw new CliError(e.message);
    throw e;
  }
}

function profileJson(profiles: readonly LoadedDataset['profile'][]) {
  return {
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
      // What ingest did to the file (lines read in another encoding, lines set aside for a NUL, …).
      // Workbooks (issue 21): every sheet with what it was recognised as, and why this one was read.
      ...(p.sheetProfiles?.length
        ? {
            sheet_choice: p.sheetChoice?.reason ?? null,
            sheet_profiles: p.sheetProfiles.map((s) => ({
              name: s.name,
              rows: s.rows,
              hidden: s.hidden,
              kind: s.kind,
              role: s.role,
              score: s.score,
              header_row: s.headerRow,
              data_rows: s.dataRows,
              columns: s.columns,
            })),
          }
        : {}),
      ...(p.notes.length
        ? {
            notes: p.notes.map((n) => ({
              kind: n.kind,
              count: n.count,
              ...(n.sample ? { sample: n.sample } : {}),
            })),
          }
        : {}),
    })),
  };
}

export async function analyze(options: AnalyzeOptions): Promise<string[]> {
  const config = await readConfig(options.configPath);
  const sources = [];
  const forcedRoles: (ForcedRole | null)[] = [];
  const basketFiles: string[] = [];
  const sourcePaths: string[] = [];
  for (const arg of options.files) {
    const { role, path: file } = splitRolePrefix(arg);
    // A basket file is a list, not a table (issue 15): loaded on its own below.
    if (role === 'baskets') {
      basketFiles.push(resolve(file));
      continue;
    }
    forcedRoles.push(role);
    sourcePaths.push(file);
    try {
      sources.push(await nodeSourceFile(resolve(file)));
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const opened = options.engine === 'native' ? await openNativeDb() : await openNodeDb();
  const db = options.script ? options.script.wrap(opened) : opened;
  try {
    const port = nodeDatasetPort(db);
    const datasets: LoadedDataset[] = [];
    /** The ROLE:PATH role of each dataset (a workbook's sheets share their file's). */
    const datasetRoles: (ForcedRole | null)[] = [];
    const t = (key: string, params?: Record<string, string | number>) =>
      translate(options.locale, key as MessageKey, params);
    const askedSheets = options.sheets?.length ? options.sheets : null;
    const sheetFound = new Set<string>();
    for (const [i, source] of sources.entries()) {
      const load = async (table: string, sheet?: string): Promise<LoadedDataset> => {
        try {
          return await port.load(source, table, sheet === undefined ? undefined : { sheet });
        } catch (e) {
          throw describeLoadError(e, source.name, options.locale);
        }
      };
      const base = `t${i + 1}`;
      const first = await load(base);
      const group = await workbookSheets(first, base, load);
      for (const dataset of group) {
        // A header-only file would give empty outputs and exit 0 (issue 12): say what is wrong instead.
        if (dataset.profile.rowCount === 0)
          throw new CliError(translate(options.locale, 'error.no_rows', { name: source.name }));
        datasets.push(dataset);
        datasetRoles.push(forcedRoles[i] ?? null);
      }
    }
    const allSheets = datasets.flatMap((d) => d.profile.sheetProfiles ?? []).map((p) => p.name);
    for (const name of askedSheets ?? []) {
      if (!sheetFound.has(name))
        throw new CliError(t('cli.noSuchSheet', { sheet: name, sheets: [...new Set(allSheets)].join(', ') }));
    }

    /**
     * Issue 21: a workbook's sheets to read. --sheet names them; else the sheet best for its role (the
     * loader's choice) with the sheets of the same columns appended, as several files are (issue 12).
     */
    async function workbookSheets(
      first: LoadedDataset,
      base: string,
      load: (table: string, sheet?: string) => Promise<LoadedDataset>,
    ): Promise<LoadedDataset[]> {
      const profiles = first.profile.sheetProfiles ?? [];
      const file = first.profile.fileName;
      if (profiles.length === 0) return [first];
      if (askedSheets) {
        const names = askedSheets.filter((n) => profiles.some((p) => p.name === n));
        names.forEach((n) => sheetFound.add(n));
        if (names.length === 0) return [first];
        const group: LoadedDataset[] = [];
        for (const [k, name] of names.entries())
          group.push(await load(k === 0 ? base : `${base}_${k + 1}`, name));
        return group;
      }
      const choice = first.profile.sheetChoice;
      const sheet = first.profile.sheet ?? '';
      const chosen = profiles.find((p) => p.name === sheet);
      if (choice?.reason === 'hidden') options.notice?.(t('cli.sheetHidden', { file, sheet }));
      else if (profiles.length > 1 && chosen && hasDataSheet(profiles)) {
        const same = choice?.sameShape ?? [];
        const others = profiles
          .filter((p) => p.name !== sheet && !same.includes(p.name))
          .map((p) => t('sheet.entry', { name: p.name, what: describeSheet(p, t), rows: p.dataRows }));
        options.notice?.(
          t('cli.sheetChosen', {
            file,
            sheet,
            what: describeSheet(chosen, t),
            others: others.join(', ') || '—',
          }),
        );
      }
      const group = [first];
      const same = choice?.sameShape ?? [];
      for (const [k, name] of same.entries()) group.push(await load(`${base}_${k + 2}`, name));
      if (same.length > 0)
        options.notice?.(t('cli.sheetsAppended', { file, sheets: [sheet, ...same].join(', ') }));
      return group;
    }

    await mkdir(options.outDir, { recursive: true });
    const written: string[] = [];
    const write = async (name: string, data: unknown) => {
      const path = join(options.outDir, name);
      await writeFile(path, JSON.stringify(data, null, 2) + '\n');
      written.push(path);
    };
    await write('profile.json', profileJson(datasets.map((d) => d.profile)));
    // Summary rows left out at load are said on the console too, never dropped silently (issue 19 §7).
    for (const d of datasets)
      for (const n of d.profile.notes.filter((x) => x.kind === 'summary_rows_dropped'))
        options.notice?.(
          translate(options.locale, 'cli.summaryRows', {
            file: d.profile.fileName,
            count: n.count,
            sample: n.sample ?? '',
          }),
        );
    if (basketFiles.length > 1) throw new CliError('two baskets files given; give one');
    const baskets = basketFiles[0] ? await loadBasketFile(db, basketFiles[0], write) : undefined;

    // Files forced to another role (ROLE:PATH), or whose headers say touches / experiment / leads, are
    // never taken as orders or customers (issue 13).
    const forced = new Map(
      datasets.flatMap((d, i) => (datasetRoles[i] ? [[d, datasetRoles[i]] as const] : [])),
    );
    const notFor = (role: ForcedRole) => datasets.filter((d) => forced.has(d) && forced.get(d) !== role);
    // Every file usable as orders is combined into one dataset (issue 12), each with its own mapping;
    // files whose headers say another role stay out unless no other file is usable as orders.
    const usableOrders = (exclude: readonly LoadedDataset[]) =>
      findDatasets('orders', datasets, { saved: savedMapping(config, 'orders'), exclude });
    const otherRole = datasets.filter((d) => forced.get(d) !== 'orders' && guessedOtherThanOrders(d));
    const preferred = usableOrders([...notFor('orders'), ...otherRole]);
    const ordersFiles = preferred.length > 0 ? preferred : usableOrders(notFor('orders'));
    const orders = ordersFiles[0];
    // A config's mapping applies only to files it fits (issue 12 item 11): say which were auto-mapped.
    for (const f of ordersFiles.filter((x) => x.plan.savedIgnored))
      options.notice?.(translate(options.locale, 'cli.autoMapped', { file: f.dataset.profile.fileName }));
    const baseConfig = config ?? defaultConfig();
    const roleFiles = resolveRoleDatasets(
      datasets,
      forced,
      ordersFiles.map((f) => f.dataset),
      config,
      options.experiment ?? {},
    );
    if (!orders && roleFiles.found.length === 0 && !baskets) {
      // A workbook none of whose sheets holds data (issue 21): one sentence naming its sheets.
      const workbook = datasets.find(
        (d) => (d.profile.sheetProfiles?.length ?? 0) > 0 && !hasDataSheet(d.profile.sheetProfiles!),
      );
      if (workbook) {
        const named = (p: SheetProfile) =>
          t('sheet.entry', { name: p.name, what: describeSheet(p, t), rows: p.dataRows });
        throw new CliError(
          t('cli.noUsableSheet', {
            file: workbook.profile.fileName,
            sheets: workbook.profile.sheetProfiles!.map(named).join(', '),
          }),
        );
      }
      throw new CliError(
        'no orders table found: no file has a customer id, an order time and an amount (or unit price) column (map them in a config file)',
      );
    }
    const experimentFile = roleFiles.found.find((f) => f.role === 'experiment');
    const outcomes = experimentOutcomes(options.experiment ?? {}, experimentFile?.mapping ?? null);
    const effective: AnalysisConfig = {
      ...baseConfig,
      cleaning: {
        ...baseConfig.cleaning,
        ...(options.ignoreReturns ? { returns: 'ignore' as const } : {}),
        ...(options.purchase ? { purchase: options.purchase } : {}),
      },
      campaigns: {
        ...baseConfig.campaigns,
        ...(options.attributionDays !== undefined ? { attributionDays: options.attributionDays } : {}),
        ...(options.margin !== undefined ? { margin: options.margin } : {}),
      },
      clv: { ...baseConfig.clv, ...(options.clv ?? {}) },
      forecast: { ...baseConfig.forecast, ...(options.forecast ?? {}) },
      funnel: {
        ...baseConfig.funnel,
        ...(options.funnelSteps !== undefined ? { steps: options.funnelSteps } : {}),
        ...(options.funnelDays !== undefined ? { windowDays: options.funnelDays } : {}),
      },
      migration: {
        ...baseConfig.migration,
        ...(options.migrationPeriod !== undefined ? { period: options.migrationPeriod } : {}),
      },
      clusters: {
        ...baseConfig.clusters,
        ...(typeof options.clusters === 'number' ? { k: options.clusters } : {}),
      },
      basket: {
        ...baseConfig.basket,
        ...Object.fromEntries(Object.entries(options.basket ?? {}).filter(([, v]) => v !== undefined)),
      },
      experiment: {
        ...baseConfig.experiment,
        ...(options.experiment?.control !== undefined ? { control: options.experiment.control } : {}),
        ...(outcomes ? { outcomes } : {}),
      },
    };
    const roleReports = await cliCleaning(cleanRoleDatasets(port, roleFiles.found, effective, write));
    const roles: string[] = [...roleReports.keys(), ...(baskets ? ['baskets'] : [])];
    // Issue 14: the funnel's steps (given, or suggested from the event names) once the events are clean.
    if (roles.includes('events'))
      effective.funnel = await resolveFunnel(
        db,
        effective.funnel,
        { locale: options.locale, purchases: 'purchases' },
        { warn: (l) => options.warn?.(l), notice: (l) => options.notice?.(l) },
      );
    const warnUnused = (skip: readonly LoadedDataset[]) => {
      for (const d of roleFiles.unused.filter((d) => !skip.includes(d)))
        options.warn?.(`${d.profile.fileName}: not used (its columns fit no role; force one with ROLE:PATH)`);
    };
    // Issue 17 (`customer-lens sql`): the analyses go to the script hook, with each table's role.
    const usedAs = new Map<LoadedDataset, string>(roleFiles.found.map((f) => [f.dataset, f.role]));
    for (const f of ordersFiles) usedAs.set(f.dataset, 'orders');
    const runAnalyses: typeof runAll = (d, config, o) => {
      if (!options.script) return runAll(d, config, o);
      const tables = datasets.map((x) => ({
        table: x.profile.table,
        role: usedAs.get(x) ?? null,
        path: sourcePaths[Number(/^t(\d+)/.exec(x.profile.table)?.[1] ?? 1) - 1] ?? x.profile.fileName,
        profile: x.profile,
      }));
      return options.script.analyses(config, o, tables);
    };
    if (!orders) {
      warnUnused([]);
      written.push(
        ...(await runAnalyses(db, effective, {
          purchases: 'purchases',
          outDir: options.outDir,
          locale: options.locale,
          preset: options.preset,
          asOf: options.asOf,
          roles,
          warn: options.warn,
          optIn: optIn(options, baskets),
          baskets,
          report: options.report
            ? { files: datasets.map((d) => d.profile.fileName), cleaning: null }
            : undefined,
        })),
      );
      return written;
    }
    roles.push('orders');
    const { mapping, platform } = orders.plan;
    // --currency overrides the config's cleaning.currency.
    const cleaningConfig = options.currency
      ? { ...effective.cleaning, currency: options.currency }
      : effective.cleaning;
    const request = combinedCleanRequest(
      ordersFiles.map((f) => ({ dataset: f.dataset, mapping: f.plan.mapping })),
      cleaningConfig,
      undefined,
      platform,
    );
    const report = await cliCleaning(port.clean('orders', request));
    const summaryRows = ordersFiles.flatMap((f) =>
      f.dataset.profile.notes
        .filter((n) => n.kind === 'summary_rows_dropped')
        .map((n) => ({ file: f.dataset.profile.fileName, count: n.count, sample: n.sample ?? '' })),
    );
    await write('cleaning.json', {
      ...toCleaningJson(report, {
        encoding: orders.dataset.profile.encoding,
        platform,
        mapping,
        files: report.files,
        overlap: report.overlap,
        currency: report.currency.code,
      }),
      // Rows left out before cleaning (totals at the bottom): not in rows_read, listed here (issue 19 §7).
      ...(summaryRows.length > 0 ? { summary_rows_left_out: summaryRows } : {}),
    });
    const customers = findDataset('customers', datasets, {
      saved: savedMapping(config, 'customers'),
      exclude: [
        ...ordersFiles.map((f) => f.dataset),
        ...notFor('customers'),
        ...roleFiles.found.map((f) => f.dataset),
      ],
    });
    warnUnused(customers ? [customers.dataset] : []);
    if (customers) usedAs.set(customers.dataset, 'customers');
    if (customers) {
      const { mapping, platform } = customers.plan;
      const r = await cliCleaning(
        port.clean(
          'customers',
          combinedCleanRequest([{ dataset: customers.dataset, mapping }], effective.cleaning),
        ),
      );
      await write(
        'customers_cleaning.json',
        toCustomerCleaningJson(r, { encoding: customers.dataset.profile.encoding, platform, mapping }),
      );
    }
    written.push(
      ...(await runAnalyses(db, effective, {
        purchases: report.tables.purchases,
        returns: report.tables.returns,
        outDir: options.outDir,
        locale: options.locale,
        preset: options.preset,
        asOf: options.asOf,
        roles,
        warn: options.warn,
        currency: report.currency.code,
        compute: [...(options.clv ? ['clv'] : []), ...(options.forecast ? ['forecast'] : [])],
        optIn: optIn(options, baskets),
        baskets,
        report: options.report
          ? {
              files: datasets.map((d) => d.profile.fileName),
              cleaning: {
                rowsRead: report.rowsRead,
                rowsUsed: report.rowsUsed,
                rowsSetAside: report.rowsSetAside,
              },
            }
          : undefined,
      })),
    );
    if (options.script) return written;
    // Issue 14: migration.csv when --migration-period is given (12 RFM runs: not in every run). Its
    // period ends come from the data, so it is planned here.
    if (options.migrationPeriod) {
      const migration = await writeMigrationCsv(
        db,
        effective,
        options.preset ? { ...effective.rfm, ...presetConfig(options.preset) } : effective.rfm,
        {
          locale: options.locale,
          purchases: report.tables.purchases,
          returns: report.tables.returns,
          currency: report.currency.code,
          purchaseUnit: effective.cleaning.purchase,
          asOf: options.asOf,
        },
        options.outDir,
        (l) => options.warn?.(l),
      );
      if (migration) written.push(migration);
    }
    if (roles.includes('touches')) {
      for (const warning of await touchesMatchWarnings(db, report.tables.purchases, options.locale))
        options.warn?.(warning);
    }
    return written;
  } finally {
    await db.close();
  }
}

/** The opt-in modules this run writes (issue 15): clusters with --clusters, rules with a basket file or --basket. */
function optIn(options: AnalyzeOptions, baskets: unknown): string[] {
  return [
    ...(options.clusters !== undefined ? ['clusters'] : []),
    ...(options.basketRules || baskets ? ['basket'] : []),
  ];
}
