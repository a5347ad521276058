/**
 * Cleaning an orders source into the canonical `orders_clean` view, the `purchases` view and the
 * `set_aside` table (src/ingest/canonical.ts). Pure builders; src/engine/clean-source.ts runs them.
 * The plan and the shared expressions are in cleaning-plan.ts; grouping lines into orders in one
 * pass is order-agg.ts.
 *
 * Work tables (temporary, named from `prefix`):
 *   <prefix>_dups    source_row of every exact duplicate (a later copy of an identical source row)
 *   <prefix>_rows    one row per source row: source_row, repaired role values, status_norm, is_exact_dup
 *                    (a view when every mapped value is typed or known clean)
 *   <prefix>_lines   rows that take part in orders, with order_id (synthesised when missing) and version
 *                    (a view when every order has one version: nothing to materialise)
 *   <prefix>_reasons source rows and their reason: every row, NULL when used; only the rows with a
 *                    reason when the orders come from order-agg.ts
 * Kept with the outputs: `<orders_clean>__base`, one row per order version with its `reason` (NULL =
 * purchase), and with order-agg.ts the view `<orders_clean>__orders` over it.
 *
 * Every source row gets exactly one fate: the reason of the first rule that applies (report.ts
 * REASON_CODES order), or none. Rows of an order share its fate. Keys (customer id, order time) are
 * required by the canonical table, so rows without them are always set aside.
 */
import { ident, str } from '../../sql/quote.ts';
import {
  repairBindings,
  repairConditions,
  repairExpr,
  type RepairKind,
  type SourceColumn,
} from '../repair/repair-exprs.ts';
import { buildStatusCaseSql } from './status-rules.ts';
import { CREDIT_NOTE, NOT_PURCHASE_REASONS } from './report.ts';
import { buildOrdersFromAggSql } from './order-agg.ts';
import {
  column,
  exprOptions,
  numberIssues,
  orderIdExpr,
  ordersNetViewName,
  ORDER_VALUE_TYPES,
  reasonCase,
  returnsViewName,
  ROW_ROLES,
  SQL_TYPES,
  timeTextPresent,
  valueExpr,
  workTables,
  type CleaningPlan,
  type OrderRole,
} from './cleaning-plan.ts';

export {
  cleaningOutputRelations,
  ORDER_VALUE_TYPES,
  workTables,
  type CleaningPlan,
  type CleaningTables,
  type OrderRole,
} from './cleaning-plan.ts';

/**
 * CREATE `<prefix>_dups`: the source rows identical to an earlier row. Rows are first grouped by a
 * hash of every column (cheap); only rows whose hash repeats are compared exactly (issue 7: the
 * window over every column used to cost more than the rest of the row pass).
 */
export function buildExactDupsSql(plan: CleaningPlan): string {
  const t = workTables(plan);
  const src = ident(plan.source.table);
  const all = plan.source.columns.map((c) => ident(c.name)).join(', ');
  return `CREATE OR REPLACE TEMP TABLE ${ident(t.dups)} AS
WITH __cl_h AS (SELECT hash(${all}) AS h FROM ${src} GROUP BY h HAVING count(*) > 1)
SELECT source_row FROM (
  SELECT rowid + 1 AS source_row, row_number() OVER (PARTITION BY ${all} ORDER BY rowid) AS rn
  FROM ${src} WHERE hash(${all}) IN (SELECT h FROM __cl_h))
WHERE rn > 1`;
}

function exactDupExpr(plan: CleaningPlan, sourceRow: string): string {
  if (plan.exactDups === 0) return 'FALSE';
  return `${sourceRow} IN (SELECT source_row FROM ${ident(workTables(plan).dups)})`;
}

