/**
 * Special functions for the CLV models (issue 16): ln Γ (the Lanczos approximation shared with the
 * statistics module) and the Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, summed as
 * its power series with the running sum kept relative to a scale so that large a, b (customers with
 * many purchases) cannot overflow. Terms are summed until they are below 1e-16 of the sum while
 * decreasing (the series converges for |z| < 1; BG/NBD's arguments are t / (α + T + t) < 1).
 */
import { logGamma } from '../stats/distributions.ts';

export { logGamma };

/** ln ₂F₁(a, b; c; z) for 0 ≤ z < 1 and a, b, c > 0 (every term positive). */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new Error(`logHyp2f1: z must be in [0, 1), got ${z}`);
  if (!(a > 0 && b > 0 && c > 0)) throw new Error(`logHyp2f1: a, b, c must be > 0, got ${a}, ${b}, ${c}`);
  let logScale = 0;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1_000_000; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (sum > 1e250) {
      logScale += Math.log(sum);
      term /= sum;
      sum = 1;
    }
    if (ratio < 1 && term < 1e-17 * sum) break;
  }
  return logScale + Math.log(sum);
}

/** ₂F₁(a, b; c; z) (see logHyp2f1). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return Math.exp(logHyp2f1(a, b, c, z));
}

/** ln(e^u + e^v) without overflow. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  const m = Math.max(u, v);
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}
