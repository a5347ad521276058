/**
 * Cleaning one orders table (issue 3) as steps (steps.ts): text profile, date-order and granularity
 * decisions from the data, then the canonical outputs and the report. Each decision returns a new plan
 * for the builders that follow; the engine only runs the steps (src/engine/clean-source.ts).
 */
import { ident } from '../../sql/quote.ts';
import type { CleaningConfig, OrderStatus } from '../../config/schema.ts';
import { buildAggStatsSql, buildOrderAggSql } from './order-agg.ts';
import { buildDateOrderStatsSql, decideDateOrder, type DateOrderDecision } from '../repair/date-order.ts';
import type { RepairKind, SourceColumn } from '../repair/repair-exprs.ts';
import {
  buildTextPrecheckSql,
  buildTextProfileSql,
  cleanText,
  readTextProfile,
  type CleanText,
} from '../repair/text-profile.ts';
import {
  buildOrdersSql,
  buildRepairCountsSql,
  buildReportSql,
  buildExactDupsSql,
  buildRowsSql,
  ORDER_VALUE_TYPES,
  workTables,
  type CleaningPlan,
  type CleaningTables,
  type OrderRole,
} from './build-cleaning-sql.ts';
import {
  buildGranularityStatsSql,
  LINE_ROLES,
  decideGranularity,
  type GranularityStats,
} from './granularity.ts';
import { assertReportAddsUp, CREDIT_NOTE, type CleaningReport, type ReasonCode } from './report.ts';
import { returnsViewName } from './cleaning-plan.ts';
import { isPurchaseStatus } from './status-rules.ts';
import { num, type StepRow, type Steps } from './steps.ts';
import { buildCurrencyStatsSql, decideCurrency, type CurrencyDecision } from '../currency/detect-currency.ts';

export interface OrderCleaningInput {
  /** A loaded table (a real table: its rowid is the source row order), mapping already validated. */
  source: { table: string; columns: readonly SourceColumn[] };
  mapping: Partial<Record<OrderRole, string>>;
  cleaning: CleaningConfig;
  /** YYYY-MM-DD for the future-date rule. */
  today: string;
  tables?: Partial<CleaningTables>;
  keepWorkTables?: boolean;
  /** See CleanSourceOptions.fastPaths (default true; the results are identical either way). */
  fastPaths?: boolean;
  /** Platform recognised from the headers (mapping/platforms.ts): evidence for the currency. */
  platform?: string | null | undefined;
}

const isText = (c: SourceColumn) => /^(VARCHAR|TEXT)/i.test(c.type.trim());

/** Clean facts per mapped text column (text-profile.ts), by column name; null = needs full repairs. */
function* profileText(input: OrderCleaningInput): Steps<Record<string, CleanText | null>> {
  const { source, mapping } = input;
  const names = new Set(Object.values(mapping).filter((n) => n !== undefined));
  const cols = source.columns.filter((c) => names.has(c.name) && isText(c));
  if (cols.length === 0) return {};
  // Id columns need every value's dot / exponent facts; the others are profiled per distinct value.
  const ids = new Set(
    Object.entries(mapping)
      .filter(([role]) => ORDER_VALUE_TYPES[role as OrderRole] === 'id')
      .map(([, name]) => name),
  );
  const byValue = new Set(cols.filter((c) => !ids.has(c.name)).map((c) => c.name));
  // Id columns first get one combined test per value; only those it flags get the four tests.
  const idCols = cols.filter((c) => !byValue.has(c.name));
  const out: Record<string, CleanText | null> = {};
  if (idCols.length) {
    const [pre] = yield { query: buildTextPrecheckSql(source.table, idCols) };
    idCols.forEach((c, i) => {
      if (pre![`any${i}`] !== true) out[c.name] = { dot: false, exp: false };
    });
  }
  const rest = cols.filter((c) => !(c.name in out));
  if (rest.length === 0) return out;
  const [row] = yield { query: buildTextProfileSql(source.table, rest, byValue) };
  rest.forEach((c, i) => (out[c.name] = cleanText(readTextProfile(row!, i))));
  return out;
}

