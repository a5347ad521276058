import { describe, expect, it } from 'vitest';
import { cohortHeatmapOption, type CohortRow } from './cohort-heatmap-option.ts';
import { cohortCurvesOption } from './cohort-curves-option.ts';
import { lifecycleBarsOption } from './lifecycle-bars-option.ts';

type Formatter = (p: unknown) => string;
const tooltipOf = (option: object) => (option as { tooltip: { formatter: Formatter } }).tooltip;

const cohorts: CohortRow[] = [
  {
    cohort: '2024-01-01',
    cohort_size: 2,
    period_index: 0,
    customers: 2,
    retention: 1,
    revenue: 250,
    cumulative_revenue_per_customer: 125,
  },
  {
    cohort: '2024-01-01',
    cohort_size: 2,
    period_index: 1,
    customers: 1,
    retention: 0.5,
    revenue: 100,
    cumulative_revenue_per_customer: 175,
  },
  {
    cohort: '2024-02-01',
    cohort_size: 1,
    period_index: 0,
    customers: 1,
    retention: 1,
    revenue: 100,
    cumulative_revenue_per_customer: 100,
  },
];

describe('lifecycle charts', () => {
  it('builds the cohort heatmap with retention labels and tooltips', () => {
    const option = cohortHeatmapOption(cohorts, { locale: 'en', grain: 'month' });
    expect(option).toMatchSnapshot();
    expect((option.visualMap as { max: number }).max).toBe(0.5); // period 0 does not set the scale
    expect(tooltipOf(option).formatter({ dataIndex: 1 })).toBe(
      'First purchase: 2024-01 · Month 1\n2 first-time customers\nCustomers: 1\nRetention: 50.0%\nRevenue: 100\nCumulative revenue per customer: 175',
    );
  });

  it('draws one retention curve per cohort, newest cohorts kept', () => {
    const option = cohortCurvesOption(cohorts, { locale: 'zh-CN', grain: 'week', maxCohorts: 1 });
    expect(option).toMatchSnapshot();
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([['2024-02-01', [1, null]]]);
    expect(tooltipOf(option).formatter([{ seriesName: '2024-02-01', value: 1, dataIndex: 0 }])).toBe(
      '第 0 周\n2024-02-01: 100.0%',
    );
  });

  it('stacks lifecycle statuses with losses below zero', () => {
    const rows = [
      {
        period_start: '2024-03-01',
        new_customers: 1,
        returning_customers: 1,
        reactivated_customers: 0,
        lost_customers: 2,
        net_change: -1,
        active_base: 2,
      },
    ];
    const option = lifecycleBarsOption(rows, { locale: 'zh-CN', grain: 'month', lostDays: 90 });
    expect(option).toMatchSnapshot();
    expect((option.series as { data: number[] }[])[3]!.data).toEqual([-2]);
    expect(tooltipOf(option).formatter([{ dataIndex: 0 }])).toBe(
      '2024-03\n新客: 1\n老客回购: 1\n回流: 0\n流失: 2\n净增: -1\n活跃客户: 2',
    );
  });
});
