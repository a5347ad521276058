/**
 * The score each range of values gets under the cut points in use (issue 4 "Scoring": bins are
 * [lower, upper); recency is reversed), as text for the cut-points panel: "5 ← < 31", "4 ← 31 – < 61".
 */
import type { RfmDimension } from '../../analyses/rfm/rfm-config.ts';

export interface ScoreBin {
  score: number;
  /** Human-readable range; `fmt` formats the numbers. */
  range: string;
}

/** Bins from the highest score down; tied cut points give empty bins, which are left out. */
export function scoreBins(d: RfmDimension, cuts: readonly number[], fmt: (n: number) => string): ScoreBin[] {
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
          ? `< ${fmt(hi!)}`
          : hi === null
            ? `≥ ${fmt(lo)}`
            : `${fmt(lo)} – < ${fmt(hi)}`;
    out.push({ score: d === 'r' ? k - i : i + 1, range });
  }
  return out.sort((a, b) => b.score - a.score);
}
