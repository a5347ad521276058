/**
 * Pure edits of one dimension's cut points (issue 4 "Scoring"): parse what the user typed, switch
 * the source (fixed / quantile / mean / median) keeping what can be kept, change the level count.
 */
import {
  levelsOf,
  MAX_CUT_POINTS,
  RFM_DIMENSIONS,
  type DimensionCuts,
  type RfmCuts,
} from '../../analyses/rfm/rfm-config.ts';
import type { DimensionCutPoints } from '../../analyses/rfm/module.ts';

export type CutSource = DimensionCuts['source'];
export const CUT_SOURCES: readonly CutSource[] = ['fixed', 'quantile', 'mean', 'median'];

export type PointsParse =
  | { ok: true; points: number[]; reversed?: true }
  | { ok: false; reason: 'empty' | 'number' | 'ascending' | 'too_many' };

/**
 * "31, 61 91" → [31, 61, 91]; also the way marketers write them, "30/60/90/180", and from the top score
 * down, "10/5/3/1" → [1, 3, 5, 10] with `reversed` (the screen says it was put in order). Thousands
 * separators are not accepted (a comma separates points); repeated or zig-zag points are refused.
 */
export function parseCutPoints(text: string): PointsParse {
  const tokens = text.split(/[\s,，、;；/／|]+/).filter(Boolean);
  if (tokens.length === 0) return { ok: false, reason: 'empty' };
  if (tokens.length > MAX_CUT_POINTS) return { ok: false, reason: 'too_many' };
  const points = tokens.map((t) => (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN));
  if (points.some((p) => !Number.isFinite(p))) return { ok: false, reason: 'number' };
  if (points.every((p, i) => i === 0 || p > points[i - 1]!)) return { ok: true, points };
  if (points.length > 1 && points.every((p, i) => i === 0 || p < points[i - 1]!))
    return { ok: true, points: points.reverse(), reversed: true };
  return { ok: false, reason: 'ascending' };
}

export function formatPoints(points: readonly number[]): string {
  return points.map((p) => String(Math.round(p * 100) / 100)).join(', ');
}

/** Distinct ascending values (tied quantile cut points collapse). */
function distinctAscending(values: readonly number[]): number[] {
  return [...new Set(values.map((v) => Math.round(v * 100) / 100))].sort((a, b) => a - b);
}

/**
 * The cuts after switching to `source`. To `fixed`: the cut points in use (so a quantile model can be
 * frozen and tweaked), else the current fixed ones; to `quantile`: the current level count; to
 * mean / median: keep the comparison basis when already two-level.
 */
export function switchSource(
  current: DimensionCuts,
  source: CutSource,
  inUse: DimensionCutPoints | null,
): DimensionCuts {
  if (source === current.source) return current;
  switch (source) {
    case 'fixed': {
      const used = distinctAscending(inUse?.cuts ?? []).slice(0, MAX_CUT_POINTS);
      if (used.length) return { source, points: used };
      if (inUse?.comparison != null) return { source, points: [Math.round(inUse.comparison * 100) / 100] };
      return { source, points: [1] };
    }
    case 'quantile': {
      const k = current.source === 'mean' || current.source === 'median' ? 5 : levelsOf(current);
      return { source, levels: Math.max(2, k) };
    }
    default: {
      if (current.source === 'mean' || current.source === 'median') return { ...current, source };
      return { source, basis: 'values', base: { source: 'quantile', levels: 5 } };
    }
  }
}

/** Set the number of quantile levels (2..MAX_CUT_POINTS + 1). */
export function withLevels(current: DimensionCuts, levels: number): DimensionCuts {
  const k = Math.min(MAX_CUT_POINTS + 1, Math.max(2, Math.round(levels)));
  if (current.source === 'quantile') return { source: 'quantile', levels: k };
  return current;
}

/** Whether any dimension's cut points come from quantiles (directly or as the base of 1..k scores). */
export function usesQuantiles(cuts: RfmCuts): boolean {
  return RFM_DIMENSIONS.some((d) => {
    const c = cuts[d];
    if (c.source === 'quantile') return true;
    return (
      (c.source === 'mean' || c.source === 'median') && c.basis === 'scores' && c.base.source === 'quantile'
    );
  });
}