/** Day/month order per mapped date column, from the data unless configured or not needed. */
function* dateOrders(
  input: OrderCleaningInput,
  dateColumns: readonly SourceColumn[],
  clean: Record<string, CleanText | null> | undefined,
): Steps<DateOrderDecision[]> {
  const { cleaning } = input;
  if (dateColumns.length === 0) return [];
  // Only text columns can hold `10/05/2023`; a configured order needs no statistics.
  const skipStats = clean && (cleaning.dateOrder !== 'auto' || !dateColumns.some(isText));
  if (skipStats) {
    return dateColumns.map((c) =>
      decideDateOrder({ column: c.name, values: 0, firstOver12: 0, secondOver12: 0 }, cleaning.dateOrder),
    );
  }
  const cleanDates = dateColumns.map((c) => clean?.[c.name] ?? null);
  const [stats] = yield { query: buildDateOrderStatsSql(input.source.table, dateColumns, cleanDates) };
  return dateColumns.map((c, i) =>
    decideDateOrder(
      {
        column: c.name,
        values: num(stats![`n${i}`]),
        firstOver12: num(stats![`f${i}`]),
        secondOver12: num(stats![`s${i}`]),
      },
      cleaning.dateOrder,
    ),
  );
}

function granularityStats(g: StepRow): GranularityStats {
  return {
    orders: num(g.orders),
    multi: num(g.multi),
    extraRows: num(g.extra_rows),
    extraRowsWithoutAmount: num(g.extra_rows_without_amount),
    firstRowOnly: num(g.first_row_only),
    sameAmountEveryRow: num(g.same_amount_every_row),
    linesVary: num(g.lines_vary),
  };
}

/** The dataset's currency from the config, a currency column, amount marks, platform or headers. */
function* currency(input: OrderCleaningInput): Steps<CurrencyDecision> {
  const { source, mapping } = input;
  const moneyRoles = (['amount', 'unit_price'] as const).filter((r) => mapping[r] !== undefined);
  const textMoney = moneyRoles
    .map((r) => source.columns.find((c) => c.name === mapping[r]))
    .filter((c): c is SourceColumn => c !== undefined && isText(c))
    .map((c) => c.name);
  const query =
    input.cleaning.currency === 'auto' || mapping.currency !== undefined
      ? buildCurrencyStatsSql(source.table, mapping.currency, textMoney)
      : null;
  const rows = query ? yield { query } : [];
  const counts = (kind: string) =>
    rows.filter((r) => r.kind === kind).map((r) => ({ raw: String(r.raw), rows: num(r.n) }));
  return decideCurrency({
    configured: input.cleaning.currency,
    ...(mapping.currency !== undefined ? { column: counts('column') } : {}),
    symbols: counts('symbol'),
    platform: input.platform,
    moneyHeaders: moneyRoles.map((r) => mapping[r]!),
  });
}

