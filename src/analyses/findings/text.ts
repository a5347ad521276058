/**
 * Sentences of findings in both languages: each rule gives a message key and, per locale, its
 * parameters already formatted (万/亿, %, currency) with the project's formatters (src/i18n/format.ts).
 */
import type { Locale } from '../contract.ts';
import { LOCALES, translate, type MessageKey } from '../../i18n/i18n.ts';
import { formatCompact, formatInteger, formatMoney, formatPercent } from '../../i18n/format.ts';

export type Params = Record<string, string | number>;

/** The message in zh-CN and en, with parameters formatted for each. */
export function both(key: MessageKey, params: (locale: Locale) => Params): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, translate(l, key, params(l))])) as Record<Locale, string>;
}

/** Formatters for one locale, the currency of the amounts known. */
export function fmt(locale: Locale, currency: string | null | undefined) {
  return {
    int: (v: number) => formatInteger(locale, v),
    pct: (v: number, digits = 0) => formatPercent(locale, v, digits),
    /** Percentage points, one decimal: 15.2. */
    pp: (v: number) => formatCompact(locale, Math.abs(v) * 100, 1),
    money: (v: number) => formatMoney(locale, v, currency),
    dec: (v: number, digits = 1) => formatCompact(locale, v, digits),
    /** A p-value with its relation: "< 0.001" or "= 0.012" (messages write "p {p}"). */
    p: (v: number) => (v < 0.001 ? '< 0.001' : `= ${formatCompact(locale, v, 3)}`),
  };
}
