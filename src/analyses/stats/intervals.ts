/**
 * Comparing a group with a control (issue 13), in plain TypeScript: the reference the SQL of
 * build-stats-sql.ts is tested against. All intervals are two-sided 95 %.
 *
 * - wilson: Wilson score interval of one proportion.
 * - newcombe: difference p1 − p2 with Newcombe's hybrid score interval (his method 10, Statistics in
 *   Medicine 1998;17:873–890) built from the two Wilson intervals.
 * - twoProportionP: two-sided p of the pooled two-proportion z-test (null when the pooled rate is 0
 *   or 1: no variance, nothing to test).
 * - welch: difference of means with Welch's t interval and p (Welch–Satterthwaite df; null below
 *   two values per group or with zero variance in both).
 * - sampleSize*: customers per group to detect a difference with power 80 % at α 5 % (two-sided).
 */
import { normalUpper, tQuantile, tTwoTailed, Z_80, Z_975 } from './distributions.ts';

export interface Interval {
  low: number;
  high: number;
}

export function wilson(x: number, n: number, z = Z_975): Interval | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return { low: (centre - half) / denom, high: (centre + half) / denom };
}

export interface Difference extends Interval {
  diff: number;
}

export function newcombe(x1: number, n1: number, x2: number, n2: number): Difference | null {
  const w1 = wilson(x1, n1);
  const w2 = wilson(x2, n2);
  if (!w1 || !w2) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const diff = p1 - p2;
  return {
    diff,
    low: diff - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: diff + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}

export function twoProportionP(x1: number, n1: number, x2: number, n2: number): number | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return null;
  return 2 * normalUpper((x1 / n1 - x2 / n2) / se);
}

export interface Welch extends Difference {
  df: number;
  p: number;
}

export function welch(
  mean1: number,
  var1: number,
  n1: number,
  mean2: number,
  var2: number,
  n2: number,
): Welch | null {
  if (n1 < 2 || n2 < 2) return null;
  const a = var1 / n1;
  const b = var2 / n2;
  const se = Math.sqrt(a + b);
  if (!(se > 0)) return null;
  const df = (a + b) ** 2 / (a ** 2 / (n1 - 1) + b ** 2 / (n2 - 1));
  const diff = mean1 - mean2;
  const q = tQuantile(0.975, df);
  return { diff, low: diff - q * se, high: diff + q * se, df, p: tTwoTailed(diff / se, df) };
}

/** Customers per group to tell p1 from p2 (normal approximation with pooled null variance). */
export function sampleSizeProportions(p1: number, p2: number): number | null {
  if (p1 === p2) return null;
  const bar = (p1 + p2) / 2;
  const n =
    (Z_975 * Math.sqrt(2 * bar * (1 - bar)) + Z_80 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 /
    (p1 - p2) ** 2;
  return Math.ceil(n);
}

/** Customers per group to detect a difference of means `diff` with these variances. */
export function sampleSizeMeans(diff: number, var1: number, var2: number): number | null {
  if (diff === 0) return null;
  return Math.ceil(((Z_975 + Z_80) ** 2 * (var1 + var2)) / diff ** 2);
}
