/**
 * One grouping of lines into orders that serves two purposes (issue 7): the granularity statistics
 * (granularity.ts, same numbers) and — when every order keeps one version (`line_sum`,
 * `repeated_total`, or no id on several rows) — the orders themselves. Before, the lines were grouped
 * once for the statistics and once more for the orders: the two most expensive statements.
 *
 * `<orders_clean>__base`, one row per order id (own or synthesised): first_row, last_row, line_count,
 * n_raw (lines with their own id), the statistics' inputs (n_amount, one_amount, first_has_amount,
 * lines_vary), each order-level value taken from its first line that has one, and for the money
 * roles both their sum and their first value (`sum_*`, `first_*`): the granularity picks later.
 */
import { ident } from '../../sql/quote.ts';
import {
  column,
  orderIdExpr,
  reasonCase,
  SQL_TYPES,
  ORDER_VALUE_TYPES,
  workTables,
  type CleaningPlan,
  type OrderRole,
} from './build-cleaning-sql.ts';
import { LINE_ROLES } from './granularity.ts';

const FIRST_ROLES = [
  'customer_id',
  'order_time',
  'paid_time',
  'category',
  'product',
  'channel',
  'payment_method',
  'status',
  'region',
  'store',
] as const satisfies readonly OrderRole[];

const dec = (x: string, scale = 2) => `CAST(${x} AS DECIMAL(18, ${scale}))`;
const nullOf = (role: OrderRole) => `CAST(NULL AS ${SQL_TYPES[ORDER_VALUE_TYPES[role]]})`;
const first = (x: string) => `arg_min(${x}, source_row) FILTER (WHERE ${x} IS NOT NULL)`;

/** CREATE `<prefix>_agg` from the rows (exact duplicates left out when they are dropped). */
export function buildOrderAggSql(plan: CleaningPlan): string {
  const t = workTables(plan);
  const has = (role: OrderRole) => column(plan, role) !== null;
  // customer_id and order_time are always read (the canonical table requires them).
  const firstOf = (role: OrderRole, x: string = role) =>
    has(role) || role === 'customer_id' || role === 'order_time' ? first(x) : nullOf(role);
  const line = has('unit_price') ? 'unit_price * coalesce(quantity, 1)' : null;
  const lineRoles = LINE_ROLES.filter((r) => has(r));
  const varies = lineRoles.length
    ? lineRoles.map((r) => `coalesce(min(${ident(r)}) <> max(${ident(r)}), FALSE)`).join(' OR ')
    : 'FALSE';
  const cols = [
    'min(source_row) AS first_row',
    'max(source_row) AS last_row',
    'count(*) AS line_count',
    'count(order_id_raw) AS n_raw',
    'count(amount) AS n_amount',
    'coalesce(min(amount) = max(amount), FALSE) AS one_amount',
    // The first line has an amount ⇔ the first line with one is the first line (integers only).
    'coalesce(min(source_row) FILTER (WHERE amount IS NOT NULL) = min(source_row), FALSE) AS first_has_amount',
    `${varies} AS lines_vary`,
    ...FIRST_ROLES.map((r) => `${firstOf(r)} AS ${r}`),
    `${has('status') ? first('status_norm') : 'CAST(NULL AS VARCHAR)'} AS status_norm`,
    'bool_or(time_text_present) AS time_text_present',
    `${has('amount') || line ? `sum(${line ? `coalesce(amount, ${line})` : 'amount'})` : 'CAST(NULL AS DECIMAL(18, 2))'} AS sum_gross`,
    `${firstOf('amount')} AS first_gross`,
    `${has('refund') ? 'sum(abs(refund))' : 'CAST(NULL AS DECIMAL(18, 2))'} AS sum_refund`,
    `${has('refund') ? `abs(${first('refund')})` : 'CAST(NULL AS DECIMAL(18, 2))'} AS first_refund`,
    `${has('quantity') ? 'sum(quantity)' : nullOf('quantity')} AS sum_quantity`,
    `${line ? `sum(${line})` : 'CAST(NULL AS DECIMAL(18, 2))'} AS sum_list`,
    `${has('discount') ? 'sum(discount)' : 'CAST(NULL AS DECIMAL(18, 2))'} AS sum_discount`,
    `${firstOf('discount')} AS first_discount`,
  ];
  return `CREATE OR REPLACE TABLE ${ident(t.agg)} AS
SELECT ${orderIdExpr(plan)} AS order_id, ${cols.join(',\n  ')}, CAST(NULL AS VARCHAR) AS reason
FROM ${ident(t.rows)} ${plan.cleaning.dropExactDuplicates ? 'WHERE NOT is_exact_dup' : ''}
GROUP BY 1`;
}

