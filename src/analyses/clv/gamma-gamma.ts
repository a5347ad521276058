/**
 * The Gamma-Gamma model of spend per transaction (issue 16): Fader, Hardie & Lee (2005), "RFM and
 * CLV: Using Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4),
 * 415–430, and Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value"
 * (brucehardie.com/notes/025). A customer's transactions are Gamma(p, ν) with ν ~ Gamma(q, γ) across
 * customers; fitted on customers with x > 0 repeat purchases and their mean repeat value m_x.
 */
import { minimize, type MinimizeOptions } from './nelder-mead.ts';
import { logGamma } from './special.ts';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendData {
  /** Repeat purchases (> 0). */
  readonly x: Float64Array;
  /** Mean value of those purchases (> 0). */
  readonly m: Float64Array;
}

/** Per-customer constants of the likelihood (ln m_x, ln x, the index of x among distinct values). */
interface Prepared {
  lnM: Float64Array;
  lnX: Float64Array;
  xIndex: Int32Array;
  xValues: Float64Array;
}

const prepared = new WeakMap<SpendData, Prepared>();

function prepare(data: SpendData): Prepared {
  let hit = prepared.get(data);
  if (hit) return hit;
  const map = new Map<number, number>();
  const xIndex = new Int32Array(data.x.length);
  for (let i = 0; i < data.x.length; i++) {
    let at = map.get(data.x[i]!);
    if (at === undefined) map.set(data.x[i]!, (at = map.size));
    xIndex[i] = at;
  }
  hit = {
    lnM: data.m.map(Math.log),
    lnX: data.x.map(Math.log),
    xIndex,
    xValues: Float64Array.from(map.keys()),
  };
  prepared.set(data, hit);
  return hit;
}

/**
 * Sum of ln f(m_x | p, q, γ; x) over customers (Fader & Hardie 2013, eq. 3); the ln Γ terms are
 * computed once per distinct x.
 */
export function gammaGammaLogLikelihood(g: GammaGammaParams, data: SpendData): number {
  const { p, q, gamma } = g;
  const pre = prepare(data);
  const lgQ = logGamma(q);
  const qLnGamma = q * Math.log(gamma);
  const head = pre.xValues.map((x) => logGamma(p * x + q) - logGamma(p * x) - lgQ + qLnGamma);
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]!;
    const px = p * x;
    total +=
      head[pre.xIndex[i]!]! +
      (px - 1) * pre.lnM[i]! +
      px * pre.lnX[i]! -
      (px + q) * Math.log(gamma + data.m[i]! * x);
  }
  return total;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  converged: boolean;
  evaluations: number;
  restarts: number;
}

export function fitGammaGamma(data: SpendData, options: MinimizeOptions = {}): GammaGammaFit {
  const toParams = (v: readonly number[]): GammaGammaParams => ({
    p: Math.exp(v[0]!),
    q: Math.exp(v[1]!),
    gamma: Math.exp(v[2]!),
  });
  // Start γ at the mean spend's scale so that large currencies (¥, ₩) converge as fast as dollars.
  let mean = 0;
  for (let i = 0; i < data.m.length; i++) mean += data.m[i]! / data.m.length;
  const result = minimize(
    (v) => (v.some((p) => Math.abs(p) > 18) ? Infinity : -gammaGammaLogLikelihood(toParams(v), data)),
    [0, Math.log(2), Math.log(Math.max(mean, 1e-6))],
    options,
  );
  return {
    params: toParams(result.x),
    logLikelihood: -result.value,
    converged: result.converged,
    evaluations: result.evaluations,
    restarts: result.restarts,
  };
}

/**
 * E[M | x, m_x]: the expected mean transaction value (Fader, Hardie & Lee 2005, eq. 5), a weighted
 * mean of the population mean pγ/(q − 1) and the customer's own m_x. For x = 0 the population mean
 * (null when q ≤ 1: the population mean does not exist).
 */
export function conditionalExpectedValue(g: GammaGammaParams, x: number, m: number): number | null {
  const { p, q, gamma } = g;
  if (x === 0) return q > 1 ? (p * gamma) / (q - 1) : null;
  return (p * (gamma + x * m)) / (p * x + q - 1);
}

/** Pearson correlation of x and m_x over the customers fitted (GG assumes them independent). */
export function frequencySpendCorrelation(data: SpendData): number | null {
  const n = data.x.length;
  if (n < 3) return null;
  let sx = 0;
  let sm = 0;
  for (let i = 0; i < n; i++) {
    sx += data.x[i]!;
    sm += data.m[i]!;
  }
  const mx = sx / n;
  const mm = sm / n;
  let cov = 0;
  let vx = 0;
  let vm = 0;
  for (let i = 0; i < n; i++) {
    const dx = data.x[i]! - mx;
    const dm = data.m[i]! - mm;
    cov += dx * dm;
    vx += dx * dx;
    vm += dm * dm;
  }
  return vx > 0 && vm > 0 ? cov / Math.sqrt(vx * vm) : null;
}
