import { describe, expect, it } from 'vitest';
import { cohortHeatmapOption, type CohortRow } from './cohort-heatmap-option.ts';
import { cohortCountsHeatmapOption } from './cohort-counts-heatmap-option.ts';

type Formatter = (p: unknown) => string;
const rows: CohortRow[] = [
  {
    cohort: '2024-01-01',
    cohort_size: 12345,
    period_index: 0,
    customers: 12345,
    retention: 1,
    revenue: 1,
    cumulative_revenue_per_customer: 1,
  },
  {
    cohort: '2024-01-01',
    cohort_size: 12345,
    period_index: 1,
    customers: 2469,
    retention: 0.2,
    revenue: 1,
    cumulative_revenue_per_customer: 1,
  },
];

describe('cohort counts heatmap', () => {
  it('labels cells with customer counts, everything else as the retention heatmap', () => {
    const counts = cohortCountsHeatmapOption(rows, { locale: 'en', grain: 'month' });
    const percent = cohortHeatmapOption(rows, { locale: 'en', grain: 'month' });
    const label = (o: object, i: number) =>
      (o as { series: { label: { formatter: Formatter } }[] }).series[0]!.label.formatter({ dataIndex: i });
    expect([label(counts, 0), label(counts, 1)]).toEqual(['12,345', '2,469']);
    expect([label(percent, 0), label(percent, 1)]).toEqual(['100%', '20%']);
    const { series: a, ...restCounts } = counts;
    const { series: b, ...restPercent } = percent;
    expect(JSON.stringify(restCounts)).toBe(JSON.stringify(restPercent));
    expect((a as { data: unknown }[])[0]!.data).toEqual((b as { data: unknown }[])[0]!.data);
  });
});
