/**
 * Exponential smoothing forecasts (issue 16): additive Holt-Winters with a damped trend
 * (ETS(A,Ad,A)) when the history holds at least two full seasons, Holt's damped linear trend
 * (ETS(A,Ad,N)) when it holds at least 4 points, else the last value (naive). Smoothing parameters
 * minimise the one-step squared error (Nelder–Mead on logit-transformed parameters); 95 % prediction
 * intervals from the one-step error variance with the ETS(A,A,A) h-step variance factors
 * (Hyndman, Koehler, Ord & Snyder, "Forecasting with Exponential Smoothing", 2008, table 6.1 class 1:
 * 1 + Σ_{j<h} (α + αβj + γ·[j mod m = 0])², the damped trend approximated by its undamped factor).
 */
import { minimize } from '../clv/nelder-mead.ts';

export type ForecastMethod = 'holt_winters' | 'holt' | 'naive';

export interface ForecastFit {
  method: ForecastMethod;
  /** Season length used (0 = none). */
  season: number;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  /** Standard deviation of the one-step errors in the history. */
  sigma: number;
  /** One-step fitted values for the history (fitted[t] forecasts y[t] from y[0..t−1]; NaN before the start). */
  fitted: number[];
}

export interface ForecastPoint {
  forecast: number;
  lower: number;
  upper: number;
}

const Z95 = 1.959963984540054;
const logistic = (v: number) => 1 / (1 + Math.exp(-v));

interface State {
  level: number;
  trend: number;
  seasonal: number[];
}

function initial(y: readonly number[], m: number): State {
  if (m === 0) return { level: y[0]!, trend: y.length > 1 ? y[1]! - y[0]! : 0, seasonal: [] };
  const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const first = mean(y.slice(0, m));
  const second = mean(y.slice(m, 2 * m));
  return { level: first, trend: (second - first) / m, seasonal: y.slice(0, m).map((v) => v - first) };
}

/** Run the recursions; returns the one-step fitted values, the SSE and the final state. */
function run(y: readonly number[], m: number, alpha: number, beta: number, gamma: number, phi: number) {
  const s = initial(y, m);
  const start = m > 0 ? m : 1;
  const fitted: number[] = new Array<number>(y.length).fill(Number.NaN);
  let sse = 0;
  let level = m > 0 ? s.level : y[0]!;
  let trend = s.trend;
  const seasonal = s.seasonal.slice();
  for (let t = start; t < y.length; t++) {
    const season = m > 0 ? seasonal[t % m]! : 0;
    const f = level + phi * trend + season;
    fitted[t] = f;
    const e = y[t]! - f;
    sse += e * e;
    const prevLevel = level;
    level = prevLevel + phi * trend + alpha * e;
    trend = phi * trend + alpha * beta * e;
    if (m > 0) seasonal[t % m] = season + gamma * (1 - alpha) * e;
  }
  return { fitted, sse, n: y.length - start, level, trend, seasonal };
}

/** The method the history allows for season length `season` (0 = none). */
export function methodFor(length: number, season: number): ForecastMethod {
  if (season > 1 && length >= 2 * season + 2) return 'holt_winters';
  if (length >= 4) return 'holt';
  return 'naive';
}

export function fitForecast(y: readonly number[], season: number): ForecastFit {
  const method = methodFor(y.length, season);
  if (method === 'naive' || y.every((v) => v === y[0])) {
    const fitted = y.map((_, t) => (t === 0 ? Number.NaN : y[t - 1]!));
    const errors = y.slice(1).map((v, t) => v - y[t]!);
    const sigma = errors.length ? Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length) : 0;
    return { method: 'naive', season: 0, alpha: 1, beta: 0, gamma: 0, phi: 1, sigma, fitted };
  }
  const m = method === 'holt_winters' ? season : 0;
  // α, β, γ in (0, 1) and φ in (0.8, 0.98), as in common ETS implementations.
  const params = (v: readonly number[]) => ({
    alpha: logistic(v[0]!),
    beta: logistic(v[1]!),
    gamma: m > 0 ? logistic(v[2]!) : 0,
    phi: 0.8 + 0.18 * logistic(v[3] ?? 0),
  });
  const result = minimize(
    (v) => {
      const p = params(v);
      return run(y, m, p.alpha, p.beta, p.gamma, p.phi).sse;
    },
    [0, -2, -2, 1],
    { maxEvaluations: 2000, maxRestarts: 3 },
  );
  const p = params(result.x);
  const r = run(y, m, p.alpha, p.beta, p.gamma, p.phi);
  return { method, season: m, ...p, sigma: Math.sqrt(r.sse / Math.max(1, r.n)), fitted: r.fitted };
}

/** Forecasts 1..h periods after the history, with 95 % intervals. */
export function forecastAhead(y: readonly number[], fit: ForecastFit, h: number): ForecastPoint[] {
  if (fit.method === 'naive') {
    const last = y[y.length - 1] ?? 0;
    return Array.from({ length: h }, (_, i) => {
      const half = Z95 * fit.sigma * Math.sqrt(i + 1);
      return { forecast: last, lower: last - half, upper: last + half };
    });
  }
  const m = fit.season;
  const r = run(y, m, fit.alpha, fit.beta, fit.gamma, fit.phi);
  const out: ForecastPoint[] = [];
  let damp = 0;
  let factor = 1;
  for (let k = 1; k <= h; k++) {
    damp += fit.phi ** k;
    const season = m > 0 ? r.seasonal[(y.length + k - 1) % m]! : 0;
    const forecast = r.level + damp * r.trend + season;
    if (k > 1) {
      const j = k - 1;
      const c = fit.alpha + fit.alpha * fit.beta * j + (m > 0 && j % m === 0 ? fit.gamma : 0);
      factor += c * c;
    }
    const half = Z95 * fit.sigma * Math.sqrt(factor);
    out.push({ forecast, lower: forecast - half, upper: forecast + half });
  }
  return out;
}

/** Seasonal-naive forecast of y[t]: y[t − m] (y[t − 1] without a season). */
export function seasonalNaive(y: readonly number[], t: number, season: number): number | null {
  const lag = season > 1 && t - season >= 0 ? season : 1;
  return t - lag >= 0 ? y[t - lag]! : null;
}

export interface Accuracy {
  /** Mean absolute percentage error over points with a non-zero actual (null: none). */
  mape: number | null;
  /** Symmetric MAPE: mean of 2|F − A| / (|A| + |F|) (0 when both are 0). */
  smape: number | null;
}

export function accuracy(pairs: readonly { actual: number; forecast: number }[]): Accuracy {
  const nonZero = pairs.filter((p) => p.actual !== 0);
  const mape = nonZero.length
    ? nonZero.reduce((s, p) => s + Math.abs((p.forecast - p.actual) / p.actual), 0) / nonZero.length
    : null;
  const smape = pairs.length
    ? pairs.reduce((s, p) => {
        const d = Math.abs(p.actual) + Math.abs(p.forecast);
        return s + (d === 0 ? 0 : (2 * Math.abs(p.forecast - p.actual)) / d);
      }, 0) / pairs.length
    : null;
  return { mape, smape };
}
