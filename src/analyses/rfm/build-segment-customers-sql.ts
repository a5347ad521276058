/**
 * Drill-down and export of a segment's customers (issue 4 "Drill-down", "Export") over the
 * materialised `rfm_customers` table: a page for the virtualised table, its row count, and the
 * export SELECT with the customers.csv columns. With `features` (the rfm_features table, issue 6) the
 * page and the export LEFT JOIN it and add RFM_FEATURE_COLUMNS after the RFM columns; no customer is
 * lost (features are NULL when absent). Sort columns come from a whitelist; search text becomes an
 * escaped ILIKE literal, so a config or a search box cannot inject SQL.
 */
import { ident, literal } from '../../sql/quote.ts';
import { RFM_FEATURE_COLUMNS, type RfmFeatureColumn } from './build-rfm-features-sql.ts';
import { OTHER_SEGMENT, SEGMENT_ID_PATTERN } from './rfm-config.ts';
import { CUSTOMERS_CLEAN, RFM_CUSTOMERS } from '../../ingest/tables.ts';
import { buildMaskSql } from '../../ingest/pii/mask-sql.ts';
import { aliveBandSql, purchaseBandSql } from '../clv/build-clv-sql.ts';

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

const RFM_PAGE_COLUMNS = [...RFM_CUSTOMER_COLUMNS, 'revenue', 'last_purchase_date'] as const;

/**
 * Issue 16: the CLV predictions joined to the customer list and its exports when the CLV models were
 * fit on the same purchases (PlanContext.clv): P(alive), expected purchases in the horizon, expected
 * spend per purchase, CLV, expected next purchase date (empty when P(alive) is below the threshold:
 * "unlikely"), and the P(alive) and expected-purchase bands.
 */
export const RFM_CLV_COLUMNS = [
  'p_alive',
  'expected_purchases',
  'expected_avg_value',
  'clv',
  'next_purchase_date',
  'alive_band',
  'purchase_band',
] as const;
export type RfmClvColumn = (typeof RFM_CLV_COLUMNS)[number];
const CLV_SORTABLE = ['p_alive', 'expected_purchases', 'expected_avg_value', 'clv'] as const;

export const RFM_SORT_COLUMNS = [...RFM_PAGE_COLUMNS, ...RFM_FEATURE_COLUMNS, ...CLV_SORTABLE] as const;
export type RfmSortColumn = (typeof RFM_SORT_COLUMNS)[number];

/**
 * The "high value at risk" quick view (issue 18), whatever the preset: customers in the lowest
 * recency scores and the highest money scores of their scales. With k levels: R ≤ 2 and M ≥ k − 1
 * when k ≥ 4 (value5: R ≤ 2, M ≥ 4); R = 1 and M = k on 2–3 levels (cn8's mean split: 重要挽留 and
 * 重要保持, the two "important" cells that stopped buying).
 */
export const HIGH_VALUE_AT_RISK = '@high_value_at_risk';

export interface ScoreBand {
  /** Highest R score included. */
  readonly maxR: number;
  /** Lowest M score included. */
  readonly minM: number;
}

export function highValueAtRiskBand(levels: { r: number; m: number }): ScoreBand {
  return { maxR: levels.r >= 4 ? 2 : 1, minM: levels.m >= 4 ? levels.m - 1 : levels.m };
}

export interface SegmentCustomersFilter {
  customers?: string;
  /** A segment id, `other`, HIGH_VALUE_AT_RISK (with `band`), or absent for every customer. */
  segment?: string;
  /** The score band of HIGH_VALUE_AT_RISK. */
  band?: ScoreBand;
  /** Case-insensitive substring of customer_id (literal text: % and _ match themselves). */
  search?: string;
  /** Only members of this saved customer group (customer_groups, src/analyses/groups). */
  group?: string;
}
export interface SegmentCustomersPage extends SegmentCustomersFilter {
  sort?: { column: RfmSortColumn; direction: 'asc' | 'desc' };
  limit: number;
  offset: number;
  /** Features table (rfm_features) to join; absent = RFM columns only. */
  features?: string;
  /** CLV predictions table (issue 16) to join: RFM_CLV_COLUMNS last; absent = none. */
  clv?: string;
}
export interface SegmentExportFilter extends SegmentCustomersFilter {
  /** Features table (rfm_features) to join; absent = exactly the customers.csv columns. */
  features?: string;
  /**
   * The segments' recommended actions (issue 18), in the export's language: a `segment_action`
   * column after segment_label. Absent = no such column (the CLI's customers.csv).
   */
  actions?: readonly { id: string; action: string }[];
  /**
   * Contact columns from the cleaned customer file (issue 18): contact_name, phone, email by
   * customer_id (LEFT JOIN: a customer without a profile keeps empty cells). `mask` (the default the
   * UI keeps unless the user reveals them for this export) masks them as the set-aside rows are.
   */
  contacts?: { table?: string; mask: boolean };
  /** CLV predictions table (issue 16) to join: RFM_CLV_COLUMNS last (rounded as in clv.csv). */
  clv?: string;
}

