/** Retention curves: one line per cohort over the period index (rows of buildCohortsSql). */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatMoney, formatPercent } from '../../i18n/format.ts';
import type { CohortGrain } from '../../analyses/lifecycle/build-cohorts-sql.ts';
import { baseTooltip } from '../behaviour/chart-text.ts';
import { cohortLabel, cohortPeriodName, type CohortRow } from './cohort-heatmap-option.ts';

/** `metric` 'retention' (share) or 'revenue' (cumulative revenue per customer). The newest `maxCohorts` cohorts. */
export function cohortCurvesOption(
  rows: readonly CohortRow[],
  spec: {
    locale: Locale;
    grain: CohortGrain;
    metric?: 'retention' | 'revenue';
    maxCohorts?: number;
    currency?: string | null | undefined;
  },
): EChartsOption {
  const { locale, grain } = spec;
  const metric = spec.metric ?? 'retention';
  const cohorts = [...new Set(rows.map((r) => r.cohort))].sort().slice(-(spec.maxCohorts ?? 12));
  const maxIndex = Math.max(0, ...rows.map((r) => r.period_index));
  const value = (r: CohortRow) => (metric === 'retention' ? r.retention : r.cumulative_revenue_per_customer);
  const fmt = (v: number) =>
    metric === 'retention' ? formatPercent(locale, v) : formatMoney(locale, v, spec.currency);
  const series = cohorts.map((c) => {
    const data: (number | null)[] = Array.from({ length: maxIndex + 1 }, () => null);
    for (const r of rows) if (r.cohort === c) data[r.period_index] = value(r);
    return {
      type: 'line' as const,
      name: cohortLabel(c, grain),
      data,
      connectNulls: false,
      showSymbol: false,
    };
  });
  return {
    animation: false,
    title: {
      text: translate(locale, metric === 'retention' ? 'cohort.retention' : 'cohort.cumulativeRevenue'),
    },
    legend: { type: 'scroll', top: 48 },
    tooltip: {
      ...baseTooltip('axis'),
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as {
          seriesName?: string;
          value?: unknown;
          dataIndex?: number;
        }[];
        const i = list[0]?.dataIndex ?? 0;
        return [
          cohortPeriodName(locale, grain, i),
          ...list
            .filter((p) => typeof p.value === 'number')
            .map((p) => `${p.seriesName ?? ''}: ${fmt(p.value as number)}`),
        ].join('\n');
      },
    },
    grid: { left: 56, right: 16, top: 88, bottom: 32 },
    xAxis: {
      type: 'category',
      data: Array.from({ length: maxIndex + 1 }, (_, i) => cohortPeriodName(locale, grain, i)),
    },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => fmt(v) },
      ...(metric === 'retention' ? { max: 1 } : {}),
    },
    series,
  };
}
