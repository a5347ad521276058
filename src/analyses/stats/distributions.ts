/**
 * Normal and Student t distributions in plain TypeScript (issue 13), the reference the SQL macros of
 * build-stats-sql.ts are tested against, and the source of the constants they use (z for 95 % and
 * 80 %). No dependency: a few well-known published algorithms.
 *
 * - normalUpper / normalCdf: W. J. Cody's rational approximation as given by G. West, "Better
 *   approximations to cumulative normal functions" (Wilmott, 2005), Hart's 1968 double-precision
 *   algorithm 5666; upper tail computed directly (no 1 − x cancellation).
 * - normalQuantile: P. J. Acklam's rational approximation, refined by one Halley step.
 * - tTwoTailed: exact, 1 − |T| = I_{ν/(ν+t²)}(ν/2, 1/2), the regularised incomplete beta by the
 *   continued fraction of Numerical Recipes (Lentz), log-gamma by Lanczos (g = 7, 9 terms).
 */

/** P(Z > |x|) for a standard normal Z (Hart 1968 / West 2005). */
export function normalUpper(x: number): number {
  const a = Math.abs(x);
  if (a > 37) return 0;
  const e = Math.exp((-a * a) / 2);
  if (a < 7.07106781186547) {
    let n = 3.52624965998911e-2 * a + 0.700383064443688;
    n = n * a + 6.37396220353165;
    n = n * a + 33.912866078383;
    n = n * a + 112.079291497871;
    n = n * a + 221.213596169931;
    n = n * a + 220.206867912376;
    let d = 8.83883476483184e-2 * a + 1.75566716318264;
    d = d * a + 16.064177579207;
    d = d * a + 86.7807322029461;
    d = d * a + 296.564248779674;
    d = d * a + 637.333633378831;
    d = d * a + 793.826512519948;
    d = d * a + 440.413735824752;
    return (e * n) / d;
  }
  let b = a + 0.65;
  b = a + 4 / b;
  b = a + 3 / b;
  b = a + 2 / b;
  b = a + 1 / b;
  return e / b / 2.506628274631;
}

/** P(Z ≤ x). */
export function normalCdf(x: number): number {
  const upper = normalUpper(x);
  return x > 0 ? 1 - upper : upper;
}

const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** The x with P(Z ≤ x) = p, 0 < p < 1 (Acklam, one Halley refinement). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
      (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** z for a two-sided 95 % interval and for 80 % power (computed once, used as SQL literals). */
export const Z_975 = normalQuantile(0.975);
export const Z_80 = normalQuantile(0.8);

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x), x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function betaRegularized(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(|T| ≥ |t|) for Student's t with ν > 0 degrees of freedom (exact). */
export function tTwoTailed(t: number, df: number): number {
  return betaRegularized(df / (df + t * t), df / 2, 0.5);
}

/** The t with P(T ≤ t) = p for ν degrees of freedom (bisection on the exact tail). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  const upper = p > 0.5 ? 1 - p : p;
  let lo = 0;
  let hi = 1;
  while (tTwoTailed(hi, df) / 2 > upper) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tTwoTailed(mid, df) / 2 > upper) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return p > 0.5 ? t : -t;
}
