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
  numberIssues,
  orderIdExpr,
  reasonCase,
  SQL_TYPES,
  ORDER_VALUE_TYPES,
  ROW_ROLES,
  workTables,
  type CleaningPlan,
  type OrderRole,
} from './cleaning-plan.ts';
import { LINE_ROLES } from './granularity.ts';

/**
 * Order-level values taken from an order's first line that has one: every role but the order id (the
 * grouping key) and the amounts and quantities (summed or taken once by the granularity).
 */
const FIRST_ROLES = ROW_ROLES.filter(
  (r) => r !== 'order_id' && ORDER_VALUE_TYPES[r] !== 'amount' && ORDER_VALUE_TYPES[r] !== 'number',
);

/** Columns of the aggregate table read only by buildAggStatsSql. */
const STATS_COLUMNS = ['n_raw', 'n_amount', 'one_amount', 'first_has_amount', 'lines_vary'] as const;

const dec = (x: string, scale = 2) => `CAST(${x} AS DECIMAL(18, ${scale}))`;
const nullOf = (role: OrderRole) => `CAST(NULL AS ${SQL_TYPES[ORDER_VALUE_TYPES[role]]})`;

/**
 * The stored columns of `<orders_clean>__base` beyond the fixed ones, by name → SQL: aggregates
 * over an order's lines, or (`single`) the same value for an order of one line. Only mapped roles
 * are stored (issue 7: at 10M lines every all-NULL column still cost ~120 MB).
 */
function storedColumns(plan: CleaningPlan, single: boolean): Record<string, string> {
  const has = (role: OrderRole) => column(plan, role) !== null;
  const first = (x: string) => (single ? x : `arg_min(${x}, source_row) FILTER (WHERE ${x} IS NOT NULL)`);
  const sum = (x: string) => (single ? x : `sum(${x})`);
  const line = has('unit_price') ? 'unit_price * coalesce(quantity, 1)' : null;
  const out: Record<string, string> = {};
  for (const r of FIRST_ROLES) if (has(r) || r === 'customer_id' || r === 'order_time') out[r] = first(r);
  if (has('status')) out.status_norm = first('status_norm');
  if (numberIssues(plan)) out.num_issue = single ? 'num_issue' : 'min(num_issue)';
  if (has('amount') || line) out.sum_gross = dec(sum(line ? `coalesce(amount, ${line})` : 'amount'));
  if (has('amount')) out.first_gross = first('amount');
  if (has('refund')) {
    out.sum_refund = dec(sum('abs(refund)'));
    out.first_refund = `abs(${first('refund')})`;
  }
  if (has('quantity')) out.sum_quantity = dec(sum('quantity'), 3);
  if (line) out.sum_list = dec(sum(line));
  if (has('discount')) {
    out.sum_discount = dec(sum('discount'));
    out.first_discount = first('discount');
  }
  return out;
}

/**
 * CREATE `<orders_clean>__base` from the rows (exact duplicates left out when they are dropped), in
 * three steps so that only orders of several lines are grouped (issue 7: grouping every order held
 * a state per order and ran out of memory at 10M lines): the ids on several lines, those orders
 * grouped, then every other line inserted as its own order.
 */
export function buildOrderAggSql(plan: CleaningPlan): string[] {
  const t = workTables(plan);
  const notDup = plan.cleaning.dropExactDuplicates ? 'NOT is_exact_dup' : 'TRUE';
  const lineRoles = LINE_ROLES.filter((r) => column(plan, r) !== null);
  const varies = lineRoles.length
    ? lineRoles.map((r) => `coalesce(min(${ident(r)}) <> max(${ident(r)}), FALSE)`).join(' OR ')
    : 'FALSE';
  const stored = (single: boolean) =>
    Object.entries(storedColumns(plan, single)).map(([name, x]) => `${x} AS ${ident(name)}`);
  const grouped = [
    'min(source_row) AS first_row',
    'max(source_row) AS last_row',
    'count(*) AS line_count',
    'count(order_id_raw) AS n_raw',
    'count(amount) AS n_amount',
    'coalesce(min(amount) = max(amount), FALSE) AS one_amount',
    // The first line has an amount ⇔ the first line with one is the first line (integers only).
    'coalesce(min(source_row) FILTER (WHERE amount IS NOT NULL) = min(source_row), FALSE) AS first_has_amount',
    `${varies} AS lines_vary`,
    'bool_or(time_text_present) AS time_text_present',
    // Issue 12, item 4: lines of one order naming different customers set the order aside.
    'count(DISTINCT customer_id) AS customer_count',
    ...stored(false),
  ];
  const oneLine = [
    'source_row AS first_row',
    'source_row AS last_row',
    'CAST(1 AS BIGINT) AS line_count',
    'CAST(order_id_raw IS NOT NULL AS BIGINT) AS n_raw',
    'CAST(amount IS NOT NULL AS BIGINT) AS n_amount',
    'amount IS NOT NULL AS one_amount',
    'amount IS NOT NULL AS first_has_amount',
    'FALSE AS lines_vary',
    'time_text_present',
    'CAST(1 AS BIGINT) AS customer_count',
    ...stored(true),
  ];
  const multi = `SELECT order_id_raw FROM ${ident(t.multiIds)}`;
  return [
    `CREATE OR REPLACE TEMP TABLE ${ident(t.multiIds)} AS
SELECT order_id_raw FROM ${ident(t.rows)} WHERE ${notDup} AND order_id_raw IS NOT NULL
GROUP BY 1 HAVING count(*) > 1`,
    `CREATE OR REPLACE TABLE ${ident(t.agg)} AS
SELECT order_id_raw AS order_id, ${grouped.join(',\n  ')}, CAST(NULL AS VARCHAR) AS reason
FROM ${ident(t.rows)} WHERE ${notDup} AND order_id_raw IN (${multi})
GROUP BY 1`,
    `INSERT INTO ${ident(t.agg)} BY NAME
SELECT ${orderIdExpr(plan)} AS order_id, ${oneLine.join(',\n  ')}
FROM ${ident(t.rows)} WHERE ${notDup} AND (order_id_raw IS NULL OR order_id_raw NOT IN (${multi}))`,
    `DROP TABLE IF EXISTS ${ident(t.multiIds)}`,
  ];
}

