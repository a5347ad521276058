/**
 * The CLV computation (issue 16), pure: the per-customer summary in, the fitted BG/NBD and Gamma-Gamma
 * models, each customer's predictions and the model checks out. Runs in the engine worker (app) or
 * in Node (CLI), never on the main thread (src/engine/run-compute.ts drives it).
 */
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  groupSummary,
  probabilityAlive,
  type BgNbdFit,
} from './bgnbd.ts';
import {
  conditionalExpectedValue,
  fitGammaGamma,
  frequencySpendCorrelation,
  type GammaGammaFit,
} from './gamma-gamma.ts';
import type { ClvConfig } from './clv-config.ts';

/** Days in one CLV month. */
export const MONTH_DAYS = 30;
/** |corr(x, m_x)| above this makes the Gamma-Gamma independence assumption doubtful. */
export const SPEND_CORRELATION_WARNING = 0.3;
/** Fewer customers than this with repeat purchases: the models are not fitted. */
export const MIN_CUSTOMERS = 10;

export interface SummaryRow {
  customer_id: string;
  first_day: string;
  x: number;
  t_x: number;
  T: number;
  monetary_value: number | null;
  x_star: number;
}

export interface ClvMeta {
  cal_end: string;
  data_end: string;
  customers: number;
  customers_used: number;
  customers_after_calibration: number;
  first_purchase_date: string | null;
}

export interface FrequencyBin {
  /** 0..6, or 7 for "7+". */
  x: number;
  customers: number;
  actual: number;
  predicted: number;
}

export interface TrackingPoint {
  /** Week number since the first purchase date of the base (1 = its first 7 days). */
  week: number;
  actual: number;
  predicted: number;
}

export interface ClvModel {
  units: 'weeks' | 'days';
  calibration_end: string;
  data_end: string;
  holdout_units: number;
  customers: {
    total: number;
    used: number;
    set_aside_after_calibration: number;
    with_repeat: number;
    spend_fitted: number;
    spend_set_aside_nonpositive: number;
  };
  bgnbd: { r: number; alpha: number; a: number; b: number; log_likelihood: number } | null;
  gamma_gamma: { p: number; q: number; gamma: number; log_likelihood: number } | null;
  convergence: {
    bgnbd: { converged: boolean; evaluations: number; restarts: number } | null;
    gamma_gamma: { converged: boolean; evaluations: number; restarts: number } | null;
  };
  spend_frequency_correlation: number | null;
  warnings: ClvWarning[];
  settings: ClvConfig;
  checks: { by_frequency: FrequencyBin[]; tracking: TrackingPoint[] };
}

export type ClvWarning =
  | 'too_few_customers'
  | 'too_few_repeaters_for_spend'
  | 'spend_frequency_correlated'
  | 'bgnbd_not_converged'
  | 'gamma_gamma_not_converged'
  | 'no_holdout';

