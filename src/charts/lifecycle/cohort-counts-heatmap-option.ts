/**
 * The cohort heatmap with customer counts as cell labels (the "counts" view of the counts /
 * percentages toggle): same grid, colours and tooltip as cohortHeatmapOption, which labels retention.
 */
import type { EChartsOption } from 'echarts';
import type { Locale } from '../../i18n/i18n.ts';
import { formatInteger } from '../../i18n/format.ts';
import type { CohortGrain } from '../../analyses/lifecycle/build-cohorts-sql.ts';
import { cohortHeatmapOption, type CohortRow } from './cohort-heatmap-option.ts';

export function cohortCountsHeatmapOption(
  rows: readonly CohortRow[],
  spec: { locale: Locale; grain: CohortGrain },
): EChartsOption {
  const option = cohortHeatmapOption(rows, spec);
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return {
    ...option,
    series: series.map((s) => ({
      ...s,
      label: {
        show: true,
        formatter: (p: unknown) =>
          formatInteger(spec.locale, rows[(p as { dataIndex: number }).dataIndex]?.customers ?? 0),
      },
    })) as EChartsOption['series'],
  };
}