/** The contact columns of a customer export (issue 18), in order: customers_clean column → export name. */
export const CONTACT_COLUMNS = [
  ['name', 'contact_name'],
  ['phone', 'phone'],
  ['email', 'email'],
] as const;

/** `CASE segment WHEN 'id' THEN 'action' … END AS segment_action` (empty text: no action written). */
function segmentActionSql(actions: readonly { id: string; action: string }[], alias: string): string {
  const whens = actions
    .filter((a) => a.action.trim() !== '')
    .map((a) => `WHEN ${literal(a.id)} THEN ${literal(a.action)}`);
  return whens.length
    ? `CASE ${alias}segment ${whens.join(' ')} ELSE NULL END AS segment_action`
    : `CAST(NULL AS VARCHAR) AS segment_action`;
}

/** Escape LIKE wildcards so the text matches literally (ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereSql(f: SegmentCustomersFilter, alias = ''): string {
  const where: string[] = [];
  if (f.segment === HIGH_VALUE_AT_RISK) {
    const { maxR, minM } = f.band ?? { maxR: NaN, minM: NaN };
    if (!Number.isInteger(maxR) || !Number.isInteger(minM))
      throw new Error('segment customers: bad score band');
    where.push(`${alias}r_score <= ${maxR} AND ${alias}m_score >= ${minM}`);
  } else if (f.segment !== undefined) {
    if (f.segment !== OTHER_SEGMENT && !SEGMENT_ID_PATTERN.test(f.segment)) {
      throw new Error(`segment customers: bad segment id ${JSON.stringify(f.segment)}`);
    }
    where.push(`${alias}segment = ${literal(f.segment)}`);
  }
  if (f.group !== undefined)
    where.push(
      `${alias}customer_id IN (SELECT customer_id FROM ${ident('customer_groups')} WHERE group_id = ${literal(f.group)})`,
    );
  const search = f.search?.trim();
  if (search) where.push(`${alias}customer_id ILIKE ${literal(`%${escapeLike(search)}%`)} ESCAPE '\\'`);
  return where.length ? ` WHERE ${where.join(' AND ')}` : '';
}

const isFeature = (column: string): column is RfmFeatureColumn =>
  (RFM_FEATURE_COLUMNS as readonly string[]).includes(column);
const isClv = (column: string) => (CLV_SORTABLE as readonly string[]).includes(column);

/**
 * `FROM customers c LEFT JOIN features f [LEFT JOIN clv k]`: one row per customer of `customers`,
 * whatever the other tables hold (a customer the CLV fit left out, e.g. first seen after its
 * calibration end, has empty CLV columns).
 */
function joinedFromSql(customers: string | undefined, features: string | undefined, clv?: string): string {
  return (
    `FROM ${ident(customers ?? RFM_CUSTOMERS)} c` +
    (features !== undefined ? ` LEFT JOIN ${ident(features)} f ON f.customer_id = c.customer_id` : '') +
    (clv !== undefined ? ` LEFT JOIN ${ident(clv)} k ON k.customer_id = c.customer_id` : '')
  );
}

/** The CLV columns as listed (`exported`: rounded as in clv.csv). */
function clvColumnsSql(exported: boolean): string[] {
  const r = (c: string, digits: number) =>
    exported ? `round(k.${ident(c)}, ${digits}) AS ${ident(c)}` : `k.${ident(c)}`;
  return [
    r('p_alive', 4),
    r('expected_purchases', 4),
    r('expected_avg_value', 2),
    r('clv', 2),
    `strftime(k.next_purchase_date, '%Y-%m-%d') AS next_purchase_date`,
    `${aliveBandSql('k.p_alive')} AS alive_band`,
    `${purchaseBandSql('k.expected_purchases')} AS purchase_band`,
  ];
}

/**
 * One page of customers: the customers.csv columns plus revenue and last_purchase_date (then, with
 * `features`, RFM_FEATURE_COLUMNS as stored), sorted by the whitelisted column (default monetary
 * desc; NULLs last) then customer_id for a stable order.
 */
