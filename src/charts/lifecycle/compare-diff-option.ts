/**
 * Group comparison (issue 18): the relative difference of group B against group A per metric, as
 * horizontal bars; a bar is dark orange when the metric's test says the difference is significant
 * (p < 0.05), light orange when it is only large (at or above the flag threshold), grey otherwise. Metrics
 * without a relative difference (A is zero or missing) are left out.
 */
import type { EChartsOption } from 'echarts';
import { translate, type Locale, type MessageKey } from '../../i18n/i18n.ts';
import { formatPercent } from '../../i18n/format.ts';
import { baseTooltip } from '../behaviour/chart-text.ts';
import type { ComparisonRow } from '../../analyses/lifecycle/comparison-results.ts';

/** As the table's badges: filled dark orange = significant, light orange = large only, grey = other. */
export const COMPARE_COLORS = { significant: '#9a5800', large: '#f2b560', other: '#a3abbb' } as const;

export function compareDiffOption(
  rows: readonly ComparisonRow[],
  spec: { locale: Locale; a: string; b: string },
): EChartsOption {
  const { locale } = spec;
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k as MessageKey, p);
  const shown = rows.filter((r) => r.diff_rel !== null && Number.isFinite(r.diff_rel));
  // Top to bottom in the table's order.
  const ordered = [...shown].reverse();
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatPercent(locale, Math.abs(v), 1)}`;
  const kind = (r: ComparisonRow) => (r.significant ? 'significant' : r.flagged ? 'large' : 'other');
  return {
    animation: false,
    title: { text: t('compareUi.chartTitle', { a: spec.a, b: spec.b }), textStyle: { fontSize: 13 } },
    grid: { left: 8, right: 64, top: 44, bottom: 36, containLabel: true },
    tooltip: {
      ...baseTooltip('item'),
      formatter: (p: unknown) => {
        const i = (p as { dataIndex?: number }).dataIndex ?? -1;
        const r = ordered[i];
        if (!r) return '';
        const verdict = r.significant ? t('compare.significant') : r.flagged ? t('compare.flagged') : '';
        return [t(`compare.metric.${r.metric}`), signed(r.diff_rel!), verdict].filter(Boolean).join(' · ');
      },
    },
    xAxis: {
      type: 'value',
      name: t('compareUi.chartAxis'),
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { formatter: (v: number) => formatPercent(locale, v, 0), hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => t(`compare.metric.${r.metric}`)),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('lifecycleView.relative'),
        data: ordered.map((r) => ({
          value: r.diff_rel!,
          itemStyle: { color: COMPARE_COLORS[kind(r)] },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: unknown) => signed(Number((p as { value?: number }).value ?? 0)),
        },
      },
    ],
  };
}
