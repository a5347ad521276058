/**
 * Cleaning several files of the same role as one dataset (issue 12 item 1): combine them
 * (src/ingest/cleaning/combine-files.ts), clean the combined table as any orders table, then add the
 * rows superseded by a later file to the set-aside rows and count every file (read = used + set aside).
 */
import type { DbPort } from './db-port.ts';
import type { CleanSourceOptions, CleanSourcePart } from './engine-api.ts';
import { runCleaning } from './clean-source.ts';
import { queryRows } from './query-rows.ts';
import { TABLES } from '../ingest/canonical.ts';
import { ident } from '../sql/quote.ts';
import { validateOrdersMapping } from '../ingest/cleaning/validate-mapping.ts';
import { CleaningInputError } from './clean-source.ts';
import {
  buildCombinedSetAsideSql,
  combinedSetAsideColumns,
  buildCombineSql,
  buildDropCombineWorkSql,
  buildFileCountsSql,
  buildOverlapOrdersSql,
  planCombine,
} from '../ingest/cleaning/combine-files.ts';
import { assertReportAddsUp, type CleaningReport, type FileCount } from '../ingest/cleaning/report.ts';

const num = (x: unknown) => Number(x ?? 0);

/** The combined source table of a cleaning into `ordersClean` (kept: the set-aside rows come from it). */
export function combinedSourceTable(ordersClean: string): string {
  return `${ordersClean}__src`;
}

export async function runCombinedCleaning(
  db: DbPort,
  parts: readonly CleanSourcePart[],
  options: CleanSourceOptions,
): Promise<CleaningReport> {
  for (const p of parts) {
    const issues = validateOrdersMapping(p.mapping, p.columns);
    if (issues.length) throw new CleaningInputError(issues);
  }
  const outputs = { ...TABLES, ...options.tables };
  const plan = planCombine(parts, combinedSourceTable(outputs.ordersClean));
  for (const sql of buildCombineSql(plan)) await db.exec(sql);
  const report = await runCleaning(
    db,
    { table: plan.target, columns: plan.columns },
    { ...options, mapping: plan.mapping },
  );
  const counts = await queryRows(db, buildFileCountsSql(plan, report.tables.setAside));
  const [overlap] = await queryRows(db, buildOverlapOrdersSql(plan));
  const [period] = await queryRows(
    db,
    `SELECT CAST(min(order_date) AS VARCHAR) AS first, CAST(max(order_date) AS VARCHAR) AS last FROM ${ident(report.tables.purchases)}`,
  );
  await db.exec(buildCombinedSetAsideSql(plan, report.tables.setAside));
  for (const sql of buildDropCombineWorkSql(plan)) await db.exec(sql);

  const files: FileCount[] = parts.map((p, i) => {
    const row = counts.find((r) => num(r.part) === i);
    const read = num(row?.rows_read);
    const duplicateRows = num(row?.dup_rows);
    const replacedRows = num(row?.rep_rows);
    const setAside = num(row?.cleaning_set_aside) + duplicateRows + replacedRows;
    return {
      file: p.label,
      rowsRead: read,
      rowsUsed: read - setAside,
      rowsSetAside: setAside,
      duplicateRows,
      replacedRows,
    };
  });
  const dup = files.reduce((a, f) => a + f.duplicateRows, 0);
  const rep = files.reduce((a, f) => a + f.replacedRows, 0);
  const reasons = { ...report.reasons };
  if (dup > 0) reasons.duplicate_across_files = dup;
  if (rep > 0) reasons.replaced_by_later_file = rep;
  const combined: CleaningReport = {
    ...report,
    rowsRead: report.rowsRead + dup + rep,
    rowsSetAside: report.rowsSetAside + dup + rep,
    reasons,
    files,
    overlap: { deduplicated: num(overlap?.deduplicated), replaced: num(overlap?.replaced) },
    period: {
      first: (period?.first as string | null) ?? null,
      last: (period?.last as string | null) ?? null,
    },
    setAsideColumns: combinedSetAsideColumns(plan),
  };
  assertReportAddsUp(combined);
  const sum = (k: 'rowsRead' | 'rowsUsed' | 'rowsSetAside') => files.reduce((a, f) => a + f[k], 0);
  if (
    sum('rowsRead') !== combined.rowsRead ||
    sum('rowsUsed') !== combined.rowsUsed ||
    sum('rowsSetAside') !== combined.rowsSetAside
  ) {
    throw new Error('cleaning counts per file do not add up to the totals');
  }
  return combined;
}
