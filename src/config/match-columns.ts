/**
 * When a colleague drops their files under a shared config (issue 5): match each mapped column by
 * exact name, then by normalised name (ingest/mapping/normalize-header.ts: full-width, spaces,
 * unit suffixes, case), and report what is missing or left over so the user can fix the mapping.
 */
import { normalizeHeader } from '../ingest/mapping/normalize-header.ts';
import { REQUIRED_ROLES, type SourceKind } from './roles.ts';
import type { SourceConfig } from './schema.ts';

export interface ColumnMatch {
  role: string;
  /** Column name the config expects. */
  expected: string;
  /** Column name in the user's file. */
  actual: string;
  by: 'exact' | 'normalized';
}
export interface MatchReport {
  matched: ColumnMatch[];
  /** Mapped roles whose column is not in the file; `required` per config/roles.ts. */
  missing: { role: string; expected: string; required: boolean }[];
  /** File columns no mapping uses, in file order. */
  extra: string[];
}

export function matchColumns(
  mapping: Readonly<Record<string, string>>,
  columns: readonly string[],
  kind?: SourceKind,
): MatchReport {
  const required = new Set<string>(kind ? REQUIRED_ROLES[kind] : []);
  const used = new Set<string>();
  const entries = Object.entries(mapping);
  const found = new Map<string, ColumnMatch>();
  // Exact names first for every role, so a normalised match cannot take a column another role names exactly.
  for (const [role, expected] of entries) {
    if (columns.includes(expected) && !used.has(expected)) {
      used.add(expected);
      found.set(role, { role, expected, actual: expected, by: 'exact' });
    }
  }
  for (const [role, expected] of entries) {
    if (found.has(role)) continue;
    const key = normalizeHeader(expected);
    const actual = columns.find((c) => !used.has(c) && normalizeHeader(c) === key);
    if (actual !== undefined) {
      used.add(actual);
      found.set(role, { role, expected, actual, by: 'normalized' });
    }
  }
  return {
    matched: entries.flatMap(([role]) => (found.has(role) ? [found.get(role)!] : [])),
    missing: entries
      .filter(([role]) => !found.has(role))
      .map(([role, expected]) => ({ role, expected, required: required.has(role) })),
    extra: columns.filter((c) => !used.has(c)),
  };
}

/** The source with its mapping rewritten to the user's actual column names; missing roles are dropped. */
export function applyColumnMatch(source: SourceConfig, report: MatchReport): SourceConfig {
  const mapping: Record<string, string> = {};
  for (const m of report.matched) mapping[m.role] = m.actual;
  return { ...source, mapping: mapping as SourceConfig['mapping'] };
}
