/**
 * Per-column repair expressions and the conditions that count each repair kind. Both read the
 * source column through `ident()` and call the macros of build-repair-macros-sql.ts, so a value is
 * counted by exactly the rule that repairs it. Typed columns (the loader already typed them) are
 * cast, not re-parsed, except numbers in date columns (`20230510`, Excel serials).
 */
import { ident, str } from '../../sql/quote.ts';
import type { CleanText, SourceColumn } from './repair-types.ts';
import {
  AB_Y_RE,
  COMPACT_RE,
  NO_NUMBER,
  SCIENTIFIC_RE,
  SERIAL_RE,
  YMD_GROUPS,
  YMD_RE,
  ZERO_DATE_RE,
} from './patterns.ts';

export type ValueType = 'id' | 'amount' | 'number' | 'timestamp' | 'text' | 'region';

/** Repair kinds, as counted in the report (`repairs`). `id_scientific` is a warning: digits are lost. */
export const REPAIR_KINDS = [
  'text_guard',
  'whitespace_trimmed',
  'fullwidth',
  'placeholder_null',
  'id_float_suffix',
  'id_scientific',
  'amount_symbol',
  'amount_negative_parentheses',
  'amount_unit',
  'amount_note_dropped',
  'amount_scientific',
  'amount_unparseable',
  'date_reformatted',
  'date_chinese',
  'date_offset_dropped',
  'date_compact',
  'date_day_month',
  'date_excel_serial',
  'date_zero',
  'date_unparseable',
  'order_time_from_paid_time',
  'region_from_address',
  'category_standardised',
] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];

export type { SourceColumn } from './repair-types.ts';

export interface ExprOptions {
  /** Full-width → half-width for ids (CleaningConfig.normalizeText). */
  normalize: boolean;
  /** `10/05/2023` is day first. */
  dmy: boolean;
  /**
   * The column is known clean (text-profile.ts): for text columns, the guard / placeholder /
   * full-width steps are skipped and their counts omitted (0 by construction). Same values.
   */
  clean?: CleanText | null;
}

const noNumber = NO_NUMBER.map(str).join(', ');

const kindOf = (type: string) => {
  const t = type.toUpperCase();
  if (t === 'VARCHAR' || t.startsWith('VARCHAR') || t === 'TEXT') return 'text';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'BOOLEAN') return 'bool';
  return 'number';
};

/** Integer and decimal types: their text never holds a guard, placeholder or full-width character. */
const isExactNumber = (type: string) =>
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|DECIMAL.*)$/i.test(
    type.trim(),
  );

const asText = (c: SourceColumn) =>
  kindOf(c.type) === 'text' ? ident(c.name) : `CAST(${ident(c.name)} AS VARCHAR)`;

/**
 * Why a present value of `column` gave no number, as an amount or number role (NULL: it gave one, or
 * the cell is empty): 1 = not a finite number (`abc`, `0x10`, `NaN`, `inf`, `#VALUE!`), 2 = a number
 * too large to store (`1e20`, 20 digits). `value` = the repaired value (repairExpr), `raw` = the
 * source column as read. Cleaning sets such rows aside instead of reading them as 0 (issue 12).
 */
export function numberIssueExpr(column: SourceColumn, value: string, raw: string): string {
  const k = kindOf(column.type);
  const why =
    k !== 'number'
      ? `cl_num_issue(${k === 'text' ? raw : `CAST(${raw} AS VARCHAR)`})`
      : isExactNumber(column.type)
        ? '2'
        : `CASE WHEN isfinite(TRY_CAST(${raw} AS DOUBLE)) THEN 2 ELSE 1 END`;
  return `CASE WHEN ${value} IS NOT NULL OR ${raw} IS NULL THEN NULL ELSE ${why} END`;
}

/** The repaired value of `column` as the type its role needs. */
export function repairExpr(column: SourceColumn, as: ValueType, o: ExprOptions): string {
  const c = ident(column.name);
  const k = kindOf(column.type);
  const text = asText(column);
  const clean = k === 'text' ? o.clean : null;
  if (clean) {
    const dmy = o.dmy ? 'TRUE' : 'FALSE';
    switch (as) {
      case 'id':
        return clean.dot ? `regexp_replace(${c}, '^([0-9]+)\\.0+$', '\\1')` : c;
      case 'amount':
      case 'number':
        return `TRY_CAST(cl_num_calc(cl_num_parts(${c})) AS ${as === 'amount' ? 'DECIMAL(18, 2)' : 'DECIMAL(18, 3)'})`;
      case 'timestamp':
        return `cl_ts_text(${c}, ${dmy})`;
      case 'text':
        return c;
      case 'region':
        return `cl_region(${c})`;
    }
  }
  switch (as) {
    case 'id':
      return o.normalize ? `cl_id(cl_hw(${text}))` : `cl_id(${text})`;
    case 'amount':
    case 'number': {
      const target = as === 'amount' ? 'DECIMAL(18, 2)' : 'DECIMAL(18, 3)';
      return k === 'number' ? `TRY_CAST(${c} AS ${target})` : `TRY_CAST(cl_num(${text}) AS ${target})`;
    }
    case 'timestamp':
      if (k === 'date') return `CAST(${c} AS TIMESTAMP)`;
      if (k === 'timestamp') return `CAST(${c} AS TIMESTAMP)`;
      return `cl_ts(${text}, ${o.dmy ? 'TRUE' : 'FALSE'})`;
    case 'text':
      return `cl_text(${text})`;
    case 'region':
      return `cl_region(cl_text(${text}))`;
  }
}

