/** Pareto curve: cumulative share of customers (x) vs share of revenue (y) (issue 4 "Views"). */
import type { EChartsCoreOption } from 'echarts/core';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { fmtShare, TOOLTIP_BASE } from './chart-text.ts';

/** A row of buildParetoSql. */
export interface ParetoPoint {
  point: number;
  customer_share: number;
  revenue_share: number | null;
}

export interface ParetoSpec {
  locale: Locale;
  /** Optional headline point, e.g. from buildConcentrationSql: mark where revenue_share = target. */
  marker?: { customer_share: number; revenue_share: number } | null;
}

/** A line from (0, 0) to (1, 1) above the diagonal (drawn dashed for reference). */
export function paretoOption(points: readonly ParetoPoint[], spec: ParetoSpec): EChartsCoreOption {
  const { locale } = spec;
  const pct = (v: number) => fmtShare(locale, v, 0);
  const data = points
    .filter((p) => p.revenue_share !== null)
    .map((p) => [p.customer_share, p.revenue_share as number]);
  const marker = spec.marker
    ? [
        { xAxis: spec.marker.customer_share, label: { formatter: pct(spec.marker.customer_share) } },
        { yAxis: spec.marker.revenue_share, label: { formatter: pct(spec.marker.revenue_share) } },
      ]
    : [];
  return {
    animation: false,
    // Room below for the x-axis name and above for the y-axis name over the marker's label.
    grid: { left: 8, right: 16, top: 44, bottom: 30, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: translate(locale, 'rfm.customerShare'),
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { formatter: pct },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: translate(locale, 'rfm.revenueShare'),
      nameGap: 28,
      axisLabel: { formatter: pct },
    },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as { data?: number[] } | undefined;
        if (!p?.data) return '';
        return translate(locale, 'rfm.paretoHeadline', {
          customers: fmtShare(locale, p.data[0]!),
          revenue: fmtShare(locale, p.data[1]!),
        });
      },
    },
    series: [
      {
        type: 'line',
        name: translate(locale, 'rfm.revenueShare'),
        data,
        showSymbol: false,
        markLine: { symbol: 'none', silent: true, data: marker },
      },
      {
        type: 'line',
        data: [
          [0, 0],
          [1, 1],
        ],
        showSymbol: false,
        silent: true,
        lineStyle: { type: 'dashed', opacity: 0.4 },
        tooltip: { show: false },
      },
    ],
  };
}
