/**
 * Customers flowing between segments across consecutive periods (issue 14) as a Sankey: one column of
 * nodes per period end, links = customers from a segment at one end to a segment at the next.
 * Node names are internal keys; labels and tooltips are plain text.
 */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { translate } from '../../i18n/i18n.ts';
import { plainText } from '../behaviour/chart-text.ts';
import type { FlowRow } from '../../analyses/migration/module.ts';

export function migrationSankeyOption(
  flows: readonly FlowRow[],
  ends: readonly string[],
  locale: Locale,
  label: (segment: string, fallback: string) => string,
): EChartsOption {
  const key = (period: number, segment: string) => `${period}|${segment}`;
  const nodes = new Map<string, { period: number; text: string }>();
  const links: { source: string; target: string; value: number }[] = [];
  for (const f of flows) {
    if (f.customers <= 0) continue;
    const from = key(f.period - 1, f.from_segment);
    const to = key(f.period, f.to_segment);
    nodes.set(from, { period: f.period - 1, text: plainText(locale, label(f.from_segment, f.from_label)) });
    nodes.set(to, { period: f.period, text: plainText(locale, label(f.to_segment, f.to_label)) });
    links.push({ source: from, target: to, value: f.customers });
  }
  const text = (name: string) => nodes.get(name)?.text ?? '';
  const end = (name: string) => ends[(nodes.get(name)?.period ?? 1) - 1] ?? '';
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      confine: true,
      formatter: (p: unknown) => {
        const d = (p as { data?: { source?: string; target?: string; name?: string; value?: number } }).data;
        if (d?.source && d.target)
          return translate(locale, 'migration.tip.link', {
            n: d.value ?? 0,
            from: `${text(d.source)} (${end(d.source)})`,
            to: `${text(d.target)} (${end(d.target)})`,
          });
        return d?.name ? `${text(d.name)} (${end(d.name)})` : '';
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 120,
        top: 24,
        bottom: 8,
        nodeAlign: 'left',
        emphasis: { focus: 'adjacency' },
        data: [...nodes.keys()].map((name) => ({ name, depth: (nodes.get(name)?.period ?? 1) - 1 })),
        links,
        label: { formatter: (p: unknown) => text((p as { name?: string }).name ?? '') },
        lineStyle: { color: 'gradient', opacity: 0.4 },
      },
    ],
  };
}
