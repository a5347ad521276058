/**
 * Drill-down and export of a segment's customers (issue 4 "Drill-down", "Export") over the
 * materialised `rfm_customers` table: a page for the virtualised table, its row count, and the
 * export SELECT with the customers.csv columns. Sort columns come from a whitelist; search text
 * becomes an escaped ILIKE literal, so a config or a search box cannot inject SQL.
 */
import { ident, literal } from '../../sql/quote.ts';
import { OTHER_SEGMENT, SEGMENT_ID_PATTERN } from './rfm-config.ts';

/** The customers.csv columns (issue 4 "CLI"), in order. */
export const RFM_CUSTOMER_COLUMNS = [
  'customer_id',
  'recency_days',
  'frequency',
  'monetary',
  'r_score',
  'f_score',
  'm_score',
  'rfm_code',
  'segment',
  'segment_label',
] as const;

export const RFM_SORT_COLUMNS = [...RFM_CUSTOMER_COLUMNS, 'revenue', 'last_purchase_date'] as const;
export type RfmSortColumn = (typeof RFM_SORT_COLUMNS)[number];

export interface SegmentCustomersFilter {
  customers?: string;
  /** A segment id, `other`, or absent for every customer. */
  segment?: string;
  /** Case-insensitive substring of customer_id (literal text: % and _ match themselves). */
  search?: string;
}
export interface SegmentCustomersPage extends SegmentCustomersFilter {
  sort?: { column: RfmSortColumn; direction: 'asc' | 'desc' };
  limit: number;
  offset: number;
}

/** Escape LIKE wildcards so the text matches literally (ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereSql(f: SegmentCustomersFilter): string {
  const where: string[] = [];
  if (f.segment !== undefined) {
    if (f.segment !== OTHER_SEGMENT && !SEGMENT_ID_PATTERN.test(f.segment)) {
      throw new Error(`segment customers: bad segment id ${JSON.stringify(f.segment)}`);
    }
    where.push(`segment = ${literal(f.segment)}`);
  }
  const search = f.search?.trim();
  if (search) where.push(`customer_id ILIKE ${literal(`%${escapeLike(search)}%`)} ESCAPE '\\'`);
  return where.length ? ` WHERE ${where.join(' AND ')}` : '';
}

/**
 * One page of customers: the customers.csv columns plus revenue and last_purchase_date, sorted by
 * the whitelisted column (default monetary desc) then customer_id for a stable order.
 */
export function buildSegmentCustomersPageSql(page: SegmentCustomersPage): string {
  const sort = page.sort ?? { column: 'monetary', direction: 'desc' };
  if (!(RFM_SORT_COLUMNS as readonly string[]).includes(sort.column)) {
    throw new Error(`segment customers: cannot sort by ${JSON.stringify(sort.column)}`);
  }
  if (sort.direction !== 'asc' && sort.direction !== 'desc') {
    throw new Error(`segment customers: bad direction ${JSON.stringify(sort.direction)}`);
  }
  for (const [name, n] of [
    ['limit', page.limit],
    ['offset', page.offset],
  ] as const) {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`segment customers: bad ${name} ${n}`);
  }
  const order =
    sort.column === 'customer_id'
      ? `customer_id ${sort.direction.toUpperCase()}`
      : `${ident(sort.column)} ${sort.direction.toUpperCase()} NULLS LAST, customer_id ASC`;
  const cols = [...RFM_CUSTOMER_COLUMNS, 'revenue', 'last_purchase_date'].map(ident).join(', ');
  return `SELECT ${cols} FROM ${ident(page.customers ?? 'rfm_customers')}${whereSql(page)}
ORDER BY ${order} LIMIT ${literal(page.limit)} OFFSET ${literal(page.offset)}`;
}

/** One row: total (customers matching the filter), for the virtual table's height. */
export function buildSegmentCustomersCountSql(filter: SegmentCustomersFilter): string {
  return `SELECT count(*) AS total FROM ${ident(filter.customers ?? 'rfm_customers')}${whereSql(filter)}`;
}

/** Export rows: exactly the customers.csv columns, by customer_id (customer ids are never masked). */
export function buildSegmentExportSql(filter: SegmentCustomersFilter): string {
  return `SELECT ${RFM_CUSTOMER_COLUMNS.map(ident).join(', ')} FROM ${ident(filter.customers ?? 'rfm_customers')}${whereSql(filter)}
ORDER BY customer_id`;
}
