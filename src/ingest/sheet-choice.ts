/**
 * Which sheet of a workbook holds the data (issue 21). Every sheet is profiled from its first rows:
 * the header row (findHeaderRow, as the reader will find it), how well its headers map to each role
 * (classifyDataset: the same synonyms and value checks as the mapping), and what it looks like when
 * no role fits — instructions (说明), a pivot table (行标签 / 求和项), a summary (汇总). The sheet best
 * for its role is opened; sheets with the same columns (monthly sheets, one per store) can be
 * appended to it. Pure: the reader gives the cells, this decides.
 */
import { findHeaderRow, isSummaryRow, uniqueHeaderNames, type Cells } from './header-row.ts';
import { classifyDataset } from './mapping/classify-dataset.ts';
import { normalizeHeader } from './mapping/normalize-header.ts';

/** data: its headers fully map to a role; other: a table no role fits; the rest are recognised kinds. */
export type SheetKind = 'data' | 'instructions' | 'pivot' | 'summary' | 'other' | 'empty';

export interface SheetProfile {
  name: string;
  /** Rows in the sheet's range (as listed before issue 21). */
  rows: number;
  /** Hidden (or very hidden) in the workbook. */
  hidden: boolean;
  kind: SheetKind;
  /** The role its headers fully map to, best first (null: none). */
  role: string | null;
  /** 0–1, classifyDataset's score of that role (or of the best role when none is complete). */
  score: number;
  /** 0-based row of the header among the sheet's rows. */
  headerRow: number;
  /** Non-blank rows below the header. */
  dataRows: number;
  /** Header names as the reader makes them unique. */
  columns: string[];
}

/** Why the opened sheet was opened: asked for, best for its role, the only data (hidden), or the first. */
export type SheetChoiceReason = 'forced' | 'best' | 'hidden' | 'first';

export interface SheetChoice {
  sheet: string;
  reason: SheetChoiceReason;
  /** Other sheets with the same columns and role, in workbook order: offered to be appended. */
  sameShape: string[];
}

const SAMPLE_ROWS = 50;
const PIVOT_HEADER =
  /^(?:行标签|列标签|求和项[:：]|计数项[:：]|平均值项[:：]|最大值项[:：]|最小值项[:：]|row labels|column labels|sum of |count of |average of |max of |min of )/i;
const GRAND_TOTAL = /^(?:总计|grand ?total)$/i;
const PIVOT_NAME = /透视|pivot/i;
const SUMMARY_NAME = /汇总|总览|概览|统计|合计|总计|summary|overview|dashboard|totals?$|report|报表|看板/i;
const INSTRUCTIONS_NAME =
  /说明|须知|指南|帮助|备注|readme|read me|instructions?|notes?|help|about|guide|使用/i;

function text(c: string | null | undefined): string {
  return c == null ? '' : String(c).trim();
}

function filledCount(row: Cells): number {
  let n = 0;
  for (const c of row) if (text(c) !== '') n++;
  return n;
}

/**
 * One sheet's profile from its first rows (`head`, up to 200) and its count of non-blank rows below
 * the header as the reader counts them (`countRowsBelow(headerRow)`).
 */
