/**
 * The report workbook (issue 17): a README sheet (what, when, data period, files, read = used + set
 * aside, masking, definitions), the action plan, then one sheet per report table. Shared by the app's
 * "Download XLSX" and the CLI's report.xlsx: both hand these sheets to the engine's workbook writer
 * (engine/export-query.ts), which types every text cell as text (never a formula) and masks ids that
 * are phones or e-mails when `maskIds` (the config's masking choice).
 *
 * README and action rows are literal VALUES built here with escaped values: user text never reaches
 * SQL unquoted.
 */
import { ident, literal } from '../../sql/quote.ts';
import type { Action } from '../../config/actions.ts';
import { translate, exportHeaders, type Locale, type MessageKey } from '../../i18n/i18n.ts';
import type { ReportTable } from './report-tables.ts';
import { kpiLabel, kpiChange } from './kpi-text.ts';
import { BASE_KPIS } from '../actions/build-kpis-sql.ts';
import type { AnalysisConfig } from '../../config/schema.ts';
import { describeConfig, summarizeConfig } from '../../config/summary.ts';

/** One sheet for the engine's workbook writer (structurally engine/export-query.ts ExportSheet). */
export interface ReportSheet {
  name: string;
  sql: string;
  headers?: Readonly<Record<string, string>> | undefined;
  /** Mask customer ids that are phones or e-mails (view.maskPii). */
  maskIds?: boolean | undefined;
}

export interface ReportInfo {
  /** ISO timestamp of the report. */
  generatedAt: string;
  period: { first: string | null; last: string | null };
  files: readonly string[];
  cleaning: { rowsRead: number; rowsUsed: number; rowsSetAside: number } | null;
  mask: boolean;
  /** Definitions in words (config/summary.ts wording), one line each. */
  definitions: readonly string[];
}

type Cell = string | number | null;

/** `SELECT … FROM (VALUES …)` with these column names; no rows gives an empty table with them. */
export function valuesSql(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const names = columns.map((c) => ident(c)).join(', ');
  if (rows.length === 0)
    return `SELECT ${columns.map((c) => `NULL::VARCHAR AS ${ident(c)}`).join(', ')} WHERE false`;
  const cell = (v: Cell) => (typeof v === 'number' ? `CAST(${literal(v)} AS DOUBLE)` : literal(v));
  const values = rows.map((r) => `(${r.map(cell).join(', ')})`).join(',\n');
  return `SELECT * FROM (VALUES ${values}) AS v(${names})`;
}

/** The README sheet's rows: item, value. */
export function readmeRows(info: ReportInfo, tables: readonly ReportTable[], locale: Locale): Cell[][] {
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  const rows: Cell[][] = [
    [t('report.readme.title'), t('report.title')],
    [t('report.readme.generated'), info.generatedAt],
    [t('report.readme.period'), `${info.period.first ?? '—'} – ${info.period.last ?? '—'}`],
    [t('report.readme.files'), info.files.join(', ')],
  ];
  if (info.cleaning)
    rows.push([
      t('report.readme.cleaning'),
      t('report.cleaningSum', {
        read: info.cleaning.rowsRead,
        used: info.cleaning.rowsUsed,
        aside: info.cleaning.rowsSetAside,
      }),
    ]);
  rows.push([t('report.readme.masking'), t(info.mask ? 'report.masked' : 'report.unmasked')]);
  rows.push([t('report.readme.formulas'), t('report.formulaSafe')]);
  for (const d of info.definitions) rows.push([t('report.readme.definition'), d]);
  rows.push([t('report.readme.sheet'), `${t('report.actionsSheet')}: ${t('report.actionsSheetHelp')}`]);
  for (const table of tables) rows.push([t('report.readme.sheet'), `${sheetTitle(table)}: ${table.file}`]);
  return rows;
}

/** A table's sheet name: its file name without the extension. */
export function sheetTitle(table: Pick<ReportTable, 'file'>): string {
  return table.file.replace(/\.[a-z]+$/, '');
}

