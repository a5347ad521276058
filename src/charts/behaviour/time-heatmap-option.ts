/** Weekday × hour heatmap of orders or revenue (rows of buildTimeHeatmapSql). */
import type { EChartsOption } from 'echarts';
import type { Locale, MessageKey } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatMoney, formatInteger } from '../../i18n/format.ts';
import type { TimeCell } from '../../analyses/behaviour/peak-hours.ts';
import { baseTooltip } from './chart-text.ts';

export function weekdayName(locale: Locale, isoWeekday: number): string {
  return translate(locale, `behaviour.weekday.${isoWeekday}` as MessageKey);
}

export function timeHeatmapOption(
  cells: readonly TimeCell[],
  spec: { locale: Locale; metric?: 'orders' | 'revenue'; currency?: string | null | undefined },
): EChartsOption {
  const { locale } = spec;
  const metric = spec.metric ?? 'orders';
  const hours = Array.from({ length: 24 }, (_, h) => String(h));
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((w) => weekdayName(locale, w));
  const max = Math.max(0, ...cells.map((c) => c[metric]));
  const fmt = (v: number) =>
    metric === 'orders' ? formatInteger(locale, v) : formatMoney(locale, v, spec.currency);
  return {
    animation: false,
    title: { text: translate(locale, 'behaviour.time.title') },
    tooltip: {
      ...baseTooltip('item'),
      formatter: (params: unknown) => {
        const value = (params as { value?: unknown }).value;
        if (!Array.isArray(value)) return '';
        const cell = cells.find((c) => c.hour === value[0] && c.weekday === value[1] + 1);
        if (!cell) return '';
        return [
          translate(locale, 'behaviour.time.cell', {
            weekday: weekdayName(locale, cell.weekday),
            hour: cell.hour,
          }),
          `${translate(locale, 'behaviour.metric.orders')}: ${formatInteger(locale, cell.orders)}`,
          `${translate(locale, 'behaviour.metric.revenue')}: ${formatMoney(locale, cell.revenue, spec.currency)}`,
        ].join('\n');
      },
    },
    grid: { left: 56, right: 16, top: 56, bottom: 96 },
    xAxis: {
      type: 'category',
      data: hours,
      name: translate(locale, 'behaviour.time.hour'),
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: max || 1,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      formatter: (v: unknown) => fmt(Number(v)),
    },
    series: [
      {
        type: 'heatmap',
        name: translate(locale, metric === 'orders' ? 'behaviour.metric.orders' : 'behaviour.metric.revenue'),
        data: cells.map((c) => [c.hour, c.weekday - 1, c[metric]]),
      },
    ],
  };
}