/** CREATE the `<prefix>_rows` table (see the module comment). */
export function buildRowsSql(plan: CleaningPlan): string[] {
  const t = workTables(plan);
  const src = ident(plan.source.table);
  const values = ROW_ROLES.map((role) => {
    const alias = role === 'order_id' ? 'order_id_raw' : role === 'order_time' ? 'order_time_raw' : role;
    return `${valueExpr(plan, role)} AS ${ident(alias)}`;
  });
  const timeCols = (['order_time', 'paid_time'] as const)
    .map((r) => column(plan, r))
    .filter((c) => c !== null);
  const timeText = timeCols.length ? timeCols.map((c) => timeTextPresent(plan, c)).join(' OR ') : 'FALSE';
  const statusCol = column(plan, 'status');
  const overrides = plan.cleaning.statusRules.overrides;
  // num_issue (cleaning-plan.ts numberIssues) reads the repaired values and their source columns.
  const issues = numberIssues(plan);
  values.push(...(issues?.raws ?? []).map(([alias, raw]) => `${raw} AS ${ident(alias)}`));
  const all = issues
    ? `* EXCLUDE (${issues.raws.map(([alias]) => ident(alias)).join(', ')}), ${issues.issue} AS num_issue`
    : '*, CAST(NULL AS INTEGER) AS num_issue';
  if (statusCol && plan.clean) {
    // Fast path (issue 7): a status column holds few distinct values; normalise each once and join.
    const raw = ident(statusCol.name);
    return [
      `CREATE OR REPLACE TEMP TABLE ${ident(t.rows)} AS
SELECT ${all}, coalesce(order_time_raw, paid_time) AS order_time
FROM (
  SELECT __cl_src.rowid + 1 AS source_row, ${values.join(',\n    ')},
    (${timeText}) AS time_text_present,
    ${exactDupExpr(plan, '__cl_src.rowid + 1')} AS is_exact_dup,
    __cl_st.__cl_st_norm AS status_norm
  FROM ${src} AS __cl_src LEFT JOIN (
    SELECT ${raw} AS __cl_st_raw, ${buildStatusCaseSql(valueExpr(plan, 'status'), overrides)} AS __cl_st_norm
    FROM (SELECT DISTINCT ${raw} FROM ${src})) AS __cl_st
  ON __cl_src.${raw} IS NOT DISTINCT FROM __cl_st.__cl_st_raw) AS typed`,
    ];
  }
  return [
    `CREATE OR REPLACE TEMP ${t.rows === t.rowsView ? 'VIEW' : 'TABLE'} ${ident(t.rows)} AS
SELECT ${all}, ${statusCol ? buildStatusCaseSql('status', overrides) : 'CAST(NULL AS VARCHAR)'} AS status_norm,
  coalesce(order_time_raw, paid_time) AS order_time
FROM (
  SELECT rowid + 1 AS source_row, ${values.join(',\n    ')},
    (${timeText}) AS time_text_present,
    ${exactDupExpr(plan, 'rowid + 1')} AS is_exact_dup
  FROM ${src}) AS typed`,
  ];
}

/**
 * Expressions aggregating lines into one order version, by granularity. With `single` every group
 * is one line: each aggregate is its value (sum / first / bool_or of one value), same types.
 */
