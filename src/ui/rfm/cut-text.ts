/**
 * The score each range of values gets under the cut points (issue 4 "Scoring": bins are [lower, upper);
 * recency is reversed), as text for the cut-points panel. Whole-number values (days idle, purchases) with
 * whole cut points read as marketers write them, both ends included: cuts 30, 60 → "≤ 29", "30–59",
 * "≥ 60" (so a customer at exactly 30 days is visibly in the second bin); other values keep the
 * half-open form "< 31", "31 – < 61", "≥ 61".
 */
import type { RfmDimension } from '../../analyses/rfm/rfm-config.ts';

export interface ScoreBin {
  score: number;
  /** Human-readable range; `fmt` formats the numbers. */
  range: string;
}

/** Bins from the highest score down; tied cut points give empty bins, which are left out. */
export function scoreBins(
  d: RfmDimension,
  cuts: readonly number[],
  fmt: (n: number) => string,
  wholeValues = false,
): ScoreBin[] {
  const whole = wholeValues && cuts.every(Number.isInteger);
  const k = cuts.length + 1;
  const out: ScoreBin[] = [];
  for (let i = 0; i < k; i++) {
    const lo = i === 0 ? null : cuts[i - 1]!;
    const hi = i === k - 1 ? null : cuts[i]!;
    if (lo !== null && hi !== null && hi <= lo) continue;
    const range =
      lo === null && hi === null
        ? '—'
        : lo === null
          ? whole
            ? `≤ ${fmt(hi! - 1)}`
            : `< ${fmt(hi!)}`
          : hi === null
            ? `≥ ${fmt(lo)}`
            : !whole
              ? `${fmt(lo)} – < ${fmt(hi)}`
              : hi - 1 === lo
                ? fmt(lo)
                : `${fmt(lo)}–${fmt(hi - 1)}`;
    out.push({ score: d === 'r' ? k - i : i + 1, range });
  }
  return out.sort((a, b) => b.score - a.score);
}
