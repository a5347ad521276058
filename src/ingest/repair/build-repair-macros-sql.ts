/**
 * The repair functions as DuckDB temporary macros, created once per connection before cleaning.
 * Each is pure text → value; the expression builders (repair-exprs.ts) call them by name.
 *
 *   cl_text(v)       guards removed (`="…"`, surrounding quotes, tabs, one leading `'`), placeholders → NULL
 *   cl_hw(v)         full-width → half-width (ids, numbers, dates, statuses)
 *   cl_id(v)         cl_text + `123.0` → `123` (ids stay text)
 *   cl_num(v)        amounts: ¥ ￥ $ 元, thousands commas, (123.00), 1.5E3, 万/亿, trailing notes → DECIMAL(38,6)
 *   cl_num_issue(v)  why a present value is no amount: 1 not a finite number, 2 too large (see below)
 *   cl_ts(v, dmy)    dates and times in any format of exports.md §3.4 → TIMESTAMP (wall clock, offset dropped)
 *   cl_region(v)     province from an address (`浙江省 杭州市 …` → 浙江省), 北京 → 北京市
 */
import { literal, str } from '../../sql/quote.ts';
import { FULL_WIDTH, HALF_WIDTH } from './fullwidth.ts';
import {
  AB_Y_GROUPS,
  AB_Y_RE,
  AMOUNT_GROUPS,
  AMOUNT_RE,
  COMPACT_GROUPS,
  COMPACT_RE,
  DEFAULT_SERIAL_RANGE,
  NO_NUMBER,
  NOT_FINITE_RE,
  PLACEHOLDERS,
  SERIAL_RE,
  YMD_GROUPS,
  YMD_RE,
  ZERO_DATE_RE,
} from './patterns.ts';

export interface RepairMacroOptions {
  /** Excel serial numbers accepted as dates, [min, max). */
  serialRange?: readonly [number, number];
}

const groups = (names: readonly string[]) => `[${names.map(str).join(', ')}]`;
/** Evaluate `expr` once and use it as `name` in `body` (macro arguments are otherwise copied per use). */
const once = (expr: string, name: string, body: string) =>
  `list_transform([${expr}], lambda ${name}: ${body})[1]`;
const WS = `' ' || chr(9) || chr(10) || chr(13)`;
/** -1 for a negative amount (accounting parentheses or a minus sign), else 1; inside cl_num_calc. */
const NEG = `CASE WHEN cl_p.open <> '' OR cl_p.sign1 = '-' OR cl_p.sign2 = '-' THEN -1 ELSE 1 END`;

