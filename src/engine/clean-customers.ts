/**
 * Run cleaning for one loaded customers table (issue 3): repair macros, then customers_clean /
 * customers_set_aside (src/ingest/cleaning/build-customers-cleaning-sql.ts) and the report.
 */
import * as v from 'valibot';
import type { CleanSourceInput, CustomerCleaningOptions, CustomerCleaningReport } from './engine-api.ts';
import type { DbPort } from './db-port.ts';
import { queryRows as rows } from './query-rows.ts';
import { CleaningSchema, type CleaningConfig } from '../config/schema.ts';
import { ensureRepairMacros } from './repair-macros.ts';
import {
  buildCustomerReportSql,
  buildCustomersCleaningSql,
  customerTables,
  validateCustomersMapping,
  type CustomerCleaningPlan,
  type CustomerReasonCode,
  type CustomerRepairKind,
  type CustomerRole,
} from '../ingest/cleaning/build-customers-cleaning-sql.ts';
import { assertReportAddsUp, toCleaningJson, type CleaningJsonMeta } from '../ingest/cleaning/report.ts';
import { CleaningInputError } from './clean-source.ts';

export type { CustomerCleaningOptions, CustomerCleaningReport };

const num = (x: unknown) => Number(x ?? 0);

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function runCustomerCleaning(
  db: DbPort,
  input: CleanSourceInput,
  options: CustomerCleaningOptions,
): Promise<CustomerCleaningReport> {
  const issues = validateCustomersMapping(options.mapping, input.columns);
  if (issues.length) throw new CleaningInputError(issues);
  const cleaning: CleaningConfig = v.parse(CleaningSchema, options.cleaning ?? {});
  const plan: CustomerCleaningPlan = {
    source: input,
    mapping: options.mapping as Partial<Record<CustomerRole, string>>,
    cleaning,
    today: options.today ?? localToday(),
    ...(options.tables ? { tables: options.tables } : {}),
  };
  await ensureRepairMacros(db);
  for (const sql of buildCustomersCleaningSql(plan)) await db.exec(sql);

  const report = buildCustomerReportSql(plan);
  const reasons: Partial<Record<CustomerReasonCode, number>> = {};
  let rowsRead = 0;
  let rowsUsed = 0;
  for (const r of await rows(db, report.reasons)) {
    rowsRead += num(r.n);
    if (r.reason === null) rowsUsed += num(r.n);
    else reasons[r.reason as CustomerReasonCode] = num(r.n);
  }
  const repairs: Partial<Record<CustomerRepairKind, number>> = {};
  const countRow = (await rows(db, report.repairs.sql))[0]!;
  report.repairs.kinds.forEach((kind, i) => {
    const n = num(countRow[`r${i}`]);
    if (n > 0) repairs[kind] = (repairs[kind] ?? 0) + n;
  });
  const contacts = (await rows(db, report.contacts))[0]!;
  for (const kind of ['invalid_phone', 'invalid_email', 'age_out_of_range'] as const) {
    const n = num(contacts[kind]);
    if (n > 0) repairs[kind] = n;
  }
  if (num(countRow.row_count) !== rowsRead) {
    throw new Error(`customer cleaning read ${rowsRead} rows but the source has ${num(countRow.row_count)}`);
  }
  const customers = num((await rows(db, report.customers))[0]!.n);
  if (!options.keepWorkTables) for (const sql of report.dropWork) await db.exec(sql);
  const t = customerTables(plan);
  const result: CustomerCleaningReport = {
    kind: 'customers',
    rowsRead,
    rowsUsed,
    rowsSetAside: rowsRead - rowsUsed,
    reasons,
    repairs,
    customers,
    tables: { customersClean: t.customersClean, setAside: t.setAside },
  };
  assertReportAddsUp(result);
  if (customers !== rowsUsed) throw new Error(`customers_clean has ${customers} rows, expected ${rowsUsed}`);
  return result;
}

/** DIR/customers_cleaning.json: the same keys, order and zero-omission as cleaning.json. */
export function toCustomerCleaningJson(report: CustomerCleaningReport, meta: CleaningJsonMeta) {
  return toCleaningJson(report, meta);
}