/**
 * The granularity statistics (granularity.ts GranularityStats, snake_case, plus row_like_ids) over
 * the aggregate table. Equal to buildGranularityStatsSql's as long as no id of the file looks like
 * a synthesised one (`row_like_ids` = 0); otherwise use that query.
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
 * The orders from the aggregate table (plan.ordersFromAgg) without copying them (issue 7: at 10M
 * lines the copy ran out of memory): a view gives the order-level columns — line_sum adds up the
 * money of the lines, every other granularity reaching here has one version per order and takes
 * the first line's amount (a repeated total, or a single line) — and the few orders that are not
 * purchases get their reason written into the table.
 */
export function buildOrdersFromAggSql(plan: CleaningPlan): string[] {
  const t = workTables(plan);
  const stored = storedColumns(plan, false);
  const sum = plan.granularity === 'line_sum';
  const pick = (name: string, fallback: string) => (name in stored ? ident(name) : fallback);
  const nullDec = 'CAST(NULL AS DECIMAL(18, 2))';
  const values: Record<string, string> = {
    customer_id: 'customer_id',
    order_time: 'order_time',
    ...Object.fromEntries(
      FIRST_ROLES.filter((r) => r !== 'customer_id' && r !== 'order_time').map((r) => [
        r,
        pick(r, nullOf(r)),
      ]),
    ),
    status_norm: pick('status_norm', 'CAST(NULL AS VARCHAR)'),
    gross_amount: sum ? pick('sum_gross', nullDec) : pick('first_gross', nullDec),
    refund_amount: sum ? pick('sum_refund', nullDec) : pick('first_refund', nullDec),
    quantity: pick('sum_quantity', nullOf('quantity')),
    list_amount: pick('sum_list', nullDec),
    discount_amount: sum ? pick('sum_discount', nullDec) : pick('first_discount', nullDec),
    version_rank: 'CAST(1 AS BIGINT)',
    num_issue: pick('num_issue', 'CAST(NULL AS INTEGER)'),
    customer_count: 'customer_count',
  };
  const reason = reasonCase(plan, values);
  const order = [
    'customer_id',
    'order_time',
    'paid_time',
    'gross_amount',
    'refund_amount',
    'quantity',
    'list_amount',
    'discount_amount',
    'category',
    'product',
    'channel',
    'payment_method',
    'status',
    'status_norm',
    'region',
    'store',
  ];
  // Columns only the statistics or the other granularity read: dropping one frees its memory (10M).
  const other = sum
    ? ['first_gross', 'first_refund', 'first_discount']
    : ['sum_gross', 'sum_refund', 'sum_discount'];
  const unused = [...STATS_COLUMNS, ...other.filter((name) => name in stored)];
  return [
    ...unused.map((name) => `ALTER TABLE ${ident(t.agg)} DROP COLUMN ${ident(name)}`),
    `UPDATE ${ident(t.agg)} SET reason = ${reason} WHERE (${reason}) IS NOT NULL`,
    `CREATE OR REPLACE VIEW ${ident(t.orders)} AS
SELECT order_id, CAST(1 AS BIGINT) AS version, first_row, last_row, line_count,
  ${order.map((name) => `${values[name]} AS ${ident(name)}`).join(',\n  ')},
  time_text_present, ${values.version_rank} AS version_rank, reason
FROM ${ident(t.agg)}`,
  ];
}
