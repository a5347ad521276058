/**
 * The BG/NBD model (issue 16): Fader, Hardie & Lee (2005), "“Counting Your Customers” the Easy Way:
 * An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284, with the numerically
 * stable log-likelihood of Fader & Hardie (2013), "Overcoming the BG/NBD Model's #NUM! Error Problem"
 * (brucehardie.com/notes/027). While active a customer buys at rate λ ~ Gamma(r, α); after each
 * purchase they drop out with probability p ~ Beta(a, b). Per customer: x repeat purchases, the last
 * at t_x, observed for T (all in the chosen time unit, from the first purchase).
 */
import { minimize, type MinimizeOptions } from './nelder-mead.ts';
import { logGamma, signedLogHyp2f1 } from './special.ts';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Customers with the same (x, t_x, T) counted once, with their number (the fit's input). */
export interface FrequencyRecency {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  /** Distinct values of x, t_x and T, and each triple's index into them (the likelihood's caches). */
  readonly xValues: Float64Array;
  readonly txValues: Float64Array;
  readonly TValues: Float64Array;
  readonly xIndex: Int32Array;
  readonly txIndex: Int32Array;
  readonly TIndex: Int32Array;
}

function indexOf(values: Float64Array): { distinct: Float64Array; index: Int32Array } {
  const map = new Map<number, number>();
  const index = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let at = map.get(values[i]!);
    if (at === undefined) {
      at = map.size;
      map.set(values[i]!, at);
    }
    index[i] = at;
  }
  return { distinct: Float64Array.from(map.keys()), index };
}

/** Group identical (x, t_x, T) triples: the likelihood's cost then scales with distinct triples. */
export function groupSummary(rows: readonly { x: number; tx: number; T: number }[]): FrequencyRecency {
  // Numeric key: x < 2^20 purchase days, t_x and T as exact doubles of whole days / unit.
  const index = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const w: number[] = [];
  for (const row of rows) {
    const key = `${row.x}|${row.tx}|${row.T}`;
    const at = index.get(key);
    if (at !== undefined) w[at]!++;
    else {
      index.set(key, x.length);
      x.push(row.x);
      tx.push(row.tx);
      T.push(row.T);
      w.push(1);
    }
  }
  const xs = Float64Array.from(x);
  const txs = Float64Array.from(tx);
  const Ts = Float64Array.from(T);
  const xi = indexOf(xs);
  const txi = indexOf(txs);
  const Ti = indexOf(Ts);
  return {
    x: xs,
    tx: txs,
    T: Ts,
    weight: Float64Array.from(w),
    xValues: xi.distinct,
    txValues: txi.distinct,
    TValues: Ti.distinct,
    xIndex: xi.index,
    txIndex: txi.index,
    TIndex: Ti.index,
  };
}

/**
 * Sum of the customers' log-likelihoods (Fader, Hardie & Lee 2005, eq. 6, in logs; Fader & Hardie
 * 2013 for the stable form). Terms that depend on x, t_x or T alone are computed once per distinct
 * value, so one evaluation costs about one exp and one log1p per distinct triple.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, data: FrequencyRecency): number {
  const { r, alpha, a, b } = p;
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const lnA = Math.log(a);
  const rLnAlpha = r * Math.log(alpha);
  const nx = data.xValues.length;
  const head = new Float64Array(nx);
  const drop = new Float64Array(nx);
  for (let k = 0; k < nx; k++) {
    const x = data.xValues[k]!;
    head[k] = logGamma(r + x) - lgR + rLnAlpha + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x);
    drop[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
  }
  const lnT = data.TValues.map((T) => Math.log(alpha + T));
  const lnTx = data.txValues.map((tx) => Math.log(alpha + tx));
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]!;
    const k = data.xIndex[i]!;
    const stay = -(r + x) * lnT[data.TIndex[i]!]!;
    let ll = stay;
    if (x > 0) {
      // ln(e^stay + e^left) = max + log1p(e^(min − max)).
      const left = drop[k]! - (r + x) * lnTx[data.txIndex[i]!]!;
      ll = left > stay ? left + Math.log1p(Math.exp(stay - left)) : stay + Math.log1p(Math.exp(left - stay));
    }
    total += data.weight[i]! * (head[k]! + ll);
  }
  return total;
}

/** Bound on the log-parameters during the fit. */
export const LOG_BOUND = 18;

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  converged: boolean;
  evaluations: number;
  restarts: number;
}

/** Maximum likelihood in log-parameter space (Nelder–Mead with restarts), from r = α = a = b = 1. */
export function fitBgNbd(
  data: FrequencyRecency,
  options: MinimizeOptions & { start?: BgNbdParams } = {},
): BgNbdFit {
  const s = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  const toParams = (v: readonly number[]): BgNbdParams => ({
    r: Math.exp(v[0]!),
    alpha: Math.exp(v[1]!),
    a: Math.exp(v[2]!),
    b: Math.exp(v[3]!),
  });
  const result = minimize(
    // Parameters within e^±18: a base that fits a pure Poisson drives r and α to infinity together.
    (v) => (v.some((p) => Math.abs(p) > LOG_BOUND) ? Infinity : -bgnbdLogLikelihood(toParams(v), data)),
    [Math.log(s.r), Math.log(s.alpha), Math.log(s.a), Math.log(s.b)],
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

/** P(alive | x, t_x, T) (Fader, Hardie & Lee 2005, eq. 11); 1 when x = 0 (the model's convention). */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** (a + b + x − 1)/(a − 1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))], robust near a = 1. */
function expectationCore(p: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  if (t <= 0) return 0;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const f = signedLogHyp2f1(r + x, b + x, c, z);
  const logPart = (r + x) * Math.log((alpha + T) / (alpha + T + t)) + f.log;
  // 1 − e^logPart without cancellation (the hypergeometric factor is negative only when c < 0).
  return (c / (a - 1)) * (f.sign > 0 ? -Math.expm1(logPart) : 1 + Math.exp(logPart));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t units (Fader, Hardie & Lee 2005, eq. 10).
 */
export function conditionalExpectedPurchases(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const numerator = expectationCore(p, x, T, t);
  if (x === 0) return numerator;
  const odds = Math.exp(Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx)));
  return numerator / (1 + odds);
}

/** E[X(t)]: expected repeat purchases of a new customer in their first t units (eq. 9). */
export function expectedPurchases(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const f = signedLogHyp2f1(r, b, a + b - 1, t / (alpha + t));
  const logPart = r * Math.log(alpha / (alpha + t)) + f.log;
  return ((a + b - 1) / (a - 1)) * (f.sign > 0 ? -Math.expm1(logPart) : 1 + Math.exp(logPart));
}
