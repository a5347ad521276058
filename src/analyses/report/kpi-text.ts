/**
 * KPI names and changes in words (issue 17): the action board, the report and its workbook name a
 * KPI the same way (`rfm.segment.<id>` by the segment's label).
 */
import { hasMessage, translate, type Locale } from '../../i18n/i18n.ts';
import { SEGMENT_KPI_PREFIX } from '../actions/build-kpis-sql.ts';

export function kpiLabel(id: string, locale: Locale, segmentLabel: (id: string) => string | null): string {
  if (id.startsWith(SEGMENT_KPI_PREFIX)) {
    const segment = id.slice(SEGMENT_KPI_PREFIX.length);
    return translate(locale, 'kpi.segment', { segment: segmentLabel(segment) ?? segment });
  }
  const key = `kpi.${id}`;
  return hasMessage(key) ? translate(locale, key) : id;
}

/** current − baseline, or null when either is unknown. */
export function kpiChange(baseline: number | null, current: number | null): number | null {
  return baseline === null || current === null ? null : current - baseline;
}

/** Whether a KPI is a share (0..1), shown as a percentage. */
export function isRateKpi(id: string): boolean {
  return id.endsWith('_rate');
}
