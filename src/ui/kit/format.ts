/** Number formatting for the behaviour and lifecycle screens; missing values read as a dash. */
import type { Locale } from '../../i18n/i18n.ts';
import { formatCompact, formatInteger, formatMoney, formatPercent } from '../../i18n/format.ts';

const DASH = '—';

export function int(locale: Locale, v: number | null | undefined): string {
  return v === null || v === undefined ? DASH : formatInteger(locale, v);
}

/** Money in the dataset's currency (formatMoney: ¥1.2万, $12,345; no symbol when it is unknown). */
export function money(locale: Locale, v: number | null | undefined, currency?: string | null): string {
  return v === null || v === undefined ? DASH : formatMoney(locale, v, currency);
}

export function pct(locale: Locale, v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? DASH : formatPercent(locale, v, digits);
}

/**
 * A paid / list ratio (issue 12, item 9). zh the Chinese way: 0.98 → 9.8折, 0.8 → 8折, full price →
 * 原价; en a percentage of the list price (98.0 %). `missing` is shown for NULL ("not in the data").
 */
export function discountRate(locale: Locale, v: number | null | undefined, missing = DASH): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return missing;
  if (locale === 'en') return formatPercent(locale, v, 1);
  const tenths = Math.round(v * 100) / 10;
  if (tenths >= 10) return '原价';
  return `${tenths.toFixed(1).replace(/\.0$/, '')}折`;
}

/** Days (or any small measure) with one decimal. */
export function dec(locale: Locale, v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? DASH : formatCompact(locale, v, digits);
}

/** A signed change: +12.3 % / −4.0 %. */
export function change(locale: Locale, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const text = formatPercent(locale, Math.abs(v));
  return v > 0 ? `+${text}` : v < 0 ? `−${text}` : text;
}

export function tone(v: number | null | undefined): 'up' | 'down' | undefined {
  if (v === null || v === undefined || v === 0) return undefined;
  return v > 0 ? 'up' : 'down';
}
