/**
 * Whether a mapping can be cleaned: every role known, every column present, and the keys an order
 * needs — a customer id, a time (order or paid), a value (amount, or unit price × quantity).
 * Issues are values for the UI (a user's mistake), never exceptions.
 */
import { isRole } from '../../config/roles.ts';
import { ORDERS_ROLE } from '../roles/index.ts';
import type { SourceColumn } from '../repair/repair-exprs.ts';

export interface MappingIssue {
  code: 'unknown_role' | 'unknown_column' | 'missing_role' | 'column_used_twice';
  /** For missing_role: the roles of which one is needed, joined with `|`. */
  role: string;
  column?: string;
}

export function validateOrdersMapping(
  mapping: Readonly<Record<string, string>>,
  columns: readonly SourceColumn[],
): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const names = new Set(columns.map((c) => c.name));
  const seen = new Map<string, string>();
  for (const [role, column] of Object.entries(mapping)) {
    if (!isRole('orders', role)) issues.push({ code: 'unknown_role', role, column });
    else if (!names.has(column)) issues.push({ code: 'unknown_column', role, column });
    else if (seen.has(column)) issues.push({ code: 'column_used_twice', role, column });
    seen.set(column, role);
  }
  for (const need of ORDERS_ROLE.required) {
    const any: readonly string[] = typeof need === 'string' ? [need] : need;
    if (!any.some((r) => Object.hasOwn(mapping, r)))
      issues.push({ code: 'missing_role', role: any.join('|') });
  }
  return issues;
}
