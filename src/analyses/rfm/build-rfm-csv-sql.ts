/**
 * The CLI's RFM files (issue 4): customers.csv and segments.csv, with exactly the documented columns.
 */
import { ident, literal } from '../../sql/quote.ts';
import { buildSegmentSummarySql } from './build-rfm-views-sql.ts';
import { buildSegmentExportSql } from './build-segment-customers-sql.ts';
import type { RfmLocale } from './build-rfm-sql.ts';
import type { RfmSegment } from './rfm-config.ts';
import { RFM_CUSTOMERS } from '../../ingest/tables.ts';

export const SEGMENTS_CSV_COLUMNS = [
  'segment',
  'segment_label',
  'customers',
  'orders',
  'revenue',
  'customer_share',
  'revenue_share',
] as const;

/**
 * customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_code, segment,
 * segment_label; with `features` (the rfm_features table, issue 6) then RFM_FEATURE_COLUMNS; with
 * `clv` (the CLV predictions, issue 16) then RFM_CLV_COLUMNS.
 */
export function buildCustomersCsvSql(customers = RFM_CUSTOMERS, features?: string, clv?: string): string {
  return buildSegmentExportSql({
    customers,
    ...(features !== undefined ? { features } : {}),
    ...(clv !== undefined ? { clv } : {}),
  });
}

/** segment, segment_label, customers, orders, revenue, customer_share, revenue_share — rule order, then other. */
export function buildSegmentsCsvSql(
  segments: readonly RfmSegment[],
  options: { customers?: string; locale?: RfmLocale } = {},
): string {
  return `SELECT ${SEGMENTS_CSV_COLUMNS.map(ident).join(', ')} FROM (${buildSegmentSummarySql(segments, options)})`;
}

/**
 * The segments.csv columns then segment_action, each segment's recommended action in `locale`
 * (issue 18: the UI's summary sheet; the CLI's segments.csv keeps its columns).
 */
export function buildSegmentsActionSql(
  segments: readonly RfmSegment[],
  options: { customers?: string; locale?: RfmLocale } = {},
): string {
  const locale = options.locale ?? 'zh-CN';
  const whens = segments
    .filter((s) => s.action[locale].trim() !== '')
    .map((s) => `WHEN ${literal(s.id)} THEN ${literal(s.action[locale])}`);
  const action = whens.length ? `CASE segment ${whens.join(' ')} ELSE NULL END` : 'CAST(NULL AS VARCHAR)';
  return `SELECT ${SEGMENTS_CSV_COLUMNS.map(ident).join(', ')}, ${action} AS segment_action FROM (${buildSegmentSummarySql(segments, options)})`;
}