function orderAggregates(plan: CleaningPlan, single: boolean): string[] {
  const has = (role: OrderRole) => column(plan, role) !== null;
  // An unmapped role is NULL on every line, so is its aggregate: skip the work (issue 7).
  const none = (role: OrderRole) => `CAST(NULL AS ${SQL_TYPES[ORDER_VALUE_TYPES[role]]})`;
  const first = (x: string) => (single ? x : `arg_min(${x}, source_row) FILTER (WHERE ${x} IS NOT NULL)`);
  const firstOf = (role: OrderRole, x: string = role) => (has(role) ? first(x) : none(role));
  const sum = (x: string) => (single ? x : `sum(${x})`);
  const lineSum = plan.granularity === 'line_sum';
  const perRow = plan.granularity === 'order_rows';
  const dec = (x: string) => `CAST(${x} AS DECIMAL(18, 2))`;
  const hasPrice = has('unit_price');
  const line = `unit_price * coalesce(quantity, 1)`;
  const nullDec = 'CAST(NULL AS DECIMAL(18, 2))';
  return [
    `${first('customer_id')} AS customer_id`,
    `${first('order_time')} AS order_time`,
    `${firstOf('paid_time')} AS paid_time`,
    `${lineSum ? dec(sum(hasPrice ? `coalesce(amount, ${line})` : 'amount')) : firstOf('amount')} AS gross_amount`,
    `${!has('refund') ? nullDec : lineSum ? dec(sum('abs(refund)')) : `abs(${first('refund')})`} AS refund_amount`,
    `${!has('quantity') ? none('quantity') : perRow ? first('quantity') : `CAST(${sum('quantity')} AS DECIMAL(18, 3))`} AS quantity`,
    `${hasPrice ? dec(perRow ? first(line) : sum(line)) : nullDec} AS list_amount`,
    `${!has('discount') ? nullDec : lineSum ? dec(sum('discount')) : first('discount')} AS discount_amount`,
    ...(['category', 'product', 'channel', 'payment_method', 'status'] as const).map(
      (c) => `${firstOf(c)} AS ${c}`,
    ),
    `${firstOf('status', 'status_norm')} AS status_norm`,
    ...(['region', 'store', 'currency'] as const).map((c) => `${firstOf(c)} AS ${c}`),
    `${single ? 'time_text_present' : 'bool_or(time_text_present)'} AS time_text_present`,
    `${single ? 'num_issue' : 'min(num_issue)'} AS num_issue`,
    // Issue 12, item 4: lines of one order naming different customers set the order aside.
    `${single ? 'CAST(1 AS BIGINT)' : 'count(DISTINCT customer_id)'} AS customer_count`,
  ];
}

/** Column aliases for set_aside: the source's names, renamed when they clash with ours. */
export function setAsideAliases(columns: readonly SourceColumn[]): string[] {
  const taken = new Set(['source_row', 'reason']);
  return columns.map((c) => {
    let alias = c.name;
    for (let i = 2; taken.has(alias.toLowerCase()); i++) alias = `${c.name}_${i}`;
    taken.add(alias.toLowerCase());
    return alias;
  });
}

