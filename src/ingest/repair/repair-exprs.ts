/**
 * Per-column repair expressions and the conditions that count each repair kind. Both read the
 * source column through `ident()` and call the macros of build-repair-macros-sql.ts, so a value is
 * counted by exactly the rule that repairs it. Typed columns (the loader already typed them) are
 * cast, not re-parsed, except numbers in date columns (`20230510`, Excel serials).
 */
import { ident, str } from '../../sql/quote.ts';
import {
  AB_Y_RE,
  COMPACT_RE,
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

export interface SourceColumn {
  name: string;
  /** DuckDB type as loaded, e.g. VARCHAR, BIGINT, DECIMAL(18,2), DATE, TIMESTAMP. */
  type: string;
}

export interface ExprOptions {
  /** Full-width → half-width for ids (CleaningConfig.normalizeText). */
  normalize: boolean;
  /** `10/05/2023` is day first. */
  dmy: boolean;
}

const kindOf = (type: string) => {
  const t = type.toUpperCase();
  if (t === 'VARCHAR' || t.startsWith('VARCHAR') || t === 'TEXT') return 'text';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'BOOLEAN') return 'bool';
  return 'number';
};

const asText = (c: SourceColumn) =>
  kindOf(c.type) === 'text' ? ident(c.name) : `CAST(${ident(c.name)} AS VARCHAR)`;

/** The repaired value of `column` as the type its role needs. */
export function repairExpr(column: SourceColumn, as: ValueType, o: ExprOptions): string {
  const c = ident(column.name);
  const k = kindOf(column.type);
  const text = asText(column);
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

/** Conditions counting the repairs `repairExpr` makes to one column. */
export function repairConditions(column: SourceColumn, as: ValueType, o: ExprOptions): RepairCondition[] {
  const k = kindOf(column.type);
  const raw = asText(column);
  const out: RepairCondition[] = [];
  const add = (kind: RepairKind, cond: string) => out.push({ kind, cond });
  if (k === 'text') {
    add('text_guard', `regexp_matches(${raw}, '^[ \\t\\r\\n]*(?:="|"|'')|[\\t\\r\\n]')`);
    add('placeholder_null', `(cl_text(${raw}) IS NULL AND trim(${raw}) <> '')`);
    if (as !== 'text' && as !== 'region' && (o.normalize || as !== 'id'))
      add('fullwidth', `${raw} <> cl_hw(${raw})`);
  }
  if (as === 'id' && k === 'text') {
    add(
      'whitespace_trimmed',
      `(${raw} <> trim(${raw}) AND NOT regexp_matches(${raw}, '^[ ]*(?:="|"|'')|[\t\r\n]'))`,
    );
    add('id_float_suffix', `regexp_full_match(cl_text(${raw}), '[0-9]+\\.0+')`);
    add('id_scientific', `regexp_full_match(cl_text(cl_hw(${raw})), ${str(SCIENTIFIC_RE)})`);
  }
  if ((as === 'amount' || as === 'number') && k === 'text') {
    const s = `cl_text(cl_hw(${raw}))`;
    const ok = `cl_num(${raw}) IS NOT NULL`;
    add('amount_symbol', `(${ok} AND regexp_matches(${s}, '[¥$€£,元块]|CNY|RMB|USD'))`);
    add('amount_negative_parentheses', `(${ok} AND regexp_matches(${s}, '^\\('))`);
    add('amount_unit', `(${ok} AND regexp_matches(${s}, '[0-9.]\\s*(?:万|亿)'))`);
    add('amount_note_dropped', `(${ok} AND (cl_num_parts(${s})).note <> '')`);
    add('amount_unparseable', `(${s} IS NOT NULL AND cl_num(${raw}) IS NULL)`);
  }
  if (as === 'timestamp' && (k === 'text' || k === 'number')) {
    const s = `cl_text(cl_hw(${raw}))`;
    const ok = `cl_ts(${raw}, ${o.dmy ? 'TRUE' : 'FALSE'}) IS NOT NULL`;
    const ymd = `regexp_full_match(${s}, ${str(YMD_RE)})`;
    const tz = `(regexp_extract(${s}, ${str(YMD_RE)}, [${YMD_GROUPS.map(str).join(', ')}])).tz <> ''`;
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
  }
  if (as === 'region')
    add('region_from_address', `cl_region(cl_text(${raw})) IS DISTINCT FROM cl_text(${raw})`);
  return out;
}
