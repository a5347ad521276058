/**
 * Run cleaning for one loaded orders table (issue 3): repair macros, date-order and granularity
 * decisions from the data, then the canonical outputs and the report. The SQL is built by the pure
 * builders in src/ingest/cleaning and src/ingest/repair; this file only sequences and reads counts.
 */
import * as v from 'valibot';
import type { DbPort } from './db-port.ts';
import type { CleanSourceInput, CleanSourceOptions } from './engine-api.ts';
import { queryRows as rows } from './query-rows.ts';
import type { Row } from './protocol.ts';
import { ident } from '../sql/quote.ts';
import { CleaningSchema, type CleaningConfig, type OrderStatus } from '../config/schema.ts';
import { ensureRepairMacros } from './repair-macros.ts';
import { buildAggStatsSql, buildOrderAggSql } from '../ingest/cleaning/order-agg.ts';
import {
  buildDateOrderStatsSql,
  decideDateOrder,
  type DateOrderDecision,
} from '../ingest/repair/date-order.ts';
import type { RepairKind, SourceColumn } from '../ingest/repair/repair-exprs.ts';
import {
  buildTextPrecheckSql,
  buildTextProfileSql,
  cleanText,
  readTextProfile,
  type CleanText,
} from '../ingest/repair/text-profile.ts';
import {
  buildOrdersSql,
  buildRepairCountsSql,
  buildReportSql,
  buildExactDupsSql,
  buildRowsSql,
  ORDER_VALUE_TYPES,
  workTables,
  type CleaningPlan,
  type OrderRole,
} from '../ingest/cleaning/build-cleaning-sql.ts';
import {
  buildGranularityStatsSql,
  LINE_ROLES,
  decideGranularity,
  type GranularityStats,
} from '../ingest/cleaning/granularity.ts';
import { assertReportAddsUp, type CleaningReport, type ReasonCode } from '../ingest/cleaning/report.ts';
import { isPurchaseStatus } from '../ingest/cleaning/status-rules.ts';
import { validateOrdersMapping, type MappingIssue } from '../ingest/cleaning/validate-mapping.ts';

export type { CleanSourceInput, CleanSourceOptions };

/** The mapping cannot be cleaned; `issues` say why (show them, do not crash). */
export class CleaningInputError extends Error {
  readonly issues: MappingIssue[];
  constructor(issues: MappingIssue[]) {
    super(
      `mapping cannot be cleaned: ${issues.map((i) => `${i.code} ${i.role}${i.column ? ` (${i.column})` : ''}`).join('; ')}`,
    );
    this.name = 'CleaningInputError';
    this.issues = issues;
  }
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const num = (x: unknown) => Number(x ?? 0);

const isText = (c: SourceColumn) => /^(VARCHAR|TEXT)/i.test(c.type.trim());

/** Clean facts per mapped text column (text-profile.ts), by column name; null = needs full repairs. */
async function profileText(
  db: DbPort,
  input: CleanSourceInput,
  mapping: Readonly<Record<string, string | undefined>>,
): Promise<Record<string, CleanText | null>> {
  const names = new Set(Object.values(mapping).filter((n) => n !== undefined));
  const cols = input.columns.filter((c) => names.has(c.name) && isText(c));
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
    const pre = (await rows(db, buildTextPrecheckSql(input.table, idCols)))[0]!;
    idCols.forEach((c, i) => {
      if (pre[`any${i}`] !== true) out[c.name] = { dot: false, exp: false };
    });
  }
  const rest = cols.filter((c) => !(c.name in out));
  if (rest.length === 0) return out;
  const row = (await rows(db, buildTextProfileSql(input.table, rest, byValue)))[0]!;
  rest.forEach((c, i) => (out[c.name] = cleanText(readTextProfile(row, i))));
  return out;
}