/** The action plan as rows (problem … KPI, baseline, current, change), in `locale`. */
export function actionRows(
  actions: readonly Action[],
  current: Readonly<Record<string, number | null>> | null,
  locale: Locale,
  segmentLabel: (id: string) => string | null = () => null,
): Cell[][] {
  return actions.map((a) => {
    const now = a.kpi && current ? (current[a.kpi.id] ?? null) : null;
    return [
      a.problem,
      a.cause,
      a.solution,
      a.owner,
      a.due,
      translate(locale, `actions.status.${a.status}`),
      a.kpi ? a.kpi.label || kpiLabel(a.kpi.id, locale, segmentLabel) : null,
      a.kpi?.baseline ?? null,
      a.kpi?.baselineDate ?? null,
      now,
      a.kpi ? kpiChange(a.kpi.baseline, now) : null,
    ];
  });
}

export const ACTION_COLUMNS = [
  'problem',
  'cause',
  'solution',
  'owner',
  'due',
  'status',
  'kpi',
  'baseline',
  'baseline_date',
  'current',
  'change',
] as const;

/** Header names of the action columns in `locale`. */
export function actionHeaders(locale: Locale): Record<string, string> {
  return Object.fromEntries(
    ACTION_COLUMNS.map((c) => [c, translate(locale, `actions.col.${c}` as MessageKey)]),
  );
}

/** The action plan alone as a sheet (the board's "Export XLSX"). */
export function actionsSheet(
  actions: readonly Action[],
  current: Readonly<Record<string, number | null>> | null,
  locale: Locale,
  segmentLabel?: (id: string) => string | null,
): ReportSheet {
  return {
    name: translate(locale, 'report.actionsSheet'),
    sql: valuesSql(ACTION_COLUMNS, actionRows(actions, current, locale, segmentLabel)),
    headers: actionHeaders(locale),
  };
}

/** Every sheet of the report workbook, README first. */
export function reportSheets(input: {
  info: ReportInfo;
  tables: readonly ReportTable[];
  actions: readonly Action[];
  kpis: Readonly<Record<string, number | null>> | null;
  locale: Locale;
  segmentLabel?: (id: string) => string | null;
}): ReportSheet[] {
  const { info, tables, locale } = input;
  const headers = exportHeaders(locale);
  return [
    {
      name: 'README',
      sql: valuesSql(['item', 'value'], readmeRows(info, tables, locale)),
      headers: {
        item: translate(locale, 'report.readme.item'),
        value: translate(locale, 'report.readme.value'),
      },
    },
    actionsSheet(input.actions, input.kpis, locale, input.segmentLabel),
    ...tables.map((table) => ({ name: sheetTitle(table), sql: table.query, headers, maskIds: info.mask })),
  ];
}

/** The definitions used, one line each (config/summary.ts wording): summary, presets, segments, changes. */
export function definitionLines(config: AnalysisConfig, locale: Locale): string[] {
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  const d = describeConfig(config);
  const lines = [summarizeConfig(config, locale)];
  if (!d.presets.some((p) => p.section === 'rfm'))
    lines.push(t('report.preset', { section: 'rfm', preset: config.rfm.preset ?? 'value5' }));
  for (const p of d.presets) lines.push(t('report.preset', { section: p.section, preset: p.preset }));
  const w = config.rfm.window;
  lines.push(
    t('report.window', {
      window:
        w.kind === 'all'
          ? t('report.windowAll')
          : w.kind === 'lastMonths'
            ? t('report.windowMonths', { months: w.months })
            : `${w.from ?? '…'} – ${w.to ?? '…'}`,
      asOf: config.rfm.asOf ?? t('report.asOfData'),
    }),
  );
  for (const id of BASE_KPIS) lines.push(`${id}: ${kpiLabel(id, locale, () => null)}`);
  for (const s of d.segments)
    lines.push(t('report.segmentsDef', { section: s.section, names: s.names.join(', ') }));
  const shown = d.changed.filter(
    (c) => !/^(actions|view)(\.|$)|(^|\.)segments(\.|$)|(^|\.)preset$/.test(c.path),
  );
  for (const c of shown)
    lines.push(
      t('report.setting', {
        path: c.path,
        value: Array.isArray(c.value) ? c.value.join(', ') : String(c.value),
      }),
    );
  if (shown.length === 0 && d.presets.length === 0) lines.push(t('report.defaults'));
  return lines;
}
