/**
 * Auto-mapping: header synonyms (exact, then contained), platform preferences and value sniffing
 * combine into one proposal the user confirms or fixes. Pure: columns in, proposal out.
 */
import { REQUIRED_ROLES, type SourceKind } from '../../config/roles.ts';
import { roleDeclaration, type FieldKind } from '../roles/index.ts';
import { normalizeHeader } from './normalize-header.ts';
import { TRAPS } from './traps.ts';
import { PLATFORM_PREFERENCES, detectPlatform, type PlatformGuess } from './platforms.ts';
import { sniffColumn } from './column-sniff.ts';
import { timeLikeValues, type ColumnSniff, type Sniffed } from './sniff-values.ts';

export interface ColumnInfo {
  name: string;
  /** DuckDB type of the loaded column, e.g. VARCHAR, BIGINT, DECIMAL(18,2), TIMESTAMP. */
  type: string;
  samples: readonly string[];
  /**
   * The samples judged by the engine worker at load (issue 19 §2). When present, mapping reads it and
   * never the samples: the main thread sniffs no cell. Absent: judged here (CLI sheets, tests).
   */
  sniff?: ColumnSniff | undefined;
}

export type MatchReason = 'platform_header' | 'exact_header' | 'similar_header' | 'values_only';

export interface RoleConfidence {
  /** 0–1. ≥ 0.8 is safe to accept; below 0.5 the UI should ask. */
  score: number;
  reason: MatchReason;
  /** Whether the sample values look like what the role needs. */
  values: 'agree' | 'disagree' | 'unknown';
}

export interface MappingProposal {
  mapping: Record<string, string>;
  confidence: Record<string, RoleConfidence>;
  platform: PlatformGuess | null;
  unmapped: string[];
  /** Required roles (config/roles.ts) with no column. */
  missingRequired: string[];
}

/** Whether sniffed values fit a field of that kind; null when the kind has no value expectation. */
export function valuesFitKind(
  kind: FieldKind,
  s: Sniffed | ColumnSniff,
  samples: readonly string[] = [],
): boolean | null {
  if (s.kind === 'empty') return null;
  if (kind === 'time') {
    if (s.kind === 'date') return true;
    return 'timeLike' in s ? s.timeLike : timeLikeValues(samples);
  }
  if (kind === 'money' || kind === 'number') return s.kind === 'money' || s.kind === 'integer';
  if (kind === 'phone') return s.kind === 'phone';
  if (kind === 'email') return s.kind === 'email';
  if (kind === 'id') return s.kind !== 'date' && s.kind !== 'money' && s.kind !== 'bool';
  return null;
}

interface Candidate {
  role: string;
  column: number;
  score: number;
  reason: MatchReason;
  values: RoleConfidence['values'];
}

function isCjk(s: string): boolean {
  return /[\u3400-\u9fff]/.test(s);
}

function headerScore(
  role: string,
  header: string,
  synonyms: readonly string[],
  preferred: readonly string[],
): { score: number; reason: MatchReason } | null {
  const h = normalizeHeader(header);
  const traps = (TRAPS[role] ?? []).map(normalizeHeader);
  if (traps.some((t) => h === t || (t.length >= 3 && h.includes(t)))) return null;
  const p = preferred.map(normalizeHeader).indexOf(h);
  if (p >= 0) return { score: 0.97 - 0.01 * p, reason: 'platform_header' };
  const syns = synonyms.map(normalizeHeader);
  const exact = syns.indexOf(h);
  if (exact >= 0) return { score: 0.9 - Math.min(0.15, 0.005 * exact), reason: 'exact_header' };
  const similar = syns.findIndex((s) => (isCjk(s) ? s.length >= 3 : s.length >= 5) && h.includes(s));
  if (similar >= 0) return { score: 0.6 - Math.min(0.1, 0.005 * similar), reason: 'similar_header' };
  return null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Propose role → column for a source of `kind`. Each column serves one role at most. */
export function proposeMapping(kind: SourceKind, columns: readonly ColumnInfo[]): MappingProposal {
  const platform = detectPlatform(columns.map((c) => c.name));
  const preferences = (platform && PLATFORM_PREFERENCES[platform.id]) || {};
  const fields = roleDeclaration(kind).fields;
  const roles = fields.map((f) => f.name);
  const sniffed = columns.map((c) => c.sniff ?? sniffColumn(c.type, c.samples));
  const candidates: Candidate[] = [];
  fields.forEach(({ name: role, kind: valueKind, synonyms }) => {
    columns.forEach((col, i) => {
      const m = headerScore(role, col.name, synonyms, preferences[role] ?? []);
      if (!m) return;
      const fit = valuesFitKind(valueKind, sniffed[i]!);
      let score = m.score;
      if (fit === true) score = Math.min(0.99, score + 0.04);
      if (fit === false) score = score * 0.5;
      const values = fit === null ? 'unknown' : fit ? 'agree' : 'disagree';
      if (score >= 0.3) candidates.push({ role, column: i, score, reason: m.reason, values });
    });
  });
  candidates.sort(
    (a, b) => b.score - a.score || roles.indexOf(a.role) - roles.indexOf(b.role) || a.column - b.column,
  );
  const mapping: Record<string, string> = {};
  const confidence: Record<string, RoleConfidence> = {};
  const used = new Set<number>();
  const assign = (c: Candidate) => {
    if (Object.hasOwn(mapping, c.role) || used.has(c.column)) return;
    mapping[c.role] = columns[c.column]!.name;
    confidence[c.role] = { score: round2(c.score), reason: c.reason, values: c.values };
    used.add(c.column);
  };
  candidates.forEach(assign);

  // Values only: dates, phones and e-mails are recognisable whatever the header says.
  for (const { name: role, kind: valueKind, byValues } of fields) {
    if (Object.hasOwn(mapping, role)) continue;
    const wanted =
      valueKind === 'time' ? 'date' : valueKind === 'phone' || valueKind === 'email' ? valueKind : null;
    if (!wanted || byValues === false) continue;
    const i = columns.findIndex(
      (_, j) => !used.has(j) && sniffed[j]!.kind === wanted && sniffed[j]!.share >= 0.8,
    );
    if (i >= 0) assign({ role, column: i, score: 0.4, reason: 'values_only', values: 'agree' });
  }

  const ordered: Record<string, string> = {};
  const orderedConfidence: Record<string, RoleConfidence> = {};
  for (const role of roles) {
    if (!Object.hasOwn(mapping, role)) continue;
    ordered[role] = mapping[role]!;
    orderedConfidence[role] = confidence[role]!;
  }
  return {
    mapping: ordered,
    confidence: orderedConfidence,
    platform,
    unmapped: columns.filter((_, i) => !used.has(i)).map((c) => c.name),
    missingRequired: (REQUIRED_ROLES[kind] as readonly string[]).filter((r) => !Object.hasOwn(ordered, r)),
  };
}
