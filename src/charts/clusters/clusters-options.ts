/**
 * Charts of the clusters and basket sections (issue 15): the k chooser (elbow = inertia, silhouette),
 * the rules scatter (support × confidence, colour = lift) and the graph of the top rules. Tooltips
 * are plain text (rich-text mode, data passed through plainText).
 */
import type { EChartsOption } from 'echarts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { baseTooltip, dataIndexOf, plainText } from '../behaviour/chart-text.ts';

export interface ChooserPoint {
  k: number;
  inertia: number;
  silhouette: number | null;
}

export function chooserOption(
  points: readonly ChooserPoint[],
  suggested: number,
  locale: Locale,
): EChartsOption {
  const t = (k: Parameters<typeof translate>[1]) => translate(locale, k);
  return {
    animation: false,
    legend: { top: 0 },
    tooltip: {
      ...baseTooltip('axis'),
      formatter: (params: unknown) => {
        const p = points[dataIndexOf(params)];
        if (!p) return '';
        return [
          `k = ${p.k}${p.k === suggested ? ` (${t('clustersView.suggested')})` : ''}`,
          `${t('clustersView.inertia')}: ${p.inertia.toFixed(1)}`,
          `${t('clustersView.silhouette')}: ${p.silhouette === null ? '—' : p.silhouette.toFixed(3)}`,
        ].join('\n');
      },
    },
    grid: { left: 64, right: 56, top: 36, bottom: 32 },
    xAxis: {
      type: 'category',
      data: points.map((p) => (p.k === suggested ? `${p.k} ★` : String(p.k))),
      name: 'k',
    },
    yAxis: [
      { type: 'value', name: t('clustersView.inertia') },
      { type: 'value', name: t('clustersView.silhouette'), min: -1, max: 1 },
    ],
    series: [
      { type: 'line', name: t('clustersView.inertia'), data: points.map((p) => p.inertia) },
      {
        type: 'line',
        name: t('clustersView.silhouette'),
        yAxisIndex: 1,
        data: points.map((p) => p.silhouette),
      },
    ],
  };
}

export interface RulePoint {
  antecedent: string;
  consequent: string;
  support: number;
  confidence: number;
  lift: number;
}

const ruleText = (locale: Locale, r: RulePoint) =>
  `${plainText(locale, r.antecedent)} ⇒ ${plainText(locale, r.consequent)}`;

export function rulesScatterOption(rules: readonly RulePoint[], locale: Locale): EChartsOption {
  const t = (k: Parameters<typeof translate>[1]) => translate(locale, k);
  const lifts = rules.map((r) => r.lift);
  return {
    animation: false,
    tooltip: {
      ...baseTooltip('item'),
      formatter: (params: unknown) => {
        const r = rules[dataIndexOf(params)];
        if (!r) return '';
        return [
          ruleText(locale, r),
          `${t('basketView.support')}: ${(r.support * 100).toFixed(2)}%`,
          `${t('basketView.confidence')}: ${(r.confidence * 100).toFixed(1)}%`,
          `${t('basketView.lift')}: ${r.lift.toFixed(2)}`,
        ].join('\n');
      },
    },
    grid: { left: 64, right: 80, top: 24, bottom: 40 },
    xAxis: { type: 'value', name: t('basketView.support'), scale: true },
    yAxis: { type: 'value', name: t('basketView.confidence'), scale: true },
    visualMap: {
      type: 'continuous',
      dimension: 2,
      min: lifts.length ? Math.min(...lifts) : 0,
      max: lifts.length ? Math.max(...lifts) : 1,
      right: 0,
      top: 'middle',
      text: [t('basketView.lift'), ''],
      calculable: false,
    },
    series: [{ type: 'scatter', symbolSize: 7, data: rules.map((r) => [r.support, r.confidence, r.lift]) }],
  };
}

/** Items as nodes, each rule as edges from its antecedent items to its consequent (top rules only). */
export function rulesGraphOption(rules: readonly RulePoint[], locale: Locale, top = 25): EChartsOption {
  const shown = rules.slice(0, top);
  const items = new Map<string, number>();
  const edges: { source: string; target: string; value: number; rule: RulePoint }[] = [];
  for (const r of shown) {
    for (const a of r.antecedent.split(' + ')) {
      items.set(a, (items.get(a) ?? 0) + 1);
      items.set(r.consequent, (items.get(r.consequent) ?? 0) + 1);
      edges.push({ source: a, target: r.consequent, value: r.lift, rule: r });
    }
  }
  const names = [...items.keys()];
  return {
    animation: false,
    tooltip: {
      ...baseTooltip('item'),
      formatter: (params: unknown) => {
        const p = params as { dataType?: string; dataIndex?: number };
        if (p.dataType === 'edge') {
          const e = edges[p.dataIndex ?? -1];
          return e
            ? `${ruleText(locale, e.rule)}\n${translate(locale, 'basketView.lift')}: ${e.rule.lift.toFixed(2)}`
            : '';
        }
        return plainText(locale, names[p.dataIndex ?? -1] ?? '');
      },
    },
    series: [
      {
        type: 'graph',
        layout: 'circular',
        roam: true,
        label: {
          show: true,
          formatter: (p: { dataIndex?: number }) => plainText(locale, names[p.dataIndex ?? -1] ?? ''),
        },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        data: names.map((name) => ({ name, symbolSize: 8 + 3 * Math.min(10, items.get(name) ?? 1) })),
        links: edges.map((e) => ({ source: e.source, target: e.target, value: e.value })),
        lineStyle: { opacity: 0.5, curveness: 0.2 },
      },
    ],
  };
}
