import { describe, expect, it } from 'vitest';
import { chartTable } from './chart-table.ts';
import { segmentBarOption, type SegmentSummaryRow } from './rfm/segment-bar-option.ts';
import { segmentTreemapOption } from './rfm/segment-treemap-option.ts';
import { rfHeatmapOption } from './rfm/rf-heatmap-option.ts';

const rows: SegmentSummaryRow[] = [
  {
    segment: 'a',
    segment_label: 'A',
    customers: 2,
    orders: 5,
    revenue: 900,
    customer_share: 0.5,
    revenue_share: 0.9,
  },
  {
    segment: 'b',
    segment_label: 'B',
    customers: 2,
    orders: 2,
    revenue: 100,
    customer_share: 0.5,
    revenue_share: 0.1,
  },
];

describe('chartTable: the numbers a chart draws, as a table', () => {
  it('reads bar series on a category axis (the RFM segment bars)', () => {
    const t = chartTable(segmentBarOption(rows, { locale: 'en' }))!;
    expect(t.columns.slice(1)).toEqual(['Share of customers', 'Share of revenue']);
    expect(t.rows).toEqual([
      ['A', 0.5, 0.9],
      ['B', 0.5, 0.1],
    ]);
  });

  it('reads treemap items and heatmap cells with their axis categories', () => {
    const tree = chartTable(segmentTreemapOption(rows, { locale: 'zh-CN', metric: 'revenue' }))!;
    expect(tree.rows).toEqual([
      ['A', 900],
      ['B', 100],
    ]);
    const heat = chartTable(
      rfHeatmapOption([{ r_score: 2, f_score: 1, customers: 3, avg_monetary: 50 }], {
        locale: 'en',
        levels: { r: 2, f: 2 },
      }),
    )!;
    // Every cell of the 2 × 2 grid, the empty ones as 0; the one customer cell keeps its count.
    expect(heat.rows).toHaveLength(4);
    expect(heat.rows.filter((r) => r[2] === 3)).toHaveLength(1);
    expect(heat.rows.reduce((s, r) => s + Number(r[2]), 0)).toBe(3);
  });

  it('reads sankey links, pie items and numeric scatter points', () => {
    expect(
      chartTable({ series: [{ type: 'sankey', data: [], links: [{ source: 'x', target: 'y', value: 4 }] }] })!
        .rows,
    ).toEqual([['x', 'y', 4]]);
    expect(chartTable({ series: [{ type: 'pie', name: 'n', data: [{ name: 'p', value: 1 }] }] })).toEqual({
      columns: ['Category', 'n'],
      rows: [['p', 1]],
    });
    const scatter = chartTable({
      xAxis: { name: 'support' },
      yAxis: { name: 'confidence' },
      series: [{ type: 'scatter', name: 'rules', data: [[0.1, 0.5, 2]] }],
    })!;
    expect(scatter.columns).toEqual(['support', 'confidence', 'Value 3']);
    expect(scatter.rows).toEqual([[0.1, 0.5, 2]]);
    const two = chartTable({
      series: [
        { type: 'line', name: 'a', data: [[1, 2]] },
        { type: 'line', name: 'b', data: [[1, 3]] },
      ],
    })!;
    expect(two.rows).toEqual([
      ['a', 1, 2],
      ['b', 1, 3],
    ]);
  });

  it('gives no table for shapes it does not understand', () => {
    expect(chartTable({ series: [] })).toBeNull();
    expect(chartTable({ series: [{ type: 'radar', data: [] }] })).toBeNull();
    expect(chartTable(null)).toBeNull();
  });
});
