import { describe, expect, it } from 'vitest';
import { distributionOption } from './distribution-option.ts';
import { paretoOption } from './pareto-option.ts';
import { rfHeatmapOption } from './rf-heatmap-option.ts';
import { segmentBarOption, type SegmentSummaryRow } from './segment-bar-option.ts';
import { segmentTreemapOption } from './segment-treemap-option.ts';
import { safeText } from './chart-text.ts';

type Fn = (p: unknown) => string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const rows: SegmentSummaryRow[] = [
  {
    segment: 'a',
    segment_label: '<b>{x|evil}</b>',
    customers: 2,
    orders: 5,
    revenue: 900,
    customer_share: 0.5,
    revenue_share: 0.9,
  },
  {
    segment: 'b',
    segment_label: 'B',
    customers: 0,
    orders: 0,
    revenue: 0,
    customer_share: 0,
    revenue_share: 0,
  },
  {
    segment: 'other',
    segment_label: 'Other',
    customers: 2,
    orders: 2,
    revenue: 100,
    customer_share: 0.5,
    revenue_share: 0.1,
  },
];

describe('RFM chart options', () => {
  it('segment bars: shares per segment, empty segments hidden, rich-text tooltip with cleaned text', () => {
    const o = segmentBarOption(rows, { locale: 'en' }) as Loose;
    expect(o.yAxis.data).toEqual(['<b>｛x|evil｝</b>', 'Other']);
    expect(o.series.map((s: Loose) => [s.name, s.data])).toEqual([
      ['Share of customers', [0.5, 0.5]],
      ['Share of revenue', [0.9, 0.1]],
    ]);
    expect(o.tooltip.renderMode).toBe('richText');
    const text = (o.tooltip.formatter as Fn)([{ name: '<b>｛x|evil｝</b>' }]);
    expect(text).toBe('<b>｛x|evil｝</b>\nCustomers: 2 (50.0%)\nRevenue: 900 (90.0%)\nOrders: 5');
    expect(text).not.toContain('{');
  });

  it('treemap by revenue', () => {
    const o = segmentTreemapOption(rows, { locale: 'zh-CN', metric: 'revenue' }) as Loose;
    expect(o.series[0].type).toBe('treemap');
    expect(o.series[0].data.map((d: Loose) => [d.name, d.value])).toEqual([
      ['<b>｛x|evil｝</b>', 900],
      ['Other', 100],
    ]);
    expect((o.series[0].label.formatter as Fn)({ data: o.series[0].data[0] })).toBe(
      '<b>｛x|evil｝</b>\n90.0%',
    );
    // The area is named (issue 18).
    expect(o.title.text).toBe('面积 = 销售额');
    const en = segmentTreemapOption(rows, { locale: 'en', metric: 'customers' }) as Loose;
    expect(en.title.text).toBe('Area = customers');
  });

  it('R×F heatmap fills the k×k grid', () => {
    const o = rfHeatmapOption([{ r_score: 2, f_score: 1, customers: 3, avg_monetary: 50 }], {
      locale: 'en',
      levels: { r: 2, f: 2 },
    }) as Loose;
    expect(o.series[0].data).toEqual([
      [0, 0, 0, 0],
      [0, 1, 0, 0],
      [1, 0, 3, 3],
      [1, 1, 0, 0],
    ]);
    expect(o.xAxis.data).toEqual(['1', '2']);
    expect(o.visualMap.max).toBe(3);
    expect((o.tooltip.formatter as Fn)({ data: [1, 0, 3, 3] })).toBe(
      'R 2 · F 1\nCustomers: 3\nAverage monetary value: 50',
    );
  });

  it('distribution draws one markLine per distinct cut point plus the comparison', () => {
    const bins = [
      { bin_index: 0, bin_lower: 0, bin_upper: 10, open_ended: false, customers: 4 },
      { bin_index: 1, bin_lower: 10, bin_upper: 20, open_ended: true, customers: 1 },
    ];
    const o = distributionOption(bins, {
      locale: 'en',
      dimension: 'f',
      cuts: [2, 2, 5],
      comparison: 3.5,
    }) as Loose;
    expect(o.series[0].markLine.data.map((l: Loose) => l.xAxis)).toEqual([2, 5, 3.5]);
    expect(o.series[0].data.map((d: Loose) => d.value)).toEqual([
      [5, 4],
      [15, 1],
    ]);
    expect((o.tooltip.formatter as Fn)({ data: o.series[0].data[1] })).toBe('≥ 10\nCustomers: 1');
    // Ticks never run together (issue 18): few, compact, overlapping ones hidden.
    expect(o.xAxis.axisLabel.hideOverlap).toBe(true);
    expect(o.xAxis.splitNumber).toBe(4);
    expect(o.xAxis.axisLabel.formatter(1_500_000)).toBe('1.5M');
  });

  // Issue 12 item 10: with one purchase = one purchase day, F is not a count of orders.
  it('names F and the order count after the purchase unit (zh, en)', () => {
    const bins = [{ bin_index: 0, bin_lower: 1, bin_upper: 3, open_ended: false, customers: 2 }];
    const axis = (locale: 'en' | 'zh-CN', purchaseUnit?: 'orders' | 'days') =>
      (distributionOption(bins, { locale, dimension: 'f', cuts: [], purchaseUnit }) as Loose).xAxis.name;
    expect([axis('en'), axis('en', 'days'), axis('zh-CN', 'orders'), axis('zh-CN', 'days')]).toEqual([
      'Orders',
      'Purchase days',
      '订单数',
      '购买日数',
    ]);
    const tip = (purchaseUnit: 'orders' | 'days') => {
      const o = segmentBarOption(rows, { locale: 'en', purchaseUnit }) as Loose;
      return (o.tooltip.formatter as Fn)([{ name: '<b>｛x|evil｝</b>' }])
        .split('\n')
        .at(-1);
    };
    expect([tip('orders'), tip('days')]).toEqual(['Orders: 5', 'Purchase days: 5']);
  });

  it('Pareto line with the diagonal and a headline marker', () => {
    const o = paretoOption(
      [
        { point: 0, customer_share: 0, revenue_share: 0 },
        { point: 1, customer_share: 0.5, revenue_share: 0.9 },
        { point: 2, customer_share: 1, revenue_share: 1 },
      ],
      { locale: 'zh-CN', marker: { customer_share: 0.5, revenue_share: 0.9 } },
    ) as Loose;
    expect(o.series[0].data).toEqual([
      [0, 0],
      [0.5, 0.9],
      [1, 1],
    ]);
    expect(o.series[1].data).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(o.series[0].markLine.data).toHaveLength(2);
    expect((o.tooltip.formatter as Fn)([{ data: [0.5, 0.9] }])).toBe('50.0% 的客户贡献了 90.0% 的销售额');
  });

  it('safeText neutralises rich-text markup and control characters', () => {
    expect(safeText('{a|x}\n\u0007')).toBe('｛a|x｝  ');
  });
});
