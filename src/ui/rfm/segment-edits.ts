/**
 * Pure edits of the segment rule list (issue 4 "Segments": add, rename, reorder, delete, edit
 * ranges or RFM code lists). Each returns a new array; the state class stores it in the config.
 */
import {
  MAX_SEGMENTS,
  RFM_DIMENSIONS,
  type LocalizedText,
  type RfmDimension,
  type RfmSegment,
  type SegmentRule,
} from '../../analyses/rfm/rfm-config.ts';
import { gridCells, rfmCode, ruleMatches, type ScoreGrid } from '../../analyses/rfm/segment-rules.ts';

/** The first free `segment_<n>` id. */
export function nextSegmentId(segments: readonly RfmSegment[]): { id: string; n: number } {
  const used = new Set(segments.map((s) => s.id));
  let n = 1;
  while (used.has(`segment_${n}`)) n++;
  return { id: `segment_${n}`, n };
}

/** A rule covering the whole grid: as the last rule it collects every customer not matched above. */
export function fullRangesRule(grid: ScoreGrid): SegmentRule {
  return { ranges: { r: [1, grid.r], f: [1, grid.f], m: [1, grid.m] }, any: false };
}

/** Append a new segment (at most MAX_SEGMENTS); `label` gets the number of the new id. */
export function addSegment(
  segments: readonly RfmSegment[],
  grid: ScoreGrid,
  label: (n: number) => LocalizedText,
): RfmSegment[] {
  if (segments.length >= MAX_SEGMENTS) return [...segments];
  const { id, n } = nextSegmentId(segments);
  return [...segments, { id, label: label(n), rule: fullRangesRule(grid), action: { 'zh-CN': '', en: '' } }];
}

export function removeSegment(segments: readonly RfmSegment[], id: string): RfmSegment[] {
  return segments.filter((s) => s.id !== id);
}

/** Move a segment up (delta −1) or down (+1); out-of-range moves change nothing. */
export function moveSegment(segments: readonly RfmSegment[], id: string, delta: -1 | 1): RfmSegment[] {
  const out = [...segments];
  const i = out.findIndex((s) => s.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export function patchSegment(
  segments: readonly RfmSegment[],
  id: string,
  patch: (s: RfmSegment) => RfmSegment,
): RfmSegment[] {
  return segments.map((s) => (s.id === id ? patch(s) : s));
}

/** Set (or clear, with null) one dimension's inclusive score range of a ranges rule; lo > hi is swapped. */
export function withRange(
  rule: SegmentRule,
  d: RfmDimension,
  range: readonly [number, number] | null,
): SegmentRule {
  if ('codes' in rule) return rule;
  const ranges = { ...rule.ranges };
  if (range === null) delete ranges[d];
  else ranges[d] = range[0] <= range[1] ? [range[0], range[1]] : [range[1], range[0]];
  return { ranges, any: rule.any };
}

/** Switch a rule to an RFM code list holding exactly the grid cells it matched. */
export function toCodesRule(rule: SegmentRule, grid: ScoreGrid): SegmentRule {
  if ('codes' in rule) return rule;
  return {
    codes: gridCells(grid)
      .filter((c) => ruleMatches(rule, c))
      .map(rfmCode),
  };
}

/** Switch a rule to score ranges: the bounding box of its codes (or the whole grid when empty). */
export function toRangesRule(rule: SegmentRule, grid: ScoreGrid): SegmentRule {
  if (!('codes' in rule)) return rule;
  if (rule.codes.length === 0) return fullRangesRule(grid);
  const digits = rule.codes.map((c) => ({ r: Math.floor(c / 100), f: Math.floor(c / 10) % 10, m: c % 10 }));
  const ranges: Partial<Record<RfmDimension, [number, number]>> = {};
  for (const d of RFM_DIMENSIONS) {
    const v = digits.map((x) => x[d]);
    ranges[d] = [Math.min(...v), Math.max(...v)];
  }
  return { ranges, any: false };
}

export type CodesParse = { ok: true; codes: number[] } | { ok: false; bad: string[] };

/** Parse "555, 554 545" (commas, spaces, 、 or ；) into distinct RFM codes in the order given. */
export function parseCodes(text: string): CodesParse {
  const tokens = text.split(/[\s,，、;；]+/).filter(Boolean);
  const bad = tokens.filter((t) => !/^[1-9]{3}$/.test(t));
  if (bad.length) return { ok: false, bad };
  const codes = [...new Set(tokens.map(Number))];
  return codes.length > 729 ? { ok: false, bad: [String(codes.length)] } : { ok: true, codes };
}

export function formatCodes(codes: readonly number[]): string {
  return codes.join(', ');
}
