/**
 * Conversion by days since send, target vs control (issue 13): cumulative share of each group's
 * customers who bought within the first d days of the attribution window. Tooltips are plain text.
 */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatPercent } from '../../i18n/format.ts';
import { baseTooltip } from '../behaviour/chart-text.ts';
import type { DayRow } from '../../analyses/campaigns/module.ts';

export function conversionDaysOption(rows: readonly DayRow[], locale: Locale): EChartsOption {
  const days = [...new Set(rows.map((r) => r.day))].sort((a, b) => a - b);
  const arms = ['target', 'control'].filter((a) => rows.some((r) => r.arm === a));
  const fmt = (v: number) => formatPercent(locale, v, 2);
  const name = (arm: string) =>
    translate(locale, arm === 'target' ? 'campaigns.target' : 'campaigns.control');
  return {
    animation: false,
    legend: { top: 0 },
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
          translate(locale, 'campaigns.day', { day: days[i] ?? i }),
          ...list.map((p) => `${p.seriesName ?? ''}: ${fmt(Number(p.value))}`),
        ].join('\n');
      },
    },
    grid: { left: 56, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: days.map((d) => translate(locale, 'campaigns.day', { day: d })) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v) } },
    series: arms.map((arm) => ({
      type: 'line' as const,
      name: name(arm),
      data: days.map((d) => rows.find((r) => r.arm === arm && r.day === d)?.rate ?? 0),
    })),
  };
}