export interface RepairCondition {
  kind: RepairKind;
  /** Boolean SQL over the source row: this value received that repair. */
  cond: string;
}

/** Names of shared subexpressions of repairConditions (see repairBindings). */
export type BindingName = 't' | 's' | 'p' | 'ok' | 'ymd' | 'tz';
export type Bound = Partial<Record<BindingName, string>>;

export interface RepairBindings {
  /** Levels of [name, SQL]: each level may read the names of the levels before it. */
  levels: [string, string][][];
  /** What repairConditions should read instead of recomputing. */
  bound: Bound;
}

/**
 * The subexpressions repairConditions would evaluate several times per value (cl_text, cl_num,
 * cl_ts, the date regexes), as columns named `<prefix>_<name>` to compute once per row in nested
 * subqueries (issue 7). Conditions built with `bound` read those columns; counts are unchanged.
 */
export function repairBindings(
  column: SourceColumn,
  as: ValueType,
  o: ExprOptions,
  prefix: string,
): RepairBindings {
  const k = kindOf(column.type);
  const raw = asText(column);
  const clean = k === 'text' ? o.clean : null;
  const out: RepairBindings = { levels: [[], [], []], bound: {} };
  const bind = (level: number, n: BindingName, expr: string) => {
    out.levels[level]!.push([`${prefix}_${n}`, expr]);
    return (out.bound[n] = ident(`${prefix}_${n}`));
  };
  if (k === 'date' || k === 'timestamp' || (isExactNumber(column.type) && as !== 'timestamp')) return out;
  const parsed = as === 'id' || as === 'amount' || as === 'number' || as === 'timestamp';
  let s = ident(column.name);
  if (!clean) {
    if (k === 'text') bind(0, 't', `cl_text(${raw})`);
    if (!parsed || (k !== 'text' && as !== 'timestamp')) return out;
    s = bind(0, 's', `cl_text(cl_hw(${raw}))`);
  }
  const level = clean ? 0 : 1;
  if (as === 'amount' || as === 'number') {
    const p = bind(level, 'p', `cl_num_parts(${s})`);
    bind(level + 1, 'ok', `cl_num_calc(${p}) IS NOT NULL`);
  }
  if (as === 'timestamp') {
    bind(level, 'ok', `cl_ts_text(${s}, ${o.dmy ? 'TRUE' : 'FALSE'}) IS NOT NULL`);
    bind(level, 'ymd', `regexp_full_match(${s}, ${str(YMD_RE)})`);
    bind(level, 'tz', tzExpr(s));
  }
  return out;
}

const tzExpr = (s: string) =>
  `(regexp_extract(${s}, ${str(YMD_RE)}, [${YMD_GROUPS.map(str).join(', ')}])).tz <> ''`;

/** Conditions counting the repairs `repairExpr` makes to one column; `bound` from repairBindings. */
export function repairConditions(
  column: SourceColumn,
  as: ValueType,
  o: ExprOptions,
  bound: Bound = {},
): RepairCondition[] {
  const k = kindOf(column.type);
  const raw = asText(column);
  const out: RepairCondition[] = [];
  const add = (kind: RepairKind, cond: string) => out.push({ kind, cond });
  const clean = k === 'text' ? o.clean : null;
  if (clean) return cleanConditions(ident(column.name), as, o, clean, bound);
  if (k === 'date' || k === 'timestamp' || (isExactNumber(column.type) && as !== 'timestamp')) return out;
  const t = bound.t ?? `cl_text(${raw})`;
  const s = bound.s ?? `cl_text(cl_hw(${raw}))`;
  if (k === 'text') {
    add('text_guard', `regexp_matches(${raw}, '^[ \\t\\r\\n]*(?:="|"|'')|[\\t\\r\\n]')`);
    add('placeholder_null', `(${t} IS NULL AND trim(${raw}) <> '')`);
    if (as !== 'text' && as !== 'region' && (o.normalize || as !== 'id'))
      add('fullwidth', `${raw} <> cl_hw(${raw})`);
  }
  if (as === 'id' && k === 'text') {
    add(
      'whitespace_trimmed',
      `(${raw} <> trim(${raw}) AND NOT regexp_matches(${raw}, '^[ ]*(?:="|"|'')|[\t\r\n]'))`,
    );
    add('id_float_suffix', `regexp_full_match(${t}, '[0-9]+\\.0+')`);
    add('id_scientific', `regexp_full_match(${s}, ${str(SCIENTIFIC_RE)})`);
  }
  if ((as === 'amount' || as === 'number') && k === 'text') {
    const ok = bound.ok ?? `cl_num(${raw}) IS NOT NULL`;
    const p = bound.p ?? `cl_num_parts(${s})`;
    add('amount_symbol', `(${ok} AND regexp_matches(${s}, '[¥$€£,元块]|CNY|RMB|USD'))`);
    add('amount_negative_parentheses', `(${ok} AND regexp_matches(${s}, '^\\('))`);
    add('amount_unit', `(${ok} AND regexp_matches(${s}, '[0-9.]\\s*(?:万|亿)'))`);
    add('amount_note_dropped', `(${ok} AND (${p}).note <> '')`);
    add('amount_scientific', `(${ok} AND (${p}).exp <> '')`);
    add('amount_unparseable', `(${s} IS NOT NULL AND NOT (${ok}) AND ${s} NOT IN (${noNumber}))`);
    add('placeholder_null', `${s} IN (${noNumber})`);
  }
  if (as === 'timestamp' && (k === 'text' || k === 'number')) {
    const ok = bound.ok ?? `cl_ts(${raw}, ${o.dmy ? 'TRUE' : 'FALSE'}) IS NOT NULL`;
    out.push(...timestampConditions(s, ok, bound));
  }
  if (as === 'region') add('region_from_address', `cl_region(${t}) IS DISTINCT FROM ${t}`);
  return out;
}