/** CREATE OR REPLACE TEMP MACRO statements, in dependency order. */
export function buildRepairMacrosSql(options: RepairMacroOptions = {}): string[] {
  const [lo, hi] = options.serialRange ?? DEFAULT_SERIAL_RANGE;
  const int = (x: string) => `TRY_CAST(nullif(${x}, '') AS BIGINT)`;
  return [
    // translate() is slow; most values hold no full-width character (issue 7).
    `CREATE OR REPLACE TEMP MACRO cl_hw(v) AS CASE WHEN regexp_matches(v, '[\\x{ff01}-\\x{ff5e}\\x{3000}\\x{ffe5}]') THEN translate(v, ${str(FULL_WIDTH)}, ${str(HALF_WIDTH)}) ELSE v END`,
    // Text → DECIMAL(38, 6) is ~10× slower than → DECIMAL(18, 6); take the narrow one when it fits.
    `CREATE OR REPLACE TEMP MACRO cl_dec(s) AS CASE WHEN strlen(s) <= 12 THEN CAST(TRY_CAST(s AS DECIMAL(18, 6)) AS DECIMAL(38, 6)) ELSE TRY_CAST(s AS DECIMAL(38, 6)) END`,
    `CREATE OR REPLACE TEMP MACRO cl_unguard(v) AS trim(regexp_replace(regexp_replace(regexp_replace(trim(CAST(v AS VARCHAR), ${WS}), '^="(.*)"$', '\\1', 's'), '^"(.*)"$', '\\1', 's'), '^''', ''), ${WS})`,
    `CREATE OR REPLACE TEMP MACRO cl_text(v) AS ${once('cl_unguard(v)', 'cl_u', `CASE WHEN lower(cl_u) IN (${PLACEHOLDERS.map(str).join(', ')}) THEN NULL ELSE cl_u END`)}`,
    `CREATE OR REPLACE TEMP MACRO cl_id(v) AS regexp_replace(cl_text(v), '^([0-9]+)\\.0+$', '\\1')`,
    `CREATE OR REPLACE TEMP MACRO cl_num_parts(s) AS regexp_extract(s, ${str(AMOUNT_RE)}, ${groups(AMOUNT_GROUPS)})`,
    `CREATE OR REPLACE TEMP MACRO cl_num_calc(p) AS ${once(
      'p',
      'cl_p',
      `CASE
      WHEN cl_p.num = '' OR (cl_p.open = '') <> (cl_p.close = '') THEN NULL
      WHEN cl_p.exp = '' AND cl_p.unit = '' THEN TRY_CAST(cl_dec(replace(cl_p.num, ',', '')) * ${NEG} AS DECIMAL(38, 6))
      ELSE TRY_CAST(
        CASE WHEN ${NEG} = -1 THEN '-' ELSE '' END || replace(cl_p.num, ',', '') || 'e' || CAST(
          coalesce(TRY_CAST(substr(cl_p.exp, 2) AS INTEGER), 0)
          + CASE cl_p.unit WHEN '万' THEN 4 WHEN '亿' THEN 8 WHEN '万亿' THEN 12 ELSE 0 END AS VARCHAR)
        AS DECIMAL(38, 6)) END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_num(v) AS cl_num_calc(cl_num_parts(cl_text(cl_hw(v))))`,
    // Why a present number value gave no amount: 1 = not a finite number (`abc`, `0x10`, `NaN`,
    // `inf`, `#VALUE!`), 2 = a number too large to store (`1e20`, 20 digits); NULL = empty.
    `CREATE OR REPLACE TEMP MACRO cl_num_issue(v) AS ${once(
      'cl_text(cl_hw(v))',
      'cl_s',
      `CASE
      WHEN regexp_matches(v, ${str(NOT_FINITE_RE)}) THEN 1
      WHEN cl_s IS NULL OR cl_s IN (${NO_NUMBER.map(str).join(', ')}) THEN NULL
      ELSE ${once('cl_num_parts(cl_s)', 'cl_m', "CASE WHEN cl_m.num <> '' AND (cl_m.open = '') = (cl_m.close = '') THEN 2 ELSE 1 END")} END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_mk_ts(y, mo, d, h, mi, s, ap) AS try(make_timestamp(
      ${int('y')}, ${int('mo')}, ${int('d')},
      CASE WHEN upper(ap) = 'PM' AND coalesce(${int('h')}, 0) < 12 THEN coalesce(${int('h')}, 0) + 12
           WHEN upper(ap) = 'AM' AND ${int('h')} = 12 THEN 0
           ELSE coalesce(${int('h')}, 0) END,
      coalesce(${int('mi')}, 0), CAST(coalesce(${int('s')}, 0) AS DOUBLE)))`,
    `CREATE OR REPLACE TEMP MACRO cl_serial(x) AS ${once(
      'x',
      'cl_n',
      `CASE
      WHEN cl_n IS NULL OR cl_n < ${literal(lo)} OR cl_n >= ${literal(hi)} OR cl_n < 1 THEN NULL
      WHEN cl_n < 60 THEN TIMESTAMP '1899-12-31 00:00:00' + to_seconds(CAST(round(cl_n * 86400) AS BIGINT))
      WHEN cl_n < 61 THEN NULL
      ELSE TIMESTAMP '1899-12-30 00:00:00' + to_seconds(CAST(round(cl_n * 86400) AS BIGINT)) END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_ts_ymd(p) AS ${once('p', 'cl_q', 'cl_mk_ts(cl_q.y, cl_q.mo, cl_q.d, cl_q.h, cl_q.mi, cl_q.s, cl_q.ap)')}`,
    `CREATE OR REPLACE TEMP MACRO cl_ts_compact(p) AS ${once('p', 'cl_q', "cl_mk_ts(cl_q.y, cl_q.mo, cl_q.d, cl_q.h, cl_q.mi, cl_q.s, '')")}`,
    `CREATE OR REPLACE TEMP MACRO cl_ts_ab(p, dmy) AS ${once(
      'p',
      'cl_q',
      `CASE WHEN dmy
      THEN cl_mk_ts(cl_q.y, cl_q.b, cl_q.a, cl_q.h, cl_q.mi, cl_q.s, cl_q.ap)
      ELSE cl_mk_ts(cl_q.y, cl_q.a, cl_q.b, cl_q.h, cl_q.mi, cl_q.s, cl_q.ap) END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_ts_text(s, dmy) AS ${once(
      's',
      'cl_x',
      `CASE
      WHEN cl_x IS NULL OR regexp_matches(cl_x, ${str(ZERO_DATE_RE)}) THEN NULL
      WHEN regexp_full_match(cl_x, ${str(YMD_RE)}) THEN cl_ts_ymd(regexp_extract(cl_x, ${str(YMD_RE)}, ${groups(YMD_GROUPS)}))
      WHEN regexp_full_match(cl_x, ${str(COMPACT_RE)}) THEN cl_ts_compact(regexp_extract(cl_x, ${str(COMPACT_RE)}, ${groups(COMPACT_GROUPS)}))
      WHEN regexp_full_match(cl_x, ${str(AB_Y_RE)}) THEN cl_ts_ab(regexp_extract(cl_x, ${str(AB_Y_RE)}, ${groups(AB_Y_GROUPS)}), dmy)
      WHEN regexp_full_match(cl_x, ${str(SERIAL_RE)}) THEN cl_serial(TRY_CAST(cl_x AS DOUBLE))
      ELSE NULL END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_ts(v, dmy) AS cl_ts_text(cl_text(cl_hw(v)), dmy)`,
    `CREATE OR REPLACE TEMP MACRO cl_region(v) AS ${once(
      'v',
      'cl_r',
      `CASE
      WHEN cl_r IS NULL THEN NULL
      WHEN NOT regexp_matches(cl_r, '[\\x{4e00}-\\x{9fff}]') THEN cl_r
      WHEN regexp_matches(cl_r, '^[^ ,]{2,8}?(?:省|自治区|特别行政区|市)') THEN regexp_extract(cl_r, '^([^ ,]{2,8}?(?:省|自治区|特别行政区|市))', 1)
      WHEN regexp_matches(cl_r, '^(?:北京|上海|天津|重庆)') THEN regexp_extract(cl_r, '^(北京|上海|天津|重庆)', 1) || '市'
      ELSE split_part(cl_r, ' ', 1) END`,
    )}`,
  ];
}
