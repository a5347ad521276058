/** Histogram of R, F or M with the cut points in use drawn as vertical lines (issue 4 "Views"). */
import type { EChartsCoreOption } from 'echarts/core';
import { formatCompact } from '../../i18n/format.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { fmtAmount, fmtInt, TOOLTIP_BASE } from './chart-text.ts';

/** A row of buildDistributionSql. */
export interface DistributionBin {
  bin_index: number;
  bin_lower: number;
  bin_upper: number;
  open_ended: boolean;
  customers: number;
}

export interface DistributionSpec {
  locale: Locale;
  /** ISO code of the amounts (formatMoney); absent / null = no symbol. */
  currency?: string | null | undefined;
  dimension: 'r' | 'f' | 'm';
  /** What one purchase is: the F axis reads orders or purchase days (issue 12 item 10); default orders. */
  purchaseUnit?: 'orders' | 'days' | undefined;
  /** Cut points in use (cutPointsFromRows(...)[dimension].cuts). */
  cuts: readonly number[];
  /** Mean / median of a two-level dimension on raw values, drawn dashed. */
  comparison?: number | null;
}

const AXIS_KEY = { r: 'rfm.recencyDays', f: 'rfm.orders', m: 'rfm.monetary' } as const;

/** Bars on a value axis ([lower, upper) per bin); one markLine per cut point, labelled with its value. */
export function distributionOption(
  bins: readonly DistributionBin[],
  spec: DistributionSpec,
): EChartsCoreOption {
  const { locale } = spec;
  const fmt = (v: number) =>
    spec.dimension === 'm' ? fmtAmount(locale, v, spec.currency) : fmtInt(locale, v);
  const data = bins.map((b) => ({ value: [(b.bin_lower + b.bin_upper) / 2, b.customers], bin: b }));
  const lines = [
    // Every other label sits higher, so close cut points (31, 61, 91 days) stay readable.
    ...[...new Set(spec.cuts)].map((c, i) => ({
      xAxis: c,
      label: { formatter: fmt(c), distance: i % 2 ? 16 : 4 },
    })),
    ...(spec.comparison != null
      ? [
          {
            xAxis: spec.comparison,
            lineStyle: { type: 'dashed' },
            // A mean is rarely whole: 2 decimals, so "2.31 orders" does not read as 2.
            label: {
              formatter: `${translate(locale, 'rfm.comparison')} ${fmtAmount(locale, spec.comparison, spec.currency)}`,
            },
          },
        ]
      : []),
  ];
  return {
    animation: false,
    // Room below for the x-axis name and above for the y-axis name over the cut-point labels.
    grid: { left: 8, right: 16, top: 56, bottom: 30, containLabel: true },
    xAxis: {
      type: 'value',
      name: translate(
        locale,
        spec.dimension === 'f' && spec.purchaseUnit === 'days'
          ? 'rfm.purchaseDays'
          : AXIS_KEY[spec.dimension],
      ),
      nameLocation: 'middle',
      nameGap: 24,
      scale: true,
      // Issue 18: ticks never run together ("1,0002,000…" on a narrow en chart): fewer of them,
      // compact (1.2K / 1.2万), and any that would still overlap hidden.
      splitNumber: 4,
      axisLabel: { hideOverlap: true, formatter: (v: number) => formatCompact(locale, v, 1) },
    },
    yAxis: { type: 'value', name: translate(locale, 'rfm.customers'), nameGap: 40 },
    tooltip: {
      ...TOOLTIP_BASE,
      formatter: (p: unknown) => {
        const b = (p as { data?: (typeof data)[number] }).data?.bin;
        if (!b) return '';
        const range = b.open_ended ? `≥ ${fmt(b.bin_lower)}` : `${fmt(b.bin_lower)} – < ${fmt(b.bin_upper)}`;
        return `${range}\n${translate(locale, 'rfm.customers')}: ${fmtInt(locale, b.customers)}`;
      },
    },
    series: [
      {
        type: 'bar',
        data,
        barWidth: '90%',
        barMinWidth: 2,
        markLine: { symbol: 'none', silent: true, data: lines },
      },
    ],
  };
}
