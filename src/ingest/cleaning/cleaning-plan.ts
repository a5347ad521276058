/**
 * The cleaning plan of an orders source (build-cleaning-sql.ts, order-agg.ts) and what every
 * cleaning statement shares: work-table names, the repaired value of each role, the synthesised
 * order id and the reason rules. Pure.
 */
import { dateLiteral, ident, literal, str } from '../../sql/quote.ts';
import type { CleaningConfig } from '../../config/schema.ts';
import { TABLES } from '../canonical.ts';
import {
  numberIssueExpr,
  repairExpr,
  type ExprOptions,
  type SourceColumn,
  type ValueType,
} from '../repair/repair-exprs.ts';
import type { DateOrder } from '../repair/date-order.ts';
import type { CleanText } from '../repair/text-profile.ts';
import { buildIsPurchaseSql } from './status-rules.ts';
import type { Granularity } from './granularity.ts';
import { ORDERS_ROLE, type FieldName } from '../roles/index.ts';
import { repairTypes } from './repair-types.ts';
import { CREDIT_NOTE } from './report.ts';
import { CLEAN_WORK_PREFIX, returnsViewName } from '../tables.ts';

export type OrderRole = FieldName<typeof ORDERS_ROLE>;

/** What each orders role is repaired into. */
export const ORDER_VALUE_TYPES = repairTypes(ORDERS_ROLE) as Record<OrderRole, ValueType>;

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
  /**
   * Currency-column values (upper-cased, trimmed) of currencies other than the dataset's: their
   * orders are set aside as `other_currency` (ingest/currency/detect-currency.ts). Absent = none.
   */
  otherCurrencies?: readonly string[];
}

/** The table behind the `ordersClean` view (issue 7: a view spares copying every order once more). */
export function ordersBaseTable(ordersClean: string): string {
  return `${ordersClean}__base`;
}

/** The orders view over the aggregate table (plan.ordersFromAgg). */
export function ordersViewName(ordersClean: string): string {
  return `${ordersClean}__orders`;
}

/** The orders after netting returns (issue 12, item 2): orders_clean, purchases and returns read it. */
export function ordersNetViewName(ordersClean: string): string {
  return `${ordersClean}__net`;
}

export { returnsViewName };

/**
 * Every relation cleaning leaves behind for these outputs, views first (they read the tables):
 * what to drop when a cleaned dataset is removed.
 */
