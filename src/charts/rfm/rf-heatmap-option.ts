/** R×F heatmap: customers (or average monetary) per R score × F score cell (issue 4 "Views"). */
import type { EChartsCoreOption } from 'echarts/core';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { fmtAmount, fmtInt, TOOLTIP_BASE } from './chart-text.ts';

/** A row of buildRfHeatmapSql. */
export interface RfCell {
  r_score: number;
  f_score: number;
  customers: number;
  avg_monetary: number | null;
}

export interface RfHeatmapSpec {
  locale: Locale;
  /** ISO code of the amounts (formatMoney); absent / null = no symbol. */
  currency?: string | null | undefined;
  /** Levels of R and F (k = cut points + 1). */
  levels: { r: number; f: number };
  /** Colour by customers (default) or average monetary value. */
  value?: 'customers' | 'avg_monetary';
}

/** Every cell of the k_R × k_F grid (empty cells show 0 customers); x = R score, y = F score. */
export function rfHeatmapOption(cells: readonly RfCell[], spec: RfHeatmapSpec): EChartsCoreOption {
  const { locale } = spec;
  const value = spec.value ?? 'customers';
  const byKey = new Map(cells.map((c) => [`${c.r_score}:${c.f_score}`, c]));
  const data: [number, number, number, number | null][] = [];
  for (let r = 1; r <= spec.levels.r; r++) {
    for (let f = 1; f <= spec.levels.f; f++) {
      const c = byKey.get(`${r}:${f}`);
      const customers = c?.customers ?? 0;
      const avg = c?.avg_monetary ?? null;
      data.push([r - 1, f - 1, value === 'customers' ? customers : (avg ?? 0), customers]);
    }
  }
  const max = Math.max(0, ...data.map((d) => d[2]));
  const scores = (k: number) => Array.from({ length: k }, (_, i) => String(i + 1));
  return {
    animation: false,
    // Room above for the y-axis name.
    grid: { left: 8, right: 8, top: 30, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      name: translate(locale, 'rfm.rScore'),
      nameLocation: 'middle',
      nameGap: 24,
      data: scores(spec.levels.r),
    },
    yAxis: { type: 'category', name: translate(locale, 'rfm.fScore'), data: scores(spec.levels.f) },
    visualMap: {
      min: 0,
      max: max || 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
    },
    tooltip: {
      ...TOOLTIP_BASE,
      formatter: (p: unknown) => {
        const d = (p as { data?: (typeof data)[number] }).data;
        if (!d) return '';
        const cell = byKey.get(`${d[0] + 1}:${d[1] + 1}`);
        return [
          `R ${d[0] + 1} · F ${d[1] + 1}`,
          `${translate(locale, 'rfm.customers')}: ${fmtInt(locale, d[3])}`,
          `${translate(locale, 'rfm.avgMonetary')}: ${fmtAmount(locale, cell?.avg_monetary, spec.currency)}`,
        ].join('\n');
      },
    },
    series: [
      {
        type: 'heatmap',
        name: translate(locale, value === 'customers' ? 'rfm.customers' : 'rfm.avgMonetary'),
        data,
        label: {
          show: true,
          formatter: (p: unknown) => fmtAmount(locale, (p as { data: (typeof data)[number] }).data[2]),
        },
      },
    ],
  };
}
