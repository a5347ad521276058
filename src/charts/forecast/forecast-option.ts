/**
 * One forecast series as an ECharts option (issue 16): actual history, the backtest's one-step
 * forecasts, the future forecast with its 95 % interval as a band, and the Chinese shopping calendar
 * (618, 双11, 双12, 春节) as vertical marks on the periods that hold them. Tooltips are plain text.
 */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatCompact } from '../../i18n/format.ts';
import { baseTooltip } from '../behaviour/chart-text.ts';
import type { CalendarMark, ForecastChartRow } from '../../analyses/forecast/module.ts';

/** The period label (its first day) holding `date`, or null when outside the chart. */
function periodOf(starts: readonly string[], date: string): string | null {
  let hit: string | null = null;
  for (const s of starts) if (s <= date) hit = s;
  return hit !== null && date <= nextAfter(starts) ? hit : null;
}

function nextAfter(starts: readonly string[]): string {
  const last = starts[starts.length - 1] ?? '';
  const prev = starts[starts.length - 2];
  if (!prev) return last;
  const step = Date.parse(`${last}T00:00:00Z`) - Date.parse(`${prev}T00:00:00Z`);
  return new Date(Date.parse(`${last}T00:00:00Z`) + step - 86_400_000).toISOString().slice(0, 10);
}

export function forecastOption(
  rows: readonly ForecastChartRow[],
  calendar: readonly CalendarMark[],
  locale: Locale,
): EChartsOption {
  const starts = rows.map((r) => r.period_start);
  const fmt = (v: number) => formatCompact(locale, v, 1);
  const val = (v: number | null) => (v === null ? null : v);
  const marks = calendar.flatMap((m) => {
    const at = periodOf(starts, m.date);
    return at ? [{ xAxis: at, name: translate(locale, `forecast.event.${m.event}`) }] : [];
  });
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
          starts[i] ?? '',
          ...list
            .filter((p) => p.value !== null && p.value !== undefined && p.seriesName !== '')
            .map((p) => `${p.seriesName ?? ''}: ${fmt(Number(p.value))}`),
        ].join('\n');
      },
    },
    grid: { left: 64, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: starts },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v) } },
    series: [
      // The interval band: the lower bound stacked with (upper − lower).
      {
        type: 'line',
        name: '',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        data: rows.map((r) => (r.kind === 'future' ? val(r.lower) : null)),
      },
      {
        type: 'line',
        name: translate(locale, 'forecast.interval'),
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { opacity: 0.2 },
        data: rows.map((r) =>
          r.kind === 'future' && r.upper !== null && r.lower !== null ? r.upper - r.lower : null,
        ),
      },
      {
        type: 'line',
        name: translate(locale, 'forecast.actual'),
        showSymbol: false,
        data: rows.map((r) => val(r.actual)),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dotted' },
          label: { formatter: (p: { name?: string }) => p.name ?? '' },
          data: marks,
        },
      },
      {
        type: 'line',
        name: translate(locale, 'forecast.backtest'),
        showSymbol: false,
        lineStyle: { type: 'dashed' },
        data: rows.map((r) => (r.kind === 'backtest' ? val(r.forecast) : null)),
      },
      {
        type: 'line',
        name: translate(locale, 'forecast.forecast'),
        showSymbol: false,
        data: rows.map((r) => (r.kind === 'future' ? val(r.forecast) : null)),
      },
    ],
  };
}
