/**
 * The funnel's charts (issue 14): users per step as horizontal bars labelled with the conversion from
 * the first step, and conversion by entry week. Data text goes through plainText; tooltips are plain.
 */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatPercent } from '../../i18n/format.ts';
import { baseTooltip, dataIndexOf, plainText } from '../behaviour/chart-text.ts';
import type { FunnelStepRow, FunnelWeekRow } from '../../analyses/funnel/module.ts';

const pct = (locale: Locale, v: number | null) => (v === null ? '—' : formatPercent(locale, v, 1));

/** "3 h 20 min", "2 d 4 h", "45 min" from minutes; — when null. */
export function durationText(locale: Locale, minutes: number | null): string {
  if (minutes === null) return '—';
  const m = Math.round(minutes);
  if (m < 60) return translate(locale, 'funnel.minutes', { m });
  const h = Math.floor(m / 60);
  if (h < 24) return translate(locale, 'funnel.hours', { h, m: m % 60 });
  return translate(locale, 'funnel.days', { d: Math.floor(h / 24), h: h % 24 });
}

export function funnelStepsOption(rows: readonly FunnelStepRow[], locale: Locale): EChartsOption {
  const names = rows.map((r) => `${r.step}. ${plainText(locale, r.event)}`);
  return {
    animation: false,
    tooltip: {
      ...baseTooltip('axis'),
      formatter: (params: unknown) => {
        const r = rows[dataIndexOf(params)];
        if (!r) return '';
        return [
          names[r.step - 1] ?? '',
          translate(locale, 'funnel.tip.users', { n: r.users }),
          translate(locale, 'funnel.tip.fromPrevious', { p: pct(locale, r.conversion_from_previous) }),
          translate(locale, 'funnel.tip.fromFirst', { p: pct(locale, r.conversion_from_first) }),
          ...(r.step > 1
            ? [
                translate(locale, 'funnel.tip.median', {
                  t: durationText(locale, r.median_minutes_from_previous),
                }),
              ]
            : []),
        ].join('\n');
      },
    },
    grid: { left: 120, right: 90, top: 16, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: names },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.users),
        label: {
          show: true,
          position: 'right',
          formatter: (p: unknown) => {
            const r = rows[dataIndexOf(p)];
            return r ? `${r.users} · ${pct(locale, r.conversion_from_first)}` : '';
          },
        },
      },
    ],
  };
}

export function funnelWeeksOption(rows: readonly FunnelWeekRow[], locale: Locale): EChartsOption {
  return {
    animation: false,
    tooltip: {
      ...baseTooltip('axis'),
      formatter: (params: unknown) => {
        const r = rows[dataIndexOf(params)];
        if (!r) return '';
        return [
          translate(locale, 'funnel.week', { week: r.entry_week }),
          translate(locale, 'funnel.tip.entered', { n: r.entered }),
          translate(locale, 'funnel.tip.completed', { n: r.completed, p: pct(locale, r.conversion) }),
          ...(r.complete ? [] : [translate(locale, 'funnel.incompleteWeek')]),
        ].join('\n');
      },
    },
    grid: { left: 56, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.entry_week) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatPercent(locale, v, 0) } },
    series: [
      {
        type: 'line',
        data: rows.map((r) => ({
          value: r.conversion,
          symbol: r.complete ? 'circle' : 'emptyCircle',
        })),
      },
    ],
  };
}
