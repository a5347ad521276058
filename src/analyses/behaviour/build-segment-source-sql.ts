/**
 * Small queries the behaviour and lifecycle screens need around their builders (issue 6): which
 * tables exist (segments only once the RFM section has run), the segment ids and labels, and the
 * rows of a materialised table for display or export.
 */
import { ident, literal } from '../../sql/quote.ts';
import { RFM_CUSTOMERS } from '../../ingest/tables.ts';

/** The table the RFM section materialises: `(customer_id, segment, segment_label, …)`. */
export const SEGMENTS_TABLE = RFM_CUSTOMERS;

/** Columns: name — every user table and view in the main schema, sorted. */
export function buildListTablesSql(): string {
  return `SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal
UNION SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
ORDER BY name`;
}

/**
 * Segments of a segment table: segment (id), segment_label (first label seen for it, NULL when
 * the table has none), customers. Sorted by customers descending, then segment.
 */
export function buildSegmentLabelsSql(table: string = SEGMENTS_TABLE): string {
  return `SELECT segment::VARCHAR AS segment, min(segment_label)::VARCHAR AS segment_label, count(*) AS customers
FROM ${ident(table)}
WHERE segment IS NOT NULL
GROUP BY segment
ORDER BY customers DESC, segment`;
}

/** All columns of `table` in stored order, at most `limit` rows when given (views of large tables). */
export function buildTableRowsSql(table: string, limit?: number): string {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new Error(`table rows: bad limit ${limit}`);
  return `SELECT * FROM ${ident(table)}${limit === undefined ? '' : ` LIMIT ${literal(limit)}`}`;
}
