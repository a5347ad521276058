/** Segment overview as a treemap sized by customers or revenue (issue 4 "Views"). */
import type { EChartsCoreOption } from 'echarts/core';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { fmtAmount, fmtInt, fmtShare, safeText, TOOLTIP_BASE } from './chart-text.ts';
import type { SegmentSummaryRow } from './segment-bar-option.ts';

export interface SegmentTreemapSpec {
  locale: Locale;
  /** ISO code of the amounts (formatMoney); absent / null = no symbol. */
  currency?: string | null | undefined;
  metric: 'customers' | 'revenue';
}

/** One rectangle per non-empty segment (negative revenue counts as 0), labelled with its share. */
export function segmentTreemapOption(
  rows: readonly SegmentSummaryRow[],
  spec: SegmentTreemapSpec,
): EChartsCoreOption {
  const { locale, metric } = spec;
  const shareKey = metric === 'customers' ? 'customer_share' : 'revenue_share';
  const data = rows
    .filter((r) => r[metric] > 0)
    .map((r) => ({ name: safeText(r.segment_label), value: r[metric], share: r[shareKey], row: r }));
  return {
    animation: false,
    // What the area means (issue 18): a treemap does not say it by itself.
    title: {
      text: translate(
        locale,
        metric === 'customers' ? 'rfmUi.treemapAreaCustomers' : 'rfmUi.treemapAreaRevenue',
      ),
      left: 0,
      top: 0,
      textStyle: { fontSize: 12, fontWeight: 'normal' },
    },
    tooltip: {
      ...TOOLTIP_BASE,
      formatter: (p: unknown) => {
        const d = (p as { data?: (typeof data)[number] }).data;
        if (!d) return '';
        return [
          d.name,
          `${translate(locale, 'rfm.customers')}: ${fmtInt(locale, d.row.customers)} (${fmtShare(locale, d.row.customer_share)})`,
          `${translate(locale, 'rfm.revenue')}: ${fmtAmount(locale, d.row.revenue, spec.currency)} (${fmtShare(locale, d.row.revenue_share)})`,
        ].join('\n');
      },
    },
    series: [
      {
        type: 'treemap',
        name: translate(locale, metric === 'customers' ? 'rfm.customers' : 'rfm.revenue'),
        roam: false,
        nodeClick: false,
        top: 26,
        breadcrumb: { show: false },
        label: {
          show: true,
          formatter: (p: unknown) => {
            const d = (p as { data?: (typeof data)[number] }).data;
            return d ? `${d.name}\n${fmtShare(locale, d.share)}` : '';
          },
        },
        data: data.map(({ name, value, share, row }) => ({ name, value, share, row })),
      },
    ],
  };
}
