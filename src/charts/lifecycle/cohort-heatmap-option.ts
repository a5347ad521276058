/** Cohort retention heatmap: cohorts down, period index across, retention as colour and label. */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatMoney, formatInteger, formatPercent } from '../../i18n/format.ts';
import type { CohortGrain } from '../../analyses/lifecycle/build-cohorts-sql.ts';
import { baseTooltip, periodLabel } from '../behaviour/chart-text.ts';

export interface CohortRow {
  cohort: string;
  cohort_size: number;
  period_index: number;
  customers: number;
  retention: number;
  revenue: number;
  cumulative_revenue_per_customer: number;
}

export function cohortPeriodName(locale: Locale, grain: CohortGrain, n: number): string {
  return translate(locale, grain === 'week' ? 'cohort.periodWeek' : 'cohort.periodMonth', { n });
}

export function cohortLabel(cohort: string, grain: CohortGrain): string {
  return periodLabel(cohort, grain);
}

export function cohortHeatmapOption(
  rows: readonly CohortRow[],
  spec: { locale: Locale; grain: CohortGrain; currency?: string | null | undefined },
): EChartsOption {
  const { locale, grain } = spec;
  const cohorts = [...new Set(rows.map((r) => r.cohort))].sort();
  const maxIndex = Math.max(0, ...rows.map((r) => r.period_index));
  const indexes = Array.from({ length: maxIndex + 1 }, (_, i) => i);
  // Period 0 is 100 % by definition; colour the later periods only so differences stay visible.
  const later = rows.filter((r) => r.period_index > 0).map((r) => r.retention);
  return {
    animation: false,
    title: { text: translate(locale, 'cohort.title') },
    tooltip: {
      ...baseTooltip('item'),
      formatter: (params: unknown) => {
        const row = rows[(params as { dataIndex?: number }).dataIndex ?? -1];
        if (!row) return '';
        return [
          `${translate(locale, 'cohort.cohort')}: ${cohortLabel(row.cohort, grain)} · ${cohortPeriodName(locale, grain, row.period_index)}`,
          translate(locale, 'cohort.size', { count: formatInteger(locale, row.cohort_size) }),
          `${translate(locale, 'behaviour.metric.customers')}: ${formatInteger(locale, row.customers)}`,
          `${translate(locale, 'cohort.retention')}: ${formatPercent(locale, row.retention)}`,
          `${translate(locale, 'behaviour.metric.revenue')}: ${formatMoney(locale, row.revenue, spec.currency)}`,
          `${translate(locale, 'cohort.cumulativeRevenue')}: ${formatMoney(locale, row.cumulative_revenue_per_customer, spec.currency)}`,
        ].join('\n');
      },
    },
    grid: { left: 80, right: 16, top: 56, bottom: 96 },
    xAxis: {
      type: 'category',
      data: indexes.map((i) => cohortPeriodName(locale, grain, i)),
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: cohorts.map((c) => cohortLabel(c, grain)),
      inverse: true,
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max: Math.max(0.01, ...later),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      formatter: (v: unknown) => formatPercent(locale, Number(v), 0),
    },
    series: [
      {
        type: 'heatmap',
        name: translate(locale, 'cohort.retention'),
        data: rows.map((r) => [r.period_index, cohorts.indexOf(r.cohort), r.retention]),
        label: {
          show: true,
          formatter: (p: unknown) =>
            formatPercent(locale, rows[(p as { dataIndex: number }).dataIndex]?.retention ?? 0, 0),
        },
      },
    ],
  };
}
