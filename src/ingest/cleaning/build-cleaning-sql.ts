/**
 * Cleaning an orders source into the canonical `orders_clean` table, the `purchases` view and the
 * `set_aside` table (src/ingest/canonical.ts). Pure builders; src/engine/clean-source.ts runs them.
 *
 * Work tables (temporary, named from `prefix`):
 *   <prefix>_dups    source_row of every exact duplicate (a later copy of an identical source row)
 *   <prefix>_rows    one row per source row: source_row, repaired role values, status_norm, is_exact_dup
 *   <prefix>_lines   rows that take part in orders, with order_id (synthesised when missing) and version
 *                    (a view when every order has one version: nothing to materialise)
 *   <prefix>_orders  one row per order version: order-level values and `reason` (NULL = purchase)
 *   <prefix>_reasons one row per source row: its reason, NULL when the row is used
 *
 * Every source row gets exactly one fate: the reason of the first rule that applies (report.ts
 * REASON_CODES order), or none. Rows of an order share its fate. Keys (customer id, order time) are
 * required by the canonical table, so rows without them are always set aside.
 */
import { ident, literal, str, dateLiteral } from '../../sql/quote.ts';
import type { CleaningConfig } from '../../config/schema.ts';
import { TABLES } from '../canonical.ts';
import {
  repairBindings,
  repairConditions,
  repairExpr,
  type ExprOptions,
  type RepairKind,
  type SourceColumn,
  type ValueType,
} from '../repair/repair-exprs.ts';
import type { DateOrder } from '../repair/date-order.ts';
import type { CleanText } from '../repair/text-profile.ts';
import { buildIsPurchaseSql, buildStatusCaseSql } from './status-rules.ts';
import type { Granularity } from './granularity.ts';
import { NOT_PURCHASE_REASONS } from './report.ts';
import { buildOrdersFromAggSql } from './order-agg.ts';

export type OrderRole =
  | 'customer_id'
  | 'order_id'
  | 'order_time'
  | 'paid_time'
  | 'amount'
  | 'refund'
  | 'quantity'
  | 'unit_price'
  | 'discount'
  | 'category'
  | 'product'
  | 'channel'
  | 'payment_method'
  | 'status'
  | 'region'
  | 'store';

/** What each orders role is repaired into. */
export const ORDER_VALUE_TYPES: Record<OrderRole, ValueType> = {
  customer_id: 'id',
  order_id: 'id',
  order_time: 'timestamp',
  paid_time: 'timestamp',
  amount: 'amount',
  refund: 'amount',
  quantity: 'number',
  unit_price: 'amount',
  discount: 'amount',
  category: 'text',
  product: 'text',
  channel: 'text',
  payment_method: 'text',
  status: 'text',
  region: 'region',
  store: 'text',
};

export const SQL_TYPES: Record<ValueType, string> = {
  id: 'VARCHAR',
  amount: 'DECIMAL(18, 2)',
  number: 'DECIMAL(18, 3)',
  timestamp: 'TIMESTAMP',
  text: 'VARCHAR',
  region: 'VARCHAR',
};

export interface CleaningTables {
  ordersClean: string;
  purchases: string;
  setAside: string;
}

export interface CleaningPlan {
  source: { table: string; columns: readonly SourceColumn[] };
  /** Role → source column. */
  mapping: Partial<Record<OrderRole, string>>;
  cleaning: CleaningConfig;
  /** Day/month order per date role (order_time, paid_time); absent = month first. */
  dateOrder: Partial<Record<OrderRole, DateOrder>>;
  granularity: Granularity;
  /** YYYY-MM-DD: later order dates are `future_date`. */
  today: string;
  tables?: Partial<CleaningTables>;
  /** Name prefix of the work tables. */
  prefix?: string;
  /**
   * Text columns known clean (text-profile.ts), by column name: their repairs skip the text steps
   * (issue 7). Absent = every text column gets the full repairs; the results are the same.
   */
  clean?: Readonly<Record<string, CleanText | null>>;
  /**
   * No order id is on more than one line (granularity stats: `multi` = 0, no id looks like a
   * synthesised `row-<n>`): every line is its own order, so orders are built without grouping.
   */
  singleRowOrders?: boolean;
  /** Rows in `<prefix>_dups` (0: no exact duplicates, so no row needs the lookup). Absent = look up. */
  exactDups?: number;
  /**
   * `<prefix>_agg` (order-agg.ts) holds every order with the aggregates of both granularities that
   * keep one version per order: the orders table is read from it instead of grouping again.
   */
  ordersFromAgg?: boolean;
}

/** The table behind the `ordersClean` view (issue 7: a view spares copying every order once more). */
export function ordersBaseTable(ordersClean: string): string {
  return `${ordersClean}__base`;
}

/**
 * Every relation cleaning leaves behind for these outputs, views first (they read the tables):
 * what to drop when a cleaned dataset is removed.
 */
/** The orders view over the aggregate table (plan.ordersFromAgg). */
export function ordersViewName(ordersClean: string): string {
  return `${ordersClean}__orders`;
}

