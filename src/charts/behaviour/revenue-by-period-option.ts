/**
 * Revenue by period: stacked bars per group (or new vs returning customers without a split) and a
 * line of orders on a second axis (rows of buildRevenueByPeriodSql).
 */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatMoney, formatInteger, formatPercent } from '../../i18n/format.ts';
import type { PeriodGrain } from '../../analyses/revenue/period.ts';
import { baseTooltip, dataIndexOf, periodLabel, plainText } from './chart-text.ts';

export interface RevenuePeriodRow {
  period_start: string;
  group_key: string | null;
  revenue: number;
  orders: number;
  new_customer_revenue: number;
  returning_customer_revenue: number;
  revenue_pop_change: number | null;
  revenue_yoy_change: number | null;
}

export function revenueByPeriodOption(
  rows: readonly RevenuePeriodRow[],
  spec: { locale: Locale; grain: PeriodGrain; split: boolean; currency?: string | null | undefined },
): EChartsOption {
  const { locale, grain } = spec;
  const periods = [...new Set(rows.map((r) => r.period_start))].sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const stacks: { name: string; data: number[] }[] = [];
  const orders = periods.map(() => 0);
  const totals = periods.map(() => 0);
  const pop: (number | null)[] = periods.map(() => null);
  const yoy: (number | null)[] = periods.map(() => null);
  if (spec.split) {
    const groups = [...new Set(rows.map((r) => r.group_key))];
    for (const g of groups) stacks.push({ name: plainText(locale, g), data: periods.map(() => 0) });
    for (const r of rows) stacks[groups.indexOf(r.group_key)]!.data[index.get(r.period_start)!] = r.revenue;
  } else {
    const fresh = { name: translate(locale, 'revenue.newCustomers'), data: periods.map(() => 0) };
    const back = { name: translate(locale, 'revenue.returningCustomers'), data: periods.map(() => 0) };
    for (const r of rows) {
      const i = index.get(r.period_start)!;
      fresh.data[i] = r.new_customer_revenue;
      back.data[i] = r.returning_customer_revenue;
      pop[i] = r.revenue_pop_change;
      yoy[i] = r.revenue_yoy_change;
    }
    stacks.push(fresh, back);
  }
  for (const r of rows) {
    const i = index.get(r.period_start)!;
    orders[i] = (orders[i] ?? 0) + r.orders;
    totals[i] = (totals[i] ?? 0) + r.revenue;
  }
  const change = (v: number | null) => (v === null ? '–' : formatPercent(locale, v));
  return {
    animation: false,
    title: { text: translate(locale, 'revenue.byPeriod') },
    legend: { top: 48, type: 'scroll' },
    tooltip: {
      ...baseTooltip('axis'),
      formatter: (params: unknown) => {
        const i = dataIndexOf(params);
        if (i < 0 || i >= periods.length) return '';
        const lines = [
          periodLabel(periods[i]!, grain),
          `${translate(locale, 'behaviour.metric.revenue')}: ${formatMoney(locale, totals[i]!, spec.currency)}`,
          ...stacks.map((s) => `${s.name}: ${formatMoney(locale, s.data[i]!, spec.currency)}`),
          `${translate(locale, 'behaviour.metric.orders')}: ${formatInteger(locale, orders[i]!)}`,
        ];
        if (!spec.split) {
          lines.push(`${translate(locale, 'revenue.pop')}: ${change(pop[i]!)}`);
          lines.push(`${translate(locale, 'revenue.yoy')}: ${change(yoy[i]!)}`);
        }
        return lines.join('\n');
      },
    },
    grid: { left: 64, right: 56, top: 96, bottom: 40 },
    xAxis: { type: 'category', data: periods.map((p) => periodLabel(p, grain)) },
    yAxis: [
      {
        type: 'value',
        name: translate(locale, 'behaviour.metric.revenue'),
        axisLabel: { formatter: (v: number) => formatMoney(locale, v, spec.currency) },
      },
      { type: 'value', name: translate(locale, 'behaviour.metric.orders'), minInterval: 1 },
    ],
    series: [
      ...stacks.map((s) => ({ type: 'bar' as const, stack: 'revenue', name: s.name, data: s.data })),
      {
        type: 'line' as const,
        name: translate(locale, 'behaviour.metric.orders'),
        yAxisIndex: 1,
        data: orders,
      },
    ],
  };
}