export async function runCleaning(
  db: DbPort,
  input: CleanSourceInput,
  options: CleanSourceOptions,
): Promise<CleaningReport> {
  const issues = validateOrdersMapping(options.mapping, input.columns);
  if (issues.length) throw new CleaningInputError(issues);
  const cleaning: CleaningConfig = v.parse(CleaningSchema, options.cleaning ?? {});
  const mapping = options.mapping as Partial<Record<OrderRole, string>>;
  await ensureRepairMacros(db);

  const clean = options.fastPaths === false ? undefined : await profileText(db, input, mapping);

  const dateRoles = (['order_time', 'paid_time'] as const).filter((r) => mapping[r] !== undefined);
  const dateColumns = dateRoles.map((r) => input.columns.find((c) => c.name === mapping[r])!);
  const dateOrders: DateOrderDecision[] = [];
  // Only text columns can hold `10/05/2023`; a configured order needs no statistics.
  const skipStats = clean && (cleaning.dateOrder !== 'auto' || !dateColumns.some(isText));
  if (dateColumns.length && skipStats) {
    for (const c of dateColumns) {
      const s = { column: c.name, values: 0, firstOver12: 0, secondOver12: 0 };
      dateOrders.push(decideDateOrder(s, cleaning.dateOrder));
    }
  } else if (dateColumns.length) {
    const cleanDates = dateColumns.map((c) => clean?.[c.name] ?? null);
    const stats = (await rows(db, buildDateOrderStatsSql(input.table, dateColumns, cleanDates)))[0]!;
    dateColumns.forEach((c, i) => {
      const s = {
        column: c.name,
        values: num(stats[`n${i}`]),
        firstOver12: num(stats[`f${i}`]),
        secondOver12: num(stats[`s${i}`]),
      };
      dateOrders.push(decideDateOrder(s, cleaning.dateOrder));
    });
  }
  const plan: CleaningPlan = {
    source: input,
    mapping,
    cleaning,
    dateOrder: Object.fromEntries(dateRoles.map((r, i) => [r, dateOrders[i]!.order])),
    granularity: 'order_rows',
    today: options.today ?? localToday(),
    ...(options.tables ? { tables: options.tables } : {}),
    ...(clean ? { clean } : {}),
  };
  const t = workTables(plan);
  await db.exec(buildExactDupsSql(plan));
  plan.exactDups = num((await rows(db, `SELECT count(*) AS n FROM ${ident(t.dups)}`))[0]!.n);
  for (const sql of buildRowsSql(plan)) await db.exec(sql);

  // Group lines into orders once for the statistics and, when each order keeps one version, the
  // orders themselves (order-agg.ts); a configured versioned granularity takes the old way.
  let useAgg =
    options.fastPaths !== false &&
    cleaning.granularity !== 'first_row' &&
    cleaning.granularity !== 'order_rows';
  let g: Row = {};
  if (useAgg) {
    for (const sql of buildOrderAggSql(plan)) await db.exec(sql);
    g = (await rows(db, buildAggStatsSql(plan)))[0]!;
    // An id of the file that looks like a synthesised one could share its group: count exactly.
    if (num(g.row_like_ids) > 0) useAgg = false;
  }
  if (!useAgg) {
    await db.exec(`DROP TABLE IF EXISTS ${ident(t.agg)}`);
    const lineRoles = LINE_ROLES.filter((r) => mapping[r] !== undefined);
    g = (await rows(db, buildGranularityStatsSql(t.rows, cleaning.dropExactDuplicates, lineRoles)))[0]!;
  }
  const stats: GranularityStats = {
    orders: num(g.orders),
    multi: num(g.multi),
    extraRows: num(g.extra_rows),
    extraRowsWithoutAmount: num(g.extra_rows_without_amount),
    firstRowOnly: num(g.first_row_only),
    sameAmountEveryRow: num(g.same_amount_every_row),
    linesVary: num(g.lines_vary),
  };
  const granularity = decideGranularity(stats, cleaning.granularity, !!mapping.amount, !!mapping.unit_price);
  plan.granularity = granularity.mode;
  if (clean && stats.multi === 0 && num(g.row_like_ids) === 0) plan.singleRowOrders = true;
  plan.ordersFromAgg =
    useAgg && (stats.multi === 0 || plan.granularity === 'line_sum' || plan.granularity === 'repeated_total');
  if (useAgg && !plan.ordersFromAgg) await db.exec(`DROP TABLE IF EXISTS ${ident(t.agg)}`);
  for (const sql of buildOrdersSql(plan)) await db.exec(sql);

  const report = buildReportSql(plan);
  const reasons: Partial<Record<ReasonCode, number>> = {};
  let rowsRead = 0;
  let rowsUsed = 0;
  for (const r of await rows(db, report.reasons)) {
    rowsRead += num(r.n);
    if (r.reason === null) rowsUsed += num(r.n);
    else reasons[r.reason as ReasonCode] = num(r.n);
  }
  if (report.usedRows) {
    rowsUsed = num((await rows(db, report.usedRows))[0]!.n);
    rowsRead += rowsUsed;
  }
  const counts = buildRepairCountsSql(plan);
  const countRow = (await rows(db, counts.sql))[0]!;
  const repairs: Partial<Record<RepairKind, number>> = {};
  counts.kinds.forEach((kind, i) => {
    const n = num(countRow[`r${i}`]);
    if (n > 0) repairs[kind] = (repairs[kind] ?? 0) + n;
  });
  if (mapping.order_time && mapping.paid_time) {
    const n = num((await rows(db, report.timeFromPaid))[0]!.n);
    if (n > 0) repairs.order_time_from_paid_time = n;
  }
  if (num(countRow.row_count) !== rowsRead) {
    throw new Error(`cleaning read ${rowsRead} rows but the source has ${num(countRow.row_count)}`);
  }
  const statuses = mapping.status
    ? (await rows(db, report.statuses)).map((r) => {
        const status = (r.status as OrderStatus | null) ?? null;
        return {
          raw: r.raw as string | null,
          status,
          purchase: isPurchaseStatus(status, cleaning.statusRules),
          rows: num(r.n),
        };
      })
    : [];
  const orders = (await rows(db, report.orders))[0]!;
  if (!options.keepWorkTables) for (const sql of report.dropWork) await db.exec(sql);

  const result: CleaningReport = {
    kind: 'orders',
    rowsRead,
    rowsUsed,
    rowsSetAside: rowsRead - rowsUsed,
    reasons,
    repairs,
    orders: { total: num(orders.total), purchases: num(orders.purchases) },
    granularity,
    dateOrders,
    questions: dateOrders.flatMap((d) => (d.question ? [d.question] : [])),
    statuses,
    tables: { ordersClean: t.ordersClean, purchases: t.purchases, setAside: t.setAside },
  };
  assertReportAddsUp(result);
  return result;
}
