/**
 * Regular expressions shared by the SQL repair macros (RE2) and the report counters. Written once so
 * the value that is repaired and the value that is counted are recognised by the same pattern.
 */

/** Values that mean "no value" in exports (exports.md §3.5). Compared lower-cased. */
export const PLACEHOLDERS = ['', '-', '--', 'none', 'nan', 'null', '#null!', 'n/a'] as const;

/**
 * An amount: optional accounting parentheses, sign, currency, thousands separators, an exponent as
 * Excel writes it (`1.5E3`, `1.23E+05`), 万/亿 unit, 元 suffix, and a trailing parenthesised note
 * (`69.20(分销商等级折扣：47.80)`). Groups: open, sign1, sign2, num, exp, unit, close, note.
 */
export const AMOUNT_RE =
  '^(\\()?\\s*([-+])?\\s*(?:¥|\\$|€|£|CNY|RMB|USD)?\\s*([-+])?\\s*((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?\\s*(万亿|万|亿)?\\s*(?:元|块|CNY|RMB|USD)?\\s*(\\))?\\s*(\\(.*)?$';
export const AMOUNT_GROUPS = ['open', 'sign1', 'sign2', 'num', 'exp', 'unit', 'close', 'note'] as const;

/** Words a number column of a Chinese export uses for "none" (a discount of 无): empty, not unreadable. */
export const NO_NUMBER = ['无', '暂无', '—', '/'] as const;

/** `NaN` and infinities in a number column: not a number, even though `nan` is also a placeholder. */
export const NOT_FINITE_RE = '^\\s*[-+]?(?i:nan|inf|infinity)\\s*$';

/**
 * Year first: `2023-05-10 09:05:33`, `2023/5/10 9:05`, `2023年5月10日 9时05分`,
 * `2023-05-10T09:05:00+08:00`, `2012-01-01 11:13:25 -0500`. The offset is matched and dropped.
 * Groups: y, mo, d, h, mi, s, ap, tz.
 */
export const YMD_RE =
  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]*([0-9]{1,2})[:时点]([0-9]{1,2})(?:[:分]([0-9]{1,2})(?:\\.[0-9]+)?秒?)?分?)?\\s*([AaPp][Mm])?\\s*(Z|[+-][0-9]{2}:?[0-9]{2}|UTC|GMT)?$';
export const YMD_GROUPS = ['y', 'mo', 'd', 'h', 'mi', 's', 'ap', 'tz'] as const;

/** Day and month first, order unknown: `10/05/2023`, `5/31/2016 0:37`, `3/15/2024 2:30 PM`. Groups: a, b, y, h, mi, s, ap. */
export const AB_Y_RE =
  '^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})(?:[ T]+([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:\\.[0-9]+)?)?)?\\s*([AaPp][Mm])?$';
export const AB_Y_GROUPS = ['a', 'b', 'y', 'h', 'mi', 's', 'ap'] as const;

/** Compact `20230510` or `20230510090533`. Groups: y, mo, d, h, mi, s. */
export const COMPACT_RE = '^((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})(?:([0-9]{2})([0-9]{2})([0-9]{2}))?$';
export const COMPACT_GROUPS = ['y', 'mo', 'd', 'h', 'mi', 's'] as const;

/** A number that may be an Excel serial date (checked against a range before use). */
export const SERIAL_RE = '^[0-9]{1,5}(?:\\.[0-9]+)?$';

/** Excel's zero date for an empty payment time. */
export const ZERO_DATE_RE = '^0000-00-00';

/** Scientific notation left by Excel in an id column (`1.23457E+17`): digits are already lost. */
export const SCIENTIFIC_RE = '^[0-9](?:\\.[0-9]+)?[eE]\\+?[0-9]+$';

/** Excel serials from 1990-01-01 to 2100-01-01 are taken as dates; others are not. */
export const DEFAULT_SERIAL_RANGE: readonly [number, number] = [32874, 73051];
