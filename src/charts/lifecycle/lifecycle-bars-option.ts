/**
 * Lifecycle per period: new, returning and reactivated customers stacked up, lost customers down,
 * and the net change as a line (rows of buildLifecycleSql).
 */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatInteger } from '../../i18n/format.ts';
import type { PeriodGrain } from '../../analyses/revenue/period.ts';
import { baseTooltip, dataIndexOf, periodLabel } from '../behaviour/chart-text.ts';

export interface LifecycleRow {
  period_start: string;
  new_customers: number;
  returning_customers: number;
  reactivated_customers: number;
  lost_customers: number;
  net_change: number;
  active_base: number;
}

export function lifecycleBarsOption(
  rows: readonly LifecycleRow[],
  spec: { locale: Locale; grain: PeriodGrain; lostDays: number },
): EChartsOption {
  const { locale, grain } = spec;
  const t = (k: Parameters<typeof translate>[1]) => translate(locale, k);
  return {
    animation: false,
    title: {
      text: t('lifecycle.title'),
      subtext: translate(locale, 'lifecycle.lostRule', { days: spec.lostDays }),
    },
    legend: { top: 74 },
    tooltip: {
      ...baseTooltip('axis'),
      formatter: (params: unknown) => {
        const r = rows[dataIndexOf(params)];
        if (!r) return '';
        return [
          periodLabel(r.period_start, grain),
          `${t('lifecycle.new')}: ${formatInteger(locale, r.new_customers)}`,
          `${t('lifecycle.returning')}: ${formatInteger(locale, r.returning_customers)}`,
          `${t('lifecycle.reactivated')}: ${formatInteger(locale, r.reactivated_customers)}`,
          `${t('lifecycle.lost')}: ${formatInteger(locale, r.lost_customers)}`,
          `${t('lifecycle.netChange')}: ${r.net_change > 0 ? '+' : ''}${formatInteger(locale, r.net_change)}`,
          `${t('lifecycle.activeBase')}: ${formatInteger(locale, r.active_base)}`,
        ].join('\n');
      },
    },
    grid: { left: 56, right: 16, top: 112, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => periodLabel(r.period_start, grain)) },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (v: number) => formatInteger(locale, v) },
    },
    series: [
      { type: 'bar', stack: 'in', name: t('lifecycle.new'), data: rows.map((r) => r.new_customers) },
      {
        type: 'bar',
        stack: 'in',
        name: t('lifecycle.returning'),
        data: rows.map((r) => r.returning_customers),
      },
      {
        type: 'bar',
        stack: 'in',
        name: t('lifecycle.reactivated'),
        data: rows.map((r) => r.reactivated_customers),
      },
      { type: 'bar', stack: 'out', name: t('lifecycle.lost'), data: rows.map((r) => -r.lost_customers) },
      { type: 'line', name: t('lifecycle.netChange'), data: rows.map((r) => r.net_change) },
    ],
  };
}
