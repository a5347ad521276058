/**
 * Which role a file plays (issue 11), from its headers and sample values: each role's mapping is
 * proposed (proposeMapping, the same synonyms and value checks) and scored by how many of the role's
 * requirements it meets and how much of the file its header matches explain. Pure.
 */
import type { SourceKind } from '../../config/roles.ts';
import { ROLE_REGISTRY, type DatasetRole } from '../roles/index.ts';
import type { RoleDeclaration } from '../roles/types.ts';
import { proposeMapping, type ColumnInfo, type MappingProposal } from './propose-mapping.ts';

export interface RoleGuess {
  role: DatasetRole;
  /** 0–1: half for the requirements met, half for the share of columns matched by header. */
  score: number;
  /** Every requirement (or one of its alternatives) has a column. */
  complete: boolean;
  mapping: Record<string, string>;
  proposal: MappingProposal;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function met(role: RoleDeclaration, mapping: Readonly<Record<string, string>>): number {
  const has = (f: string) => Object.hasOwn(mapping, f);
  return role.required.filter((q) => (typeof q === 'string' ? has(q) : q.some(has))).length;
}

/** Roles ranked best first (ties keep the registry order: orders before customers before the rest). */
export function classifyDataset(columns: readonly ColumnInfo[]): RoleGuess[] {
  const guesses = ROLE_REGISTRY.map((role: RoleDeclaration): RoleGuess => {
    const proposal = proposeMapping(role.id as SourceKind, columns);
    const reached = met(role, proposal.mapping);
    // A column recognised by its values only says little about the file: it counts half.
    const evidence = Object.values(proposal.confidence).reduce(
      (sum, c) => sum + (c.reason === 'values_only' ? c.score / 2 : c.score),
      0,
    );
    const score =
      0.5 * (reached / Math.max(1, role.required.length)) +
      0.5 * Math.min(1, evidence / Math.max(1, columns.length));
    return {
      role: role.id as DatasetRole,
      score: round2(score),
      complete: reached === role.required.length,
      mapping: proposal.mapping,
      proposal,
    };
  });
  return guesses
    .map((g, i) => ({ g, i }))
    .sort((a, b) => Number(b.g.complete) - Number(a.g.complete) || b.g.score - a.g.score || a.i - b.i)
    .map(({ g }) => g);
}
