/**
 * Text helpers for the RFM chart builders. Tooltips render as rich text (never HTML); data text is
 * still cleaned so a customer or segment name cannot inject rich-text style markup ({style|text}).
 */
import type { Locale } from '../../i18n/i18n.ts';
import { formatInteger, formatMoney, formatPercent } from '../../i18n/format.ts';

/** Plain text safe for ECharts rich text: braces become full-width, control characters spaces. */
export function safeText(value: unknown): string {
  return String(value ?? '')
    .replace(/[{]/g, '｛')
    .replace(/[}]/g, '｝')
    .replace(/[\p{Cc}]/gu, ' ');
}

export function fmtInt(locale: Locale, n: unknown): string {
  return typeof n === 'number' && Number.isFinite(n) ? formatInteger(locale, n) : '–';
}
/** An amount with the dataset's currency symbol (formatMoney); no symbol when `currency` is unknown. */
export function fmtAmount(locale: Locale, n: unknown, currency?: string | null): string {
  return typeof n === 'number' && Number.isFinite(n) ? formatMoney(locale, n, currency) : '–';
}
export function fmtShare(locale: Locale, n: unknown, digits = 1): string {
  return typeof n === 'number' && Number.isFinite(n) ? formatPercent(locale, n, digits) : '–';
}

/** Tooltip defaults shared by every RFM chart. */
export const TOOLTIP_BASE = { renderMode: 'richText', confine: true } as const;
