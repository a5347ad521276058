/** Segment overview as bars: share of customers vs share of revenue per segment (issue 4 "Views"). */
import type { EChartsCoreOption } from 'echarts/core';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { fmtAmount, fmtInt, fmtShare, safeText, TOOLTIP_BASE } from './chart-text.ts';

/** A row of buildSegmentSummarySql. */
export interface SegmentSummaryRow {
  segment: string;
  segment_label: string;
  customers: number;
  orders: number;
  revenue: number;
  customer_share: number | null;
  revenue_share: number | null;
}

export interface SegmentBarSpec {
  locale: Locale;
  /** ISO code of the amounts (formatMoney); absent / null = no symbol. */
  currency?: string | null | undefined;
  /** What one purchase is: the tooltip counts orders or purchase days (issue 12 item 10); default orders. */
  purchaseUnit?: 'orders' | 'days' | undefined;
  /** Hide segments without customers (default true). */
  hideEmpty?: boolean;
}

/** Horizontal grouped bars, segments top to bottom in rule order; values are shares (0..1). */
export function segmentBarOption(
  rows: readonly SegmentSummaryRow[],
  spec: SegmentBarSpec,
): EChartsCoreOption {
  const { locale } = spec;
  const shown = spec.hideEmpty === false ? [...rows] : rows.filter((r) => r.customers > 0);
  const byLabel = new Map(shown.map((r) => [safeText(r.segment_label), r]));
  const labels = [...byLabel.keys()];
  return {
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => fmtShare(locale, v) } },
    yAxis: { type: 'category', data: labels, inverse: true },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { name?: string } | undefined;
        const r = first?.name !== undefined ? byLabel.get(first.name) : undefined;
        if (!r) return '';
        return [
          safeText(r.segment_label),
          `${translate(locale, 'rfm.customers')}: ${fmtInt(locale, r.customers)} (${fmtShare(locale, r.customer_share)})`,
          `${translate(locale, 'rfm.revenue')}: ${fmtAmount(locale, r.revenue, spec.currency)} (${fmtShare(locale, r.revenue_share)})`,
          `${translate(locale, spec.purchaseUnit === 'days' ? 'rfm.purchaseDays' : 'rfm.orders')}: ${fmtInt(locale, r.orders)}`,
        ].join('\n');
      },
    },
    series: [
      {
        name: translate(locale, 'rfm.customerShare'),
        type: 'bar',
        data: shown.map((r) => r.customer_share ?? 0),
      },
      {
        name: translate(locale, 'rfm.revenueShare'),
        type: 'bar',
        data: shown.map((r) => r.revenue_share ?? 0),
      },
    ],
  };
}