export function profileSheet(
  name: string,
  head: readonly Cells[],
  options: { rows: number; hidden: boolean; countRowsBelow: (headerRow: number) => number },
): SheetProfile {
  const base = { name, rows: options.rows, hidden: options.hidden };
  const nonBlank = head.filter((r) => filledCount(r) > 0);
  if (nonBlank.length === 0)
    return { ...base, kind: 'empty', role: null, score: 0, headerRow: 0, dataRows: 0, columns: [] };
  const h = findHeaderRow(head);
  const header = head[h] ?? [];
  const width = header.length;
  const keep: number[] = [];
  for (let c = 0; c < width; c++) if (text(header[c]) !== '') keep.push(c);
  const columns = uniqueHeaderNames(keep.map((c) => header[c] ?? null));
  const body = head.slice(h + 1).filter((r) => filledCount(r) > 0);
  const infos = columns.map((col, i) => ({
    name: col,
    type: 'VARCHAR',
    samples: body
      .slice(0, SAMPLE_ROWS)
      .map((r) => text(r[keep[i]!]))
      .filter((v) => v !== ''),
  }));
  const guesses = columns.length > 0 ? classifyDataset(infos) : [];
  const complete = guesses.find((g) => g.complete) ?? null;
  const dataRows = options.countRowsBelow(h);
  const profile = (kind: SheetKind): SheetProfile => ({
    ...base,
    kind,
    role: complete?.role ?? null,
    score: complete?.score ?? guesses[0]?.score ?? 0,
    headerRow: h,
    dataRows,
    columns,
  });
  const headerTexts = columns.map((c) => text(c));
  // A pivot table: Excel's own labels (行标签, 求和项:金额, Row Labels, Sum of …), or a 总计 column.
  if (
    PIVOT_NAME.test(name) ||
    headerTexts.some((t) => PIVOT_HEADER.test(t)) ||
    headerTexts.some((t) => GRAND_TOTAL.test(t))
  )
    return profile('pivot');
  if (complete) return profile('data');
  // Instructions: prose in one or two columns (long cells), or a sheet named so.
  const usualWidth = Math.max(...nonBlank.map(filledCount));
  const longCells = nonBlank.flat().filter((c) => text(c).length >= 20).length;
  if (INSTRUCTIONS_NAME.test(name) || (usualWidth <= 2 && longCells >= Math.ceil(nonBlank.length / 3)))
    return profile('instructions');
  // A summary: named so, or a short table whose last row is a total (合计 / Total).
  if (SUMMARY_NAME.test(name) || body.some(isSummaryRow)) return profile('summary');
  return profile('other');
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const norm = (cols: readonly string[]) => cols.map((c) => normalizeHeader(c)).sort();
  const x = norm(a);
  const y = norm(b);
  return x.every((c, i) => c === y[i]);
}

/** Sheets that could be appended to `chosen`: the same role and the same columns (any order). */
export function sameShapeSheets(profiles: readonly SheetProfile[], chosen: string): string[] {
  const c = profiles.find((p) => p.name === chosen);
  if (!c || c.kind !== 'data' || c.role === null) return [];
  return profiles
    .filter(
      (p) =>
        p.name !== chosen &&
        p.kind === 'data' &&
        p.role === c.role &&
        p.dataRows > 0 &&
        sameColumns(p.columns, c.columns),
    )
    .map((p) => p.name);
}

const ROLE_ORDER = ['orders', 'customers'];

function rolePriority(role: string | null): number {
  const i = role === null ? -1 : ROLE_ORDER.indexOf(role);
  return i < 0 ? ROLE_ORDER.length : i;
}

/**
 * The sheet to open: `forced` when given; else the best data sheet (a complete role — orders first,
 * then customers, then the others —, the higher score, visible before hidden, workbook order); else
 * the table no role fits best; else the first sheet with rows. Null when every sheet is empty.
 */
export function chooseSheet(profiles: readonly SheetProfile[], forced?: string): SheetChoice | null {
  if (forced !== undefined) {
    return { sheet: forced, reason: 'forced', sameShape: [] };
  }
  const ranked = profiles
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.kind === 'data' && p.dataRows > 0)
    .sort(
      (a, b) =>
        rolePriority(a.p.role) - rolePriority(b.p.role) ||
        b.p.score - a.p.score ||
        Number(a.p.hidden) - Number(b.p.hidden) ||
        a.i - b.i,
    );
  const best = ranked[0]?.p;
  if (best) {
    const visibleData = profiles.some((p) => !p.hidden && p.kind === 'data' && p.dataRows > 0);
    return {
      sheet: best.name,
      reason: best.hidden && !visibleData ? 'hidden' : 'best',
      sameShape: sameShapeSheets(profiles, best.name),
    };
  }
  const other = profiles
    .filter((p) => p.kind === 'other' && p.dataRows > 0)
    .sort((a, b) => Number(a.hidden) - Number(b.hidden) || b.score - a.score)[0];
  const first = other ?? profiles.find((p) => p.rows > 0 && p.kind !== 'empty');
  return first ? { sheet: first.name, reason: 'first', sameShape: [] } : null;
}

/** Whether a workbook has a sheet worth opening as data (some sheet's headers map to a role). */
export function hasDataSheet(profiles: readonly SheetProfile[]): boolean {
  return profiles.some((p) => p.kind === 'data' && p.dataRows > 0);
}

/** What a sheet is, in words: its role when its headers map to one, else its kind; hidden said. */
export function describeSheet(
  profile: SheetProfile,
  t: (key: string, params?: Record<string, string | number>) => string,
): string {
  const what =
    profile.kind === 'data' && profile.role ? t(`dataRole.${profile.role}`) : t(`sheet.kind.${profile.kind}`);
  return profile.hidden ? `${what}, ${t('sheet.hidden')}` : what;
}
