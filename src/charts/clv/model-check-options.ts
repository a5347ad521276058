/**
 * The CLV model checks (issue 16) as ECharts options: mean holdout purchases by calibration frequency
 * (actual vs predicted; Fader, Hardie & Lee 2005, fig. 4) and cumulative repeat purchases by week
 * (actual vs model, with the calibration end marked; fig. 3). Tooltips are plain text.
 */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatCompact } from '../../i18n/format.ts';
import { baseTooltip } from '../behaviour/chart-text.ts';
import type { FrequencyBin, TrackingPoint } from '../../analyses/clv/module.ts';

function axisTooltip(locale: Locale, label: (i: number) => string, digits: number) {
  return {
    ...baseTooltip('axis'),
    formatter: (params: unknown) => {
      const list = (Array.isArray(params) ? params : [params]) as {
        seriesName?: string;
        value?: unknown;
        dataIndex?: number;
      }[];
      const i = list[0]?.dataIndex ?? 0;
      return [
        label(i),
        ...list.map((p) => `${p.seriesName ?? ''}: ${formatCompact(locale, Number(p.value), digits)}`),
      ].join('\n');
    },
  };
}

export function frequencyCheckOption(bins: readonly FrequencyBin[], locale: Locale): EChartsOption {
  const labels = bins.map((b) => (b.x >= 7 ? '7+' : String(b.x)));
  return {
    animation: false,
    legend: { top: 0 },
    tooltip: axisTooltip(locale, (i) => `x = ${labels[i] ?? ''}`, 3),
    grid: { left: 56, right: 16, top: 36, bottom: 44 },
    xAxis: {
      type: 'category',
      data: labels,
      name: translate(locale, 'clv.frequency'),
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: translate(locale, 'clv.actual'), data: bins.map((b) => b.actual) },
      { type: 'bar', name: translate(locale, 'clv.predicted'), data: bins.map((b) => b.predicted) },
    ],
  };
}

/** `calibrationWeek`: the week holding the calibration end (null = no holdout, no mark). */
export function trackingOption(
  points: readonly TrackingPoint[],
  locale: Locale,
  calibrationWeek: number | null,
): EChartsOption {
  const weeks = points.map((p) => String(p.week));
  const week = translate(locale, 'clv.week');
  return {
    animation: false,
    legend: { top: 0 },
    tooltip: axisTooltip(locale, (i) => `${week} ${weeks[i] ?? ''}`, 0),
    grid: { left: 64, right: 16, top: 36, bottom: 44 },
    xAxis: { type: 'category', data: weeks, name: week, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'line',
        name: translate(locale, 'clv.actual'),
        showSymbol: false,
        data: points.map((p) => p.actual),
        ...(calibrationWeek !== null
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                label: { formatter: translate(locale, 'clv.calibrationMark') },
                data: [{ xAxis: String(calibrationWeek) }],
              },
            }
          : {}),
      },
      {
        type: 'line',
        name: translate(locale, 'clv.predicted'),
        showSymbol: false,
        lineStyle: { type: 'dashed' },
        data: points.map((p) => p.predicted),
      },
    ],
  };
}