/** CREATE lines, orders, reasons, then the outputs: orders_clean, purchases (view), set_aside. */
export function buildOrdersSql(plan: CleaningPlan): string[] {
  const t = workTables(plan);
  const c = plan.cleaning;
  const single = plan.singleRowOrders === true;
  // One version per order id: every rank is 1, and lines need no window, so they stay a view.
  const fromAgg = plan.ordersFromAgg === true;
  const constantVersion =
    single || fromAgg || plan.granularity === 'line_sum' || plan.granularity === 'repeated_total';
  const lines = ident(constantVersion ? t.linesView : t.lines);
  const dropDups = c.dropExactDuplicates;
  const rankSql = `row_number() OVER (PARTITION BY order_id
    ORDER BY paid_time DESC NULLS LAST, order_time DESC NULLS LAST, last_row DESC)`;
  const version = constantVersion
    ? 'CAST(1 AS BIGINT)'
    : plan.granularity === 'first_row'
      ? `greatest(1, sum(CASE WHEN amount IS NOT NULL THEN 1 ELSE 0 END) OVER (PARTITION BY coalesce(order_id_raw, 'row-' || source_row) ORDER BY source_row ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))`
      : plan.granularity === 'order_rows'
        ? `row_number() OVER (PARTITION BY coalesce(order_id_raw, 'row-' || source_row) ORDER BY source_row)`
        : 'CAST(1 AS BIGINT)';
  const orderIdOf = (q: string) => orderIdExpr(plan, q);
  const orderId = orderIdOf('');
  const aliases = setAsideAliases(plan.source.columns);
  const original = plan.source.columns
    .map((col, i) => `CAST(s.${ident(col.name)} AS VARCHAR) AS ${ident(aliases[i]!)}`)
    .join(', ');
  return [
    `CREATE OR REPLACE TEMP ${constantVersion ? 'VIEW' : 'TABLE'} ${lines} AS
SELECT *, ${orderId} AS order_id, ${version} AS version
FROM ${ident(t.rows)} ${dropDups ? 'WHERE NOT is_exact_dup' : ''}`,
    ...(fromAgg ? buildOrdersFromAggSql(plan) : []),
    fromAgg
      ? ''
      : single
        ? `CREATE OR REPLACE TABLE ${ident(t.orders)} AS
WITH ranked AS (
  SELECT order_id, version, source_row AS first_row, source_row AS last_row, CAST(1 AS BIGINT) AS line_count,
    ${orderAggregates(plan, true).join(',\n    ')}, CAST(1 AS BIGINT) AS version_rank
  FROM ${lines})
SELECT *, ${reasonCase(plan)} AS reason FROM ranked`
        : `CREATE OR REPLACE TABLE ${ident(t.orders)} AS
WITH agg AS (
  SELECT order_id, ${constantVersion ? 'CAST(1 AS BIGINT) AS version' : 'version'}, min(source_row) AS first_row,
    max(source_row) AS last_row, count(*) AS line_count,
    ${orderAggregates(plan, false).join(',\n    ')}
  FROM ${lines} GROUP BY order_id${constantVersion ? '' : ', version'}),
${
  constantVersion
    ? `ranked AS (SELECT *, CAST(1 AS BIGINT) AS version_rank FROM agg)`
    : `ids AS (
  -- A synthesised id (row-<n>) equal to a file's id is not a conflict: only the file's ids count.
  SELECT order_id, count(DISTINCT customer_id) FILTER (WHERE order_id_raw IS NOT NULL) AS customer_count
  FROM ${lines} GROUP BY order_id),
ranked AS (
  -- Customers are counted over every version of an order id (issue 12, item 4).
  SELECT agg.* REPLACE (ids.customer_count AS customer_count), ${rankSql} AS version_rank
  FROM agg JOIN ids USING (order_id))`
}
SELECT *, ${reasonCase(plan)} AS reason FROM ranked`,
    fromAgg
      ? // Sparse (issue 7): only rows set aside or kept as non-purchases; used rows are counted from
        // the orders (buildReportSql `usedRows`). Joining every row to every order cost seconds at 10M.
        `CREATE OR REPLACE TEMP TABLE ${ident(t.reasons)} AS
SELECT r.source_row, ${dropDups ? `CASE WHEN r.is_exact_dup THEN 'exact_duplicate' ELSE o.reason END` : 'o.reason'} AS reason
FROM ${ident(t.rows)} r
LEFT JOIN (SELECT order_id, reason FROM ${ident(t.orders)} WHERE reason IS NOT NULL) o
  ON o.order_id = ${dropDups ? `CASE WHEN r.is_exact_dup THEN NULL ELSE ${orderIdOf('r.')} END` : orderIdOf('r.')}
WHERE ${dropDups ? 'r.is_exact_dup OR ' : ''}o.reason IS NOT NULL`
      : constantVersion
        ? `CREATE OR REPLACE TEMP TABLE ${ident(t.reasons)} AS
SELECT r.source_row, ${dropDups ? `CASE WHEN r.is_exact_dup THEN 'exact_duplicate' ELSE o.reason END` : 'o.reason'} AS reason
FROM ${ident(t.rows)} r
LEFT JOIN ${ident(t.orders)} o
  ON o.order_id = ${dropDups ? `CASE WHEN r.is_exact_dup THEN NULL ELSE ${orderIdOf('r.')} END` : orderIdOf('r.')}`
        : `CREATE OR REPLACE TEMP TABLE ${ident(t.reasons)} AS
SELECT r.source_row, CASE WHEN l.source_row IS NULL THEN 'exact_duplicate' ELSE o.reason END AS reason
FROM ${ident(t.rows)} r
LEFT JOIN ${lines} l ON l.source_row = r.source_row
LEFT JOIN ${ident(t.orders)} o ON o.order_id = l.order_id AND o.version = l.version`,
    ...buildNettedOrdersSql(plan),
    `CREATE OR REPLACE TABLE ${ident(t.setAside)} AS
SELECT rr.source_row, rr.reason${original ? ', ' + original : ''}
FROM ${ident(t.reasons)} rr JOIN (SELECT rowid + 1 AS __cl_source_row, * FROM ${ident(plan.source.table)}) s
  ON s.__cl_source_row = rr.source_row
WHERE rr.reason IS NOT NULL AND rr.reason <> ${str(CREDIT_NOTE)} ORDER BY rr.source_row`,
  ].filter((sql) => sql !== '');
}

