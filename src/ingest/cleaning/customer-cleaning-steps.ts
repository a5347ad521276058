/**
 * Cleaning one customers table (issue 3) as steps (steps.ts): customers_clean / customers_set_aside
 * (build-customers-cleaning-sql.ts), then the counts of the report, checked to add up.
 */
import {
  buildCustomerReportSql,
  buildCustomersCleaningSql,
  customerTables,
  type CustomerCleaningPlan,
  type CustomerReasonCode,
  type CustomerRepairKind,
} from './build-customers-cleaning-sql.ts';
import { assertReportAddsUp, type CustomerCleaningReport } from './report.ts';
import { num, type Steps } from './steps.ts';

/** The steps of cleaning one customers table (mapping already validated); they return the report. */
export function* customerCleaningSteps(
  plan: CustomerCleaningPlan,
  keepWorkTables = false,
): Steps<CustomerCleaningReport> {
  const report = buildCustomerReportSql(plan);
  const reasons: Partial<Record<CustomerReasonCode, number>> = {};
  let rowsRead = 0;
  let rowsUsed = 0;
  for (const r of yield { sql: buildCustomersCleaningSql(plan), query: report.reasons }) {
    rowsRead += num(r.n);
    if (r.reason === null) rowsUsed += num(r.n);
    else reasons[r.reason as CustomerReasonCode] = num(r.n);
  }
  const repairs: Partial<Record<CustomerRepairKind, number>> = {};
  const [countRow] = yield { query: report.repairs.sql };
  report.repairs.kinds.forEach((kind, i) => {
    const n = num(countRow![`r${i}`]);
    if (n > 0) repairs[kind] = (repairs[kind] ?? 0) + n;
  });
  const [contacts] = yield { query: report.contacts };
  for (const kind of ['invalid_phone', 'invalid_email', 'age_out_of_range'] as const) {
    const n = num(contacts![kind]);
    if (n > 0) repairs[kind] = n;
  }
  if (num(countRow!.row_count) !== rowsRead) {
    throw new Error(`customer cleaning read ${rowsRead} rows but the source has ${num(countRow!.row_count)}`);
  }
  const customers = num((yield { query: report.customers })[0]!.n);
  if (!keepWorkTables) yield { sql: report.dropWork };
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
