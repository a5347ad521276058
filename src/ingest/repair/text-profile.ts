/**
 * A cheap pass over the VARCHAR columns cleaning reads (issue 7): per column, whether any value could
 * need a text repair at all. A column with no guard, edge whitespace, control character, placeholder
 * or full-width character is "clean": cl_hw and cl_text leave its values unchanged, so the repair
 * expressions skip them and the counts of those repairs are 0 by construction.
 */
import { ident, str } from '../../sql/quote.ts';
import { PLACEHOLDERS } from './patterns.ts';
import type { CleanText, SourceColumn } from './repair-types.ts';

export interface TextProfile {
  /**
   * Some value starts with a space or a guard (`=`, `"`, `'`), ends with a space, or holds a tab,
   * CR, LF or a character cl_hw translates (fullwidth.ts). One regex: the cheapest single pass.
   */
  marked: boolean;
  /** Some value is a placeholder (exports.md §3.5), compared lower-cased. */
  placeholder: boolean;
  /** Some value holds `.` (ids: `123.0`). */
  dot: boolean;
  /** Some value holds `e` or `E` (ids: `1.23457E+17`). */
  exp: boolean;
}

const FLAGS = ['marked', 'placeholder', 'dot', 'exp'] as const;

export type { CleanText } from './repair-types.ts';

/** Characters anywhere in a value that mark it: tab, CR, LF and those cl_hw translates. */
const MARKED_CHARS = '\\t\\r\\n\\x{ff01}-\\x{ff5e}\\x{3000}\\x{ffe5}';
/** TextProfile.marked: a guard or space first, a space last, or a marked character. */
const markedRe = (extraChars = '') => `^[ ="']|[${MARKED_CHARS}${extraChars}]| $`;

const escapeRegex = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, (ch) => `\\${ch}`);

/**
 * One row, `any<i>` per column: some value could raise any TextProfile flag (one regex per value,
 * ≈ 0.1 s per million in wasm). Columns where this is false are clean with no dot and no exponent,
 * without the four separate tests (issue 7: ids are profiled per row, the costliest part).
 */
export function buildTextPrecheckSql(table: string, columns: readonly SourceColumn[]): string {
  const placeholders = `^(?i:${PLACEHOLDERS.map(escapeRegex).join('|')})$`;
  // marked, dot and exp in one character class, then the placeholders.
  const any = `${markedRe('.eE')}|${placeholders}`;
  const parts = columns.map(
    (col, i) => `bool_or(regexp_matches(${ident(col.name)}, ${str(any)})) AS any${i}`,
  );
  return `SELECT ${parts.length ? parts.join(', ') : '1 AS none'} FROM ${ident(table)}`;
}

function flagTests(c: string): Record<(typeof FLAGS)[number], string> {
  return {
    marked: `regexp_matches(${c}, ${str(markedRe())})`,
    placeholder: `lower(${c}) IN (${PLACEHOLDERS.map(str).join(', ')})`,
    dot: `contains(${c}, '.')`,
    exp: `(contains(${c}, 'e') OR contains(${c}, 'E'))`,
  };
}

/**
 * One row; per column index i and flag f of TextProfile: `<f><i>` (boolean, NULL when no values).
 * Columns in `byValue` (not read as ids: categories, channels, statuses…) are tested once per
 * distinct value, which is far cheaper than once per row for the usual few hundred values (issue 7);
 * their `dot` and `exp` flags are reported TRUE: only id repairs read them.
 */
export function buildTextProfileSql(
  table: string,
  columns: readonly SourceColumn[],
  byValue: ReadonlySet<string> = new Set(),
): string {
  const perRow = columns.flatMap((col, i) => {
    if (byValue.has(col.name)) return [];
    const tests = flagTests(ident(col.name));
    return FLAGS.map((f) => `bool_or(${tests[f]}) AS ${f}${i}`);
  });
  // Aggregates give one row even for an empty table; with none, a constant row keeps the join.
  const from = [perRow.length ? `(SELECT ${perRow.join(', ')} FROM ${ident(table)})` : '(SELECT 1 AS none)'];
  columns.forEach((col, i) => {
    if (!byValue.has(col.name)) return;
    const tests = flagTests('v');
    from.push(`(SELECT bool_or(${tests.marked}) AS marked${i}, bool_or(${tests.placeholder}) AS placeholder${i},
      TRUE AS dot${i}, TRUE AS exp${i} FROM (SELECT DISTINCT ${ident(col.name)} AS v FROM ${ident(table)}))`);
  });
  return `SELECT * FROM ${from.join(', ')}`;
}

/** Read column i's profile from the row of buildTextProfileSql. */
export function readTextProfile(row: Readonly<Record<string, unknown>>, i: number): TextProfile {
  const flag = (f: (typeof FLAGS)[number]) => row[`${f}${i}`] === true;
  return {
    marked: flag('marked'),
    placeholder: flag('placeholder'),
    dot: flag('dot'),
    exp: flag('exp'),
  };
}

/** The facts repair expressions may rely on, or null when the column needs the full repairs. */
export function cleanText(p: TextProfile | undefined): CleanText | null {
  if (!p || p.marked || p.placeholder) return null;
  return { dot: p.dot, exp: p.exp };
}