/**
 * The granularity statistics (granularity.ts GranularityStats, snake_case, plus row_like_ids) over
 * `<prefix>_agg`. Equal to buildGranularityStatsSql's as long as no id of the file looks like a
 * synthesised one (`row_like_ids` = 0); otherwise use that query.
 */
export function buildAggStatsSql(plan: CleaningPlan): string {
  const multi = 'n_raw > 0 AND line_count > 1';
  return `SELECT count(*) FILTER (WHERE n_raw > 0) AS orders,
  count(*) FILTER (WHERE n_raw > 0 AND starts_with(order_id, 'row-')) AS row_like_ids,
  count(*) FILTER (WHERE ${multi}) AS multi,
  coalesce(sum(line_count - 1) FILTER (WHERE ${multi}), 0) AS extra_rows,
  coalesce(sum(line_count - n_amount - CASE WHEN first_has_amount THEN 0 ELSE 1 END) FILTER (WHERE ${multi}), 0)
    AS extra_rows_without_amount,
  count(*) FILTER (WHERE ${multi} AND first_has_amount AND n_amount < line_count) AS first_row_only,
  count(*) FILTER (WHERE ${multi} AND n_amount = line_count AND one_amount) AS same_amount_every_row,
  count(*) FILTER (WHERE ${multi} AND lines_vary) AS lines_vary
FROM ${ident(workTables(plan).agg)}`;
}

/**
 * The orders from `<prefix>_agg` (plan.ordersFromAgg) without copying them (issue 7: at 10M lines
 * the copy was what ran out of memory): a view gives the order-level columns — line_sum adds up
 * the money of the lines, every other granularity reaching here has one version per order and takes
 * the first line's amount (a repeated total, or a single line) — and the few orders that are not
 * purchases get their reason written into the table.
 */
export function buildOrdersFromAggSql(plan: CleaningPlan): string[] {
  const t = workTables(plan);
  const sum = plan.granularity === 'line_sum';
  const values = {
    gross_amount: sum ? dec('sum_gross') : 'first_gross',
    refund_amount: sum ? dec('sum_refund') : 'first_refund',
    quantity: dec('sum_quantity', 3),
    version_rank: 'CAST(1 AS BIGINT)',
  };
  const reason = reasonCase(plan, values);
  return [
    `UPDATE ${ident(t.agg)} SET reason = ${reason} WHERE (${reason}) IS NOT NULL`,
    `CREATE OR REPLACE VIEW ${ident(t.orders)} AS
SELECT order_id, CAST(1 AS BIGINT) AS version, first_row, last_row, line_count,
  customer_id, order_time, paid_time,
  ${values.gross_amount} AS gross_amount,
  ${values.refund_amount} AS refund_amount,
  ${values.quantity} AS quantity,
  ${dec('sum_list')} AS list_amount,
  ${sum ? dec('sum_discount') : 'first_discount'} AS discount_amount,
  category, product, channel, payment_method, status, status_norm, region, store, time_text_present,
  ${values.version_rank} AS version_rank, reason
FROM ${ident(t.agg)}`,
  ];
}
