/**
 * Category × segment heatmap (rows of buildCategorySegmentMatrixSql): segments across, categories
 * down (largest revenue first), colour and label = the category's share of the segment's revenue,
 * so segments of very different sizes compare at a glance.
 */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatMoney, formatInteger, formatPercent } from '../../i18n/format.ts';
import { baseTooltip, plainText } from './chart-text.ts';

export interface CategorySegmentCell {
  category: string | null;
  segment: string | null;
  revenue: number;
  orders: number;
  customers: number;
  segment_revenue_share: number | null;
}

export function categorySegmentHeatmapOption(
  cells: readonly CategorySegmentCell[],
  spec: {
    locale: Locale;
    /** ISO code of the amounts (formatMoney). */
    currency?: string | null | undefined;
    /** Display name of a segment id (e.g. its RFM label); the id itself when absent. */
    segmentLabel?: (segment: string | null) => string | null;
    /** Categories kept, by revenue; default 20. */
    maxCategories?: number;
  },
): EChartsOption {
  const { locale } = spec;
  const label = (s: string | null) => plainText(locale, spec.segmentLabel ? spec.segmentLabel(s) : s);
  const totals = new Map<string | null, number>();
  const segTotals = new Map<string | null, number>();
  for (const c of cells) {
    totals.set(c.category, (totals.get(c.category) ?? 0) + c.revenue);
    segTotals.set(c.segment, (segTotals.get(c.segment) ?? 0) + c.revenue);
  }
  const byRevenue = <K>(m: Map<K, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).map(([k]) => k);
  const categories = byRevenue(totals).slice(0, spec.maxCategories ?? 20);
  const segments = byRevenue(segTotals);
  const kept = cells.filter((c) => categories.includes(c.category));
  const shares = kept.map((c) => c.segment_revenue_share ?? 0);
  return {
    animation: false,
    title: { text: translate(locale, 'revenue.categorySegment') },
    tooltip: {
      ...baseTooltip('item'),
      formatter: (params: unknown) => {
        const c = kept[(params as { dataIndex?: number }).dataIndex ?? -1];
        if (!c) return '';
        return [
          `${plainText(locale, c.category)} · ${label(c.segment)}`,
          `${translate(locale, 'behaviour.metric.revenue')}: ${formatMoney(locale, c.revenue, spec.currency)}`,
          `${translate(locale, 'behaviour.metric.share')}: ${formatPercent(locale, c.segment_revenue_share ?? 0)}`,
          `${translate(locale, 'behaviour.metric.orders')}: ${formatInteger(locale, c.orders)}`,
          `${translate(locale, 'behaviour.metric.customers')}: ${formatInteger(locale, c.customers)}`,
        ].join('\n');
      },
    },
    grid: { left: 110, right: 16, top: 56, bottom: 96 },
    xAxis: {
      type: 'category',
      data: segments.map(label),
      splitArea: { show: true },
      axisLabel: { interval: 0, rotate: segments.length > 6 ? 30 : 0, width: 90, overflow: 'truncate' },
    },
    yAxis: {
      type: 'category',
      data: categories.map((c) => plainText(locale, c)),
      inverse: true,
      splitArea: { show: true },
      axisLabel: { width: 100, overflow: 'truncate' },
    },
    visualMap: {
      min: 0,
      max: Math.max(0.01, ...shares),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      formatter: (v: unknown) => formatPercent(locale, Number(v), 0),
    },
    series: [
      {
        type: 'heatmap',
        name: translate(locale, 'behaviour.metric.share'),
        data: kept.map((c) => [
          segments.indexOf(c.segment),
          categories.indexOf(c.category),
          c.segment_revenue_share ?? 0,
        ]),
        label: {
          show: true,
          formatter: (p: unknown) =>
            formatPercent(
              locale,
              kept[(p as { dataIndex: number }).dataIndex]?.segment_revenue_share ?? 0,
              0,
            ),
        },
      },
    ],
  };
}
