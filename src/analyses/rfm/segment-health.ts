/**
 * Segment health (issue 12 item 7): which segments can only fill with a statistical period, and the
 * warnings a run's summary gives (a segment nobody reaches, too many customers in "other").
 *
 * With fixed F cut points whose first point is ≤ 1 (value5: F 0 = 1 point), an F score below the
 * score of one order is reached only by customers with 0 orders in the window; over the whole
 * history every customer has at least one, so a segment asking only for those F scores is empty by
 * construction. Its fix is a period (近 6 / 12 个月), in which earlier buyers get F = 0 and M = 0.
 */
import type { ResolvedRfmConfig, RfmCuts, RfmSegment } from './rfm-config.ts';
import { OTHER_SEGMENT } from './rfm-schema.ts';

/** Share of customers in "other" above which a run warns. */
export const OTHER_SHARE_LIMIT = 0.1;

export type SegmentHealthIssue =
  | { kind: 'needs_period'; segment: string }
  | { kind: 'empty'; segment: string }
  | { kind: 'other_high'; share: number };

/** F score of a customer with exactly one order in the window; null when not a fixed-bins F. */
function oneOrderScore(cuts: RfmCuts): number | null {
  const f = cuts.f;
  if (f.source !== 'fixed') return null;
  return 1 + f.points.filter((p) => p <= 1).length;
}

/** Whether every customer the rule can match has an F score only 0 orders give. */
function onlyZeroOrders(segment: RfmSegment, minScore: number): boolean {
  const rule = segment.rule;
  if ('codes' in rule) {
    return rule.codes.length > 0 && rule.codes.every((c) => Math.floor(c / 10) % 10 < minScore);
  }
  const f = rule.ranges.f;
  if (f === undefined || f[1] >= minScore) return false;
  // OR rules can match on another dimension; AND rules (or OR over F alone) need the F score.
  return !rule.any || Object.keys(rule.ranges).length === 1;
}

/** Ids of segments that can only fill with a statistical period (0 orders in it). */
export function segmentsNeedingPeriod(config: Pick<ResolvedRfmConfig, 'cuts' | 'segments'>): string[] {
  const one = oneOrderScore(config.cuts);
  if (one === null || one <= 1) return [];
  return config.segments.filter((s) => onlyZeroOrders(s, one)).map((s) => s.id);
}

/**
 * Issues of a config and its last run's per-segment counts: `needs_period` for segments empty by
 * construction over the whole history, `empty` for other segments no customer reached,
 * `other_high` when "other" holds more than OTHER_SHARE_LIMIT of the customers.
 */
export function segmentHealth(
  config: Pick<ResolvedRfmConfig, 'cuts' | 'segments' | 'window'>,
  summary: readonly { segment: string; customers: number }[],
): SegmentHealthIssue[] {
  const issues: SegmentHealthIssue[] = [];
  const needs = config.window.kind === 'all' ? new Set(segmentsNeedingPeriod(config)) : new Set<string>();
  const count = new Map(summary.map((r) => [r.segment, Number(r.customers)]));
  const total = summary.reduce((s, r) => s + Number(r.customers), 0);
  for (const s of config.segments) {
    if (needs.has(s.id)) issues.push({ kind: 'needs_period', segment: s.id });
    else if (total > 0 && (count.get(s.id) ?? 0) === 0) issues.push({ kind: 'empty', segment: s.id });
  }
  const other = count.get(OTHER_SEGMENT) ?? 0;
  if (total > 0 && other / total > OTHER_SHARE_LIMIT)
    issues.push({ kind: 'other_high', share: other / total });
  return issues;
}
