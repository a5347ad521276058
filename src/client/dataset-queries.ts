/**
 * The queries the dataset screens need besides the cleaning itself: the set-aside rows as the user
 * sees and exports them (PII masked unless revealed), and removing a second dataset's cleaned tables.
 * The SQL comes from the pure cleaning builders; the UI asks for results here and never builds SQL.
 */
import type { EngineClient, EngineErrorData } from './engine-client.ts';
import type { PiiKind } from '../ingest/pii/mask.ts';
import type { SourceColumn } from '../ingest/repair/repair-types.ts';
import { cleaningOutputRelations, setAsideAliases } from '../ingest/cleaning/build-cleaning-sql.ts';
import { buildSetAsideViewSql } from '../ingest/cleaning/build-set-aside-sql.ts';
import {
  buildDropRelationsSql,
  buildRelationsSql,
  type Relation,
} from '../analyses/lifecycle/build-relations-sql.ts';
import type { CleaningTables } from '../ingest/cleaning/cleaning-plan.ts';

export { looksLikeCustomers } from '../ingest/cleaning/build-customers-cleaning-sql.ts';

/** Columns of a set-aside table: source row, reason, then the source's columns (renamed where they clash). */
export function setAsideColumns(columns: readonly SourceColumn[]): string[] {
  return ['source_row', 'reason', ...setAsideAliases(columns)];
}

/** The set-aside rows of `table`, masked per `pii`; `limit` for the view, none for exports. */
export function setAsideQuery(spec: {
  table: string;
  columns: readonly string[];
  pii: Readonly<Record<string, PiiKind>>;
  limit?: number | undefined;
}): string {
  return buildSetAsideViewSql({
    table: spec.table,
    columns: spec.columns,
    pii: spec.pii,
    ...(spec.limit === undefined ? {} : { limit: spec.limit }),
  });
}

/** Drop whatever a cleaning into `tables` created (tables and views that exist); the first error, or null. */
export async function dropCleaningOutputs(
  engine: Pick<EngineClient, 'query' | 'exec'>,
  tables: CleaningTables,
): Promise<EngineErrorData | null> {
  const names = cleaningOutputRelations(tables).map((r) => r.name);
  const found = await engine.query(buildRelationsSql(names));
  if (!found.ok) return found.error;
  const relations = found.value.rows.map((r) => ({ name: String(r.name), kind: r.kind as Relation['kind'] }));
  for (const sql of buildDropRelationsSql(relations)) {
    const dropped = await engine.exec(sql);
    if (!dropped.ok) return dropped.error;
  }
  return null;
}