export function buildSegmentCustomersPageSql(page: SegmentCustomersPage): string {
  const sort = page.sort ?? { column: 'monetary', direction: 'desc' };
  if (!(RFM_SORT_COLUMNS as readonly string[]).includes(sort.column)) {
    throw new Error(`segment customers: cannot sort by ${JSON.stringify(sort.column)}`);
  }
  if (isFeature(sort.column) && page.features === undefined) {
    throw new Error(`segment customers: sorting by ${sort.column} needs the features table`);
  }
  if (isClv(sort.column) && page.clv === undefined) {
    throw new Error(`segment customers: sorting by ${sort.column} needs the CLV table`);
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
  const limit = `LIMIT ${literal(page.limit)} OFFSET ${literal(page.offset)}`;
  const dir = sort.direction.toUpperCase();
  if (page.features === undefined && page.clv === undefined) {
    const order =
      sort.column === 'customer_id'
        ? `customer_id ${dir}`
        : `${ident(sort.column)} ${dir} NULLS LAST, customer_id ASC`;
    return `SELECT ${RFM_PAGE_COLUMNS.map(ident).join(', ')} FROM ${ident(page.customers ?? RFM_CUSTOMERS)}${whereSql(page)}
ORDER BY ${order} ${limit}`;
  }
  const key = `${isFeature(sort.column) ? 'f' : isClv(sort.column) ? 'k' : 'c'}.${ident(sort.column)}`;
  const order =
    sort.column === 'customer_id' ? `c.customer_id ${dir}` : `${key} ${dir} NULLS LAST, c.customer_id ASC`;
  const cols = [
    ...RFM_PAGE_COLUMNS.map((c) => `c.${ident(c)}`),
    ...(page.features !== undefined ? RFM_FEATURE_COLUMNS.map((c) => `f.${ident(c)}`) : []),
    ...(page.clv !== undefined ? clvColumnsSql(false) : []),
  ];
  return `SELECT ${cols.join(', ')} ${joinedFromSql(page.customers, page.features, page.clv)}${whereSql(page, 'c.')}
ORDER BY ${order} ${limit}`;
}

/** One row: total (customers matching the filter), for the virtual table's height. */
export function buildSegmentCustomersCountSql(filter: SegmentCustomersFilter): string {
  return `SELECT count(*) AS total FROM ${ident(filter.customers ?? RFM_CUSTOMERS)}${whereSql(filter)}`;
}

/** A feature column as exported: day counts to 2 decimals, rates and shares to 4. */
function exportedFeatureSql(column: RfmFeatureColumn): string {
  const c = `f.${ident(column)}`;
  if (column === 'avg_interval_days' || column === 'median_interval_days')
    return `round(${c}, 2) AS ${ident(column)}`;
  if (column === 'avg_discount_rate' || column === 'promo_order_share')
    return `round(${c}, 4) AS ${ident(column)}`;
  return c;
}

/**
 * Export rows by customer_id (customer ids are never masked): exactly the customers.csv columns
 * (RFM_CUSTOMER_COLUMNS), then with `features` RFM_FEATURE_COLUMNS (intervals rounded to 2
 * decimals, rates to 4). With `actions` a segment_action column follows segment_label; with
 * `contacts` the contact columns (CONTACT_COLUMNS, masked unless `mask` is false) follow, before the
 * features; then with `clv` RFM_CLV_COLUMNS. No other personal data is exported.
 */
export function buildSegmentExportSql(filter: SegmentExportFilter): string {
  if (
    filter.features === undefined &&
    filter.actions === undefined &&
    filter.contacts === undefined &&
    filter.clv === undefined
  ) {
    return `SELECT ${RFM_CUSTOMER_COLUMNS.map(ident).join(', ')} FROM ${ident(filter.customers ?? RFM_CUSTOMERS)}${whereSql(filter)}
ORDER BY customer_id`;
  }
  const cols = RFM_CUSTOMER_COLUMNS.map((c) => `c.${ident(c)}`);
  if (filter.actions !== undefined) cols.push(segmentActionSql(filter.actions, 'c.'));
  const contacts = filter.contacts;
  if (contacts !== undefined) {
    for (const [source, name] of CONTACT_COLUMNS) {
      const expr = `ct.${ident(source)}`;
      const kind = source === 'name' ? 'name' : source;
      cols.push(`${contacts.mask ? buildMaskSql(kind, expr) : `CAST(${expr} AS VARCHAR)`} AS ${ident(name)}`);
    }
  }
  if (filter.features !== undefined) cols.push(...RFM_FEATURE_COLUMNS.map(exportedFeatureSql));
  if (filter.clv !== undefined) cols.push(...clvColumnsSql(true));
  const join =
    contacts !== undefined
      ? ` LEFT JOIN ${ident(contacts.table ?? CUSTOMERS_CLEAN)} ct ON ct.customer_id = c.customer_id`
      : '';
  return `SELECT ${cols.join(', ')} ${joinedFromSql(filter.customers, filter.features, filter.clv)}${join}${whereSql(filter, 'c.')}
ORDER BY c.customer_id`;
}
