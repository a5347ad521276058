/**
 * The report's key charts (issue 17): one chart per headline table that has one, drawn from the
 * table's own rows (the same rows as its sheet), so any module's table can join by a line in
 * REPORT_CHARTS. Printed as images (no tooltips, no animation).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Locale, MessageKey } from '../../i18n/i18n.ts';
import { fmtAmount, fmtInt, safeText } from '../rfm/chart-text.ts';

export interface TableChartSpec {
  /** `<module>.<export id>` of the report table. */
  table: string;
  titleKey: MessageKey;
  kind: 'bar' | 'line';
  x: string;
  y: string;
  money: boolean;
}

export const REPORT_CHARTS: readonly TableChartSpec[] = [
  {
    table: 'rfm.segments',
    titleKey: 'report.chartSegments',
    kind: 'bar',
    x: 'segment_label',
    y: 'customers',
    money: false,
  },
  {
    table: 'revenue.periods',
    titleKey: 'report.chartRevenue',
    kind: 'line',
    x: 'period_start',
    y: 'revenue',
    money: true,
  },
];

type Row = Readonly<Record<string, string | number | boolean | null>>;

export function tableChartOption(
  rows: readonly Row[],
  spec: TableChartSpec,
  o: { locale: Locale; currency?: string | null | undefined },
): EChartsCoreOption {
  const labels = rows.map((r) => safeText(r[spec.x]));
  const values = rows.map((r) => (typeof r[spec.y] === 'number' ? (r[spec.y] as number) : 0));
  const fmt = (v: number) => (spec.money ? fmtAmount(o.locale, v, o.currency) : fmtInt(o.locale, v));
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 'auto', hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: fmt } },
    series: [
      {
        type: spec.kind,
        data: values,
        itemStyle: { color: '#2f6fde' },
        label:
          spec.kind === 'bar'
            ? { show: true, position: 'top', formatter: (p: { value: number }) => fmt(p.value) }
            : undefined,
        showSymbol: spec.kind === 'line' ? rows.length <= 36 : undefined,
      },
    ],
  };
}
