/**
 * Segment rules in TypeScript (issue 4 "Segments"): the same first-match-wins evaluation the SQL
 * builder runs, plus a static analysis over the score grid (kR × kF × kM cells) that flags rules
 * that can never match and rules that overlap, and live segment counts from per-cell counts (so the
 * segment editor updates instantly without re-running SQL).
 */
import {
  levelsOf,
  OTHER_SEGMENT,
  type LocalizedText,
  type RfmCuts,
  type RfmSegment,
  type SegmentRule,
} from './rfm-config.ts';
import { OTHER_LABEL } from './presets.ts';

export interface Scores {
  r: number;
  f: number;
  m: number;
}
/** Levels k per dimension. */
export type ScoreGrid = Scores;

export function gridOf(cuts: RfmCuts): ScoreGrid {
  return { r: levelsOf(cuts.r), f: levelsOf(cuts.f), m: levelsOf(cuts.m) };
}

export function rfmCode(s: Scores): number {
  return s.r * 100 + s.f * 10 + s.m;
}

export function ruleMatches(rule: SegmentRule, s: Scores): boolean {
  if ('codes' in rule) return rule.codes.includes(rfmCode(s));
  const tests = (['r', 'f', 'm'] as const)
    .filter((d) => rule.ranges[d] !== undefined)
    .map((d) => {
      const [lo, hi] = rule.ranges[d]!;
      return s[d] >= lo && s[d] <= hi;
    });
  return rule.any ? tests.some(Boolean) : tests.every(Boolean);
}

/** The id of the first segment whose rule matches, else `other`. */
export function assignSegment(segments: readonly RfmSegment[], s: Scores): string {
  return segments.find((seg) => ruleMatches(seg.rule, s))?.id ?? OTHER_SEGMENT;
}

/** Every cell of the grid, R outermost. */
export function gridCells(grid: ScoreGrid): Scores[] {
  const cells: Scores[] = [];
  for (let r = 1; r <= grid.r; r++)
    for (let f = 1; f <= grid.f; f++) for (let m = 1; m <= grid.m; m++) cells.push({ r, f, m });
  return cells;
}

export type RuleIssueKind = 'never_matches' | 'shadowed' | 'overlap' | 'unmatched_cells';
export interface RuleIssue {
  kind: RuleIssueKind;
  severity: 'warning' | 'info';
  /** The rule concerned (absent for `unmatched_cells`). */
  segment?: string;
  /** Earlier rules that take this rule's cells (shadowed / overlap). */
  by?: string[];
  /** Cells concerned. */
  cells: number;
  message: LocalizedText;
}
export interface RuleAnalysis {
  /** Cells each segment actually wins (first match), in rule order; `other` last. */
  cellsWon: Record<string, number>;
  /** RFM codes of cells no rule matches (they go to `other`). */
  unmatchedCodes: number[];
  issues: RuleIssue[];
}

const both = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Flag never-matching, shadowed and overlapping rules over the grid; messages in zh-CN and en. */
export function analyzeSegmentRules(segments: readonly RfmSegment[], grid: ScoreGrid): RuleAnalysis {
  const cells = gridCells(grid);
  const owner: (string | null)[] = cells.map(() => null);
  const cellsWon: Record<string, number> = {};
  const issues: RuleIssue[] = [];
  const label = (id: string) => segments.find((s) => s.id === id)!.label;
  const names = (ids: string[], lang: 'zh-CN' | 'en') =>
    ids.map((i) => `“${label(i)[lang]}”`).join(lang === 'en' ? ', ' : '、');

  for (const seg of segments) {
    const mine = cells.map((c, i) => (ruleMatches(seg.rule, c) ? i : -1)).filter((i) => i >= 0);
    const taken = mine.filter((i) => owner[i] !== null);
    const takers = [...new Set(taken.map((i) => owner[i]!))];
    const l = seg.label;
    if (mine.length === 0) {
      issues.push({
        kind: 'never_matches',
        severity: 'warning',
        segment: seg.id,
        cells: 0,
        message: both(
          `规则“${l['zh-CN']}”不可能匹配：它的条件落在 ${grid.r}×${grid.f}×${grid.m} 评分网格之外。`,
          `Rule “${l.en}” can never match: its conditions fall outside the ${grid.r}×${grid.f}×${grid.m} score grid.`,
        ),
      });
    } else if (taken.length === mine.length) {
      issues.push({
        kind: 'shadowed',
        severity: 'warning',
        segment: seg.id,
        by: takers,
        cells: mine.length,
        message: both(
          `规则“${l['zh-CN']}”永远不会生效：它的 ${mine.length} 个评分组合都已被前面的规则 ${names(takers, 'zh-CN')} 占用。`,
          `Rule “${l.en}” never applies: all ${mine.length} of its score combinations are taken by earlier rules ${names(takers, 'en')}.`,
        ),
      });
    } else if (taken.length > 0) {
      issues.push({
        kind: 'overlap',
        severity: 'info',
        segment: seg.id,
        by: takers,
        cells: taken.length,
        message: both(
          `规则“${l['zh-CN']}”与前面的规则 ${names(takers, 'zh-CN')} 重叠 ${taken.length} 个评分组合，这些客户归入前面的规则。`,
          `Rule “${l.en}” overlaps earlier rules ${names(takers, 'en')} on ${taken.length} score combinations; those customers go to the earlier rule.`,
        ),
      });
    }
    let won = 0;
    for (const i of mine) {
      if (owner[i] === null) {
        owner[i] = seg.id;
        won++;
      }
    }
    cellsWon[seg.id] = won;
  }
  const unmatchedCodes = cells.filter((_, i) => owner[i] === null).map(rfmCode);
  cellsWon[OTHER_SEGMENT] = unmatchedCodes.length;
  if (unmatchedCodes.length > 0) {
    issues.push({
      kind: 'unmatched_cells',
      severity: 'info',
      cells: unmatchedCodes.length,
      message: both(
        `${unmatchedCodes.length} 个评分组合不属于任何规则，对应客户归入“${OTHER_LABEL['zh-CN']}”。`,
        `${unmatchedCodes.length} score combinations match no rule; those customers go to “${OTHER_LABEL.en}”.`,
      ),
    });
  }
  return { cellsWon, unmatchedCodes, issues };
}

/** Customers (and orders, revenue) per score cell, e.g. rows of buildCodeCountsSql. */
export interface CellCount extends Scores {
  customers: number;
  orders: number;
  revenue: number;
}
export interface SegmentCount {
  segment: string;
  customers: number;
  orders: number;
  revenue: number;
}

/** Live counts per segment (rule order, `other` last) from per-cell counts. */
export function segmentCountsFromCells(
  segments: readonly RfmSegment[],
  cells: readonly CellCount[],
): SegmentCount[] {
  const out = new Map<string, SegmentCount>();
  for (const id of [...segments.map((s) => s.id), OTHER_SEGMENT])
    out.set(id, { segment: id, customers: 0, orders: 0, revenue: 0 });
  for (const c of cells) {
    const row = out.get(assignSegment(segments, c))!;
    row.customers += c.customers;
    row.orders += c.orders;
    row.revenue += c.revenue;
  }
  return [...out.values()];
}