const TEXT_COLUMNS = ['category', 'product', 'channel', 'payment_method'] as const;

/**
 * The outputs over the orders table, with returns netted (issue 12, item 2):
 * - `<orders_clean>__net`: every kept order plus each credit note not matched to an order (gross 0,
 *   refund = its amount, `is_return`). A credit note `C123` of the customer who placed order `123`
 *   is added to that order's refund instead. `is_purchase` is false for an order its returns cancel
 *   (refund ≥ paid) and for every order of a customer whose returns cancel all purchases (net ≤ 0).
 * - `orders_clean` (canonical columns), `purchases` (is_purchase) and the returns view: money that
 *   counts in revenue but is not a purchase (unmatched credit notes, orders cancelled by returns).
 */
export function buildNettedOrdersSql(plan: CleaningPlan): string[] {
  const t = workTables(plan);
  const net = ordersNetViewName(t.ordersClean);
  const keep = [...NOT_PURCHASE_REASONS, CREDIT_NOTE].map(str).join(', ');
  const cn = str(CREDIT_NOTE);
  const common = `order_time, quantity, list_amount, discount_amount, ${TEXT_COLUMNS.join(', ')}, status_norm AS status, region, store, reason`;
  const columns = `customer_id, order_id, order_time, CAST(order_time AS DATE) AS order_date, gross_amount,
  refund_amount, CAST(gross_amount - refund_amount AS DECIMAL(18, 2)) AS net_amount,
  quantity, list_amount, discount_amount, category, product, channel, payment_method,
  status, region, store, is_purchase, is_return`;
  return [
    `CREATE OR REPLACE VIEW ${ident(net)} AS
WITH o AS (SELECT * FROM ${ident(t.orders)} WHERE reason IS NULL OR reason IN (${keep})),
cn AS (
  SELECT order_id, customer_id, -gross_amount AS amount,
    CASE WHEN regexp_matches(order_id, '^[Cc][0-9]') THEN substr(order_id, 2) END AS target
  FROM o WHERE reason = ${cn}),
matched AS (
  SELECT cn.order_id, cn.target, cn.amount FROM cn
  JOIN (SELECT order_id, customer_id FROM o WHERE reason IS NULL) p
    ON p.order_id = cn.target AND p.customer_id = cn.customer_id),
back AS (SELECT target, sum(amount) AS amount FROM matched GROUP BY target),
netted AS (
  SELECT o.customer_id, o.order_id, o.gross_amount,
    CAST(coalesce(o.refund_amount, 0) + coalesce(b.amount, 0) AS DECIMAL(18, 2)) AS refund_amount,
    ${common}, b.amount IS NOT NULL AS has_return, FALSE AS is_return
  FROM o LEFT JOIN back b ON b.target = o.order_id AND o.reason IS NULL
  WHERE o.reason IS DISTINCT FROM ${cn}
  UNION ALL
  SELECT customer_id, order_id, CAST(0 AS DECIMAL(18, 2)) AS gross_amount,
    CAST(-gross_amount AS DECIMAL(18, 2)) AS refund_amount, ${common}, TRUE AS has_return, TRUE AS is_return
  FROM o WHERE reason = ${cn} AND order_id NOT IN (SELECT order_id FROM matched)),
returned AS (
  SELECT customer_id, sum(gross_amount - refund_amount) <= 0 AS all_returned FROM netted
  WHERE (reason IS NULL OR is_return)
    AND customer_id IN (SELECT customer_id FROM netted WHERE has_return)
  GROUP BY customer_id)
SELECT n.*, reason IS NULL AND NOT (has_return AND refund_amount >= gross_amount)
    AND NOT coalesce(r.all_returned, FALSE) AS is_purchase,
  coalesce(r.all_returned, FALSE) AS all_returned
FROM netted n LEFT JOIN returned r ON r.customer_id = n.customer_id`,
    `CREATE OR REPLACE VIEW ${ident(t.ordersClean)} AS
SELECT ${columns} FROM ${ident(net)} WHERE reason IS DISTINCT FROM ${cn} OR is_return`,
    plan.cleaning.purchase === 'days'
      ? purchaseDaysViewSql(t.purchases, t.ordersClean)
      : `CREATE OR REPLACE VIEW ${ident(t.purchases)} AS SELECT * FROM ${ident(t.ordersClean)} WHERE is_purchase`,
    `CREATE OR REPLACE VIEW ${ident(returnsViewName(t.purchases))} AS
SELECT ${columns} FROM ${ident(net)} WHERE is_return OR (reason IS NULL AND NOT is_purchase)`,
  ];
}