export function cleaningOutputRelations(tables: CleaningTables): { name: string; kind: 'table' | 'view' }[] {
  return [
    { name: tables.purchases, kind: 'view' },
    { name: tables.ordersClean, kind: 'view' },
    { name: ordersViewName(tables.ordersClean), kind: 'view' },
    { name: ordersBaseTable(tables.ordersClean), kind: 'table' },
    { name: tables.setAside, kind: 'table' },
  ];
}

/**
 * The rows pass is a plain projection when every mapped value is already typed or known clean (no
 * repair macro, no regex) and there is no status to normalise: then `<prefix>_rows` is a view and
 * nothing is materialised (issue 7). Messy columns keep the table, so their repairs run once.
 */
function rowsAsView(plan: CleaningPlan): boolean {
  if (!plan.clean || column(plan, 'status')) return false;
  const costly = /\bcl_|regexp_/;
  if (ROW_ROLES.some((role) => costly.test(valueExpr(plan, role)))) return false;
  const timeCols = (['order_time', 'paid_time'] as const).map((r) => column(plan, r));
  return !timeCols.some((c) => c && costly.test(timeTextPresent(plan, c)));
}

export function workTables(plan: CleaningPlan) {
  const p = plan.prefix ?? `__clean_${plan.source.table}`;
  const outputs = { ...TABLES, ...plan.tables };
  return {
    dups: `${p}_dups`,
    multiIds: `${p}_multi_ids`,
    /** order-agg.ts: kept as the orders' storage when plan.ordersFromAgg (never copied). */
    agg: ordersBaseTable(outputs.ordersClean),
    rows: rowsAsView(plan) ? `${p}_rows_v` : `${p}_rows`,
    rowsTable: `${p}_rows`,
    rowsView: `${p}_rows_v`,
    lines: `${p}_lines`,
    linesView: `${p}_lines_v`,
    reasons: `${p}_reasons`,
    ...outputs,
    /** Every order version with its reason; `ordersClean` is a view over it (kept, not dropped). */
    orders: plan.ordersFromAgg ? ordersViewName(outputs.ordersClean) : ordersBaseTable(outputs.ordersClean),
  };
}

export function column(plan: CleaningPlan, role: OrderRole): SourceColumn | null {
  const name = plan.mapping[role];
  if (name === undefined) return null;
  const c = plan.source.columns.find((x) => x.name === name);
  if (!c)
    throw new Error(`mapping: column ${JSON.stringify(name)} for ${role} is not in ${plan.source.table}`);
  return c;
}

function valueExpr(plan: CleaningPlan, role: OrderRole): string {
  const c = column(plan, role);
  const as = ORDER_VALUE_TYPES[role];
  if (!c) return `CAST(NULL AS ${SQL_TYPES[as]})`;
  const expr = repairExpr(c, as, exprOptions(plan, role, c));
  if (role === 'category') return categoryExpr(expr, plan.cleaning.categorySynonyms);
  return expr;
}

function exprOptions(plan: CleaningPlan, role: OrderRole, c: SourceColumn): ExprOptions {
  return {
    normalize: plan.cleaning.normalizeText,
    dmy: plan.dateOrder[role] === 'dmy',
    clean: plan.clean?.[c.name] ?? null,
  };
}

/** SQL boolean: the date column holds text (cl_text is not NULL), without re-reading typed values. */
function timeTextPresent(plan: CleaningPlan, c: SourceColumn): string {
  const t = c.type.trim().toUpperCase();
  const typed =
    t === 'DATE' || t.startsWith('TIMESTAMP') || /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DECIMAL.*)$/.test(t);
  if (typed || plan.clean?.[c.name]) return `${ident(c.name)} IS NOT NULL`;
  return `cl_text(CAST(${ident(c.name)} AS VARCHAR)) IS NOT NULL`;
}

function categoryExpr(expr: string, synonyms: Record<string, string>): string {
  const entries = Object.entries(synonyms);
  if (entries.length === 0) return expr;
  return `CASE ${expr} ${entries.map(([k, v]) => `WHEN ${str(k)} THEN ${str(v)}`).join(' ')} ELSE ${expr} END`;
}

