/** Histogram of days between purchases (rows of buildIntervalHistogramSql for one group). */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatInteger, formatPercent } from '../../i18n/format.ts';
import { baseTooltip, dataIndexOf } from './chart-text.ts';

export interface IntervalBin {
  bin_lower: number;
  bin_upper: number | null;
  intervals: number;
  share: number | null;
}

/** Label of a bin of whole days: `1–7 days` (upper edge exclusive), `366+ days`. */
export function intervalBinLabel(locale: Locale, bin: Pick<IntervalBin, 'bin_lower' | 'bin_upper'>): string {
  return bin.bin_upper === null
    ? translate(locale, 'behaviour.intervals.binOpen', { from: bin.bin_lower })
    : translate(locale, 'behaviour.intervals.bin', { from: bin.bin_lower, to: bin.bin_upper - 1 });
}

export function intervalHistogramOption(
  bins: readonly IntervalBin[],
  spec: { locale: Locale; medianDays?: number | null },
): EChartsOption {
  const { locale } = spec;
  const labels = bins.map((b) => intervalBinLabel(locale, b));
  const subtitle =
    spec.medianDays === null || spec.medianDays === undefined
      ? translate(locale, 'behaviour.intervals.sameDay')
      : translate(locale, 'behaviour.intervals.median', { days: Math.round(spec.medianDays * 10) / 10 });
  return {
    animation: false,
    title: { text: translate(locale, 'behaviour.intervals.title'), subtext: subtitle },
    tooltip: {
      ...baseTooltip('axis'),
      formatter: (params: unknown) => {
        const b = bins[dataIndexOf(params)];
        if (!b) return '';
        return `${intervalBinLabel(locale, b)}\n${translate(locale, 'behaviour.intervals.count')}: ${formatInteger(locale, b.intervals)} (${formatPercent(locale, b.share ?? 0)})`;
      },
    },
    grid: { left: 48, right: 16, top: 88, bottom: 48 },
    xAxis: {
      type: 'category',
      data: labels,
      name: translate(locale, 'behaviour.intervals.axis'),
      nameLocation: 'middle',
      nameGap: 32,
    },
    yAxis: { type: 'value', name: translate(locale, 'behaviour.intervals.count'), minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: translate(locale, 'behaviour.intervals.count'),
        data: bins.map((b) => b.intervals),
      },
    ],
  };
}