/**
 * The purchases view when one purchase is a purchase day (issue 12, item 10, `cleaning.purchase:
 * days`): a customer's purchase orders of one calendar day merged into one row. order_id is the
 * day's first order id, order_time its first time; money and quantities are summed; the other
 * values are those of the day's first order.
 */
function purchaseDaysViewSql(purchases: string, ordersClean: string): string {
  const first = (c: string) => `arg_min(${c}, order_time) AS ${c}`;
  const sum = (c: string, type: string) => `CAST(sum(${c}) AS ${type}) AS ${c}`;
  return `CREATE OR REPLACE VIEW ${ident(purchases)} AS
SELECT customer_id, min(order_id) AS order_id, min(order_time) AS order_time, order_date,
  ${['gross_amount', 'refund_amount', 'net_amount'].map((c) => sum(c, 'DECIMAL(18, 2)')).join(', ')},
  ${sum('quantity', 'DECIMAL(18, 3)')},
  ${['list_amount', 'discount_amount'].map((c) => sum(c, 'DECIMAL(18, 2)')).join(', ')},
  ${['category', 'product', 'channel', 'payment_method', 'status', 'region', 'store'].map(first).join(', ')},
  TRUE AS is_purchase, FALSE AS is_return
FROM ${ident(ordersClean)} WHERE is_purchase GROUP BY customer_id, order_date`;
}

/**
 * One row of the returns summary (report.ts ReturnsSummary, snake_case): credit notes, their rows,
 * those matched to an order, their amount, customers whose returns cancel every purchase.
 */
export function buildReturnsSummarySql(plan: CleaningPlan): string {
  const t = workTables(plan);
  const net = ident(ordersNetViewName(t.ordersClean));
  return `SELECT
  (SELECT count(*) FROM ${ident(t.orders)} WHERE reason = ${str(CREDIT_NOTE)}) AS credit_notes,
  (SELECT coalesce(sum(line_count), 0) FROM ${ident(t.orders)} WHERE reason = ${str(CREDIT_NOTE)}) AS rows,
  (SELECT count(*) FROM ${ident(t.orders)} WHERE reason = ${str(CREDIT_NOTE)})
    - (SELECT count(*) FROM ${net} WHERE is_return) AS matched,
  (SELECT coalesce(-sum(gross_amount), 0) FROM ${ident(t.orders)} WHERE reason = ${str(CREDIT_NOTE)}) AS amount,
  (SELECT count(DISTINCT customer_id) FROM ${net} WHERE all_returned) AS customers_fully_returned`;
}

