/**
 * Number, size and date formatting through Intl. In zh-CN large numbers read as 万/亿 (12.3万), as
 * Chinese users expect; in en they use thousands separators (123,456).
 */
import type { Locale } from './i18n.ts';
import { CURRENCY_SYMBOLS, isCurrencyCode } from '../ingest/currency/currency.ts';

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** An exact count with separators: 1,234,567. */
export function formatInteger(locale: Locale, value: number): string {
  return nf(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A compact amount: zh 1.23万 / 4.5亿, en 12,345.67 (≥ 1M as 1.23M). */
export function formatCompact(locale: Locale, value: number, digits = 2): string {
  const abs = Math.abs(value);
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return `${nf(locale, { maximumFractionDigits: digits }).format(value / 1e8)}亿`;
    if (abs >= 1e4) return `${nf(locale, { maximumFractionDigits: digits }).format(value / 1e4)}万`;
    return nf(locale, { maximumFractionDigits: digits }).format(value);
  }
  if (abs >= 1e6) return nf(locale, { notation: 'compact', maximumFractionDigits: digits }).format(value);
  return nf(locale, { maximumFractionDigits: digits }).format(value);
}

/**
 * An amount of money in the dataset's currency (issue 12 item 3), with its symbol:
 * - CNY: zh ¥1.86万 / ¥4.5亿, en ¥18,600 (≥ 1M as ¥1.86M);
 * - any other currency: the symbol and thousands separators in both languages ($18,600.5, £1,234),
 *   en ≥ 1M as $1.86M — never 万/亿, which read as yuan amounts;
 * - unknown currency (null / undefined): the number alone, as formatCompact.
 */
export function formatMoney(
  locale: Locale,
  value: number,
  currency: string | null | undefined,
  digits = 2,
): string {
  if (currency === null || currency === undefined || !isCurrencyCode(currency)) {
    return formatCompact(locale, value, digits);
  }
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const symbol = CURRENCY_SYMBOLS[currency];
  if (currency === 'CNY' || locale === 'en') return `${sign}${symbol}${formatCompact(locale, abs, digits)}`;
  return `${sign}${symbol}${nf(locale, { maximumFractionDigits: digits }).format(abs)}`;
}

export function formatPercent(locale: Locale, fraction: number, digits = 1): string {
  return nf(locale, {
    style: 'percent',
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(fraction);
}

export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${nf(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

export function formatDuration(locale: Locale, ms: number): string {
  if (ms < 1000) return `${formatInteger(locale, ms)} ms`;
  return `${nf(locale, { maximumFractionDigits: 1 }).format(ms / 1000)} s`;
}