/** repairConditions for a clean text column `c`: the same counts, without the zero ones. */
function cleanConditions(
  c: string,
  as: ValueType,
  o: ExprOptions,
  clean: CleanText,
  bound: Bound,
): RepairCondition[] {
  const out: RepairCondition[] = [];
  const add = (kind: RepairKind, cond: string) => out.push({ kind, cond });
  if (as === 'id') {
    if (clean.dot) add('id_float_suffix', `regexp_full_match(${c}, '[0-9]+\\.0+')`);
    if (clean.exp) add('id_scientific', `regexp_full_match(${c}, ${str(SCIENTIFIC_RE)})`);
  }
  if (as === 'amount' || as === 'number') {
    const p = bound.p ?? `cl_num_parts(${c})`;
    const ok = bound.ok ?? `cl_num_calc(${p}) IS NOT NULL`;
    add('amount_symbol', `(${ok} AND regexp_matches(${c}, '[¥$€£,元块]|CNY|RMB|USD'))`);
    add('amount_negative_parentheses', `(${ok} AND starts_with(${c}, '('))`);
    add('amount_unit', `(${ok} AND regexp_matches(${c}, '[0-9.]\\s*(?:万|亿)'))`);
    add('amount_note_dropped', `(${ok} AND (${p}).note <> '')`);
    add('amount_scientific', `(${ok} AND (${p}).exp <> '')`);
    add('amount_unparseable', `(${c} IS NOT NULL AND NOT (${ok}) AND ${c} NOT IN (${noNumber}))`);
    add('placeholder_null', `${c} IN (${noNumber})`);
  }
  if (as === 'timestamp') {
    const ok = bound.ok ?? `cl_ts_text(${c}, ${o.dmy ? 'TRUE' : 'FALSE'}) IS NOT NULL`;
    out.push(...timestampConditions(c, ok, bound));
  }
  if (as === 'region') add('region_from_address', `cl_region(${c}) IS DISTINCT FROM ${c}`);
  return out;
}

/** Date repair counts over the guard-free text `s`; `ok` = the value parsed. */
function timestampConditions(s: string, ok: string, bound: Bound): RepairCondition[] {
  const out: RepairCondition[] = [];
  const add = (kind: RepairKind, cond: string) => out.push({ kind, cond });
  const ymd = bound.ymd ?? `regexp_full_match(${s}, ${str(YMD_RE)})`;
  const tz = bound.tz ?? tzExpr(s);
  const iso = `regexp_full_match(${s}, '[0-9]{4}-[0-9]{2}-[0-9]{2}(?: [0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?)?')`;
  add('date_zero', `coalesce(regexp_matches(${s}, ${str(ZERO_DATE_RE)}), false)`);
  add('date_chinese', `(${ok} AND ${ymd} AND contains(${s}, '年'))`);
  add('date_offset_dropped', `(${ok} AND ${ymd} AND ${tz})`);
  add('date_reformatted', `(${ok} AND ${ymd} AND NOT ${iso} AND NOT contains(${s}, '年') AND NOT (${tz}))`);
  add('date_compact', `(${ok} AND regexp_full_match(${s}, ${str(COMPACT_RE)}))`);
  add('date_day_month', `(${ok} AND regexp_full_match(${s}, ${str(AB_Y_RE)}))`);
  add('date_excel_serial', `(${ok} AND regexp_full_match(${s}, ${str(SERIAL_RE)}))`);
  add(
    'date_unparseable',
    `(${s} IS NOT NULL AND NOT coalesce(regexp_matches(${s}, ${str(ZERO_DATE_RE)}), false) AND NOT (${ok}))`,
  );
  return out;
}