/** Every statement, in order, once the date order and granularity are decided. */
export function buildCleaningSql(plan: CleaningPlan): string[] {
  return [...buildRowsSql(plan), ...buildOrdersSql(plan)];
}

/**
 * One row: `r<i>` = rows where repair condition i applied; `kinds[i]` names it. Subexpressions the
 * conditions share are computed once per row in nested subqueries (repairBindings).
 */
export function buildRepairCountsSql(plan: CleaningPlan): { sql: string; kinds: RepairKind[] } {
  const conds: { kind: RepairKind; cond: string }[] = [];
  const levels: string[][] = [];
  ROW_ROLES.forEach((role, r) => {
    const col = column(plan, role);
    if (!col) return;
    const o = exprOptions(plan, role, col);
    const b = repairBindings(col, ORDER_VALUE_TYPES[role], o, `__cl_b${r}`);
    b.levels.forEach((l, i) =>
      (levels[i] ??= []).push(...l.map(([name, expr]) => `${expr} AS ${ident(name)}`)),
    );
    conds.push(...repairConditions(col, ORDER_VALUE_TYPES[role], o, b.bound));
    const synonyms = Object.keys(plan.cleaning.categorySynonyms);
    if (role === 'category' && synonyms.length) {
      conds.push({
        kind: 'category_standardised',
        cond: `${repairExpr(col, 'text', o)} IN (${synonyms.map(str).join(', ')})`,
      });
    }
  });
  let from = ident(plan.source.table);
  levels.forEach((l, i) => {
    if (l.length) from = `(SELECT *, ${l.join(', ')} FROM ${from}) AS ${ident(`__cl_l${i}`)}`;
  });
  const parts = conds.map((x, i) => `count(*) FILTER (WHERE ${x.cond}) AS r${i}`);
  const sql = `SELECT count(*) AS row_count${parts.length ? ', ' + parts.join(', ') : ''} FROM ${from}`;
  return { sql, kinds: conds.map((x) => x.kind) };
}

/** Report queries over the work tables. */
export function buildReportSql(plan: CleaningPlan) {
  const t = workTables(plan);
  return {
    reasons: `SELECT reason, count(*) AS n FROM ${ident(t.reasons)} GROUP BY reason`,
    /** Rows of purchase orders, when the reasons table holds only the others (plan.ordersFromAgg). */
    usedRows: plan.ordersFromAgg
      ? `SELECT coalesce(sum(line_count), 0) AS n FROM ${ident(t.orders)} WHERE reason IS NULL`
      : null,
    returns: buildReturnsSummarySql(plan),
    statuses: `SELECT status AS raw, status_norm AS status, count(*) AS n FROM ${ident(t.rows)}
      GROUP BY ALL ORDER BY n DESC, raw NULLS FIRST LIMIT 200`,
    timeFromPaid: `SELECT count(*) AS n FROM ${ident(t.rows)} WHERE order_time_raw IS NULL AND paid_time IS NOT NULL`,
    orders: `SELECT count(*) FILTER (WHERE NOT is_return) AS total, count(*) FILTER (WHERE is_purchase) AS purchases FROM ${ident(t.ordersClean)}`,
    dropWork: [
      ...[t.linesView, t.rowsView].map((x) => `DROP VIEW IF EXISTS ${ident(x)}`),
      ...[t.reasons, t.lines, t.rowsTable, t.dups, t.multiIds].map((x) => `DROP TABLE IF EXISTS ${ident(x)}`),
    ],
  };
}