/** Per-customer predictions, column-wise (the worker inserts them as the clv_customers table). */
export interface ClvColumns {
  customer_id: string[];
  x: number[];
  t_x: number[];
  T: number[];
  monetary_value: (number | null)[];
  p_alive: (number | null)[];
  expected_purchases: (number | null)[];
  expected_avg_value: (number | null)[];
  clv: (number | null)[];
  next_purchase_date: (string | null)[];
  x_star: number[];
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface ClvInput {
  rows: readonly SummaryRow[];
  meta: ClvMeta;
  /** Repeat purchase days by day index since meta.first_purchase_date. */
  repeatsByDay: readonly { day_index: number; repeat_days: number }[];
  config: ClvConfig;
  /** Called now and then; throwing stops the computation (Cancel). */
  onProgress?: (fraction: number) => void;
}

export interface ClvOutput {
  model: ClvModel;
  columns: ClvColumns;
}

/** Let the worker's message loop run (a Cancel arrives between slices of work). */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function computeClv(input: ClvInput): Promise<ClvOutput> {
  const { rows, meta, config } = input;
  const unitDays = config.timeUnit === 'week' ? 7 : 1;
  const progress = input.onProgress ?? (() => undefined);
  const warnings: ClvWarning[] = [];
  const repeaters = rows.filter((r) => r.x > 0);
  const spendRows = repeaters.filter((r) => r.monetary_value !== null && r.monetary_value > 0);
  let bg: BgNbdFit | null = null;
  let gg: GammaGammaFit | null = null;
  let correlation: number | null = null;
  if (rows.length >= MIN_CUSTOMERS && repeaters.length > 0) {
    bg = fitBgNbd(groupSummary(rows.map((r) => ({ x: r.x, tx: r.t_x, T: r.T }))), {
      onProgress: (n) => progress(Math.min(0.4, n / 5000)),
    });
    if (!bg.converged) warnings.push('bgnbd_not_converged');
  } else warnings.push('too_few_customers');
  await pause();
  if (spendRows.length >= MIN_CUSTOMERS) {
    const data = {
      x: Float64Array.from(spendRows, (r) => r.x),
      m: Float64Array.from(spendRows, (r) => r.monetary_value!),
    };
    gg = fitGammaGamma(data, { onProgress: (n) => progress(0.4 + Math.min(0.1, n / 5000)) });
    if (!gg.converged) warnings.push('gamma_gamma_not_converged');
    correlation = frequencySpendCorrelation(data);
    if (correlation !== null && Math.abs(correlation) > SPEND_CORRELATION_WARNING)
      warnings.push('spend_frequency_correlated');
  } else warnings.push('too_few_repeaters_for_spend');

  const horizon = config.horizonDays / unitDays;
  const columns: ClvColumns = {
    customer_id: [],
    x: [],
    t_x: [],
    T: [],
    monetary_value: [],
    p_alive: [],
    expected_purchases: [],
    expected_avg_value: [],
    clv: [],
    next_purchase_date: [],
    x_star: [],
  };
  const discount = 1 + config.monthlyDiscount;
  // Everything BG/NBD says about a customer depends on (x, t_x, T) only: computed once per triple.
  // `discounted` = Σ over months of the expected purchases in that month / (1 + d)^month, so that
  // CLV = expected value per purchase × discounted.
  const cache = new Map<string, { alive: number; expected: number; discounted: number }>();
  const perTriple = (r: SummaryRow) => {
    const key = `${r.x}|${r.t_x}|${r.T}`;
    let hit = cache.get(key);
    if (!hit) {
      const p = bg!.params;
      let discounted = 0;
      let before = 0;
      for (let m = 1; m <= config.clvMonths; m++) {
        const upTo = conditionalExpectedPurchases(p, (m * MONTH_DAYS) / unitDays, r.x, r.t_x, r.T);
        discounted += (upTo - before) / discount ** m;
        before = upTo;
      }
      hit = {
        alive: probabilityAlive(p, r.x, r.t_x, r.T),
        expected: conditionalExpectedPurchases(p, horizon, r.x, r.t_x, r.T),
        discounted,
      };
      cache.set(key, hit);
    }
    return hit;
  };
  for (let i = 0; i < rows.length; i++) {
    if (i % 2000 === 0) {
      progress(0.5 + (0.4 * i) / rows.length);
      await pause();
    }
    const r = rows[i]!;
    columns.customer_id.push(r.customer_id);
    columns.x.push(r.x);
    columns.t_x.push(r.t_x);
    columns.T.push(r.T);
    columns.monetary_value.push(r.monetary_value);
    columns.x_star.push(r.x_star);
    if (!bg) {
      columns.p_alive.push(null);
      columns.expected_purchases.push(null);
      columns.expected_avg_value.push(null);
      columns.clv.push(null);
      columns.next_purchase_date.push(null);
      continue;
    }
    const p = bg.params;
    const m = perTriple(r);
    const alive = m.alive;
    columns.p_alive.push(alive);
    columns.expected_purchases.push(m.expected);
    const value = gg
      ? conditionalExpectedValue(
          gg.params,
          r.monetary_value !== null && r.monetary_value > 0 ? r.x : 0,
          r.monetary_value ?? 0,
        )
      : null;
    columns.expected_avg_value.push(value);
    columns.clv.push(value === null ? null : value * m.discounted);
    // The customer's own rate if still active: E[λ | x, T] = (r + x)/(α + T) purchases per unit.
    columns.next_purchase_date.push(
      alive >= config.aliveThreshold
        ? addDays(meta.cal_end, Math.max(1, Math.round((unitDays * (p.alpha + r.T)) / (p.r + r.x))))
        : null,
    );
  }

  const holdoutUnits = daysBetween(meta.cal_end, meta.data_end) / unitDays;
  if (holdoutUnits <= 0) warnings.push('no_holdout');
  const byFrequency: FrequencyBin[] = [];
  if (bg && holdoutUnits > 0) {
    for (let bin = 0; bin <= 7; bin++) {
      const idx = rows.flatMap((r, i) => ((bin < 7 ? r.x === bin : r.x >= 7) ? [i] : []));
      if (idx.length === 0) continue;
      let actual = 0;
      let predicted = 0;
      for (const i of idx) {
        const r = rows[i]!;
        actual += r.x_star;
        predicted += conditionalExpectedPurchases(bg.params, holdoutUnits, r.x, r.t_x, r.T);
      }
      byFrequency.push({
        x: bin,
        customers: idx.length,
        actual: actual / idx.length,
        predicted: predicted / idx.length,
      });
    }
  }
  progress(0.95);
  await pause();
  const tracking: TrackingPoint[] = [];
  if (bg && meta.first_purchase_date) {
    const start = meta.first_purchase_date;
    const firstCounts = new Map<number, number>();
    for (const r of rows) {
      const s = daysBetween(start, r.first_day);
      firstCounts.set(s, (firstCounts.get(s) ?? 0) + 1);
    }
    const weeks = Math.ceil((daysBetween(start, meta.data_end) + 1) / 7);
    const perDay = new Map(input.repeatsByDay.map((d) => [d.day_index, d.repeat_days]));
    let cumulative = 0;
    for (let w = 1; w <= weeks; w++) {
      for (let d = (w - 1) * 7; d < w * 7; d++) cumulative += perDay.get(d) ?? 0;
      let predicted = 0;
      for (const [s, n] of firstCounts) {
        // Days since the first purchase at the end of week w (a purchase on day 7w−1 is inside it).
        const elapsed = w * 7 - 1 - s;
        if (elapsed > 0) predicted += n * expectedPurchases(bg.params, elapsed / unitDays);
      }
      tracking.push({ week: w, actual: cumulative, predicted });
    }
  }
  progress(1);
  const model: ClvModel = {
    units: config.timeUnit === 'week' ? 'weeks' : 'days',
    calibration_end: meta.cal_end,
    data_end: meta.data_end,
    holdout_units: Math.max(0, holdoutUnits),
    customers: {
      total: meta.customers,
      used: rows.length,
      set_aside_after_calibration: meta.customers_after_calibration,
      with_repeat: repeaters.length,
      spend_fitted: spendRows.length,
      spend_set_aside_nonpositive: repeaters.length - spendRows.length,
    },
    bgnbd: bg ? { ...bg.params, log_likelihood: bg.logLikelihood } : null,
    gamma_gamma: gg ? { ...gg.params, log_likelihood: gg.logLikelihood } : null,
    convergence: {
      bgnbd: bg ? { converged: bg.converged, evaluations: bg.evaluations, restarts: bg.restarts } : null,
      gamma_gamma: gg
        ? { converged: gg.converged, evaluations: gg.evaluations, restarts: gg.restarts }
        : null,
    },
    spend_frequency_correlation: correlation,
    warnings,
    settings: config,
    checks: { by_frequency: byFrequency, tracking },
  };
  return { model, columns };
}
