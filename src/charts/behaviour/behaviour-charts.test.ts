import { describe, expect, it } from 'vitest';
import { intervalBinLabel, intervalHistogramOption } from './interval-histogram-option.ts';
import { timeHeatmapOption } from './time-heatmap-option.ts';
import { revenueByPeriodOption, type RevenuePeriodRow } from './revenue-by-period-option.ts';
import { periodLabel, plainText } from './chart-text.ts';

type Formatter = (p: unknown) => string;
const tooltipOf = (option: object) =>
  (option as { tooltip: { formatter: Formatter; renderMode: string } }).tooltip;

const bins = [
  { bin_lower: 1, bin_upper: 8, intervals: 12000, share: 0.6 },
  { bin_lower: 8, bin_upper: null, intervals: 8000, share: 0.4 },
];

describe('behaviour charts', () => {
  it('labels interval bins with inclusive whole days', () => {
    expect(intervalBinLabel('en', bins[0]!)).toBe('1–7 days');
    expect(intervalBinLabel('zh-CN', bins[1]!)).toBe('8 天以上');
  });

  it('builds the interval histogram with plain-text tooltips', () => {
    const option = intervalHistogramOption(bins, { locale: 'zh-CN', medianDays: 12.25 });
    expect(option).toMatchSnapshot();
    const tooltip = tooltipOf(option);
    expect(tooltip.renderMode).toBe('richText');
    expect(tooltip.formatter([{ dataIndex: 0 }])).toBe('1–7 天\n间隔次数: 12,000 (60.0%)');
    expect(tooltip.formatter([{ dataIndex: 5 }])).toBe('');
  });

  it('builds the weekday × hour heatmap with Monday first and 万 in zh', () => {
    const cells = [
      { weekday: 1, hour: 9, orders: 3, revenue: 123456 },
      { weekday: 7, hour: 23, orders: 1, revenue: 10 },
    ];
    const option = timeHeatmapOption(cells, { locale: 'zh-CN', metric: 'revenue' });
    expect(option).toMatchSnapshot();
    expect((option.yAxis as { data: string[] }).data[0]).toBe('周一');
    expect(tooltipOf(option).formatter({ value: [9, 0, 123456] })).toBe(
      '周一 9:00\n订单数: 3\n销售额: 12.35万',
    );
  });

  it('stacks revenue by group with escaped names, or new vs returning without a split', () => {
    const row = (period_start: string, group_key: string | null, revenue: number): RevenuePeriodRow => ({
      period_start,
      group_key,
      revenue,
      orders: 2,
      new_customer_revenue: revenue / 4,
      returning_customer_revenue: (revenue * 3) / 4,
      revenue_pop_change: 0.125,
      revenue_yoy_change: null,
    });
    const split = revenueByPeriodOption(
      [row('2024-01-01', '<b>{x|y}</b>', 1000), row('2024-01-01', null, 500), row('2024-04-01', null, 20000)],
      { locale: 'en', grain: 'quarter', split: true },
    );
    expect(split).toMatchSnapshot();
    const names = (split.series as { name: string }[]).map((s) => s.name);
    expect(names).toEqual(['<b>（x|y）</b>', '(unknown)', 'Orders']);
    expect(tooltipOf(split).formatter([{ dataIndex: 0 }])).toBe(
      '2024-Q1\nRevenue: 1,500\n<b>（x|y）</b>: 1,000\n(unknown): 500\nOrders: 4',
    );
    const whole = revenueByPeriodOption([row('2024-01-01', null, 40000)], {
      locale: 'zh-CN',
      grain: 'month',
      split: false,
    });
    expect(tooltipOf(whole).formatter([{ dataIndex: 0 }])).toBe(
      '2024-01\n销售额: 4万\n新客销售额: 1万\n老客销售额: 3万\n订单数: 2\n环比: 12.5%\n同比: –',
    );
  });

  it('names periods and cleans text', () => {
    expect(periodLabel('2024-10-01', 'quarter')).toBe('2024-Q4');
    expect(periodLabel('2024-05-06', 'week')).toBe('2024-05-06');
    expect(plainText('en', 'a\u0000b\nc')).toBe('a b c');
  });
});
