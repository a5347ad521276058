import { describe, expect, it } from 'vitest';
import { categorySegmentHeatmapOption, type CategorySegmentCell } from './category-segment-heatmap-option.ts';

type Formatter = (p: unknown) => string;
const cells: CategorySegmentCell[] = [
  {
    category: '美妆',
    segment: 'champions',
    revenue: 300,
    orders: 3,
    customers: 2,
    segment_revenue_share: 0.75,
  },
  {
    category: '食品',
    segment: 'champions',
    revenue: 100,
    orders: 1,
    customers: 1,
    segment_revenue_share: 0.25,
  },
  { category: '食品', segment: 'at_risk', revenue: 500, orders: 5, customers: 4, segment_revenue_share: 1 },
  { category: null, segment: null, revenue: 10, orders: 1, customers: 1, segment_revenue_share: 1 },
];

describe('category × segment heatmap', () => {
  it('orders categories and segments by revenue, labels segments and shares', () => {
    const option = categorySegmentHeatmapOption(cells, {
      locale: 'zh-CN',
      segmentLabel: (s) => (s === 'champions' ? '重要价值' : s === 'at_risk' ? '重要挽留{x}' : null),
    });
    const x = option.xAxis as { data: string[] };
    const y = option.yAxis as { data: string[] };
    // 食品 600 > 美妆 300 > unknown 10; at_risk 500 > champions 400 > no segment 10.
    expect(y.data).toEqual(['食品', '美妆', '（未知）']);
    expect(x.data).toEqual(['重要挽留（x）', '重要价值', '（未知）']);
    const series = (option.series as { data: number[][]; label: { formatter: Formatter } }[])[0]!;
    expect(series.data).toEqual([
      [1, 1, 0.75],
      [1, 0, 0.25],
      [0, 0, 1],
      [2, 2, 1],
    ]);
    expect(series.label.formatter({ dataIndex: 0 })).toBe('75%');
    const tooltip = (option.tooltip as { formatter: Formatter }).formatter({ dataIndex: 2 });
    expect(tooltip.split('\n')).toEqual([
      '食品 · 重要挽留（x）',
      '销售额: 500',
      '占比: 100.0%',
      '订单数: 5',
      '客户数: 4',
    ]);
  });

  it('keeps the largest categories only and survives empty input', () => {
    const option = categorySegmentHeatmapOption(cells, { locale: 'en', maxCategories: 1 });
    expect((option.yAxis as { data: string[] }).data).toEqual(['食品']);
    expect((option.series as { data: unknown[] }[])[0]!.data).toHaveLength(2);
    const empty = categorySegmentHeatmapOption([], { locale: 'en' });
    expect((empty.series as { data: unknown[] }[])[0]!.data).toEqual([]);
  });
});
