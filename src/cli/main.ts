/**
 * customer-lens CLI: the same ingest and analysis code as the app, run in Node on duckdb-wasm.
 *   customer-lens analyze <file...> [--config cfg.json] [--out DIR]
 *   customer-lens sql <file...> [--config cfg.json]   (issue 17: the analysis as a DuckDB SQL script)
 * Bad input → one line on stderr and a non-zero exit, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { CliError } from './cli-error.ts';
import { CURRENCY_CODES, isCurrencyCode } from '../ingest/currency/currency.ts';

const USAGE = `usage: customer-lens analyze <[ROLE:]file...> [--config cfg.json] [--preset value5|cn8|tier3|intl11] [--as-of YYYY-MM-DD] [--currency CNY|USD|GBP|EUR|…] [--out DIR] [--locale zh|en] [--engine wasm|native] [--ignore-returns] [--purchase orders|days] [--attribution-days N] [--margin 0.35] [--arm COLUMN --control LABEL --outcomes a,b,c] [--clv [--calibration-end YYYY-MM-DD] [--time-unit day|week] [--horizon-days N]] [--forecast-periods N --forecast-grain day|week|month --forecast-by category|channel|none] [--funnel-steps "曝光,点击,加购,支付"] [--funnel-days N] [--migration-period month|quarter] [--clusters K|auto] [--basket] [--min-support 0.01] [--min-confidence 0.3] [--max-len 4] [--basket-level product|category] [--basket-unit order|customer] [--report]
  ROLE: orders, customers, touches, experiment, leads, events, baskets (default: detected from the headers;
    baskets: one basket per line, items separated by commas)
  --sheet NAME: read this sheet of the workbooks (repeat to append several sheets; default: the sheet
    whose headers fit a role best, with the sheets of the same columns appended)
  --report: also write report.xlsx (the app's report workbook: README, action plan, a sheet per table)
  --config with saved customer groups: also write groups.csv (group_id, group_name, customer_id) with the
    members of each group whose source ran in this run with the saved settings (others: a warning line)
usage: customer-lens sql <[ROLE:]file...> [--config cfg.json] [the options of analyze]
  prints the analysis as a DuckDB SQL script on stdout (the files are loaded and cleaned, the analyses
    are not run): paths are parameters at the top (SET VARIABLE orders_path = ...; out_dir for the CSVs);
    models computed in TypeScript (CLV, forecast, clusters, basket rules) are left out with a comment`;
const PRESETS = ['value5', 'cn8', 'tier3', 'intl11'] as const;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        out: { type: 'string', default: 'customer-lens-out' },
        locale: { type: 'string', default: 'zh' },
        engine: { type: 'string', default: 'wasm' },
        preset: { type: 'string' },
        'as-of': { type: 'string' },
        currency: { type: 'string' },
        'ignore-returns': { type: 'boolean' },
        report: { type: 'boolean' },
        purchase: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        'attribution-days': { type: 'string' },
        margin: { type: 'string' },
        arm: { type: 'string' },
        control: { type: 'string' },
        outcomes: { type: 'string' },
        clv: { type: 'boolean' },
        'calibration-end': { type: 'string' },
        'time-unit': { type: 'string' },
        'horizon-days': { type: 'string' },
        'forecast-periods': { type: 'string' },
        'forecast-grain': { type: 'string' },
        'forecast-by': { type: 'string' },
        'funnel-steps': { type: 'string' },
        'funnel-days': { type: 'string' },
        'migration-period': { type: 'string' },
        sheet: { type: 'string', multiple: true },
        clusters: { type: 'string' },
        basket: { type: 'boolean' },
        'min-support': { type: 'string' },
        'min-confidence': { type: 'string' },
        'max-len': { type: 'string' },
        'basket-level': { type: 'string' },
        'basket-unit': { type: 'string' },
      },
    });
  } catch (e) {
    process.stderr.write(`customer-lens: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...files] = parsed.positionals;
  if (parsed.values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  if (command !== 'analyze' && command !== 'sql') {
    process.stderr.write(`customer-lens: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  if (files.length === 0) {
    // `sql` reads the files too: the cleaning's decisions (date order, granularity, currency) come from the data.
    const why = command === 'sql' ? ' (the cleaning decisions in the script are read from the data)' : '';
    process.stderr.write(`customer-lens: ${command} needs at least one file${why}\n${USAGE}\n`);
    return 2;
  }
  const locale = parsed.values.locale === 'en' ? 'en' : 'zh-CN';
  const engine = parsed.values.engine;
  const preset = parsed.values.preset;
  if (preset !== undefined && !(PRESETS as readonly string[]).includes(preset)) {
    process.stderr.write(`customer-lens: --preset must be one of ${PRESETS.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const asOf = parsed.values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    process.stderr.write(`customer-lens: --as-of must be a date like 2026-10-31\n${USAGE}\n`);
    return 2;
  }
  const currency = parsed.values.currency?.trim().toUpperCase();
  if (currency !== undefined && !isCurrencyCode(currency)) {
    process.stderr.write(`customer-lens: --currency must be one of ${CURRENCY_CODES.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const purchase = parsed.values.purchase;
  if (purchase !== undefined && purchase !== 'orders' && purchase !== 'days') {
    process.stderr.write(`customer-lens: --purchase must be orders or days\n${USAGE}\n`);
    return 2;
  }
  if (engine !== 'wasm' && engine !== 'native') {
    process.stderr.write(`customer-lens: --engine must be wasm or native\n${USAGE}\n`);
    return 2;
  }
  const days = parsed.values['attribution-days'];
  if (days !== undefined && !(/^\d+$/.test(days) && Number(days) >= 1 && Number(days) <= 365)) {
    process.stderr.write(
      `customer-lens: --attribution-days must be a whole number of days, 1 to 365\n${USAGE}\n`,
    );
    return 2;
  }
  const margin = parsed.values.margin;
  if (margin !== undefined && !/^(0(\.\d+)?|1(\.0+)?)$/.test(margin)) {
    process.stderr.write(`customer-lens: --margin must be a fraction from 0 to 1, e.g. 0.35\n${USAGE}\n`);
    return 2;
  }
  // Issue 16: --clv fits BG/NBD + Gamma-Gamma (clv_model.json, clv.csv); any CLV setting implies it.
  const calibrationEnd = parsed.values['calibration-end'];
  if (calibrationEnd !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(calibrationEnd)) {
    process.stderr.write(`customer-lens: --calibration-end must be a date like 1997-09-30\n${USAGE}\n`);
    return 2;
  }
  const timeUnit = parsed.values['time-unit'];
  if (timeUnit !== undefined && timeUnit !== 'day' && timeUnit !== 'week') {
    process.stderr.write(`customer-lens: --time-unit must be day or week\n${USAGE}\n`);
    return 2;
  }
  const horizon = parsed.values['horizon-days'];
  if (horizon !== undefined && !(/^\d+$/.test(horizon) && Number(horizon) >= 1 && Number(horizon) <= 3650)) {
    process.stderr.write(
      `customer-lens: --horizon-days must be a whole number of days, 1 to 3650\n${USAGE}\n`,
    );
    return 2;
  }
  const clv =
    parsed.values.clv === true ||
    calibrationEnd !== undefined ||
    timeUnit !== undefined ||
    horizon !== undefined
      ? {
          ...(calibrationEnd !== undefined ? { calibrationEnd } : {}),
          ...(timeUnit !== undefined ? { timeUnit: timeUnit as 'day' | 'week' } : {}),
          ...(horizon !== undefined ? { horizonDays: Number(horizon) } : {}),
        }
      : undefined;
  // Issue 16: any --forecast-* flag writes forecast.csv (and forecast_model.json).
  const fPeriods = parsed.values['forecast-periods'];
  if (
    fPeriods !== undefined &&
    !(/^\d+$/.test(fPeriods) && Number(fPeriods) >= 1 && Number(fPeriods) <= 366)
  ) {
    process.stderr.write(`customer-lens: --forecast-periods must be a whole number, 1 to 366\n${USAGE}\n`);
    return 2;
  }
  const fGrain = parsed.values['forecast-grain'];
  if (fGrain !== undefined && fGrain !== 'day' && fGrain !== 'week' && fGrain !== 'month') {
    process.stderr.write(`customer-lens: --forecast-grain must be day, week or month\n${USAGE}\n`);
    return 2;
  }
  const fBy = parsed.values['forecast-by'];
  if (fBy !== undefined && fBy !== 'category' && fBy !== 'channel' && fBy !== 'none') {
    process.stderr.write(`customer-lens: --forecast-by must be category, channel or none\n${USAGE}\n`);
    return 2;
  }
  const forecast =
    fPeriods !== undefined || fGrain !== undefined || fBy !== undefined
      ? {
          ...(fPeriods !== undefined ? { periods: Number(fPeriods) } : {}),
          ...(fGrain !== undefined ? { grain: fGrain as 'day' | 'week' | 'month' } : {}),
          ...(fBy !== undefined ? { by: fBy as 'category' | 'channel' | 'none' } : {}),
        }
      : undefined;
  const funnelSteps = parsed.values['funnel-steps']
    ?.split(/[,，]/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (
    funnelSteps !== undefined &&
    (funnelSteps.length < 2 || funnelSteps.length > 8 || new Set(funnelSteps).size !== funnelSteps.length)
  ) {
    process.stderr.write(
      `customer-lens: --funnel-steps must name 2 to 8 different events, comma-separated\n${USAGE}\n`,
    );
    return 2;
  }
  const funnelDays = parsed.values['funnel-days'];
  if (
    funnelDays !== undefined &&
    !(/^\d+$/.test(funnelDays) && Number(funnelDays) >= 1 && Number(funnelDays) <= 365)
  ) {
    process.stderr.write(`customer-lens: --funnel-days must be a whole number of days, 1 to 365\n${USAGE}\n`);
    return 2;
  }
  const migrationPeriod = parsed.values['migration-period'];
  if (migrationPeriod !== undefined && migrationPeriod !== 'month' && migrationPeriod !== 'quarter') {
    process.stderr.write(`customer-lens: --migration-period must be month or quarter\n${USAGE}\n`);
    return 2;
  }
  const clusters = parsed.values.clusters;
  if (
    clusters !== undefined &&
    clusters !== 'auto' &&
    !(/^\d+$/.test(clusters) && Number(clusters) >= 1 && Number(clusters) <= 10)
  ) {
    process.stderr.write(
      `customer-lens: --clusters must be a whole number from 1 to 10, or auto (the suggested k)\n${USAGE}\n`,
    );
    return 2;
  }
  const fraction = (name: 'min-support' | 'min-confidence', min: number) => {
    const s = parsed.values[name];
    if (s === undefined) return undefined;
    const x = Number(s);
    return /^(0(\.\d+)?|1(\.0+)?|\d?\.\d+(e-\d+)?)$/i.test(s) && x >= min && x <= 1 ? x : null;
  };
  const minSupport = fraction('min-support', 0.00001);
  const minConfidence = fraction('min-confidence', 0);
  if (minSupport === null || minConfidence === null) {
    process.stderr.write(
      `customer-lens: --min-support (0.00001 to 1) and --min-confidence (0 to 1) must be fractions, e.g. 0.01\n${USAGE}\n`,
    );
    return 2;
  }
  const maxLen = parsed.values['max-len'];
  if (maxLen !== undefined && !(/^\d+$/.test(maxLen) && Number(maxLen) >= 2 && Number(maxLen) <= 10)) {
    process.stderr.write(`customer-lens: --max-len must be a whole number from 2 to 10\n${USAGE}\n`);
    return 2;
  }
  const level = parsed.values['basket-level'];
  if (level !== undefined && level !== 'product' && level !== 'category') {
    process.stderr.write(`customer-lens: --basket-level must be product or category\n${USAGE}\n`);
    return 2;
  }
  const unit = parsed.values['basket-unit'];
  if (unit !== undefined && unit !== 'order' && unit !== 'customer') {
    process.stderr.write(`customer-lens: --basket-unit must be order or customer\n${USAGE}\n`);
    return 2;
  }
  try {
    // Loaded only when there is work: `--help` and usage errors answer without the engine.
    const { analyze } = await import('./analyze.ts');
    const { sqlScript } = await import('./sql-command.ts');
    const options: Parameters<typeof analyze>[0] = {
      clv,
      forecast,
      funnelSteps,
      funnelDays: funnelDays === undefined ? undefined : Number(funnelDays),
      migrationPeriod,
      clusters: clusters === undefined ? undefined : clusters === 'auto' ? 'auto' : Number(clusters),
      // Basket rules when asked: --basket or any basket setting (a baskets file always gets them).
      basketRules:
        parsed.values.basket === true ||
        [minSupport, minConfidence, maxLen, level, unit].some((x) => x !== undefined),
      basket: {
        minSupport,
        minConfidence,
        maxLen: maxLen === undefined ? undefined : Number(maxLen),
        level,
        unit,
      },
      attributionDays: days === undefined ? undefined : Number(days),
      margin: margin === undefined ? undefined : Number(margin),
      experiment: {
        arm: parsed.values.arm,
        control: parsed.values.control,
        outcomes: parsed.values.outcomes,
      },
      warn: (line) => process.stderr.write(`customer-lens: warning: ${line}\n`),
      files,
      configPath: parsed.values.config,
      outDir: parsed.values.out!,
      locale,
      engine,
      preset: preset as (typeof PRESETS)[number] | undefined,
      asOf,
      currency,
      notice: (line) => process.stderr.write(`customer-lens: ${line}\n`),
      ignoreReturns: parsed.values['ignore-returns'] === true,
      report: parsed.values.report === true,
      purchase,
      sheets: parsed.values.sheet,
    };
    // Issue 17: `sql` prints the script instead of writing the outputs.
    if (command === 'sql') {
      process.stdout.write(await sqlScript(options));
      return 0;
    }
    const written = await analyze(options);
    for (const path of written) process.stdout.write(`wrote ${path}\n`);
    return 0;
  } catch (e) {
    const message =
      e instanceof CliError ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
    process.stderr.write(`customer-lens: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

const isEntry =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isEntry) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