/** The steps of cleaning one orders table; they return the report (its counts checked to add up). */
export function* orderCleaningSteps(input: OrderCleaningInput): Steps<CleaningReport> {
  const { source, mapping, cleaning } = input;
  const fast = input.fastPaths !== false;
  const clean = fast ? yield* profileText(input) : undefined;

  const dateRoles = (['order_time', 'paid_time'] as const).filter((r) => mapping[r] !== undefined);
  const dateColumns = dateRoles.map((r) => source.columns.find((c) => c.name === mapping[r])!);
  const decisions = yield* dateOrders(input, dateColumns, clean);
  const money = yield* currency(input);
  const base: CleaningPlan = {
    source,
    mapping,
    cleaning,
    dateOrder: Object.fromEntries(dateRoles.map((r, i) => [r, decisions[i]!.order])),
    granularity: 'order_rows',
    today: input.today,
    ...(input.tables ? { tables: input.tables } : {}),
    ...(clean ? { clean } : {}),
    ...(money.setAsideValues.length ? { otherCurrencies: money.setAsideValues } : {}),
  };
  const t = workTables(base);
  const [dups] = yield { sql: buildExactDupsSql(base), query: `SELECT count(*) AS n FROM ${ident(t.dups)}` };
  const withDups: CleaningPlan = { ...base, exactDups: num(dups!.n) };

  // Group lines into orders once for the statistics and, when each order keeps one version, the
  // orders themselves (order-agg.ts); a configured versioned granularity takes the old way.
  let useAgg = fast && cleaning.granularity !== 'first_row' && cleaning.granularity !== 'order_rows';
  let g: StepRow = {};
  if (useAgg) {
    const sql = [...buildRowsSql(withDups), ...buildOrderAggSql(withDups)];
    g = (yield { sql, query: buildAggStatsSql(withDups) })[0]!;
    // An id of the file that looks like a synthesised one could share its group: count exactly.
    if (num(g.row_like_ids) > 0) useAgg = false;
  } else {
    yield { sql: buildRowsSql(withDups) };
  }
  if (!useAgg) {
    const lineRoles = LINE_ROLES.filter((r) => mapping[r] !== undefined);
    const query = buildGranularityStatsSql(t.rows, cleaning.dropExactDuplicates, lineRoles);
    g = (yield { sql: `DROP TABLE IF EXISTS ${ident(t.agg)}`, query })[0]!;
  }
  const stats = granularityStats(g);
  const granularity = decideGranularity(stats, cleaning.granularity, !!mapping.amount, !!mapping.unit_price);
  const plan: CleaningPlan = {
    ...withDups,
    granularity: granularity.mode,
    ...(clean && stats.multi === 0 && num(g.row_like_ids) === 0 ? { singleRowOrders: true } : {}),
    ordersFromAgg:
      useAgg &&
      (stats.multi === 0 || granularity.mode === 'line_sum' || granularity.mode === 'repeated_total'),
  };
  const dropAgg = useAgg && !plan.ordersFromAgg ? [`DROP TABLE IF EXISTS ${ident(t.agg)}`] : [];

  const report = buildReportSql(plan);
  const reasons: Partial<Record<ReasonCode, number>> = {};
  let rowsRead = 0;
  let rowsUsed = 0;
  for (const r of yield { sql: [...dropAgg, ...buildOrdersSql(plan)], query: report.reasons }) {
    rowsRead += num(r.n);
    // A credit note's rows are used: netted against revenue (issue 12, item 2).
    if (r.reason === null || r.reason === CREDIT_NOTE) rowsUsed += num(r.n);
    else reasons[r.reason as ReasonCode] = num(r.n);
  }
  if (report.usedRows) {
    const [used] = yield { query: report.usedRows };
    rowsUsed += num(used!.n);
    rowsRead += num(used!.n);
  }
  const [ret] = yield { query: report.returns };
  const returns = {
    creditNotes: num(ret!.credit_notes),
    rows: num(ret!.rows),
    matched: num(ret!.matched),
    amount: num(ret!.amount),
    customersFullyReturned: num(ret!.customers_fully_returned),
  };
  const counts = buildRepairCountsSql(plan);
  const [countRow] = yield { query: counts.sql };
  const repairs: Partial<Record<RepairKind, number>> = {};
  counts.kinds.forEach((kind, i) => {
    const n = num(countRow![`r${i}`]);
    if (n > 0) repairs[kind] = (repairs[kind] ?? 0) + n;
  });
  if (mapping.order_time && mapping.paid_time) {
    const [fromPaid] = yield { query: report.timeFromPaid };
    const n = num(fromPaid!.n);
    if (n > 0) repairs.order_time_from_paid_time = n;
  }
  if (num(countRow!.row_count) !== rowsRead) {
    throw new Error(`cleaning read ${rowsRead} rows but the source has ${num(countRow!.row_count)}`);
  }
  const statuses = mapping.status
    ? (yield { query: report.statuses }).map((r) => {
        const status = (r.status as OrderStatus | null) ?? null;
        return {
          raw: r.raw as string | null,
          status,
          purchase: isPurchaseStatus(status, cleaning.statusRules),
          rows: num(r.n),
        };
      })
    : [];
  const [orders] = yield { query: report.orders };
  if (!input.keepWorkTables) yield { sql: report.dropWork };

  const result: CleaningReport = {
    kind: 'orders',
    rowsRead,
    rowsUsed,
    rowsSetAside: rowsRead - rowsUsed,
    reasons,
    repairs,
    orders: { total: num(orders!.total), purchases: num(orders!.purchases) },
    granularity,
    dateOrders: decisions,
    questions: decisions.flatMap((d) => (d.question ? [d.question] : [])),
    statuses,
    currency: { ...money, setAsideRows: reasons.other_currency ?? 0 },
    returns,
    tables: {
      ordersClean: t.ordersClean,
      purchases: t.purchases,
      setAside: t.setAside,
      returns: returnsViewName(t.purchases),
    },
  };
  assertReportAddsUp(result);
  return result;
}
