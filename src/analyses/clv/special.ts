/**
 * Special functions for the CLV models (issue 16): ln Γ (the Lanczos approximation shared with the
 * statistics module) and the Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, summed as
 * its power series with the running sum kept relative to a scale so that large a, b (customers with
 * many purchases) cannot overflow. Terms are summed until they are below 1e-16 of the sum while
 * decreasing (the series converges for |z| < 1; BG/NBD's arguments are t / (α + T + t) < 1).
 */
import { logGamma } from '../stats/distributions.ts';

export { logGamma };

/**
 * ₂F₁(a, b; c; z) for 0 ≤ z < 1, a, b > 0 and c not 0, −1, −2, … as { log: ln|F|, sign }. With
 * c > 0 every term is positive; with c < 0 (BG/NBD's a + b − 1 when a + b < 1) the terms change sign
 * until n > −c, then keep it.
 */
export function signedLogHyp2f1(a: number, b: number, c: number, z: number): { log: number; sign: number } {
  if (!(z >= 0 && z < 1)) throw new Error(`logHyp2f1: z must be in [0, 1), got ${z}`);
  if (!(a > 0 && b > 0) || (c <= 0 && Number.isInteger(c)) || !Number.isFinite(c))
    throw new Error(`logHyp2f1: needs a, b > 0 and c not 0, −1, −2, …; got ${a}, ${b}, ${c}`);
  let logScale = 0;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1_000_000; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    const size = Math.max(Math.abs(sum), Math.abs(term));
    if (size > 1e250) {
      logScale += Math.log(size);
      term /= size;
      sum /= size;
    }
    if (c + n > 0 && Math.abs(ratio) < 1 && Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return { log: logScale + Math.log(Math.abs(sum)), sign: Math.sign(sum) };
}

/** ln ₂F₁(a, b; c; z) for 0 ≤ z < 1, a, b > 0 and a positive value (see signedLogHyp2f1). */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  const r = signedLogHyp2f1(a, b, c, z);
  if (r.sign <= 0) throw new Error(`logHyp2f1: ₂F₁(${a}, ${b}; ${c}; ${z}) is not positive`);
  return r.log;
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
