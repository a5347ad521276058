/**
 * Cleaning one touches / experiment / leads table (issue 13) as steps (steps.ts): the outputs of
 * build-role-cleaning-sql.ts, then the report's counts, checked to add up.
 */
import {
  buildRoleCleaningSql,
  buildRoleReportSql,
  roleCleaningTables,
  type GenericRole,
  type RoleCleaningPlan,
  type RoleReasonCode,
} from './build-role-cleaning-sql.ts';
import type { RepairKind } from '../repair/repair-exprs.ts';
import { assertReportAddsUp } from './report.ts';
import { num, type Steps } from './steps.ts';

/** The report of a generic role's cleaning; toCleaningJson accepts it. */
export interface RoleCleaningReport {
  kind: GenericRole;
  rowsRead: number;
  rowsUsed: number;
  rowsSetAside: number;
  reasons: Partial<Record<RoleReasonCode, number>>;
  repairs: Partial<Record<RepairKind, number>>;
  tables: { clean: string; setAside: string };
}

export function* roleCleaningSteps(
  plan: RoleCleaningPlan,
  keepWorkTables = false,
): Steps<RoleCleaningReport> {
  const report = buildRoleReportSql(plan);
  const reasons: Partial<Record<RoleReasonCode, number>> = {};
  let rowsRead = 0;
  let rowsUsed = 0;
  for (const r of yield { sql: buildRoleCleaningSql(plan), query: report.reasons }) {
    rowsRead += num(r.n);
    if (r.reason === null) rowsUsed += num(r.n);
    else reasons[r.reason as RoleReasonCode] = num(r.n);
  }
  const repairs: Partial<Record<RepairKind, number>> = {};
  const [countRow] = yield { query: report.repairs.sql };
  report.repairs.kinds.forEach((kind, i) => {
    const n = num(countRow![`r${i}`]);
    if (n > 0) repairs[kind] = (repairs[kind] ?? 0) + n;
  });
  if (num(countRow!.row_count) !== rowsRead)
    throw new Error(
      `${plan.role} cleaning read ${rowsRead} rows but the source has ${num(countRow!.row_count)}`,
    );
  const clean = num((yield { query: report.clean })[0]!.n);
  if (!keepWorkTables) yield { sql: report.dropWork };
  const t = roleCleaningTables(plan);
  const result: RoleCleaningReport = {
    kind: plan.role,
    rowsRead,
    rowsUsed,
    rowsSetAside: rowsRead - rowsUsed,
    reasons,
    repairs,
    tables: { clean: t.clean, setAside: t.setAside },
  };
  assertReportAddsUp(result);
  if (clean !== rowsUsed) throw new Error(`${t.clean} has ${clean} rows, expected ${rowsUsed}`);
  return result;
}
