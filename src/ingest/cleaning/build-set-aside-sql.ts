/**
 * The set-aside rows as the user sees and exports them: source row, reason and the original values,
 * PII masked unless the user chose to reveal it on this machine.
 */
import { buildMaskedSelectSql } from '../pii/mask-sql.ts';
import type { PiiKind } from '../pii/mask.ts';

export interface SetAsideViewSpec {
  table: string;
  /** Columns of the set-aside table in order (source_row, reason, then the source's columns). */
  columns: readonly string[];
  /** Column → PII kind to mask; empty when revealed. */
  pii: Readonly<Record<string, PiiKind>>;
  /** At most this many rows (the view); absent = all (the export). */
  limit?: number;
}

export function buildSetAsideViewSql(spec: SetAsideViewSpec): string {
  const limit = spec.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.trunc(spec.limit))}`;
  // Several files (combine-files.ts): the table is written file by file, each in row order.
  const order = spec.columns[0] === 'source_file' ? 'rowid' : '"source_row"';
  return `${buildMaskedSelectSql(spec.table, spec.columns, spec.pii)} ORDER BY ${order}${limit}`;
}
