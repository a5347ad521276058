/**
 * What a dropped file lacks for the role it looks like (issue 17): the role its headers fit best —
 * complete or not — and the required fields the proposed mapping leaves without a column. A filled
 * template with a required column deleted or renamed is named as such rather than just "unknown".
 */
import type { RoleGuess } from '../mapping/classify-dataset.ts';
import { roleDeclaration, type DatasetRole } from '../roles/index.ts';

/** Requirements of the role (roles/) that the mapping leaves without a column, each its alternatives. */
export function missingRequirements(role: string, mapping: Readonly<Record<string, string>>): string[][] {
  return roleDeclaration(role)
    .required.map((q) => (typeof q === 'string' ? [q] : [...q]))
    .filter((any) => !any.some((r) => Object.hasOwn(mapping, r)));
}

export interface FileFit {
  role: DatasetRole;
  /** Requirements without a column (empty: the file can be used as that role). */
  missing: string[][];
}

/**
 * Below this score a file is not said to look like any role: half the score is the requirements
 * met, half the share of columns recognised by header.
 */
export const LOOKS_LIKE_SCORE = 0.4;

/**
 * The role the file fits best by score — complete or not — and what it lacks; null when no role scores
 * LOOKS_LIKE_SCORE. An orders file without its amount column still reads as orders (lacking the
 * amount), though it is complete as a customer list: the user hears what to add, not a quiet "customers".
 */
export function fileFit(guesses: readonly RoleGuess[]): FileFit | null {
  const best = [...guesses].sort((a, b) => b.score - a.score || Number(b.complete) - Number(a.complete))[0];
  if (!best || best.score < LOOKS_LIKE_SCORE) return null;
  return { role: best.role, missing: best.complete ? [] : missingRequirements(best.role, best.mapping) };
}