const ROW_ROLES = Object.keys(ORDER_VALUE_TYPES) as OrderRole[];

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
  if (statusCol && plan.clean) {
    // Fast path (issue 7): a status column holds few distinct values; normalise each once and join.
    const raw = ident(statusCol.name);
    return [
      `CREATE OR REPLACE TEMP TABLE ${ident(t.rows)} AS
SELECT *, coalesce(order_time_raw, paid_time) AS order_time
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
SELECT *, ${statusCol ? buildStatusCaseSql('status', overrides) : 'CAST(NULL AS VARCHAR)'} AS status_norm,
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
    ...(['region', 'store'] as const).map((c) => `${firstOf(c)} AS ${c}`),
    `${single ? 'time_text_present' : 'bool_or(time_text_present)'} AS time_text_present`,
  ];
}

/**
 * The reason of an order version (NULL = a purchase). `over` gives the SQL of an order-level value
 * by column name when the orders are read from other columns (order-agg.ts); default the column.
 */
export function reasonCase(plan: CleaningPlan, over: Readonly<Record<string, string>> = {}): string {
  const c = plan.cleaning;
  const ref = (name: string) => over[name] ?? name;
  const gross = ref('gross_amount');
  const refund = ref('refund_amount');
  const quantity = ref('quantity');
  const notRefund = `${ref('status_norm')} IS DISTINCT FROM 'refunded'`;
  const day = `CAST(${ref('order_time')} AS DATE)`;
  const rules: [string, string][] = [];
  if (c.dedupeOrderIds) rules.push([`${ref('version_rank')} > 1`, 'duplicate_order_id']);
  rules.push([`${ref('customer_id')} IS NULL`, 'missing_customer_id']);
  rules.push([`${ref('order_time')} IS NULL AND ${ref('time_text_present')}`, 'unparseable_order_time']);
  rules.push([`${ref('order_time')} IS NULL`, 'missing_order_time']);
  if (c.dropImpossibleValues) {
    rules.push([`${gross} < 0 AND ${notRefund}`, 'negative_amount']);
    rules.push([`${gross} > ${literal(c.maxAmount)}`, 'absurd_amount']);
    rules.push([`${quantity} < 0 AND ${notRefund}`, 'negative_quantity']);
    rules.push([`${quantity} > ${literal(c.maxQuantity)}`, 'absurd_quantity']);
    rules.push([`${day} > ${dateLiteral(plan.today)}`, 'future_date']);
    rules.push([`${day} < ${dateLiteral(c.minDate)}`, 'implausible_date']);
  }
  rules.push([`NOT ${buildIsPurchaseSql(ref('status_norm'), c.statusRules)}`, 'status_not_purchase']);
  rules.push([`${refund} > 0 AND ${gross} > 0 AND ${refund} >= ${gross}`, 'fully_refunded']);
  return `CASE ${rules.map(([cond, code]) => `WHEN ${cond} THEN ${str(code)}`).join(' ')} ELSE NULL END`;
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

/** The order id of a row: its own, or one synthesised from the row number (`q`: table qualifier). */
export function orderIdExpr(plan: CleaningPlan, q = ''): string {
  return column(plan, 'order_id')
    ? `coalesce(${q}order_id_raw, 'row-' || ${q}source_row)`
    : `CAST(${q}source_row AS VARCHAR)`;
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
  const keep = NOT_PURCHASE_REASONS.map(str).join(', ');
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
ranked AS (
  SELECT *, ${constantVersion ? 'CAST(1 AS BIGINT)' : rankSql} AS version_rank
  FROM agg)
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
    `CREATE OR REPLACE VIEW ${ident(t.ordersClean)} AS
SELECT customer_id, order_id, order_time, CAST(order_time AS DATE) AS order_date, gross_amount,
  CAST(coalesce(refund_amount, 0) AS DECIMAL(18, 2)) AS refund_amount,
  CAST(gross_amount - coalesce(refund_amount, 0) AS DECIMAL(18, 2)) AS net_amount,
  quantity, list_amount, discount_amount, category, product, channel, payment_method,
  status_norm AS status, region, store, reason IS NULL AS is_purchase
FROM ${ident(t.orders)} WHERE reason IS NULL OR reason IN (${keep})`,
    `CREATE OR REPLACE VIEW ${ident(t.purchases)} AS SELECT * FROM ${ident(t.ordersClean)} WHERE is_purchase`,
    `CREATE OR REPLACE TABLE ${ident(t.setAside)} AS
SELECT rr.source_row, rr.reason${original ? ', ' + original : ''}
FROM ${ident(t.reasons)} rr JOIN (SELECT rowid + 1 AS __cl_source_row, * FROM ${ident(plan.source.table)}) s
  ON s.__cl_source_row = rr.source_row
WHERE rr.reason IS NOT NULL ORDER BY rr.source_row`,
  ].filter((sql) => sql !== '');
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
    statuses: `SELECT status AS raw, status_norm AS status, count(*) AS n FROM ${ident(t.rows)}
      GROUP BY ALL ORDER BY n DESC, raw NULLS FIRST LIMIT 200`,
    timeFromPaid: `SELECT count(*) AS n FROM ${ident(t.rows)} WHERE order_time_raw IS NULL AND paid_time IS NOT NULL`,
    orders: `SELECT count(*) AS total, count(*) FILTER (WHERE is_purchase) AS purchases FROM ${ident(t.ordersClean)}`,
    dropWork: [
      ...[t.linesView, t.rowsView].map((x) => `DROP VIEW IF EXISTS ${ident(x)}`),
      ...[t.reasons, t.lines, t.rowsTable, t.dups, t.multiIds].map((x) => `DROP TABLE IF EXISTS ${ident(x)}`),
    ],
  };
}
