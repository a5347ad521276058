/**
 * Plain-text helpers for chart labels and tooltips built from data (issues 6+). Tooltips use
 * `renderMode: 'richText'`, so nothing is parsed as HTML; braces are replaced because ECharts rich
 * text reads `{style|text}` as markup, and control characters are dropped.
 */
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import type { PeriodGrain } from '../../analyses/revenue/period.ts';

/** Data text safe for a rich-text label or tooltip; NULL reads as "(unknown)". */
export function plainText(locale: Locale, value: string | null | undefined): string {
  if (value === null || value === undefined) return translate(locale, 'behaviour.unknown');
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || code === 0x7f ? ' ' : ch === '{' ? '（' : ch === '}' ? '）' : ch;
  }
  return out;
}

/** The data index an ECharts formatter was called for (single item or the first of an axis list). */
export function dataIndexOf(params: unknown): number {
  const first = Array.isArray(params) ? params[0] : params;
  const index = (first as { dataIndex?: unknown } | undefined)?.dataIndex;
  return typeof index === 'number' ? index : -1;
}

/** A period label from its first day: 2024-05-06 (week), 2024-05 (month), 2024-Q2 (quarter). */
export function periodLabel(start: string, grain: PeriodGrain): string {
  if (grain === 'month') return start.slice(0, 7);
  if (grain === 'quarter')
    return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
  return start.slice(0, 10);
}

/** Base options every chart shares: no animation (stable screenshots), plain-text tooltips. */
export function baseTooltip(trigger: 'item' | 'axis') {
  return { trigger, renderMode: 'richText' as const, confine: true };
}