export function cleaningOutputRelations(tables: CleaningTables): { name: string; kind: 'table' | 'view' }[] {
  return [
    { name: returnsViewName(tables.purchases), kind: 'view' },
    { name: tables.purchases, kind: 'view' },
    { name: tables.ordersClean, kind: 'view' },
    { name: ordersNetViewName(tables.ordersClean), kind: 'view' },
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
  const p = plan.prefix ?? `${CLEAN_WORK_PREFIX}${plan.source.table}`;
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

export function valueExpr(plan: CleaningPlan, role: OrderRole): string {
  const c = column(plan, role);
  const as = ORDER_VALUE_TYPES[role];
  if (!c) return `CAST(NULL AS ${SQL_TYPES[as]})`;
  const expr = repairExpr(c, as, exprOptions(plan, role, c));
  if (role === 'category') return categoryExpr(expr, plan.cleaning.categorySynonyms);
  return expr;
}

export function exprOptions(plan: CleaningPlan, role: OrderRole, c: SourceColumn): ExprOptions {
  return {
    normalize: plan.cleaning.normalizeText,
    dmy: plan.dateOrder[role] === 'dmy',
    clean: plan.clean?.[c.name] ?? null,
  };
}

/** SQL boolean: the date column holds text (cl_text is not NULL), without re-reading typed values. */
export function timeTextPresent(plan: CleaningPlan, c: SourceColumn): string {
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

/** Every orders role, in the order of the rows table. */
export const ROW_ROLES = Object.keys(ORDER_VALUE_TYPES) as OrderRole[];

/** Roles read as numbers (amounts, prices, quantities): a value present there must give a number. */
export const NUMBER_ROLES = ROW_ROLES.filter(
  (r) => ORDER_VALUE_TYPES[r] === 'amount' || ORDER_VALUE_TYPES[r] === 'number',
);

/**
 * `num_issue` of a row (issue 12): why a present number value gave none, as the reason it sets the
 * row's order aside — 1 unparseable_amount (not a finite number: `abc`, `0x10`, `NaN`, `inf`), 2
 * absurd_amount (a money value too large to store: `1e20`), 3 absurd_quantity — the first reason
 * wins (least), NULL = none. `raws`: the source columns the rows pass carries as `__cl_nraw<i>` for
 * it (its inner select), dropped once `issue` (read in the outer select) is computed. Null when no
 * number role is mapped.
 */
export function numberIssues(plan: CleaningPlan): { raws: [string, string][]; issue: string } | null {
  const raws: [string, string][] = [];
  const parts: string[] = [];
  for (const role of NUMBER_ROLES) {
    const c = column(plan, role);
    if (!c) continue;
    const raw = `__cl_nraw${raws.length}`;
    raws.push([raw, ident(c.name)]);
    const why = numberIssueExpr(c, ident(role), ident(raw));
    parts.push(ORDER_VALUE_TYPES[role] === 'number' ? `CASE ${why} WHEN 2 THEN 3 ELSE ${why} END` : why);
  }
  if (parts.length === 0) return null;
  return { raws, issue: parts.length === 1 ? parts[0]! : `least(${parts.join(', ')})` };
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
  const status = ref('status_norm');
  const notRefund = `${status} IS DISTINCT FROM 'refunded'`;
  const day = `CAST(${ref('order_time')} AS DATE)`;
  // A credit note (issue 12, item 2): an order whose total is negative, with a purchase or refund
  // status (a closed or deleted order with a negative amount stays `negative_amount`).
  const creditNote = `${gross} < 0 AND -${gross} <= ${literal(c.maxAmount)} AND (${buildIsPurchaseSql(status, c.statusRules)} OR ${status} IN ('refunded', 'partially_refunded'))`;
  const rules: [string, string][] = [];
  // Lines (or versions) of one order id naming different customers (issue 12, item 4): whose order
  // it is is unknown, so every version is set aside rather than credited to one of them.
  rules.push([`${ref('customer_count')} > 1`, 'conflicting_customer_ids']);
  if (c.dedupeOrderIds) rules.push([`${ref('version_rank')} > 1`, 'duplicate_order_id']);
  rules.push([`${ref('customer_id')} IS NULL`, 'missing_customer_id']);
  rules.push([`${ref('order_time')} IS NULL AND ${ref('time_text_present')}`, 'unparseable_order_time']);
  rules.push([`${ref('order_time')} IS NULL`, 'missing_order_time']);
  // A number that cannot be read is never 0; one too large to store is absurd whatever the rules.
  const issue = numberIssues(plan) ? ref('num_issue') : null;
  if (issue) rules.push([`${issue} = 1`, 'unparseable_amount']);
  if (issue && !c.dropImpossibleValues) {
    rules.push([`${issue} = 2`, 'absurd_amount']);
    rules.push([`${issue} = 3`, 'absurd_quantity']);
  }
  const or = (n: number) => (issue ? ` OR ${issue} = ${n}` : '');
  if (plan.otherCurrencies?.length && column(plan, 'currency')) {
    const list = plan.otherCurrencies.map(str).join(', ');
    rules.push([`upper(trim(${ref('currency')})) IN (${list})`, 'other_currency']);
  }
  if (c.returns === 'ignore') rules.push([creditNote, 'return_ignored']);
  if (c.dropImpossibleValues) {
    rules.push([`${gross} < 0 AND ${notRefund} AND NOT (${creditNote})`, 'negative_amount']);
    rules.push([`${gross} > ${literal(c.maxAmount)}${or(2)}`, 'absurd_amount']);
    rules.push([`${quantity} < 0 AND ${notRefund} AND NOT (${creditNote})`, 'negative_quantity']);
    rules.push([`${quantity} > ${literal(c.maxQuantity)}${or(3)}`, 'absurd_quantity']);
    rules.push([`${day} > ${dateLiteral(plan.today)}`, 'future_date']);
    rules.push([`${day} < ${dateLiteral(c.minDate)}`, 'implausible_date']);
  }
  rules.push([creditNote, CREDIT_NOTE]);
  rules.push([`NOT ${buildIsPurchaseSql(status, c.statusRules)}`, 'status_not_purchase']);
  rules.push([`${refund} > 0 AND ${gross} > 0 AND ${refund} >= ${gross}`, 'fully_refunded']);
  return `CASE ${rules.map(([cond, code]) => `WHEN ${cond} THEN ${str(code)}`).join(' ')} ELSE NULL END`;
}

/** The order id of a row: its own, or one synthesised from the row number (`q`: table qualifier). */
export function orderIdExpr(plan: CleaningPlan, q = ''): string {
  return column(plan, 'order_id')
    ? `coalesce(${q}order_id_raw, 'row-' || ${q}source_row)`
    : `CAST(${q}source_row AS VARCHAR)`;
}
