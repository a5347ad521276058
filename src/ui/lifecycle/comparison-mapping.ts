/**
 * The mapping of a second orders file for the group comparison (issue 6). There is no mapping screen
 * for it, so it is only cleaned when the choice is safe: the main file's own mapping when every one
 * of its columns is in the second file (same export format, already checked by the user), else the
 * automatic proposal under the rule that lets the main file be cleaned without asking.
 */
import type { MappingProposal } from '../../ingest/mapping/propose-mapping.ts';
import { validateOrdersMapping } from '../../ingest/cleaning/validate-mapping.ts';
import type { SourceColumn } from '../../ingest/repair/repair-exprs.ts';
import { unsureRoles } from '../analysis/analysis-state.svelte.ts';

export interface ComparisonMapping {
  mapping: Record<string, string>;
  /** Roles still needed, each a list of alternatives (order_time | paid_time). */
  missing: string[][];
  /** Key roles whose column the proposal is not sure about. */
  unsure: string[];
  /** The main file's mapping was reused. */
  reused: boolean;
}

function missingRoles(mapping: Readonly<Record<string, string>>, columns: readonly SourceColumn[]) {
  return validateOrdersMapping(mapping, columns)
    .filter((i) => i.code === 'missing_role')
    .map((i) => i.role.split('|'));
}

export function comparisonMapping(
  proposal: MappingProposal,
  columns: readonly SourceColumn[],
  mainMapping: Readonly<Record<string, string>>,
): ComparisonMapping {
  const names = new Set(columns.map((c) => c.name));
  const main = Object.values(mainMapping);
  if (
    main.length > 0 &&
    main.every((c) => names.has(c)) &&
    validateOrdersMapping(mainMapping, columns).length === 0
  )
    return { mapping: { ...mainMapping }, missing: [], unsure: [], reused: true };
  const mapping = { ...proposal.mapping };
  const missing = missingRoles(mapping, columns);
  return { mapping, missing, unsure: missing.length ? [] : unsureRoles(proposal, mapping), reused: false };
}

/** Cleaning may run without asking the user. */
export function mappingUsable(m: ComparisonMapping): boolean {
  return m.missing.length === 0 && m.unsure.length === 0;
}
