/**
 * Queries on the CLV predictions table (issue 16) written by the engine after the fit
 * (src/engine/run-compute.ts): the customer list, the P(alive) × expected-purchase bands, the "likely
 * churned but valuable" list and clv.csv. Columns of the table: customer_id, x, t_x, T,
 * monetary_value, p_alive, expected_purchases, expected_avg_value, clv, next_purchase_date, x_star.
 */
import { ident, literal } from '../../sql/quote.ts';

/** P(alive) bands, highest first: [key, lower bound]. */
export const ALIVE_BANDS = [
  ['likely_active', 0.8],
  ['at_risk', 0.5],
  ['lapsing', 0.2],
  ['likely_churned', 0],
] as const;
export type AliveBand = (typeof ALIVE_BANDS)[number][0];

/** Expected purchases in the horizon: [key, lower bound]. */
export const PURCHASE_BANDS = [
  ['two_plus', 2],
  ['one', 1],
  ['some', 0.2],
  ['unlikely', 0],
] as const;
export type PurchaseBand = (typeof PURCHASE_BANDS)[number][0];

function bandSql(column: string, bands: readonly (readonly [string, number])[]): string {
  const cases = bands.map(([key, lo]) => `WHEN ${column} >= ${lo} THEN ${literal(key)}`).join(' ');
  return `CASE WHEN ${column} IS NULL THEN NULL ${cases} END`;
}

export const aliveBandSql = (column = 'p_alive') => bandSql(column, ALIVE_BANDS);
export const purchaseBandSql = (column = 'expected_purchases') => bandSql(column, PURCHASE_BANDS);

/** P(alive) band × expected-purchase band: customers, sum and mean CLV, mean P(alive). */
export function buildClvBandsSql(table: string): string {
  return `SELECT ${aliveBandSql()} AS alive_band, ${purchaseBandSql()} AS purchase_band,
    count(*)::INTEGER AS customers, sum(clv)::DOUBLE AS clv_total, avg(clv)::DOUBLE AS clv_mean,
    avg(p_alive)::DOUBLE AS p_alive_mean, sum(expected_purchases)::DOUBLE AS expected_purchases
  FROM ${ident(table)} WHERE p_alive IS NOT NULL GROUP BY ALL ORDER BY ALL`;
}

export type ClvSortColumn = 'clv' | 'p_alive' | 'expected_purchases' | 'x' | 'monetary_value';
export const CLV_SORT_COLUMNS: readonly ClvSortColumn[] = [
  'clv',
  'p_alive',
  'expected_purchases',
  'x',
  'monetary_value',
];

export interface ClvListOptions {
  table: string;
  search: string;
  sort: { column: ClvSortColumn; direction: 'asc' | 'desc' };
  limit: number;
  /** Only "likely churned but valuable" customers (see buildChurnedValuableFilter). */
  churnedValuable?: boolean;
}

/** "Likely churned": P(alive) below this. */
export const CHURNED_ALIVE_BELOW = 0.5;
/** "Valuable": past repeat value in this top share of the customers with repeat purchases. */
export const VALUABLE_TOP_SHARE = 0.2;

/**
 * "Likely churned but valuable": P(alive) below 0.5 and past value (first purchase excluded:
 * x × mean repeat value) in the top fifth of the customers with repeat purchases.
 */
export function churnedValuableWhere(table: string): string {
  return `p_alive < ${CHURNED_ALIVE_BELOW} AND x > 0 AND x * monetary_value >= (SELECT quantile_cont(x * monetary_value, ${1 - VALUABLE_TOP_SHARE}) FROM ${ident(table)} WHERE x > 0)`;
}

function listWhere(o: ClvListOptions): string {
  const where = ['TRUE'];
  if (o.search !== '') where.push(`contains(lower(customer_id), ${literal(o.search.toLowerCase())})`);
  if (o.churnedValuable) where.push(churnedValuableWhere(o.table));
  return where.join(' AND ');
}

/** The list's rows (the table's columns plus alive_band and past_value), sorted, NULLs last. */
export function buildClvListSql(o: ClvListOptions): string {
  if (!CLV_SORT_COLUMNS.includes(o.sort.column)) throw new Error(`unknown sort column ${o.sort.column}`);
  const dir = o.sort.direction === 'asc' ? 'ASC' : 'DESC';
  return `SELECT customer_id, x, t_x, "T", monetary_value, p_alive, expected_purchases, expected_avg_value, clv,
    strftime(next_purchase_date, '%Y-%m-%d') AS next_purchase_date, ${aliveBandSql()} AS alive_band,
    (x * monetary_value)::DOUBLE AS past_value
  FROM ${ident(o.table)} WHERE ${listWhere(o)}
  ORDER BY ${ident(o.sort.column)} ${dir} NULLS LAST, customer_id LIMIT ${Math.max(0, Math.floor(o.limit))}`;
}

export function buildClvCountSql(o: ClvListOptions): string {
  return `SELECT count(*)::INTEGER AS total FROM ${ident(o.table)} WHERE ${listWhere(o)}`;
}

/**
 * clv.csv (the issue's columns, in order): customer_id, x, t_x, T, monetary_value, p_alive,
 * expected_purchases, expected_avg_value, clv, next_purchase_date (empty = unlikely). Sorted by CLV.
 */
export function buildClvCsvSql(table: string, churnedValuable = false): string {
  return `SELECT customer_id, x, round(t_x, 4) AS t_x, round("T", 4) AS "T", round(monetary_value, 2) AS monetary_value,
    round(p_alive, 4) AS p_alive, round(expected_purchases, 4) AS expected_purchases,
    round(expected_avg_value, 2) AS expected_avg_value, round(clv, 2) AS clv, next_purchase_date
  FROM ${ident(table)}${churnedValuable ? ` WHERE ${churnedValuableWhere(table)}` : ''}
  ORDER BY clv DESC NULLS LAST, customer_id`;
}
